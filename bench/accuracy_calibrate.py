"""Measure the priors the accuracy checks start from, per model and language pair.

Human reference translations that are not in the MQM benchmark:
- en-de: newstest2017 sentences with their WMT17 references (the Dinu et al. 2019
  terminology subsets, ../shared/benchmarks/terminology-ende/, deduplicated by line);
- en-fr: the WMT21 terminology dev set, TICO-19 COVID texts, references only
  (../shared/benchmarks/terminology-enfr/; tokenised and truecased as distributed,
  which lowers similarity a little).

Printed per pair, to compare with the constants in the code:
- similarity of the aligned reference pairs, median and MAD
  (``checks/accuracy/calibration.py`` SIMILARITY_PRIORS, AC001's prior);
- similarity of random pairings (an unrelated pair), median, and of the
  translations, median (``align/scoring.py`` PRIORS: the aligner's low/high scale);
- log(target chars / source chars), median and MAD (LENGTH_PRIORS, AC007's prior);
- ROC-AUC of translation vs random pairing, and encoding speed.

    .venv/bin/python bench/accuracy_calibrate.py [--model NAME] [--limit 1500]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import time

from mqm_data import BENCHMARKS

SETS = {
    "en-de": BENCHMARKS / "terminology-ende/dinu2019_wmt17_ende.jsonl",
    "en-fr": BENCHMARKS / "terminology-enfr/wmt21_dev_enfr.jsonl",
}


def pairs(pair: str, limit: int) -> list[tuple[str, str]]:
    seen: set[str] = set()
    out = []
    for line in SETS[pair].open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("target_kind") != "reference" or row["source"] in seen:
            continue
        seen.add(row["source"])
        out.append((row["source"], row["target"]))
    random.Random(17).shuffle(out)
    return out[:limit]


def median_mad(values: list[float]) -> tuple[float, float]:
    med = statistics.median(values)
    return med, statistics.median(abs(v - med) for v in values)


def auc(pos: list[float], neg: list[float]) -> float:
    ranked = sorted([(v, 1) for v in pos] + [(v, 0) for v in neg])
    rank_sum = sum(i + 1 for i, (_v, label) in enumerate(ranked) if label)
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--limit", type=int, default=1500)
    args = ap.parse_args()

    import numpy as np

    from tqcheck.align.scoring import PRIORS
    from tqcheck.checks.accuracy.calibration import LENGTH_PRIORS, similarity_prior
    from tqcheck.embed import get_embedder

    model = get_embedder(args.model)
    t = time.perf_counter()
    model.prepare()
    print(f"model {model.name} ({model.fingerprint}), loaded in {time.perf_counter() - t:.1f} s")
    for pair in SETS:
        data = pairs(pair, args.limit)
        src = [s for s, _ in data]
        tgt = [t for _, t in data]
        t = time.perf_counter()
        es, et = model.encode(src), model.encode(tgt)
        speed = 2 * len(data) / (time.perf_counter() - t)
        good = np.einsum("ij,ij->i", es, et).tolist()
        shuffled = np.roll(et, 7, axis=0)
        random_pairs = np.einsum("ij,ij->i", es, shuffled).tolist()
        ratios = [math.log((len(b) + 5) / (len(a) + 5)) for a, b in data]
        med, mad = median_mad(good)
        rmed, _ = median_mad(random_pairs)
        lmed, lmad = median_mad(ratios)
        code_sim = similarity_prior(model.fingerprint, *pair.split("-"))
        code_length = LENGTH_PRIORS.get(tuple(pair.split("-")))  # type: ignore[call-overload]
        print(
            f"\n{pair}: {len(data)} reference pairs ({SETS[pair].name}); "
            f"{speed:,.0f} sentences/s encoded"
        )
        print(
            f"  translation similarity: median {med:.3f}, MAD {mad:.3f}, "
            f"5th percentile {np.percentile(good, 5):.3f}   (code: {code_sim})"
        )
        print(
            f"  random pairing: median {rmed:.3f}; aligner scale low/high {rmed:.2f}/{med:.2f}"
            f"   (code: {PRIORS.get(model.fingerprint)})"
        )
        print(f"  ROC-AUC translation vs random pairing: {auc(good, random_pairs):.3f}")
        print(
            f"  log length ratio: median {lmed:.3f} (x{math.exp(lmed):.2f}), MAD {lmad:.3f}"
            f"   (code: {code_length})"
        )


if __name__ == "__main__":
    main()
