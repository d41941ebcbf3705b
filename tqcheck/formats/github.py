"""GitHub Actions workflow commands: each finding an annotation on its file and line
(``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``). Critical and
major findings and input errors are errors, minor ones warnings. Values are escaped as the
runner requires (% CR LF in messages; also : and , in properties)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tqcheck.formats import safe_text
from tqcheck.model import Severity

if TYPE_CHECKING:
    from tqcheck.engine import RunResult


def render(result: RunResult, out: TextIO) -> None:
    for doc in result.documents:
        for e in doc.errors:
            props = _props(file=doc.path, line=1, col=1, title=f"tqcheck {e.code}")
            out.write(f"::error {props}::{_data(e.message)}\n")
        for index, f in enumerate(doc.findings):
            ex = doc.excerpt(index)
            level = "warning" if f.severity <= Severity.MINOR else "error"
            props = _props(
                file=doc.path,
                line=f.line,
                col=f.column,
                endLine=ex.end_line if ex else f.line,
                endColumn=ex.end_column if ex else f.column,
                title=f"tqcheck {f.rule} {f.name}" + (f" [{f.unit}]" if f.unit else ""),
            )
            fix = f" (suggestion: {f.suggestion!r})" if f.suggestion else ""
            out.write(f"::{level} {props}::{_data(f.message + fix)}\n")


def _data(text: str) -> str:
    return safe_text(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _props(**values: object) -> str:
    return ",".join(
        f"{k}={_data(str(v)).replace(':', '%3A').replace(',', '%2C')}" for k, v in values.items()
    )
