"""CSV import/export for spreadsheet editing: one concept per row.

Columns (UTF-8, comma-separated, a header row; a BOM from Excel is accepted):

- ``concept_id``, ``subject``, ``definition``, ``source``, ``note``: the concept.
- ``<lang>`` (a BCP-47 tag: ``en``, ``de``, ``fr-CA``): the terms, synonyms separated by ``|``.
- ``<lang>:status``: the status of each term, in the same order, ``|``-separated:
  ``preferred``, ``admitted``, ``deprecated``, ``superseded`` (empty = admitted).
- ``<lang>:type``, ``<lang>:note``, ``<lang>:errorKind``, ``<lang>:profile``,
  ``<lang>:gender``: the other term fields, parallel to the terms the same way.
- ``<lang>:<element>:<type>`` and ``x:<element>:<type>``: any other term-level or
  concept-level TBX data (``x:descrip:x-gender``), so TBX -> CSV -> TBX loses nothing.

A literal ``|`` or ``\\`` inside a value is written ``\\|`` / ``\\\\``. The id column is
``concept_id``, not ``id``, because ``id`` is the language tag of Indonesian.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import IO

from tqcheck.glossary.model import (
    Concept,
    GlossaryError,
    Status,
    Term,
    TermBase,
    fingerprint_bytes,
)
from tqcheck.text.langcodes import is_valid

CONCEPT_COLUMNS = ("concept_id", "subject", "definition", "source", "note")
TERM_FIELDS = {  # column suffix -> Term attribute
    "status": "status",
    "type": "term_type",
    "note": "note",
    "errorKind": "error_kind",
    "profile": "profile",
    "gender": "gender",
}


def escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|")


def split_cell(cell: str) -> list[str]:
    """Split on unescaped ``|``; ``"a|b\\|c"`` -> ``["a", "b|c"]``. Spaces are kept."""
    if cell == "":
        return []
    parts: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(cell):
        ch = cell[i]
        if ch == "\\" and i + 1 < len(cell):
            current.append(cell[i + 1])
            i += 2
            continue
        if ch == "|":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def read_csv(path: str | Path) -> TermBase:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise GlossaryError(name, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GlossaryError(name, f"not UTF-8 (byte {exc.start})") from None
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    return parse_csv(text, name, fingerprint_bytes([data]), delimiter)


def _sniff_delimiter(text: str) -> str:
    """Comma, semicolon (what spreadsheets write where the comma is the decimal mark) or
    tab, whichever splits the header row into the most columns."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=lambda d: (header.count(d), d == ","))


def parse_csv(
    text: str, path: str = "<csv>", fingerprint: str = "", delimiter: str = ","
) -> TermBase:
    if delimiter == ",":
        delimiter = _sniff_delimiter(text)
    rows: list[list[str]] = []
    lines: list[int] = []  # the file line each row starts on
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for row in reader:
            rows.append(row)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise GlossaryError(path, f"line {start}: {exc}") from None
    if not rows:
        raise GlossaryError(path, "empty CSV (a header row is required)")
    header = [h.strip() for h in rows[0]]
    if "concept_id" not in header:
        raise GlossaryError(path, "the header has no 'concept_id' column")
    langs = [h for h in header if ":" not in h and h not in CONCEPT_COLUMNS]
    bad = [h for h in langs if not is_valid(h)]
    if bad:
        raise GlossaryError(
            path, f"column {bad[0]!r} is neither a concept column nor a BCP-47 language tag"
        )
    one_line = [k for k, h in enumerate(header) if h in langs or h == "concept_id"]
    for row, line in zip(rows, lines, strict=True):
        if any("\n" in row[k] or "\r" in row[k] for k in one_line if k < len(row)):
            raise GlossaryError(
                path,
                f"line {line}: a term runs over a line break (an unbalanced quote swallows "
                "the rows after it?); terms are one line each",
            )
    warnings: list[str] = []
    concepts: list[Concept] = []
    first_line: dict[str, int] = {}
    for line_no, row in zip(lines[1:], rows[1:], strict=True):
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(header, row + [""] * (len(header) - len(row)), strict=False))
        cells = {k: _defused(v) for k, v in cells.items()}
        cid = cells["concept_id"].strip() or f"{Path(path).stem}-{line_no}"
        if cid in first_line:
            warnings.append(
                f"{path}: line {line_no}: concept id {cid!r} already used on line "
                f"{first_line[cid]}; one of the two would be lost"
            )
        first_line.setdefault(cid, line_no)
        terms: list[Term] = []
        for lang in langs:
            terms.extend(_terms(cells, lang, line_no, path, warnings))
        extras = tuple(
            (col.split(":")[1], col.split(":", 2)[2], value)
            for col in header
            if col.startswith("x:") and col.count(":") >= 2
            for value in split_cell(cells.get(col, ""))
        )
        concepts.append(
            Concept(
                id=cid,
                terms=tuple(terms),
                subject=cells.get("subject") or None,
                definition=cells.get("definition") or None,
                source=cells.get("source") or None,
                note=cells.get("note") or None,
                extras=extras,
                origin=path,
            )
        )
    return TermBase(
        tuple(concepts), (path,), fingerprint or fingerprint_bytes([text.encode()]), tuple(warnings)
    )


def _terms(
    cells: dict[str, str], lang: str, line: int, path: str, warnings: list[str]
) -> list[Term]:
    texts = split_cell(cells.get(lang, ""))
    columns = {
        col[len(lang) + 1 :]: split_cell(value)
        for col, value in cells.items()
        if col.startswith(lang + ":")
    }
    out = []
    for i, text in enumerate(texts):

        def at(suffix: str, i: int = i) -> str | None:
            values = columns.get(suffix, [])
            value = values[i].strip() if i < len(values) else ""
            return value or None

        status = Status.ADMITTED
        if at("status"):
            try:
                status = Status.parse(at("status") or "")
            except ValueError as exc:
                warnings.append(f"{path}: line {line}: {exc}; read as admitted")  # reported
        extras = tuple(
            (suffix.split(":", 1)[0], suffix.split(":", 1)[1], value)
            for suffix in columns
            if ":" in suffix
            for value in [at(suffix)]
            if value is not None
        )
        out.append(
            Term(
                text=text,
                lang=lang,
                status=status,
                term_type=at("type"),
                error_kind=at("errorKind"),
                profile=at("profile"),
                gender=at("gender"),
                note=at("note"),
                extras=extras,
            )
        )
    return out


def write_csv(base: TermBase, out: str | Path | IO[str]) -> None:
    langs = base.languages()
    term_cols: list[str] = []
    for lang in langs:
        term_cols.append(lang)
        terms = [t for c in base.concepts for t in c.terms if t.lang == lang]
        term_cols.append(f"{lang}:status")
        for suffix, attr in TERM_FIELDS.items():
            if suffix != "status" and any(getattr(t, attr) is not None for t in terms):
                term_cols.append(f"{lang}:{suffix}")
        extra_keys = dict.fromkeys(f"{k}:{t}" for term in terms for k, t, _v in term.extras)
        term_cols.extend(f"{lang}:{key}" for key in extra_keys)
    concept_extra = list(dict.fromkeys(f"x:{k}:{t}" for c in base.concepts for k, t, _ in c.extras))
    header = [*CONCEPT_COLUMNS, *term_cols, *concept_extra]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for concept in base.concepts:
        row = {
            "concept_id": concept.id,
            "subject": concept.subject or "",
            "definition": concept.definition or "",
            "source": concept.source or "",
            "note": concept.note or "",
        }
        for col in concept_extra:
            _x, kind, type_ = col.split(":", 2)
            row[col] = "|".join(escape(v) for k, t, v in concept.extras if (k, t) == (kind, type_))
        for lang in langs:
            terms = [t for t in concept.terms if t.lang == lang]
            row[lang] = "|".join(escape(t.text) for t in terms)
            for col in term_cols:
                if not col.startswith(lang + ":"):
                    continue
                suffix = col[len(lang) + 1 :]
                row[col] = "|".join(escape(_field(t, suffix)) for t in terms) if terms else ""
        writer.writerow([_defuse(row.get(col, "")) for col in header])
    if isinstance(out, (str, Path)):
        Path(out).write_text(buffer.getvalue(), encoding="utf-8")
    else:
        out.write(buffer.getvalue())


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection):
# export writes it behind an apostrophe, which import takes off again.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _defused(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


def _field(term: Term, suffix: str) -> str:
    if suffix == "status":
        return term.status.value
    if suffix in TERM_FIELDS:
        return getattr(term, TERM_FIELDS[suffix]) or ""
    kind, type_ = suffix.split(":", 1)
    return next((v for k, t, v in term.extras if (k, t) == (kind, type_)), "")
