"""TSV: one translation pair per row, tab-separated, the target cell checked.

A first row that names its columns picks them: ``source``/``target`` (also
``src``, ``tgt``, ``translation``; an ``id`` or ``key`` column names the unit),
or language codes (``en``/``de``), which also set the languages. With language
columns the source is the one matching ``--source-lang`` (else the first), the
target the one matching ``--lang`` (else the first other). Without a header,
column 1 is the source and column 2 the target. A cell wrapped in double quotes
(spreadsheet export) loses the quotes and ``""`` reads as ``"``; cells cannot
span lines. Rows with an empty target are not checked. A ``note`` or ``comment`` column
may hold ``tqcheck:`` directives for its row's target (see ``directives``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.readers import directives
from tqcheck.readers.masking import CHAR, MASK, TEXT, MaskedText, Piece, flatten, problem
from tqcheck.text.langcodes import is_valid, primary

if TYPE_CHECKING:
    from tqcheck.readers import ReadHints, ReadResult

SOURCE_NAMES = frozenset({"source", "src", "source text", "original"})
TARGET_NAMES = frozenset({"target", "tgt", "trg", "target text", "translation"})
ID_NAMES = frozenset({"id", "key", "unit", "name"})
NOTE_NAMES = frozenset({"note", "notes", "comment", "comments"})


class TsvReader:
    name = "tsv"
    extensions = (".tsv",)

    def read(self, path: Path, text: str, hints: ReadHints | None = None) -> ReadResult:
        rows: list[list[tuple[int, int]]] = []
        lines: list[int] = []
        for number, m in enumerate(re.finditer(r"[^\n]*\n?", text), start=1):
            body = m.group().rstrip("\r\n")
            if body:
                rows.append(_cells(text, m.start(), m.start() + len(body)))
                lines.append(number)
        src_col, tgt_col, id_col, note_col = 0, 1, -1, -1
        lang = source_lang = None
        if rows:
            head = [text[a:b].strip().strip('"').lower() for a, b in rows[0]]
            note_col = next((i for i, h in enumerate(head) if h in NOTE_NAMES), -1)
            names = _by_name(head)
            langs = _by_lang(head, hints)
            if names is not None:
                src_col, tgt_col, id_col = names
                rows, lines = rows[1:], lines[1:]
            elif langs is not None:
                src_col, tgt_col = langs
                source_lang, lang = head[src_col], head[tgt_col]
                rows, lines = rows[1:], lines[1:]
        if rows and all(len(row) <= max(src_col, tgt_col) for row in rows):
            raise problem(
                f"no row has a column {max(src_col, tgt_col) + 1}: not tab-separated "
                "source and target columns"
            )
        masked = MaskedText(text)
        notes: list[tuple[str, int, str]] = []
        for row, line in zip(rows, lines, strict=True):
            if len(row) <= max(src_col, tgt_col):
                masked.empty += 1
                continue
            uid = text[slice(*row[id_col])].strip() if 0 <= id_col < len(row) else ""
            source = flatten(text, _pieces(text, *row[src_col]))
            masked.add_unit(
                _pieces(text, *row[tgt_col]),
                source,
                uid or f"line {line}",
                flags=("exact-whitespace",),
            )
            if 0 <= note_col < len(row):
                notes.append((uid or f"line {line}", row[note_col][0], text[slice(*row[note_col])]))
        result = masked.result(lang, source_lang)
        return replace(result, suppressions=directives.for_units(notes, result.units))


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cells, pos = [], start
    for m in re.finditer("\t", text[start:end]):
        cells.append((pos, start + m.start()))
        pos = start + m.end()
    cells.append((pos, end))
    return cells


def _by_name(head: list[str]) -> tuple[int, int, int] | None:
    src = next((i for i, h in enumerate(head) if h in SOURCE_NAMES), None)
    tgt = next((i for i, h in enumerate(head) if h in TARGET_NAMES), None)
    if src is None or tgt is None:
        return None
    return src, tgt, next((i for i, h in enumerate(head) if h in ID_NAMES), -1)


def _by_lang(head: list[str], hints: ReadHints | None) -> tuple[int, int] | None:
    cols = [i for i, h in enumerate(head) if h not in ID_NAMES]
    if len(cols) < 2 or not all(is_valid(head[i]) for i in cols):
        return None

    def find(tag: str | None, exclude: int = -1) -> int | None:
        if not tag:
            return None
        return next((i for i in cols if i != exclude and primary(head[i]) == primary(tag)), None)

    src = find(hints.source_lang if hints else None)
    src = cols[0] if src is None else src
    tgt = find(hints.lang if hints else None, src)
    tgt = next(i for i in cols if i != src) if tgt is None else tgt
    return src, tgt


def _pieces(text: str, start: int, end: int) -> list[Piece]:
    """A cell's content; a quoted cell's quotes are masked and ``""`` decoded in place."""
    cell = text[start:end]
    stripped = cell.strip()
    if len(stripped) < 2 or stripped[0] != '"' or stripped[-1] != '"':
        return [Piece(TEXT, start, end)]
    a = start + cell.index('"')
    b = start + cell.rindex('"')
    pieces = [Piece(MASK, a, a + 1)]
    pos = a + 1
    for m in re.finditer('""', text[a + 1 : b]):
        pieces += [
            Piece(TEXT, pos, a + 1 + m.start()),
            Piece(CHAR, a + 1 + m.start(), a + 1 + m.end(), '"'),
        ]
        pos = a + 1 + m.end()
    return [*pieces, Piece(TEXT, pos, b), Piece(MASK, b, b + 1)]
