"""Plain text: the whole file is the target text; ``tqcheck:`` directive lines (see
``directives``) are not checked themselves."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.readers import directives

if TYPE_CHECKING:
    from tqcheck.readers import ReadHints, ReadResult


class PlainTextReader:
    name = "text"
    extensions = (".txt",)

    def read(self, path: Path, text: str, hints: ReadHints | None = None) -> ReadResult:
        from tqcheck.readers import ReadResult

        skip = tuple(m.span() for m in directives.DIRECTIVE_RE.finditer(text))
        return ReadResult(text=text, skip=skip, suppressions=directives.in_text(text, text))
