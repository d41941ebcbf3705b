"""The terminal report: findings in context, then a summary table. The only Rich user.

Reads at 80 columns; honours NO_COLOR (Rich does), and marks spans with »…«
where colour is off so the highlight survives a pipe.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from tqcheck.formats import also_text, fail_reason, safe_text
from tqcheck.model import Category, DocumentResult, Excerpt, Finding, Severity

if TYPE_CHECKING:
    from tqcheck.config import Config
    from tqcheck.engine import RunResult

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.MAJOR: "bold yellow",
    Severity.MINOR: "cyan",
}
INDENT = 10  # context, suggestion and also lines, under the message
CATEGORY_COLUMNS = (
    (Category.FLUENCY, "FL"),
    (Category.NAME, "NM"),
    (Category.GLOSSARY, "GL"),
    (Category.ACCURACY, "AC"),
)


def render(result: RunResult, out: TextIO, quiet: bool = False) -> None:
    console = Console(file=out, highlight=False, soft_wrap=False)
    plain = console.no_color or not console.is_terminal or console.color_system is None
    if not quiet:
        for doc in result.documents:
            _document(console, doc, plain, result.config)
    console.print(_summary_table(result))
    _failures(console, result)
    for notice in result.notices:
        console.print(Text(f"note: {safe_text(notice)}", style="dim"))
    console.print(Text(result.signature, style="dim"), overflow="fold")


def _document(console: Console, doc: DocumentResult, plain: bool, config: Config) -> None:
    head = Text()
    head.append(safe_text(doc.path), style="bold")
    pair = f"{doc.source_lang}→{doc.target_lang}" if doc.source_lang else doc.target_lang
    head.append(f"  {pair}  {doc.words} words  score {doc.score:.1f}  ")
    head.append("PASS" if doc.passed else "FAIL", style="bold green" if doc.passed else "bold red")
    if not doc.passed:
        head.append(f" ({fail_reason(doc, config)})", style="red")
    console.print(head, overflow="fold")
    for err in doc.errors:
        message = safe_text(err.message)
        console.print(Text(f"  error {err.code}: {message}", style="bold red"), overflow="fold")
    for index, f in enumerate(doc.findings):
        _finding(console, doc, index, f, plain)
    if not doc.findings and not doc.errors:
        console.print(Text("  no findings", style="green"))
    console.print()


def _finding(console: Console, doc: DocumentResult, index: int, f: Finding, plain: bool) -> None:
    """One finding; every line that wraps goes on under its own column, not at column 0."""
    head = Text("  ")
    head.append(f"{f.line}:{f.column}".ljust(8))
    head.append(f.rule, style="bold")
    head.append(" ")
    head.append(f.severity.label, style=SEVERITY_STYLE[f.severity])
    if f.unit and f.unit != f"line {f.line}":
        head.append(f"  [{safe_text(f.unit)}]", style="dim")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(head, Text(safe_text(f.message)))
    console.print(grid)
    lines: list[Text] = []
    context = _context(doc.excerpt(index), plain)
    if context is not None:
        lines.append(context)
    if f.suggestion is not None:
        fix = safe_text(f"{f.suggestion!r}") if f.suggestion else "delete it"
        lines.append(Text(f"suggestion: {fix}", style="green"))
    if f.also:
        lines.append(Text(f"also: {safe_text(also_text(f))}", style="dim"))
    for line in lines:
        console.print(Padding(line, (0, 0, 0, INDENT)), overflow="fold")


def _context(ex: Excerpt | None, plain: bool) -> Text | None:
    """The sentence around the span, trimmed to a window, with the span highlighted."""
    if ex is None:
        return None
    before, span, after = (safe_text(_flat(x)) for x in (ex.before, ex.span, ex.after))
    span = span or "∅"
    out = Text()
    out.append(("…" if ex.more_before else "") + before, style="dim")
    if plain:
        out.append(f"»{span}«", style="bold")
    else:
        out.append(span, style="bold underline red")
    out.append(after + ("…" if ex.more_after else ""), style="dim")
    return out


def _flat(s: str) -> str:
    return " ".join(s.split()) if "\n" in s else s


def _summary_table(result: RunResult) -> Table:
    table = Table(
        title="tqcheck summary",
        title_justify="left",
        expand=False,
        pad_edge=False,
        show_footer=True,
    )
    totals = result.totals
    names = display_names([d.path for d in result.documents], NAME_WIDTH)
    table.add_column(
        "document",
        f"{totals.documents} documents",
        no_wrap=True,
        overflow="ellipsis",
        max_width=NAME_WIDTH,
    )
    table.add_column("lang", no_wrap=True)
    table.add_column("words", str(totals.words), justify="right")
    for cat, label in CATEGORY_COLUMNS:
        n = totals.categories.get(cat.value, 0)
        table.add_column(label, str(n) if n else "·", justify="right")
    table.add_column("score", justify="right")
    table.add_column("result", f"{totals.passed}/{totals.documents}", no_wrap=True)
    for doc, name in zip(result.documents, names, strict=True):
        counts = {c: sum(f.category == c for f in doc.findings) for c, _ in CATEGORY_COLUMNS}
        pair = f"{doc.source_lang}→{doc.target_lang}" if doc.source_lang else doc.target_lang
        verdict = (
            Text("ERROR", style="bold red")
            if doc.errors and not doc.findings and doc.words == 0
            else Text("pass", style="green")
            if doc.passed
            else Text("FAIL", style="bold red")
        )
        table.add_row(
            name,
            pair,
            str(doc.words),
            *(str(counts[c]) if counts[c] else "·" for c, _ in CATEGORY_COLUMNS),
            f"{doc.score:.1f}",
            verdict,
        )
    return table


def _failures(console: Console, result: RunResult) -> None:
    """Why each failing document failed, under the table (the table stays 80 wide)."""
    names = display_names([d.path for d in result.documents], NAME_WIDTH)
    for doc, name in zip(result.documents, names, strict=True):
        if not doc.passed:
            line = Text("FAIL ", style="bold red")
            line.append(f"{name}: {fail_reason(doc, result.config)}")
            console.print(line, overflow="fold")


NAME_WIDTH = 28


def display_names(paths: list[str], width: int) -> list[str]:
    """The shortest trailing part of each path that tells it from the others
    (``de/messages.po`` and ``fr/messages.po``), cut on the left to ``width``."""
    parts = [PurePath(p).parts or (p,) for p in paths]
    out = []
    for k, own in enumerate(parts):
        depth = 1
        while depth < len(own) and any(
            other[-depth:] == own[-depth:] for j, other in enumerate(parts) if j != k
        ):
            depth += 1
        name = "/".join(own[-depth:])
        if len(name) > width and depth > 1:
            # keep what tells it apart (the top part) and the file name: "x/…/same.de.txt"
            tail = "/…/" + own[-1] if depth > 2 else "/" + own[-1]
            room = max(width - len(tail), 1)
            head = own[-depth] if len(own[-depth]) <= room else own[-depth][: room - 1] + "…"
            name = head + tail
        name = safe_text(name)
        out.append(name if len(name) <= width else "…" + name[-(width - 1) :])
    return out
