"""Fit the furniture scorer's weights on the tuning half of bench/data/furniture.jsonl.

The scored detector decides the candidate lines no structural detector claimed; this
script collects those candidates from the *tune* rows only (never the held-out half),
labels each by whether it overlaps a labelled furniture span, fits an L2-regularised
logistic regression (numpy, Newton steps), and picks the threshold: the lowest whose
findings on the error-free tune rows stay within the budget of false findings per 1000
words. ``--write`` puts weights, bias and threshold into tqcheck/resources/furniture.toml.

    .venv/bin/python bench/furniture_fit.py [--budget 0.1] [--l2 1.0] [--write]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqcheck.checks.fluency.furniture import analysis, scoring  # noqa: E402
from tqcheck.checks.fluency.furniture.lexicon import lexicon  # noqa: E402
from tqcheck.evaluation import overlaps, read_rows, row_document  # noqa: E402

DATA = ROOT / "bench" / "data" / "furniture.jsonl"
TOML = ROOT / "tqcheck" / "resources" / "furniture.toml"


def collect() -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, float]:
    rows, problems = read_rows(DATA)
    assert not problems, problems
    rows = [r for r in rows if r.meta.get("split") == "tune"]
    names: list[str] = []
    xs, ys, clean = [], [], []
    clean_words = 0
    for row in rows:
        doc = row_document(row)
        lex = lexicon(doc.lang)
        structural = [(s, e) for det in analysis.STRUCTURAL for s, e, _ in det(doc, lex)]
        body = scoring.body_counts(doc)
        if row.error_free:
            clean_words += doc.word_count
        for c in scoring.candidates(doc):
            if any(s < c.end and c.start < e for s, e in structural):
                continue
            f = scoring.features(c, lex, body)
            assert f is not None
            names = names or sorted(f.values)
            xs.append([f.values[k] for k in names])
            ys.append(any(overlaps(c.start, c.end, sp) for sp in row.errors))
            clean.append(row.error_free)
    return names, np.array(xs), np.array(ys, dtype=float), np.array(clean), clean_words


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", type=float, default=0.1, help="false findings per 1000 words")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    names, x, y, clean, clean_words = collect()
    w, b = fit(x, y, args.l2)
    p = 1 / (1 + np.exp(-(x @ w + b)))
    chosen = 0.99
    for t in np.arange(0.20, 0.99, 0.01):
        fa = int(((p >= t) & clean).sum())
        if 1000 * fa / clean_words <= args.budget:
            chosen = float(round(t, 2))
            break
    hit = (p >= chosen) & (y == 1)
    print(f"tune candidates {len(y)} (furniture {int(y.sum())}), clean words {clean_words}")
    print(
        f"threshold {chosen}: recall of scorer candidates {hit.sum() / max(y.sum(), 1):.3f}, "
        f"false findings on clean rows {int(((p >= chosen) & clean).sum())}"
    )
    for k, v in sorted(zip(names, w, strict=True), key=lambda kv: -abs(kv[1])):
        print(f"  {k:15} {v:+.2f}")
    print(f"  {'bias':15} {b:+.2f}")
    if args.write:
        # A feature the tune rows never show (repetition across a batch: every line of
        # the set is placed once) keeps its prior weight instead of the fit's zero.
        prior = scoring.common()["scorer"]["weights"]
        fitted = {
            k: (v if x[:, i].std() > 0 else prior.get(k, 0.0))
            for i, (k, v) in enumerate(zip(names, w, strict=True))
        }
        weights = ", ".join(f"{k} = {v:.3f}" for k, v in fitted.items())
        block = f"[scorer]\nbias = {b:.3f}\nthreshold = {chosen}\nweights = {{ {weights} }}\n"
        text = TOML.read_text(encoding="utf-8")
        TOML.write_text(re.sub(r"\[scorer\]\n(?:.*\n)*", block, text), encoding="utf-8")
        print(f"written to {TOML}")


if __name__ == "__main__":
    main()
