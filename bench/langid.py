"""Language identification: accuracy and speed of each backend on labelled segments.

Our own test set: short segments (3–25 words) drawn at a fixed seed from the
shared benchmarks (English sources and German references of WMT21 TED and
newstest2017, French references of the WMT21 terminology set, detokenised
roughly) plus the German seed articles' sentences. The backend with the better
accuracy is tqcheck's default (tqcheck/text/langid.py).

    .venv/bin/python bench/langid.py [--per-lang 300]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from mqm_data import BENCHMARKS

ROOT = Path(__file__).resolve().parent.parent
BENCH = BENCHMARKS


def segments(per_lang: int) -> list[tuple[str, str]]:
    rng = random.Random(7)
    pools: dict[str, set[str]] = {"en": set(), "de": set(), "fr": set()}
    for line in (BENCH / "wmt-mqm-ende" / "ted2021_ende.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        pools["en"].add(row["source"])
        if row["is_human_translation"]:
            pools["de"].add(row["target"])
    for line in (BENCH / "terminology-ende" / "dinu2019_wmt17_ende.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        pools["en"].add(row["source"])
        pools["de"].add(row["target"])
    for line in (BENCH / "terminology-enfr" / "wmt21_dev_enfr.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["target_kind"] == "reference":
            text = re.sub(r"\s+([,.;:!?)])", r"\1", row["target"])
            pools["fr"].add(re.sub(r"(\w)' (\w)", r"\1'\2", text))
    from tqcheck.model import Document

    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        doc = Document(str(seed), seed.read_text(encoding="utf-8"), "de")
        pools["de"].update(s.text for s in doc.sentences)
    out = []
    for lang, pool in pools.items():
        short = sorted(s for s in pool if 3 <= len(s.split()) <= 25)
        out.extend((lang, s) for s in rng.sample(short, min(per_lang, len(short))))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-lang", type=int, default=300)
    args = ap.parse_args()
    data = segments(args.per_lang)
    from tqcheck.text.langid import BACKENDS

    print(
        f"{len(data)} segments: "
        + ", ".join(
            f"{lang} {sum(1 for code, _ in data if code == lang)}" for lang in ("de", "en", "fr")
        )
    )
    for name, backend in BACKENDS.items():
        t0 = time.perf_counter()
        ident = backend()
        load = time.perf_counter() - t0
        t0 = time.perf_counter()
        answers = [ident.identify(text).lang for _, text in data]
        elapsed = time.perf_counter() - t0
        again = [ident.identify(text).lang for _, text in data[:200]]
        correct = sum(a == lang for a, (lang, _) in zip(answers, data, strict=True))
        stable = again == answers[:200]
        print(
            f"{name:22s} accuracy {correct}/{len(data)} = {correct / len(data):.1%}  "
            f"{1e6 * elapsed / len(data):8.1f} µs/segment  load {load:.2f} s  "
            f"deterministic: {stable}"
        )


if __name__ == "__main__":
    main()
