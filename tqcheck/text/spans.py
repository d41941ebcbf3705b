"""Sorted, non-overlapping spans looked up by range: which of them meet [lo, hi).

Per-sentence questions ("which quotations touch this sentence?") asked by scanning every
span of the document are quadratic in a long document; a bisection on the spans' starts
answers each in the time of its own hits.
"""

from __future__ import annotations

import bisect


class Spans:
    """Spans in text order (sorted by start, none inside another's range)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _e in self.spans]
        self.ends = [e for _s, e in self.spans]
        # the longest span so far, per index: a long span that starts early may still reach
        self.reach = list(_running_max(self.ends))

    def meeting(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans with start < hi and end > lo, in order."""
        k = bisect.bisect_left(self.starts, hi)  # spans[:k] start before hi
        j = bisect.bisect_right(self.reach, lo)  # spans[:j] all end at or before lo
        return [span for span in self.spans[j:k] if span[1] > lo]


def _running_max(values: list[int]) -> list[int]:
    out, best = [], -1
    for v in values:
        best = max(best, v)
        out.append(best)
    return out
