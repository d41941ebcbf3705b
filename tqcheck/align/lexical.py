"""A model-free similarity for the aligner: shared numbers, names and cognates.

Used when no embedding model is available (or ``model = "none"``), so the
rule-based accuracy checks can still compare aligned sentences. It knows
nothing of meaning: sentences without shared anchors score a neutral 0.5 and
length decides, which is Gale and Church's insight.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from tqcheck.align.dp import Scores

NEUTRAL = 0.5
SKIP = 0.05  # without meaning, leave a sentence unlinked only when length insists
_NUM_RE = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_NOT_DIGIT_RE = re.compile(r"\D")


def anchors(text: str) -> frozenset[str]:
    """Language-neutral keys: digit strings, and 5-letter stems of longer words."""
    keys = {"#" + _NOT_DIGIT_RE.sub("", m.group()) for m in _NUM_RE.finditer(text)}
    for m in _WORD_RE.finditer(text):
        word = m.group().lower()
        if len(word) >= 5:
            keys.add(word[:5])
        elif len(word) >= 2 and m.group().isupper():
            keys.add(word)  # acronyms: NATO, EU, UN
    for mark in "?!%€$£":
        if mark in text:
            keys.add(mark)
    return frozenset(keys)


def _matrix(a: list[frozenset[str]], b: list[frozenset[str]]) -> np.ndarray:
    import numpy as np

    out = np.full((len(a), len(b)), NEUTRAL, dtype=np.float32)
    for i, x in enumerate(a):
        if not x:
            continue
        for j, y in enumerate(b):
            if y:
                out[i, j] = _score(x, y)
    return out


def _score(x: frozenset[str], y: frozenset[str]) -> float:
    """Two sentences' anchors compared: neutral, raised by shared ones, lowered by none."""
    if not x or not y:
        return NEUTRAL
    shared = len(x & y)
    return NEUTRAL + 0.5 * shared / (len(x) * len(y)) ** 0.5 - (0.1 if not shared else 0.0)


def pair_score(src: str, tgt: str) -> float:
    """The similarity of one sentence pair, as ``lexical_scores`` gives it (in float32, as
    its matrix holds it), without building three matrices for a pair."""
    import numpy as np

    return float(np.float32(_score(anchors(src), anchors(tgt))))


def lexical_scores(src: list[str], tgt: list[str]) -> Scores:
    import numpy as np

    from tqcheck.align.dp import Scores

    sa = [anchors(t) for t in src]
    ta = [anchors(t) for t in tgt]
    s2 = [sa[i] | sa[i + 1] for i in range(len(sa) - 1)]
    t2 = [ta[j] | ta[j + 1] for j in range(len(ta) - 1)]
    empty = np.zeros((0, 0), dtype=np.float32)
    return Scores(
        s11=_matrix(sa, ta),
        s12=_matrix(sa, t2) if t2 else empty,
        s21=_matrix(s2, ta) if s2 else empty,
        low=0.0,
        high=1.0,
    )
