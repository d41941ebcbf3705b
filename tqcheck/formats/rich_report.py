"""The terminal report: findings in context, then a summary table. The only Rich user.

Reads at 80 columns; honours NO_COLOR (Rich does), and marks spans with »…«
where colour is off so the highlight survives a pipe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tqcheck.formats import also_text, fail_reason
from tqcheck.model import Category, DocumentResult, Excerpt, Finding, Severity

if TYPE_CHECKING:
    from tqcheck.config import Config
    from tqcheck.engine import RunResult

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.MAJOR: "bold yellow",
    Severity.MINOR: "cyan",
}
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
    for notice in result.notices:
        console.print(Text(f"note: {notice}", style="dim"))
    console.print(Text(result.signature, style="dim"), overflow="fold")


def _document(console: Console, doc: DocumentResult, plain: bool, config: Config) -> None:
    head = Text()
    head.append(doc.path, style="bold")
    pair = f"{doc.source_lang}→{doc.target_lang}" if doc.source_lang else doc.target_lang
    head.append(f"  {pair}  {doc.words} words  score {doc.score:.1f}  ")
    head.append("PASS" if doc.passed else "FAIL", style="bold green" if doc.passed else "bold red")
    if not doc.passed:
        head.append(f" ({fail_reason(doc, config)})", style="red")
    console.print(head, overflow="fold")
    for err in doc.errors:
        console.print(Text(f"  error {err.code}: {err.message}", style="bold red"), overflow="fold")
    for index, f in enumerate(doc.findings):
        _finding(console, doc, index, f, plain)
    if not doc.findings and not doc.errors:
        console.print(Text("  no findings", style="green"))
    console.print()


def _finding(console: Console, doc: DocumentResult, index: int, f: Finding, plain: bool) -> None:
    line = Text("  ")
    line.append(f"{f.line}:{f.column}".ljust(8))
    line.append(f.rule, style="bold")
    line.append(" ")
    line.append(f.severity.label, style=SEVERITY_STYLE[f.severity])
    line.append(f"  {f.message}")
    console.print(line, overflow="fold")
    context = _context(doc.excerpt(index), plain)
    if context is not None:
        console.print(context, overflow="fold")
    if f.suggestion is not None:
        fix = f"{f.suggestion!r}" if f.suggestion else "delete it"
        console.print(Text(f"          suggestion: {fix}", style="green"), overflow="fold")
    if f.also:
        console.print(Text(f"          also: {also_text(f)}", style="dim"), overflow="fold")


def _context(ex: Excerpt | None, plain: bool) -> Text | None:
    """The sentence around the span, trimmed to a window, with the span highlighted."""
    if ex is None:
        return None
    before, span, after = _flat(ex.before), _flat(ex.span) or "∅", _flat(ex.after)
    out = Text("          ")
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
    table = Table(title="tqcheck summary", title_justify="left", expand=False, pad_edge=False)
    table.add_column("document", no_wrap=True, overflow="ellipsis", max_width=28)
    table.add_column("lang", no_wrap=True)
    table.add_column("words", justify="right")
    for _cat, label in CATEGORY_COLUMNS:
        table.add_column(label, justify="right")
    table.add_column("score", justify="right")
    table.add_column("result", no_wrap=True)
    for doc in result.documents:
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
            _short(doc.path),
            pair,
            str(doc.words),
            *(str(counts[c]) if counts[c] else "·" for c, _ in CATEGORY_COLUMNS),
            f"{doc.score:.1f}",
            verdict,
        )
    return table


def _short(path: str) -> str:
    """The path, or its file name when the path would not fit an 80-column table."""
    from pathlib import Path

    return path if len(path) <= 28 else Path(path).name
