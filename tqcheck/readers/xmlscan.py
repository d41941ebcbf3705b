"""Safe XML for the bilingual readers: a guarded parse for structure, a scan for offsets.

The parse (defusedxml, as for TBX) decides whether the file is acceptable: a file
that declares entities is refused before anything is expanded or fetched, and
malformed XML is reported with its line. ElementTree and lxml give no column
offsets, so a regex scan over the raw text then finds where each element's
content lies, in code points; each reader cross-checks the scan against the
parsed tree (same units, same ids) before trusting it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field

from tqcheck.readers.masking import CHAR, MASK, TEXT, Piece, problem

MAX_CHARS = 200_000_000
# Structure limits: no translation file holds this many tags or nests this deep; past them
# the file is refused (IO007) before any reader walks it.
MAX_TAGS = 5_000_000
MAX_DEPTH = 5_000
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_TOKEN_RE = re.compile(
    r"""(?P<comment><!--.*?-->)
    |(?P<cdata><!\[CDATA\[.*?\]\]>)
    |(?P<pi><\?.*?\?>)
    |(?P<doctype><!DOCTYPE(?:[^\[>]|\[.*?\])*>)
    |<(?P<close>/)?(?P<name>[^\s/>!?]+)
     (?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?P<empty>/)?>
    |(?P<entity>&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);)""",
    re.DOTALL | re.VERBOSE,
)
_TAG_GROUPS = frozenset({"name", "attrs", "empty", "close"})  # the groups a tag's match ends in
_ATTR_RE = re.compile(r"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


@dataclass
class Tag:
    """One start, end or empty-element tag found by the scan."""

    kind: str  # start | end | empty
    name: str  # local name, prefix dropped
    start: int
    end: int
    attrs: dict[str, str] = field(default_factory=dict)


def parse(text: str, what: str) -> ET.Element:
    """Parse with entity declarations forbidden; raises IO007 InputProblem."""
    import defusedxml
    import defusedxml.ElementTree as DET

    if len(text) > MAX_CHARS:
        raise problem(f"refused: {what} larger than {MAX_CHARS // 1_000_000} M characters")
    try:
        root: ET.Element = DET.fromstring(
            text, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except defusedxml.EntitiesForbidden as exc:
        target = f" pointing to {exc.sysid}" if exc.sysid else ""
        raise problem(
            f"refused: the {what} declares the XML entity {exc.name!r}{target}; entities are "
            "never expanded or fetched (billion-laughs / external-entity protection)"
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise problem(f"refused: unsafe XML ({exc})") from None
    except ET.ParseError as exc:
        line, col = exc.position
        raise problem(f"not well-formed XML at line {line}, column {col + 1}") from None
    return root


def local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def unescape(value: str) -> str:
    if "&" not in value:
        return value  # most values hold no entity
    return re.sub(r"&(#[0-9]+|#x[0-9a-fA-F]+|\w+);", lambda m: _entity(m.group()) or "", value)


def _entity(token: str) -> str | None:
    body = token[1:-1]
    try:
        if body.startswith("#x"):
            return chr(int(body[2:], 16))
        if body.startswith("#"):
            return chr(int(body[1:]))
    except (ValueError, OverflowError):
        return None
    return _PREDEFINED.get(body)


def scan(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, re.Match[str]]]:
    """Markup tokens in file order, as (kind, match); text lies between them."""
    for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup or ""
        if kind in _TAG_GROUPS:
            kind = "tag"
        yield kind, m


def tags(text: str) -> list[Tag]:
    """Every tag of the file, in order; more than MAX_TAGS, or elements nested deeper
    than MAX_DEPTH, refuse the file (IO007)."""
    out: list[Tag] = []
    depth = 0
    for m in _TOKEN_RE.finditer(text):
        if m.lastgroup not in _TAG_GROUPS:
            continue  # an entity, a comment, CDATA: not a tag
        if len(out) >= MAX_TAGS:
            raise problem(f"refused: more than {MAX_TAGS:,} tags")
        close, name, written, empty = m.group("close", "name", "attrs", "empty")
        if close:
            depth -= 1
            tag_kind = "end"
        elif empty:
            tag_kind = "empty"
        else:
            depth += 1
            tag_kind = "start"
            if depth > MAX_DEPTH:
                raise problem(f"refused: elements nested deeper than {MAX_DEPTH:,} levels")
        if ":" in name:
            name = name.rsplit(":", 1)[-1]
        attrs = (
            {
                k.rsplit(":", 1)[-1] if not k.startswith("xml:") else k: unescape(v1 or v2)
                for k, v1, v2 in _ATTR_RE.findall(written)
            }
            if written
            else {}
        )
        out.append(Tag(tag_kind, name, m.start(), m.end(), attrs))
    return out


def content(text: str, start: int, end: int, code: frozenset[str]) -> list[Piece]:
    """The pieces of an element's content ``text[start:end]``.

    Text and CDATA are shown, entities decoded in place, tags masked; elements
    named in ``code`` (native code such as XLIFF ``<ph>``, ``<bpt>``) are masked
    whole, content included.
    """
    pieces: list[Piece] = []
    pos = start
    in_code: list[str] = []
    for kind, m in scan(text, start, end):
        if m.start() > pos:
            pieces.append(Piece(MASK if in_code else TEXT, pos, m.start()))
        pos = m.end()
        if in_code:
            if kind == "tag" and m.group("name").rsplit(":", 1)[-1] == in_code[-1]:
                if m.group("close"):
                    in_code.pop()
                elif not m.group("empty"):
                    in_code.append(in_code[-1])
            pieces.append(Piece(MASK, m.start(), m.end()))
            continue
        if kind == "entity":
            value = _entity(m.group())
            pieces.append(
                Piece(CHAR, m.start(), m.end(), value) if value else Piece(MASK, *m.span())
            )
        elif kind == "cdata":
            pieces += [
                Piece(MASK, m.start(), m.start() + 9),
                Piece(TEXT, m.start() + 9, m.end() - 3),
                Piece(MASK, m.end() - 3, m.end()),
            ]
        else:
            pieces.append(Piece(MASK, m.start(), m.end()))
            name = m.group("name") if kind == "tag" else None
            if name and name.rsplit(":", 1)[-1] in code and not m.group("close"):
                if not m.group("empty"):
                    in_code.append(name.rsplit(":", 1)[-1])
    if pos < end:  # inside an unclosed code element the mask runs to the end
        pieces.append(Piece(MASK if in_code else TEXT, pos, end))
    return pieces


def element_spans(tag_list: list[Tag], index: int) -> tuple[int, int, int]:
    """For the start tag at ``tag_list[index]``: content start, content end, and the
    index of its end tag (an empty element has empty content)."""
    open_tag = tag_list[index]
    if open_tag.kind == "empty":
        return open_tag.end, open_tag.end, index
    depth = 0
    for j in range(index + 1, len(tag_list)):
        t = tag_list[j]
        if t.name == open_tag.name and t.kind == "start":
            depth += 1
        elif t.name == open_tag.name and t.kind == "end":
            if depth == 0:
                return open_tag.end, t.start, j
            depth -= 1
    raise problem(f"element <{open_tag.name}> opened at offset {open_tag.start} is never closed")
