"""The values every part of tqcheck passes around: documents, segments, findings.

All offsets are code-point offsets into the decoded text (Python ``str`` indices),
half-open ``[start, end)``, so ``doc.text[f.start:f.end] == f.text`` always holds.
"""

from __future__ import annotations

import bisect
import enum
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

# Segmentation is text-layer logic (language packs, abbreviations); the model sits below it
# and only declares the two functions a Document calls. ``tqcheck.text.segment`` installs
# them when it is imported, and the package root imports it, so every Document has them.
ParagraphSplitter = Callable[[str], "tuple[Paragraph, ...]"]
SentenceSplitter = Callable[[str, str, "tuple[Paragraph, ...]"], "tuple[Sentence, ...]"]
_SEGMENTATION: list[tuple[ParagraphSplitter, SentenceSplitter]] = []


def install_segmentation(paragraphs: ParagraphSplitter, sentences: SentenceSplitter) -> None:
    """Set the paragraph and sentence splitters every Document uses (the text layer's)."""
    _SEGMENTATION[:] = [(paragraphs, sentences)]


def _segmentation() -> tuple[ParagraphSplitter, SentenceSplitter]:
    if not _SEGMENTATION:
        raise RuntimeError("no segmentation installed: import tqcheck.text.segment")
    return _SEGMENTATION[0]


class Severity(enum.IntEnum):
    """MQM severities; the integer order lets ``--fail-on major`` compare."""

    MINOR = 1
    MAJOR = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            allowed = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (use one of: {allowed})") from None


class Category(enum.Enum):
    """Check families; each owns a two-letter code prefix."""

    FLUENCY = "fluency"
    NAME = "name"
    GLOSSARY = "glossary"
    ACCURACY = "accuracy"
    INPUT = "input"

    @property
    def prefix(self) -> str:
        return _PREFIXES[self]


_PREFIXES = {
    Category.FLUENCY: "FL",
    Category.NAME: "NM",
    Category.GLOSSARY: "GL",
    Category.ACCURACY: "AC",
    Category.INPUT: "IO",
}


class Token(NamedTuple):
    """A word, number or punctuation mark with its offsets in the document, and whether
    it is a word or number (computed once by the tokenizer: every check asks it of every
    token). A named tuple: built about 1.6× faster than a frozen dataclass, and a
    document holds one per word."""

    text: str
    start: int
    end: int
    is_word: bool


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str
    index: int


@dataclass(frozen=True)
class Sentence:
    """A sentence of one paragraph; tokens carry document offsets."""

    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[Token, ...]

    @cached_property
    def words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.is_word)


@dataclass(frozen=True)
class Unit:
    """A pre-aligned source/target pair from a bilingual file (XLIFF, PO, TMX, TSV).

    ``start``/``end`` locate the target inside ``Document.text``.
    """

    source: str
    start: int
    end: int
    id: str = ""
    # What placeholder and markup checks compare, as the file holds them: the target with
    # its leading and trailing white space (the span above leaves them out), and the inline
    # codes masked in each side (XLIFF <g id="1">, <x id="2"/>, TMX <bpt i="1">), raw.
    target: str = ""
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # format flags the file declares (PO "python-format")


@dataclass(frozen=True)
class Suppression:
    """A reviewer's directive: rules not reported in ``[start, end)`` of the text.

    ``tqcheck: ignore[FL002,NM001]`` in a comment, a PO translator comment, an XLIFF or
    TMX note, or a sidecar file; ``tqcheck: off`` … ``tqcheck: on`` regions. ``codes``
    holds codes or code prefixes (``FL``, ``FL00``); empty: every rule.
    """

    start: int
    end: int
    codes: frozenset[str]
    at: int  # where the directive stands in the text (for a document's own directives)
    directive: str  # as written, for the "unused" message
    origin: str = ""  # "" inside the document; "<sidecar file>:<line>" for a sidecar entry

    def covers(self, rule: str, start: int, end: int) -> bool:
        if not (self.start < max(end, start + 1) and start < self.end):
            return False
        return not self.codes or any(rule.startswith(code) for code in self.codes)


@dataclass(frozen=True, eq=False)
class Document:
    """One target text, its language, and the source it translates when known.

    Segmentation is computed lazily and cached, so checks that never look at
    sentences pay nothing for them.
    """

    path: str
    text: str
    lang: str
    lang_origin: str = "given"  # given | filename | detected | config
    source: Document | None = None
    units: tuple[Unit, ...] = ()
    # Regions no check reports on (code blocks, front matter, `tqcheck off` zones).
    skip: tuple[tuple[int, int], ...] = ()
    # Bilingual units the reader left out because they have no target text yet.
    unchecked_units: int = 0
    # Reviewers' directives: rules not reported in a region (see ``Suppression``).
    suppressions: tuple[Suppression, ...] = ()
    # The file as written when ``text`` is a masked copy of it (markup blanked): reports
    # show the markup in a finding's context instead of blanks.
    raw: str | None = None

    @cached_property
    def unit_starts(self) -> list[int]:
        return [u.start for u in self.units]

    def unit_at(self, offset: int) -> Unit | None:
        """The bilingual unit whose target holds ``offset``."""
        i = bisect.bisect_right(self.unit_starts, offset) - 1
        if i >= 0 and self.units[i].start <= offset <= self.units[i].end:
            return self.units[i]
        return None

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return _segmentation()[0](self.text)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return _segmentation()[1](self.text, self.lang, self.paragraphs)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(t for s in self.sentences for t in s.tokens)

    @cached_property
    def word_count(self) -> int:
        return sum(1 for t in self.tokens if t.is_word)

    @cached_property
    def _line_starts(self) -> list[int]:
        """Where each line starts: after LF, CRLF or a lone CR, as editors and SARIF
        viewers count lines (U+2028/2029, which readers use inside masked files, are no
        file lines)."""
        starts = [0]
        starts.extend(m.end() for m in _LINE_BREAK_RE.finditer(self.text))
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        # the starts are listed once per document: every finding's excerpt asks
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, offset + 1):
            return self.sentences[i]
        return None

    def skipped(self, start: int, end: int) -> bool:
        return any(s < max(end, start + 1) and start < e for s, e in self.skip)

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True)
class Also:
    """Another rule's finding of the same defect, kept under the one reported."""

    rule: str
    message: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """One defect in one document; a value, never an exception."""

    rule: str
    name: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    text: str
    suggestion: str | None = None
    also: tuple[Also, ...] = ()  # other rules' findings of this defect (not scored)
    unit: str | None = None  # the bilingual unit's id (XLIFF id, PO line, TMX tuid, TSV id)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "rule": self.rule,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.label,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "suggestion": self.suggestion,
        }
        if self.unit is not None:
            out["unit"] = self.unit
        if self.also:
            out["also"] = [
                {"rule": a.rule, "message": a.message, "start": a.start, "end": a.end}
                for a in self.also
            ]
        return out


@dataclass(frozen=True)
class InputError:
    """A problem with an input (or a check that could not run) that stops findings."""

    code: str
    message: str
    path: str = ""


@dataclass(frozen=True)
class Excerpt:
    """The text around a finding and where its span ends, kept with the result so that a
    report needs no Document (a result stays small however long its text was)."""

    before: str  # the sentence before the span, trimmed to a window
    span: str
    after: str
    more_before: bool  # the sentence goes on before / after the window
    more_after: bool
    end_line: int
    end_column: int


@dataclass
class DocumentResult:
    """What one document produced: findings, errors, and its score. A plain value: it
    holds no Document, pickles small, and ``to_dict`` gives the JSON report's shape."""

    path: str
    target_lang: str
    source_path: str | None
    source_lang: str | None
    words: int
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    score: float = 0.0
    passed: bool = False
    excerpts: list[Excerpt] = field(default_factory=list)  # one per finding, same order
    notices: list[str] = field(default_factory=list)  # run notices this document raised
    resources: dict[str, str] = field(default_factory=dict)  # fingerprints of what checked it
    profile: str = "article"  # the content profile it was checked under (its rules, its score)

    def to_dict(self) -> dict[str, object]:
        """The document's entry of the JSON report (schema version 1)."""
        return {
            "path": self.path,
            "target_lang": self.target_lang,
            "source_path": self.source_path,
            "source_lang": self.source_lang,
            "words": self.words,
            "score": self.score,
            "passed": self.passed,
            "profile": self.profile,
            "findings": [f.to_dict() for f in self.findings],
            "errors": [{"code": e.code, "message": e.message} for e in self.errors],
        }

    def excerpt(self, index: int) -> Excerpt | None:
        return self.excerpts[index] if index < len(self.excerpts) else None

    def fingerprint(self, index: int, with_path: bool = True) -> str:
        """A finding's identity that outlives edits elsewhere: rule, text and the text
        around it (``FINGERPRINT_CONTEXT`` characters each side, white space collapsed),
        with the document's path unless ``with_path`` is False (a baseline matches moved
        files); never a line, column or offset."""
        f, ex = self.findings[index], self.excerpt(index)
        before = _collapse(ex.before)[-FINGERPRINT_CONTEXT:] if ex else ""
        after = _collapse(ex.after)[:FINGERPRINT_CONTEXT] if ex else ""
        parts = (f.rule, _collapse(f.text), before, after, self.path if with_path else "")
        raw = "\x1f".join(parts).encode("utf-8", "surrogateescape")
        return hashlib.sha256(raw).hexdigest()


_LINE_BREAK_RE = re.compile("\r\n|\r|\n")
FINGERPRINT_CONTEXT = 60
_SPACE_RE = re.compile(r"\s+")


def _collapse(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()
