"""HTML: the text content is checked; markup, code and page chrome are masked.

Why a regex tokenizer over the raw text: lxml gives no offsets at all, and
``html.parser.HTMLParser`` reports (line, column) only per event while it
decodes entities in text by itself, so the exact code-point span of each
entity would have to be re-found. One pass of a tag/entity/comment regex keeps
exact spans by construction; a tolerant parse tree is not needed, only the
nesting of the few masked elements and where blocks start and end.

Masked with their content: ``head``, ``script``, ``style``, ``nav``,
``template``, ``noscript``, ``svg``, ``math``, ``code``, ``pre`` and any element
with ``translate="no"``. Block-level elements and ``<br>`` end a paragraph;
inline tags are masked in place; entities are decoded in place. The language is
``<html lang>``. ``tqcheck:`` directives (see ``directives``) stand in comments.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.readers import directives, xmlscan
from tqcheck.readers.masking import CHAR, MASK, TEXT, MaskedText, Piece, problem

if TYPE_CHECKING:
    from tqcheck.readers import ReadHints, ReadResult

MASKED = frozenset(
    {"head", "script", "style", "nav", "template", "noscript", "svg", "math", "code", "pre"}
)
RAW_TEXT = frozenset({"script", "style", "textarea", "title"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
BLOCKS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol "
    "option p pre section summary table tbody td tfoot th thead title tr ul".split()
)
# Possessive (++, *+): an unclosed tag must fail at once, not try every way of splitting a run
# of letters into attribute names (2^n ways: a 62-byte file hung the scan).
_TOKEN_RE = re.compile(
    r"""(?P<comment><!--.*?(?:-->|\Z))
    |(?P<decl><![^>]*>|<\?[^>]*>)
    |<(?P<close>/)?(?P<name>[A-Za-z][^\s/>]*)
     (?P<attrs>(?:\s*[^\s"'>/=]++(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]++))?|\s*/(?!>))*+)\s*/?>
    |(?P<entity>&(?:\#[0-9]+;?|\#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;))""",
    re.DOTALL | re.VERBOSE,
)
_LANG_RE = re.compile(r"""\blang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_NO_TRANSLATE_RE = re.compile(r"""\btranslate\s*=\s*["']?no\b""", re.IGNORECASE)


class HtmlReader:
    name = "html"
    extensions = (".html", ".htm", ".xhtml")

    def read(self, path: Path, text: str, hints: ReadHints | None = None) -> ReadResult:
        masked = MaskedText(text)
        comments: list[tuple[int, int]] = []  # where directives may stand
        block: list[Piece] = []
        hidden: list[str] = []  # open masked elements, innermost last
        lang = None
        pos = 0
        for m in _tokens(text):
            if m.start() > pos and not hidden:
                block.append(Piece(TEXT, pos, m.start()))
            pos = m.end()
            if len(hidden) > xmlscan.MAX_DEPTH:
                raise problem(f"refused: elements nested deeper than {xmlscan.MAX_DEPTH:,} levels")
            name = (m.group("name") or "").lower()
            closing = bool(m.group("close"))
            if name == "html" and not closing and lang is None:
                found = _LANG_RE.search(m.group("attrs") or "")
                lang = next((g for g in found.groups() if g), None) if found else None
            if hidden:
                if name == hidden[-1] and closing:
                    hidden.pop()
                elif name == hidden[-1] and not m.group().endswith("/>"):
                    hidden.append(name)
                continue
            if m.group("comment"):
                comments.append(m.span())
            if m.group("entity"):
                value = html.unescape(m.group())
                if value == m.group() or len(value) > len(m.group()):
                    block.append(Piece(TEXT, m.start(), m.end()))
                else:
                    block.append(Piece(CHAR, m.start(), m.end(), value))
                continue
            if name in BLOCKS or (name in MASKED and not closing):
                masked.add(block)
                block = []
            elif name or m.group("comment") or m.group("decl"):
                block.append(Piece(MASK, m.start(), m.end()))
            starts_hidden = name in MASKED or _NO_TRANSLATE_RE.search(m.group("attrs") or "")
            if name and not closing and name not in VOID and starts_hidden:
                if not m.group().endswith("/>"):
                    hidden.append(name)
        if pos < len(text) and not hidden:
            block.append(Piece(TEXT, pos, len(text)))
        masked.add(block)
        result = masked.result(lang, None, bilingual=False)
        return replace(result, suppressions=directives.in_text(text, result.text, comments))


def _tokens(text: str) -> list[re.Match[str]]:
    """Markup tokens in order; the content of raw-text elements (script, style) is not
    tokenized, so a ``<`` inside a script cannot start a tag."""
    out: list[re.Match[str]] = []
    pos = 0
    while (m := _TOKEN_RE.search(text, pos)) is not None:
        if len(out) >= xmlscan.MAX_TAGS:
            raise problem(f"refused: more than {xmlscan.MAX_TAGS:,} tags")
        out.append(m)
        pos = m.end()
        name = (m.group("name") or "").lower()
        if name in RAW_TEXT and not m.group("close") and not m.group().endswith("/>"):
            end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(text, pos)
            if end is None:
                break
            pos = end.start()
    return out
