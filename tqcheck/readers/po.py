"""Gettext PO/POT: each ``msgstr`` is checked against its ``msgid``.

Multi-line strings are joined; plural forms (``msgstr[n]``) are each a unit, the
first against ``msgid``, the others against ``msgid_plural``. The header entry
(empty ``msgid``) gives the language (``Language:``, else the gettext path
``locale/<lang>/LC_MESSAGES/`` or a ``<lang>.po`` name) and is not checked; the source
language is the header's ``X-Source-Language``, else ``--source-lang``, else English (the
msgid language of gettext catalogs); fuzzy
entries (``#, fuzzy``) and obsolete ones (``#~``) are skipped. Escapes are
decoded in place (``\\"`` -> ``"``, ``\\n`` -> a line separator). A translator
comment (``# tqcheck: ignore[FL002]``) holds directives for the entry's targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.readers import directives
from tqcheck.readers.masking import (
    CHAR,
    LINE_SEP,
    MASK,
    TEXT,
    MaskedText,
    Piece,
    flatten,
    problem,
)
from tqcheck.text.langcodes import is_valid

if TYPE_CHECKING:
    from tqcheck.readers import ReadHints, ReadResult

_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(?=\")")
_STRING_RE = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_ESCAPE_RE = re.compile(r"\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)")
_ESCAPES = {"n": LINE_SEP, "t": "\t", '"': '"', "\\": "\\", "'": "'", "?": "?"}
_LANGUAGE_RE = re.compile(r"^Language:\s*([A-Za-z]{2,3}(?:[-_@][A-Za-z0-9]+)*)", re.MULTILINE)
_SOURCE_LANGUAGE_RE = re.compile(
    r"^X-Source-Language:\s*([A-Za-z]{2,3}(?:[-_@][A-Za-z0-9]+)*)", re.MULTILINE
)
_NPLURALS_RE = re.compile(r"^Plural-Forms:.*?\bnplurals\s*=\s*(\d+)", re.MULTILINE)
DEFAULT_SOURCE = "en"  # gettext's msgids are English unless the header says otherwise


@dataclass
class _Entry:
    fields: dict[str, list[Piece]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    fuzzy: bool = False
    obsolete: bool = False
    flags: tuple[str, ...] = ()  # "#, python-format, no-wrap"
    comments: list[tuple[int, str]] = field(default_factory=list)  # translator comments

    def has_msgstr(self) -> bool:
        return any(k.startswith("msgstr") for k in self.fields)


class PoReader:
    name = "po"
    extensions = (".po", ".pot")

    def read(self, path: Path, text: str, hints: ReadHints | None = None) -> ReadResult:
        masked = MaskedText(text)
        notes: list[tuple[str, int, str]] = []
        lang = None
        source_lang = (hints.source_lang if hints else None) or DEFAULT_SOURCE
        nplurals = ""
        for entry in _entries(text):
            if entry.obsolete or "msgid" not in entry.fields:
                continue
            msgid = _plain(text, entry.fields["msgid"])
            if not msgid and "msgctxt" not in entry.fields:
                header = _plain(text, entry.fields.get("msgstr", []))
                found = _LANGUAGE_RE.search(header)
                lang = found.group(1) if found else lang
                forms = _NPLURALS_RE.search(header)
                nplurals = forms.group(1) if forms else nplurals
                declared = _SOURCE_LANGUAGE_RE.search(header)
                if declared and not (hints and hints.source_lang):
                    source_lang = declared.group(1)
                continue
            if entry.fuzzy:
                continue
            plural = _plain(text, entry.fields.get("msgid_plural", [])) or msgid
            flags = (*entry.flags, "exact-whitespace")
            if "msgid_plural" in entry.fields and nplurals:
                forms_here = sum(k.startswith("msgstr[") for k in entry.fields)
                flags += (f"plural-forms:{forms_here}/{nplurals}",)
            for key, pieces in entry.fields.items():
                if key.startswith("msgstr"):
                    source = plural if key not in ("msgstr", "msgstr[0]") else msgid
                    uid = f"line {entry.lines[key]}"
                    masked.add_unit(pieces, source, uid, flags=flags)
                    flags = tuple(f for f in flags if not f.startswith("plural-forms:"))
                    notes.extend((uid, at, body) for at, body in entry.comments)
        result = masked.result(lang or lang_from_po_path(path), source_lang)
        return replace(result, suppressions=directives.for_units(notes, result.units))


def _plain(text: str, pieces: list[Piece]) -> str:
    return flatten(text, pieces).replace(LINE_SEP, "\n")


def _entries(text: str) -> list[_Entry]:
    """Entries with each field's pieces: string contents, escapes decoded, quotes masked."""
    entries: list[_Entry] = [_Entry()]
    current: str | None = None
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        start, offset = offset, offset + len(line)
        body = line.strip()
        entry = entries[-1]
        if not body or (body.startswith("#") and entry.has_msgstr()):
            if entry.fields:
                entries.append(_Entry())
            current = None
            entry = entries[-1]
            if not body:
                continue
        if body.startswith("#~"):
            entry.obsolete = True
            continue
        if body.startswith("#,"):
            flags = tuple(body[2:].replace(",", " ").split())
            entry.flags += flags
            entry.fuzzy = entry.fuzzy or "fuzzy" in flags
            continue
        if body.startswith("#"):
            if body[1:2] in (" ", ".", "") and "tqcheck:" in body:
                entry.comments.append((start, body))
            continue
        lead = start + len(line) - len(line.lstrip())
        m = _KEYWORD_RE.match(line.lstrip())
        if m:
            key = m.group(1)
            if key in ("msgctxt", "msgid") and entry.has_msgstr():
                entries.append(_Entry())
                entry = entries[-1]
            current = key
            entry.fields[key] = []
            entry.lines[key] = number
            _add_string(text, lead + m.end(), start + len(line), entry.fields[key], number)
        elif current is not None and body.startswith('"'):
            _add_string(text, lead, start + len(line), entry.fields[current], number)
        else:
            what = "a string with no keyword before it" if body.startswith('"') else repr(body[:40])
            raise problem(f"line {number}: not PO syntax: {what}")
    if not any("msgid" in e.fields for e in entries):
        raise problem("no msgid/msgstr entries: not a PO file")
    return entries


def _add_string(text: str, pos: int, end: int, pieces: list[Piece], number: int) -> None:
    m = _STRING_RE.match(text, pos, end)
    if m is None or text[m.end() : end].strip():
        raise problem(f"line {number}: unterminated or malformed string")
    a, b = m.start(1), m.end(1)
    if pieces:  # the quotes and line break between two parts of one string
        pieces.append(Piece(MASK, pieces[-1].end, a))
    at = a
    for e in _ESCAPE_RE.finditer(text, a, b):
        if e.start() > at:
            pieces.append(Piece(TEXT, at, e.start()))
        pieces.append(Piece(CHAR, e.start(), e.end(), _decode(e.group())))
        at = e.end()
    pieces.append(Piece(TEXT, at, b))


def _decode(escape: str) -> str:
    body = escape[1:]
    if body[0] in "01234567":
        return chr(int(body, 8))
    if body[0] == "x" and len(body) > 1:
        return chr(int(body[1:], 16))
    return _ESCAPES.get(body, "")


def lang_from_po_path(path: Path) -> str | None:
    """The gettext conventions: ``locale/<lang>/LC_MESSAGES/<domain>.po`` and ``<lang>.po``
    (``messages.de.po`` is read from the name by the caller)."""
    parts = path.parts
    if len(parts) >= 3 and parts[-2] == "LC_MESSAGES" and is_valid(parts[-3].split("@")[0]):
        return parts[-3]
    if is_valid(path.stem.split("@")[0]) and "." not in path.stem:
        return path.stem
    return None
