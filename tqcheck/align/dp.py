"""Monotonic sentence alignment by dynamic programming (the Vecalign/Bertalign recipe).

Every sentence is covered exactly once by a link of type 1-1, 1-2, 2-1, 1-0 or
0-1. A link's score is its normalised similarity times a length agreement
factor, weighted by how many sentences it covers; an unlinked sentence scores
``skip``. The best path maximises the total. Rows are vectorised with numpy:
the 0-1 chains within a row are a running maximum, so a 500x500 document
aligns in milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# (source sentences, target sentences) per move; index = move code in the backpointers.
MOVES = ((1, 1), (1, 0), (1, 2), (2, 1), (0, 1))
SKIP = 0.15  # per unlinked sentence, on the normalised scale where a good pair is 1.0
# A 1-2 or 2-1 link covers three sentences, so it is worth more than a 1-1 link, but
# less than 3/2: a short sentence merged into a long one barely moves the joined
# embedding, and must not hide an omission or addition.
MANY = 1.3
JOIN_SLACK = 0.03  # how much a joined side may lose against its better half


@dataclass(frozen=True)
class Scores:
    """Raw similarities for every candidate link and the scale that normalises them.

    ``s11[i, j]``: source i with target j; ``s12[i, j]``: source i with targets
    j..j+1; ``s21[i, j]``: sources i..i+1 with target j. ``low`` is what an
    unrelated pair scores, ``high`` what a translation scores.
    """

    s11: np.ndarray
    s12: np.ndarray
    s21: np.ndarray
    low: float
    high: float


def length_agreement(src_len: np.ndarray, tgt_len: np.ndarray, ratio: float) -> np.ndarray:
    """1.0 when the target is ``ratio`` times the source, falling as they diverge."""
    import numpy as np

    a = np.maximum(src_len * ratio, 1.0)
    b = np.maximum(tgt_len, 1.0)
    return np.log2(1.0 + np.minimum(a, b) / np.maximum(a, b))


def align(
    src_lens: list[int], tgt_lens: list[int], scores: Scores, skip: float = SKIP
) -> list[tuple[tuple[int, ...], tuple[int, ...], float | None]]:
    """Best monotonic links as (source indices, target indices, raw similarity or None)."""
    import numpy as np

    n, m = len(src_lens), len(tgt_lens)
    if n == 0 or m == 0:
        return [((i,), (), None) for i in range(n)] + [((), (j,), None) for j in range(m)]
    sl = np.asarray(src_lens, dtype=np.float64)
    tl = np.asarray(tgt_lens, dtype=np.float64)
    ratio = float(np.clip(tl.sum() / max(sl.sum(), 1.0), 0.4, 2.5))
    span = max(scores.high - scores.low, 0.05)

    def norm(raw: np.ndarray) -> np.ndarray:
        return np.clip((raw - scores.low) / span, -1.0, 1.5)

    w11 = norm(scores.s11) * length_agreement(sl[:, None], tl[None, :], ratio)
    w12 = w21 = None
    if m > 1:
        tl2 = tl[:-1] + tl[1:]
        w12 = MANY * norm(scores.s12) * length_agreement(sl[:, None], tl2[None, :], ratio)
        # A sentence that belongs to a split raises the joined similarity; one that
        # lowers it is merged in only to hide an omission or addition elsewhere.
        alone = np.maximum(scores.s11[:, :-1], scores.s11[:, 1:])
        w12 = np.where(scores.s12 >= alone - JOIN_SLACK, w12, -np.inf)
    if n > 1:
        sl2 = sl[:-1] + sl[1:]
        w21 = MANY * norm(scores.s21) * length_agreement(sl2[:, None], tl[None, :], ratio)
        alone = np.maximum(scores.s11[:-1, :], scores.s11[1:, :])
        w21 = np.where(scores.s21 >= alone - JOIN_SLACK, w21, -np.inf)

    neg = -1e18
    best = np.full((n + 1, m + 1), neg)
    back = np.zeros((n + 1, m + 1), dtype=np.int8)
    k = np.arange(m + 1, dtype=np.float64)
    best[0] = k * skip
    back[0, 1:] = 4
    for i in range(1, n + 1):
        cand = np.full((5, m + 1), neg)
        cand[0, 1:] = best[i - 1, :-1] + w11[i - 1]
        cand[1] = best[i - 1] + skip
        if w12 is not None:
            cand[2, 2:] = best[i - 1, :-2] + w12[i - 1]
        if w21 is not None and i >= 2:
            cand[3, 1:] = best[i - 2, :-1] + w21[i - 2]
        move = cand[:4].argmax(axis=0)
        top = cand[:4].max(axis=0)
        run = np.maximum.accumulate(top - k * skip) + k * skip
        chained = run > top + 1e-12
        best[i] = np.where(chained, run, top)
        back[i] = np.where(chained, 4, move)
    links: list[tuple[tuple[int, ...], tuple[int, ...], float | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = MOVES[int(back[i, j])]
        src = tuple(range(i - a, i))
        tgt = tuple(range(j - b, j))
        raw: float | None = None
        if (a, b) == (1, 1):
            raw = float(scores.s11[i - 1, j - 1])
        elif (a, b) == (1, 2):
            raw = float(scores.s12[i - 1, j - 2])
        elif (a, b) == (2, 1):
            raw = float(scores.s21[i - 2, j - 1])
        links.append((src, tgt, raw))
        i, j = i - a, j - b
    links.reverse()
    return links
