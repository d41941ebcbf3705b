"""One line per finding, as compilers and linters print them: ``path:line:col: CODE
[severity] message (suggestion: …)``; an input error as ``path:1:1: IO00x [error] …``.
Editors and CI logs turn these lines into links."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tqcheck.formats import safe_text

if TYPE_CHECKING:
    from tqcheck.engine import RunResult


def render(result: RunResult, out: TextIO) -> None:
    for doc in result.documents:
        for e in doc.errors:
            out.write(f"{safe_text(doc.path)}:1:1: {e.code} [error] {_one_line(e.message)}\n")
        for f in doc.findings:
            fix = f" (suggestion: {f.suggestion!r})" if f.suggestion else ""
            also = f" [also {','.join(a.rule for a in f.also)}]" if f.also else ""
            unit = f" [unit {f.unit}]" if f.unit else ""
            out.write(
                f"{safe_text(doc.path)}:{f.line}:{f.column}: {f.rule} [{f.severity.label}] "
                f"{_one_line(f.message)}{fix}{unit}{also}\n"
            )


def _one_line(text: str) -> str:
    return safe_text(" ".join(text.split()))
