"""The development sets of bench/data, both halves, per language: the figures of issue 10.

For each detector its labelled set is scanned with ``tqcheck eval``'s library (the same
code as the command) and split into the tuning and the held-out half (split by origin:
site, document, talk). Printed per half and language:

- furniture (FL003-FL007) on bench/data/furniture.jsonl: recall of the labelled lines,
  false findings per 1000 words on the error-free article rows (own articles and the
  human references of ../shared/benchmarks), labelled hard negatives hit;
- doubled words (FL002) on bench/data/doubles.jsonl: recall, grammatical doubles reported;
- foreign fragments (FL020) on bench/data/fragments.jsonl: recall, kept names and
  loanwords reported; and findings per 1000 words on the human references (WMT MQM
  German references and their English sources, joined into documents).

    .venv/bin/python bench/dev_sets.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mqm_data import BENCHMARKS, load  # noqa: E402

from tqcheck import registry  # noqa: E402
from tqcheck.config import Config  # noqa: E402
from tqcheck.evaluation import Row, evaluate, read_rows  # noqa: E402

DATA = ROOT / "bench" / "data"
SETS = {
    "furniture": ("furniture.jsonl", "FL003,FL004,FL005,FL006,FL007", "Fluency/Page furniture"),
    "doubled words": ("doubles.jsonl", "FL002", "Fluency/Duplication"),
    "foreign fragments": ("fragments.jsonl", "FL020", "Accuracy/Source language fragment"),
}


def human_reference_rows() -> list[Row]:
    """German human references and their English sources, one row per document."""
    units = load()
    docs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for unit in units.values():
        if unit["system"] in ("ref", "refA"):
            docs[(unit["dataset"], unit["doc"])].append(unit)
    rows = []
    for (dataset, doc), segs in sorted(docs.items()):
        segs.sort(key=lambda u: u["doc_seg"])
        for lang, side in (("de", "target"), ("en", "source")):
            text = "\n\n".join(u[side] for u in segs)
            rows.append(
                Row(
                    id=f"{dataset}/{doc}/{lang}",
                    target=text,
                    lang=lang,
                    errors=[],
                    meta={"lang": lang, "origin": doc},
                    clean_raters=1,
                )
            )
    return rows


def figures(rows: list[Row], codes: str, category: str) -> dict[str, dict]:
    cfg = Config(select=codes.split(",")).validate()
    checks = registry.select(registry.all_checks(), cfg.select)
    out = {}
    for half in ("tune", "heldout"):
        for lang in ("all", "de", "en", "fr"):
            sub = [r for r in rows if r.meta.get("split") == half and lang in ("all", r.lang)]
            if not sub:
                continue
            g = evaluate(sub, checks, cfg)["groups"]["all"]
            cat = g["categories"].get(category, {})
            out[f"{half}/{lang}"] = {
                "spans": cat.get("spans", 0),
                "recall": cat.get("recall"),
                "error_free_words": g["error_free_words"],
                "per_1000_words_error_free": g["per_1000_words_error_free"],
                "negatives": g["negatives"],
                "negatives_hit": g["negatives_hit"],
            }
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    started = time.perf_counter()
    results: dict[str, dict] = {}
    for name, (file, codes, category) in SETS.items():
        rows, problems = read_rows(DATA / file)
        assert not problems, problems
        results[name] = figures(rows, codes, category)
    human = human_reference_rows() if BENCHMARKS.is_dir() else []
    if human:
        cfg = Config(select=["FL020"]).validate()
        checks = registry.select(registry.all_checks(), cfg.select)
        g = evaluate(human, checks, cfg)["groups"]["all"]
        results["foreign fragments"]["human references"] = {
            "words": g["words"],
            "findings": g["findings"],
            "per_1000_words": g["per_1000_words_error_free"],
        }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, res in results.items():
        print(f"\n{name}")
        print(
            f"  {'half/lang':14} {'spans':>6} {'recall':>7} {'clean words':>11} "
            f"{'per 1000w':>9} {'negatives hit':>14}"
        )
        for key, r in res.items():
            if key == "human references":
                print(
                    f"  human references: {r['findings']} findings in {r['words']} words = "
                    f"{r['per_1000_words']} per 1000 words"
                )
                continue
            rec = "-" if r["recall"] is None else f"{100 * r['recall']:.1f}%"
            per = (
                "-"
                if r["per_1000_words_error_free"] is None
                else (f"{r['per_1000_words_error_free']:.2f}")
            )
            print(
                f"  {key:14} {r['spans']:>6} {rec:>7} {r['error_free_words']:>11} {per:>9} "
                f"{r['negatives_hit']:>6} of {r['negatives']:<5}"
            )
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
