"""Masked copies of structured files: the target text in place, everything else blanked.

A bilingual or markup reader returns the *whole file*, the same length in code
points, with every character that is not target text replaced by a space (line
breaks kept). Offsets, lines and columns of findings are then those of the
original file, with no offset map to keep in step. Three devices keep that true:

- A decoded entity or escape (``&amp;``, ``\\"``) is written where it stood,
  followed by padding; inline markup (``<g>``, ``<x/>``) becomes padding too.
  Padding between visible characters of one segment is U+2002 EN SPACE, not a
  plain space: it is white space to the tokenizer and the sentence splitter, but
  the spacing rules (FL001 space-before-punctuation, FL018 doubled-space, French
  spacing) look for typed spaces and leave it alone. It is *not* put in
  ``skip``: a skipped region hides the whole sentence around it from the
  aligner, and every segment with a tag would read as omitted (AC002).
- Segments are separated by a blank line so the segmenter sees paragraph breaks.
  Where the file has no blank line between two segments, masked spaces become
  U+2029 PARAGRAPH SEPARATOR: ``str.splitlines`` (the paragraph splitter) breaks
  on it, line numbering (which counts ``"\\n"``) does not, so lines and columns
  stay those of the file.
- A decoded newline escape (PO ``\\n``) becomes U+2028 LINE SEPARATOR for the
  same reason.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tqcheck.model import Unit
from tqcheck.readers.errors import InputProblem

if TYPE_CHECKING:
    from tqcheck.readers import ReadResult

PARA_SEP = "\u2029"
LINE_SEP = "\u2028"
PAD = "\u2002"  # EN SPACE: padding inside a segment
_BREAK_RE = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_NOT_BREAK_RE = re.compile("[^\n\r]")

TEXT, CHAR, MASK = "text", "char", "mask"
_CODE_START_RE = re.compile(r"</?[A-Za-z]")


@dataclass(frozen=True)
class Piece:
    """A stretch of the raw file inside one segment.

    ``text``: shown as is; ``char``: ``value`` (a decoded entity or escape, no
    longer than the stretch) shown at ``start``, the rest padding; ``mask``:
    inline markup, blanked.
    """

    kind: str
    start: int
    end: int
    value: str = ""


def flatten(raw: str, pieces: list[Piece]) -> str:
    """The segment as a plain string (the source side of a unit): markup between two
    letters or digits becomes one space, any other markup disappears."""
    out: list[str] = []
    pending = False
    for p in pieces:
        if p.kind == MASK:
            pending = True
            continue
        chunk = raw[p.start : p.end] if p.kind == TEXT else p.value
        if not chunk:
            continue
        if pending and out and out[-1][-1:].isalnum() and chunk[0].isalnum():
            out.append(" ")
        pending = False
        out.append(chunk)
    return "".join(out)


class MaskedText:
    """Builds the masked copy of ``raw`` one segment at a time, in file order."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.chars = list(_NOT_BREAK_RE.sub(" ", raw))
        self.regions: list[tuple[int, int]] = []
        self.units: list[Unit] = []
        self.sources: list[str] = []
        self.empty = 0  # segments without visible target text (not checked)

    def add(self, pieces: list[Piece]) -> tuple[int, int] | None:
        """Reveal one segment; returns its (start, end), or None when it holds no text."""
        pads: list[list[int]] = []
        for p in pieces:
            if p.kind == TEXT:
                self.chars[p.start : p.end] = self.raw[p.start : p.end]
            elif p.kind == CHAR:
                self.chars[p.start : p.start + len(p.value)] = p.value
                pads.append([p.start + len(p.value), p.end])
            else:
                pads.append([p.start, p.end])
        visible = [
            i
            for p in pieces
            if p.kind != MASK
            for i in range(p.start, p.start + (p.end - p.start if p.kind == TEXT else len(p.value)))
            if not self.chars[i].isspace()
        ]
        if not visible:
            self.empty += 1
            return None
        start, end = min(visible), max(visible) + 1
        for a, b in _merge(pads):
            self._pad(a, b, start, end)
        self.regions.append((start, end))
        return start, end

    def add_unit(
        self,
        target: list[Piece],
        source: str,
        uid: str,
        source_pieces: list[Piece] | None = None,
        flags: tuple[str, ...] = (),
    ) -> bool:
        """Reveal a bilingual unit's target; False (and not recorded) when it is empty.
        The unit keeps its whole target text and the raw inline codes of both sides."""
        span = self.add(target)
        if span is None:
            return False
        self.units.append(
            Unit(
                source,
                span[0],
                span[1],
                uid,
                target=flatten(self.raw, target).replace(LINE_SEP, "\n"),
                source_codes=codes(self.raw, source_pieces or []),
                target_codes=codes(self.raw, target),
                flags=flags,
            )
        )
        self.sources.append(source)
        return True

    def _pad(self, a: int, b: int, start: int, end: int) -> None:
        """Padding between the segment's first and last visible character becomes PAD."""
        for i in range(max(a, start), min(b, end)):
            if self.chars[i] == " ":
                self.chars[i] = PAD

    def _separate(self) -> None:
        """Make sure a blank line stands between consecutive segments."""
        ordered = sorted(self.regions)
        for (_, prev_end), (next_start, _) in itertools.pairwise(ordered):
            gap = "".join(self.chars[prev_end:next_start])
            need = 2 - len(_BREAK_RE.findall(gap))
            for i in range(prev_end, next_start):
                if need <= 0:
                    break
                if self.chars[i] == " ":
                    self.chars[i] = PARA_SEP
                    need -= 1

    def text(self) -> str:
        self._separate()
        return "".join(self.chars)

    def result(
        self, lang: str | None = None, source_lang: str | None = None, bilingual: bool = True
    ) -> ReadResult:
        from tqcheck.readers import ReadResult

        if bilingual and not self.units and not self.empty:
            raise problem("no translation units: nothing here to check")
        text = self.text()
        return ReadResult(
            text=text,
            units=tuple(self.units),
            source_text="\n\n".join(self.sources) if bilingual else None,
            lang=lang or None,
            source_lang=(source_lang or None) if bilingual else None,
            empty_units=self.empty if bilingual else 0,
            raw=self.raw,
        )


def codes(raw: str, pieces: list[Piece]) -> tuple[str, ...]:
    """The masked inline markup of a segment as written (``<g id="1">``, ``</g>``), in
    order; masked stretches that are not markup (a PO string's quotes) are left out."""
    out = []
    for p in pieces:
        if p.kind == MASK:
            text = raw[p.start : p.end].strip()
            if _CODE_START_RE.match(text):  # an element, not CDATA, a comment or quotes
                out.append(text)
    return tuple(out)


def _merge(spans: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for a, b in sorted(s for s in spans if s[1] > s[0]):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def problem(message: str) -> Exception:
    """An IO007 malformed-input problem."""
    return InputProblem("IO007", message)
