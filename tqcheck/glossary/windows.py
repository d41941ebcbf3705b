"""Where in the target to look for the translation of a source term.

A missing-term check must not demand the term in the whole document (that
hides omissions) nor in exactly one sentence (sentence splits differ between
languages). So a source position maps to a *window* of target sentences:

- a short document (``SHORT`` sentences or fewer on either side): the whole target;
- when ``tqcheck.align`` is present (the accuracy family's sentence aligner,
  run without a model so a glossary-only scan loads none): the target sentences
  of the link holding the source sentence, widened by one link either side;
- otherwise: the proportional position, widened by ``SPREAD`` sentences.

``home`` is the target sentence reported when the term is missing.
"""

from __future__ import annotations

import bisect
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.model import Document

SHORT = 3
SPREAD = 2


@dataclass(frozen=True)
class Window:
    start: int
    end: int
    home: tuple[int, int]


# Per target document: (source sentence starts, target spans per source sentence) links.
_LINKS: weakref.WeakKeyDictionary[Document, list[tuple[int, int, list[tuple[int, int]]]]] = (
    weakref.WeakKeyDictionary()
)


def window(doc: Document, source_offset: int) -> Window | None:
    """The target window for a source position; None when the aligner says the source
    sentence has no counterpart (an omitted sentence is the accuracy checks' finding)."""
    if doc.source is None:
        return None
    target, source, source_starts = _spans(doc)
    i = max(bisect.bisect_right(source_starts, source_offset) - 1, 0)
    if len(source) <= SHORT or len(target) <= SHORT:
        # the target sentences in the source sentence's share of the text: one sentence
        # split in two ("…, the echo of coach X …" / "Das Echo des Trainers X …") is both
        lo = min(len(target) - 1, i * len(target) // len(source))
        hi = min(len(target) - 1, max(lo, ((i + 1) * len(target) - 1) // len(source)))
        return Window(0, len(doc.text), (target[lo][0], target[hi][1]))
    links = _aligned_links(doc)
    if links is not None:
        k = max(bisect.bisect_right(_link_starts(doc, links), source_offset) - 1, 0)
        spans = links[k][2]
        if not spans:
            return None
        around = [t for link in links[max(k - 1, 0) : k + 2] for t in link[2]]
        return Window(
            min(s for s, _ in around), max(e for _, e in around), (spans[0][0], spans[-1][1])
        )
    j = min(len(target) - 1, round(i * len(target) / len(source)))
    lo, hi = max(j - SPREAD, 0), min(j + SPREAD, len(target) - 1)
    return Window(target[lo][0], target[hi][1], target[j])


_SPANS: weakref.WeakKeyDictionary[
    Document, tuple[list[tuple[int, int]], list[tuple[int, int]], list[int]]
] = weakref.WeakKeyDictionary()
_LINK_STARTS: weakref.WeakKeyDictionary[Document, list[int]] = weakref.WeakKeyDictionary()


def _spans(doc: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int]]:
    """Target and source sentence spans and the source starts, once per document (a
    window is asked for every name and term: rebuilding them each time was quadratic)."""
    if doc not in _SPANS:
        assert doc.source is not None
        target = [(s.start, s.end) for s in doc.sentences if s.tokens] or [(0, len(doc.text))]
        source = [(s.start, s.end) for s in doc.source.sentences if s.tokens] or [
            (0, len(doc.source.text))
        ]
        _SPANS[doc] = (target, source, [s for s, _ in source])
    return _SPANS[doc]


def _link_starts(doc: Document, links: list[tuple[int, int, list[tuple[int, int]]]]) -> list[int]:
    """The source starts of the document's alignment links, once per document."""
    if doc not in _LINK_STARTS:
        _LINK_STARTS[doc] = [a for a, _b, _t in links]
    return _LINK_STARTS[doc]


def _aligned_links(doc: Document) -> list[tuple[int, int, list[tuple[int, int]]]] | None:
    """(source start, source end, target spans) per alignment link, from tqcheck.align."""
    if doc in _LINKS:
        return _LINKS[doc]
    try:
        from tqcheck.align import aligned_pairs

        pairs = aligned_pairs(doc, None)
    except Exception:  # the aligner is optional; a failure falls back to proportions
        return None
    links = [
        (min(p.start for p in src), max(p.end for p in src), [(p.start, p.end) for p in tgt])
        for src, tgt in pairs
        if src and all(p.start >= 0 for p in src)
    ]
    if not links:
        return None
    _LINKS[doc] = links
    return links
