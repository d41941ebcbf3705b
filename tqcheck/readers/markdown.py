"""Markdown: prose is checked, code, front matter, comments and link targets are not;
``tqcheck:`` directives stand in HTML comments."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.readers import directives

if TYPE_CHECKING:
    from tqcheck.readers import ReadHints, ReadResult

_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_SKIP_PATTERNS = (
    re.compile(r"\A---\n.*?\n---\n", re.DOTALL),  # YAML front matter
    re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.DOTALL | re.MULTILINE),  # fenced code
    re.compile(r"`[^`\n]+`"),  # inline code
    _COMMENT_RE,  # HTML comments (where directives stand)
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link and image targets
    re.compile(r"<https?://[^>\s]+>|https?://\S+"),  # bare URLs
    re.compile(r"^ {0,3}#{1,6} ?|^\s*(?:[-*+]|\d+[.)])\s+|^\s*>\s?", re.MULTILINE),  # markers
)


class MarkdownReader:
    name = "markdown"
    extensions = (".md", ".markdown")

    def read(self, path: Path, text: str, hints: ReadHints | None = None) -> ReadResult:
        from tqcheck.readers import ReadResult

        spans = [m.span() for pattern in _SKIP_PATTERNS for m in pattern.finditer(text)]
        comments = [m.span() for m in _COMMENT_RE.finditer(text)]
        return ReadResult(
            text=text,
            skip=tuple(sorted(s for s in spans if s[1] > s[0])),
            suppressions=directives.in_text(text, text, comments),
        )
