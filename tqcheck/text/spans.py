"""Spans looked up by range: which of them meet [lo, hi).

Per-sentence questions ("which quotations touch this sentence?") asked by scanning every
span of the document are quadratic in a long document; a bisection on the spans' starts
answers each in the time of its own hits.
"""

from __future__ import annotations

import bisect
import itertools


class Spans:
    """Spans, sorted by start; they may overlap or nest (quotations and masked regions)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _e in self.spans]
        # the furthest end so far, per index: a long span that starts early may still reach
        self.reach = list(itertools.accumulate((e for _s, e in self.spans), max))

    def meeting(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans with start < hi and end > lo, in order."""
        k = bisect.bisect_left(self.starts, hi)  # spans[:k] start before hi
        j = bisect.bisect_right(self.reach, lo)  # spans[:j] all end at or before lo
        return [span for span in self.spans[j:k] if span[1] > lo]
