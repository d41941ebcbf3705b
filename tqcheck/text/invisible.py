"""Characters a reader cannot see: zero-width spaces and joiners inside words, soft
hyphens, and bidirectional controls (the "Trojan Source" characters).

FL023 reports them; the name and glossary checks match words as the reader sees them,
on a copy of the document without them (``visible``), and report positions in the
original through the copy's offset map, so "Scho\u200blz" is still Olaf Scholz's name
misspelled or not and "NA\u200bTO" still the glossary's term.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import weakref

from tqcheck.model import Document, Finding

# Zero-width characters that have no business inside a word of an alphabetic script
# (U+FEFF is a byte-order mark only at the very start of a file).
ZERO_WIDTH = "\u200b\u2060\ufeff"
# Joiners shape Arabic, Indic and emoji sequences; between two Latin, Greek or Cyrillic
# letters they only hide a word from search.
JOINERS = "\u200c\u200d"
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SOFT_HYPHEN = "\u00ad"  # a hyphenation point, invisible unless the line breaks there
_ALPHA = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
IN_WORD_RE = re.compile(
    f"(?<=[{_ALPHA}\\d])(?:[{ZERO_WIDTH}]+|[{JOINERS}]+)(?=[{_ALPHA}\\d])|[{BIDI}]"
)
# what the matchers drop: the above, and soft hyphens inside words ("Bundes\u00adkanzler")
_HIDDEN_RE = re.compile(
    f"(?<=[{_ALPHA}\\d])(?:[{ZERO_WIDTH}{SOFT_HYPHEN}]+|[{JOINERS}]+)(?=[{_ALPHA}\\d])|[{BIDI}]"
)
# Text in a right-to-left script uses bidi marks on purpose.
RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def hidden(text: str) -> list[tuple[int, int]]:
    """The runs of invisible characters the matchers drop (bidi controls are kept in
    right-to-left text, which uses them on purpose)."""
    rtl = RTL_RE.search(text) is not None
    return [
        (m.start(), m.end())
        for m in _HIDDEN_RE.finditer(text)
        if not (rtl and m.group()[0] in BIDI)
    ]


@dataclasses.dataclass(frozen=True)
class _Map:
    """What a document's view needs besides the document: the copy without invisible
    characters and the offset tables. It never refers to the document itself, being the
    value of a weak-keyed cache (a value that held its key kept every document alive)."""

    copy: Document
    copy_starts: tuple[int, ...]  # where each kept piece starts in the copy
    orig_starts: tuple[int, ...]  # … and in the original
    length: int  # of the original text

    def forward(self, offset: int) -> int:
        """The copy's offset for an original one (an invisible character maps to the
        next visible one)."""
        k = bisect.bisect_right(self.orig_starts, offset) - 1
        if k < 0:
            return 0
        piece_end = (
            self.orig_starts[k] + (self.copy_starts[k + 1] - self.copy_starts[k])
            if k + 1 < len(self.copy_starts)
            else self.length
        )
        return self.copy_starts[k] + min(offset, piece_end) - self.orig_starts[k]

    def back(self, offset: int, end: bool = False) -> int:
        """The original offset of a copy's offset; an end offset stays right after the
        last visible character it closes."""
        if end and offset > 0:
            return self.back(offset - 1) + 1
        k = bisect.bisect_right(self.copy_starts, offset) - 1
        return self.orig_starts[k] + offset - self.copy_starts[k]


def _map(doc: Document, runs: list[tuple[int, int]]) -> _Map:
    cuts = [0]
    for start, end in runs:
        cuts.extend((start, end))
    cuts.append(len(doc.text))
    pieces = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
    copy_starts: list[int] = []
    orig_starts: list[int] = []
    at = 0
    for start, end in pieces:
        copy_starts.append(at)
        orig_starts.append(start)
        at += end - start
    tables = _Map(doc, tuple(copy_starts), tuple(orig_starts), len(doc.text))
    copy = dataclasses.replace(
        doc,
        text=_cut(doc.text, pieces),
        raw=_cut(doc.raw, pieces) if doc.raw is not None else None,
        units=tuple(
            dataclasses.replace(u, start=tables.forward(u.start), end=tables.forward(u.end))
            for u in doc.units
        ),
        skip=tuple((tables.forward(s), tables.forward(e)) for s, e in doc.skip),
        suppressions=(),
        source=visible(doc.source).doc if doc.source is not None else None,
    )
    return dataclasses.replace(tables, copy=copy)


class Visible:
    """A document without its invisible characters, and the way back to its offsets."""

    def __init__(self, doc: Document, mapping: _Map | None) -> None:
        self.original = doc
        self._map = mapping  # None: nothing invisible, the document itself

    @property
    def doc(self) -> Document:
        """The copy the matchers read."""
        return self.original if self._map is None else self._map.copy

    def forward(self, offset: int) -> int:
        return offset if self._map is None else self._map.forward(offset)

    def back(self, offset: int, end: bool = False) -> int:
        return offset if self._map is None else self._map.back(offset, end)

    def finding(self, f: Finding) -> Finding:
        """A finding of the copy, placed in the original."""
        if self._map is None:
            return f
        start, end = self.back(f.start), self.back(f.end, end=True)
        if f.end == f.start:
            end = start
        line, column = self.original.line_col(start)
        return dataclasses.replace(
            f, start=start, end=end, line=line, column=column, text=self.original.text[start:end]
        )


def _cut(text: str, pieces: list[tuple[int, int]]) -> str:
    return "".join(text[s:e] for s, e in pieces)


_VISIBLE: weakref.WeakKeyDictionary[Document, _Map | None] = weakref.WeakKeyDictionary()


def visible(doc: Document) -> Visible:
    """The document as the name and glossary matchers read it (computed once)."""
    if doc not in _VISIBLE:
        runs = hidden(doc.text)
        source_runs = doc.source is not None and bool(hidden(doc.source.text))
        _VISIBLE[doc] = _map(doc, runs) if runs or source_runs else None
    return Visible(doc, _VISIBLE[doc])
