"""Tables for the commands besides ``scan`` (rules, glossary, align, score): the command
builds the data, this module renders it, in one vocabulary of formats:

- ``table``: a terminal table (Rich; ``rich`` is the same);
- ``json``: the command's own JSON data when it has some, else each table's rows as objects;
- ``tsv``, ``csv``: one header line and one line per row (notes go to stderr's care: not
  written, so the output stays machine-readable);
- ``markdown``: a pipe table per table, its title as a heading, notes as paragraphs.

An unknown format is an error naming the choices, with "did you mean".
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from typing import TextIO

from tqcheck.formats import safe_text
from tqcheck.registry import did_you_mean

TABLE_FORMATS = ("table", "json", "tsv", "csv", "markdown")
ALIASES = {"rich": "table", "md": "markdown"}
TONES = {"good": "green", "strong": "bold green", "bad": "red", "warn": "yellow", "dim": "dim"}


class FormatError(ValueError):
    """A format a command does not write."""


def check_format(fmt: str, allowed: tuple[str, ...] = TABLE_FORMATS) -> str:
    """The format's canonical name, or FormatError naming the choices."""
    name = fmt.lower()
    if name in allowed:
        return name
    name = ALIASES.get(name, name)
    if name in allowed:
        return name
    hint = did_you_mean(fmt.lower(), [*allowed, *ALIASES])
    raise FormatError(f"unknown format {fmt!r} (choose from {', '.join(allowed)}){hint}")


@dataclass(frozen=True)
class Cell:
    """A cell with a tone (good, strong, bad, warn, dim) the terminal shows in colour."""

    text: str
    tone: str = ""

    def __str__(self) -> str:
        return self.text


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[str | Cell]] = field(default_factory=list)
    right: frozenset[str] = frozenset()  # right-aligned columns (numbers)
    row_tones: list[str] = field(default_factory=list)  # a tone per row ("" for none)
    footer: list[list[str | Cell]] = field(default_factory=list)  # after a rule (totals)
    notes: list[str] = field(default_factory=list)  # lines after the table

    def records(self) -> list[dict[str, str]]:
        return [
            {c: str(v) for c, v in zip(self.columns, row, strict=False)}
            for row in [*self.rows, *self.footer]
        ]


def render(tables: list[Table], fmt: str, out: TextIO, data: object = None) -> None:
    """Write ``tables`` in ``fmt`` (checked with ``check_format`` first); ``data`` is the
    JSON to write for ``json`` (default: the tables' rows)."""
    fmt = check_format(fmt)
    if fmt == "json":
        payload = data if data is not None else _default_json(tables)
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt in ("tsv", "csv"):
        for k, table in enumerate(tables):
            if k:
                out.write("\n")
            _delimited(table, out, "\t" if fmt == "tsv" else ",")
    elif fmt == "markdown":
        for table in tables:
            _markdown(table, out)
    else:
        _terminal(tables, out)


def _default_json(tables: list[Table]) -> object:
    if len(tables) == 1:
        return tables[0].records()
    return {t.title: t.records() for t in tables}


def _delimited(table: Table, out: TextIO, sep: str) -> None:
    if sep == "\t":
        out.write("\t".join(table.columns) + "\n")
        for row in [*table.rows, *table.footer]:
            out.write("\t".join(" ".join(str(v).split()) for v in row) + "\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in [*table.rows, *table.footer]:
        writer.writerow([str(v) for v in row])


def _markdown(table: Table, out: TextIO) -> None:
    def cell(v: str | Cell) -> str:
        return safe_text(" ".join(str(v).split())).replace("|", "\\|")

    if table.title:
        out.write(f"### {cell(table.title)}\n\n")
    out.write("| " + " | ".join(table.columns) + " |\n")
    out.write(
        "| " + " | ".join("---:" if c in table.right else "---" for c in table.columns) + " |\n"
    )
    for row in [*table.rows, *table.footer]:
        out.write("| " + " | ".join(cell(v) for v in row) + " |\n")
    out.write("\n")
    for note in table.notes:
        out.write(f"{note}\n\n")


def _terminal(tables: list[Table], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    console = Console(file=out, highlight=False)

    def text(v: str | Cell) -> Text:
        if isinstance(v, Cell):
            return Text(safe_text(v.text), style=TONES.get(v.tone, ""))
        return Text(safe_text(v))

    for table in tables:
        shown = RichTable(title=safe_text(table.title) or None, title_justify="left")
        for c in table.columns:
            shown.add_column(c, overflow="fold", justify="right" if c in table.right else "left")
        for k, row in enumerate(table.rows):
            tone = table.row_tones[k] if k < len(table.row_tones) else ""
            shown.add_row(*(text(v) for v in row), style=TONES.get(tone) or None)
        if table.footer:
            shown.add_section()
            for row in table.footer:
                shown.add_row(*(text(v) for v in row))
        console.print(shown)
        for note in table.notes:
            console.print(Text(safe_text(note)), overflow="fold")
