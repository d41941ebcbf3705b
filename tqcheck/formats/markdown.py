"""A Markdown summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

A headline with the gate's verdict, totals by severity, one table row per document (with
the reason a document failed) and, folded under ``<details>``, each failing or flagged
document's findings with their context. GitHub caps a comment at 65 536 characters, so
at most ``MAX_ROWS`` findings are listed; the rest are counted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TextIO

from tqcheck.formats import fail_reason, safe_text
from tqcheck.model import DocumentResult, Excerpt, Finding

if TYPE_CHECKING:
    from tqcheck.engine import RunResult

MAX_ROWS = 200
_SPACE_RE = re.compile(r"\s+")
CONTEXT = 40  # characters of context each side of a span


def render(result: RunResult, out: TextIO) -> None:
    s = result.summary()
    documents, passed = int(s["documents"]), int(s["passed"])  # type: ignore[call-overload]
    verdict = (
        f"✅ all {documents} documents pass"
        if passed == documents
        else f"❌ {documents - passed} of {documents} documents fail"
    )
    out.write(f"## tqcheck: {verdict}\n\n")
    severities = s["by_severity"]
    assert isinstance(severities, dict)
    counts = " · ".join(f"{label} {n}" for label, n in severities.items() if n)
    out.write(f"**{s['findings']} findings** in {s['words']} words")
    out.write(f" ({counts})" if counts else "")
    if s["input_errors"]:
        n = s["input_errors"]
        out.write(f", **{n} input error{'s' if n != 1 else ''}**")
    out.write("\n\n")
    out.write("| Document | Languages | Words | Findings | Score | Result |\n")
    out.write("| --- | --- | ---: | ---: | ---: | --- |\n")
    for doc in result.documents:
        pair = f"{doc.source_lang}→{doc.target_lang}" if doc.source_lang else doc.target_lang
        outcome = "✅ pass" if doc.passed else f"❌ {fail_reason(doc, result.config)}"
        out.write(
            f"| {_code(doc.path)} | {pair} | {doc.words} | {len(doc.findings)} | "
            f"{doc.score:.1f} | {_cell(outcome)} |\n"
        )
    out.write(
        f"| **total** | | {s['words']} | {s['findings']} | | {passed} of {documents} pass |\n\n"
    )
    rows = 0
    for doc in result.documents:
        if not doc.findings and not doc.errors:
            continue
        out.write(f"<details><summary>{_html(doc.path)}: {len(doc.findings)} findings")
        if doc.errors:
            out.write(f", {len(doc.errors)} input error{'s' if len(doc.errors) > 1 else ''}")
        out.write("</summary>\n\n")
        for e in doc.errors:
            out.write(f"- **{e.code}** {_cell(e.message)}\n")
        if doc.errors:
            out.write("\n")
        shown = doc.findings[: max(0, MAX_ROWS - rows)]
        if shown:
            out.write("| Line | Rule | Severity | Finding | In context | Suggestion |\n")
            out.write("| ---: | --- | --- | --- | --- | --- |\n")
            for i, f in enumerate(shown):
                out.write(_row(f, doc, i))
        rows += len(shown)
        if len(shown) < len(doc.findings):
            out.write(f"\n… and {len(doc.findings) - len(shown)} more findings in this document ")
            out.write("(see the full report: `--format html` or `json`).\n")
        out.write("\n</details>\n\n")
    for notice in result.notices:
        out.write(f"> {_cell(notice)}\n")
    if result.notices:
        out.write("\n")
    out.write(f"<sub>{_html(result.signature)}</sub>\n")


def _row(f: Finding, doc: DocumentResult, index: int) -> str:
    fix = "delete it" if f.suggestion == "" else (f.suggestion or "")
    also = f" (also {', '.join(a.rule for a in f.also)})" if f.also else ""
    return (
        f"| {f.line}:{f.column}{_unit(f)} | {f.rule} | {f.severity.label} | "
        f"{_cell(f.message + also)} | "
        f"{_context(doc.excerpt(index))} | {_code(fix) if fix else ''} |\n"
    )


def _unit(f: Finding) -> str:
    return f" ({_cell(f.unit)})" if f.unit and f.unit != f"line {f.line}" else ""


def _context(ex: Excerpt | None) -> str:
    if ex is None:
        return ""
    before, after = _spaced(ex.before), _spaced(ex.after)
    lead = "…" if ex.more_before or len(before) > CONTEXT else ""
    tail = "…" if ex.more_after or len(after) > CONTEXT else ""
    return (
        f"{lead}{_cell(before[-CONTEXT:], edges=True)}**{_cell(_flat(ex.span))}**"
        f"{_cell(after[:CONTEXT], edges=True)}{tail}"
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def _spaced(text: str) -> str:
    """White space runs as one space, the edges kept (the space before a span)."""
    return _SPACE_RE.sub(" ", text)


def _cell(text: str, edges: bool = False) -> str:
    """Text safe in a table cell: one line, pipes escaped, no HTML or emphasis taken."""
    out = _html(_spaced(text) if edges else _flat(text)).replace("|", "\\|")
    for ch in "*_`[]":
        out = out.replace(ch, "\\" + ch)
    return out


def _html(text: str) -> str:
    return safe_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _code(text: str) -> str:
    """Inline code that survives backticks and pipes in the text."""
    flat = safe_text(_flat(text)).replace("|", "\\|")
    fence = "``" if "`" in flat else "`"
    pad = " " if "`" in flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"
