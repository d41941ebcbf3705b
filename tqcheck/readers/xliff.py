"""XLIFF 1.2 and 2.x: each unit's target is checked against its source.

XLIFF 1.2: ``file/body/(group/)trans-unit/source|target``; XLIFF 2.x:
``file/unit/segment/source|target``. Languages come from ``source-language`` /
``target-language`` (1.2) or ``srcLang`` / ``trgLang`` (2.x). Native-code inline
elements (``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``) are masked with their content;
``<g>``, ``<mrk>``, ``<pc>`` keep theirs. ``seg-source`` and ``alt-trans`` are
ignored. A unit without a target, with an empty one, or marked
``translate="no"`` is not checked. A unit's ``<note>`` may hold ``tqcheck:`` directives
for its target (see ``directives``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.readers import directives, xmlscan
from tqcheck.readers.masking import MaskedText, Piece, flatten, problem

if TYPE_CHECKING:
    from tqcheck.readers import ReadHints, ReadResult

CODE = frozenset({"ph", "bpt", "ept", "it", "ut"})


@dataclass
class _Entry:
    uid: str
    translate: bool = True
    source: list[Piece] = field(default_factory=list)
    target: list[Piece] = field(default_factory=list)


class XliffReader:
    name = "xliff"
    extensions = (".xlf", ".xliff")

    def read(self, path: Path, text: str, hints: ReadHints | None = None) -> ReadResult:
        root = xmlscan.parse(text, "XLIFF file")
        if xmlscan.local(root.tag) != "xliff":
            raise problem(f"not an XLIFF file (root element <{xmlscan.local(root.tag)}>)")
        v2 = (root.get("version") or "1.2").startswith("2")
        if v2:
            lang, source_lang = root.get("trgLang"), root.get("srcLang")
        else:
            first = next((e for e in root.iter() if xmlscan.local(e.tag) == "file"), None)
            attrs = first.attrib if first is not None else {}
            lang, source_lang = attrs.get("target-language"), attrs.get("source-language")
        entries = _scan(text, v2)
        expected = _tree_ids(root, v2)
        if [e.uid for e in entries] != expected:
            raise problem(
                f"could not locate the {len(expected)} units in the text "
                f"(found {len(entries)}); is the XLIFF unusually formed?"
            )
        masked = MaskedText(text)
        for entry in entries:
            if entry.translate:
                masked.add_unit(entry.target, flatten(text, entry.source), entry.uid, entry.source)
        result = masked.result(lang, source_lang)
        notes = [(uid, -1, note) for uid, note in _tree_notes(root, v2)]
        return replace(result, suppressions=directives.for_units(notes, result.units))


def _tree_notes(root: object, v2: bool) -> list[tuple[str, str]]:
    """(unit id, note text) for each ``<note>`` of a unit that holds a directive."""
    out: list[tuple[str, str]] = []
    for elem in root.iter():  # type: ignore[attr-defined]
        tag = xmlscan.local(elem.tag)
        if tag not in ("unit", "trans-unit") or (tag == "unit") != v2:
            continue
        texts = ["".join(n.itertext()) for n in elem.iter() if xmlscan.local(n.tag) == "note"]
        texts = [t for t in texts if "tqcheck:" in t]
        if v2:
            segments = [c for c in elem if xmlscan.local(c.tag) == "segment"]
            uids = [_segment_id(elem.get("id") or "", s.get("id")) for s in segments]
        else:
            uids = [elem.get("id") or ""]
        out.extend((uid, t) for uid in uids for t in texts)
    return out


def _tree_ids(root: object, v2: bool) -> list[str]:
    ids: list[str] = []
    for elem in root.iter():  # type: ignore[attr-defined]
        tag = xmlscan.local(elem.tag)
        if not v2 and tag == "trans-unit":
            ids.append(elem.get("id") or "")
        elif v2 and tag == "unit":
            segments = [c for c in elem if xmlscan.local(c.tag) == "segment"]
            ids.extend(_segment_id(elem.get("id") or "", s.get("id")) for s in segments)
    return ids


def _segment_id(unit: str, segment: str | None) -> str:
    return f"{unit}/{segment}" if segment else unit


def _scan(text: str, v2: bool) -> list[_Entry]:
    """Walk the tags in file order; a unit's source/target are its direct children."""
    holder = "segment" if v2 else "trans-unit"
    tags = xmlscan.tags(text)
    entries: list[_Entry] = []
    stack: list[str] = []
    unit_id = ""
    unit_translate = True
    i = 0
    while i < len(tags):
        tag = tags[i]
        parent = stack[-1] if stack else ""
        if tag.kind == "end":
            while stack and stack.pop() != tag.name:
                pass
        elif tag.name in ("source", "target") and parent == holder and entries:
            start, end, i = xmlscan.element_spans(tags, i)
            pieces = xmlscan.content(text, start, end, CODE)
            setattr(entries[-1], tag.name, pieces)
        else:
            if tag.name == "unit":
                unit_id = tag.attrs.get("id", "")
                unit_translate = tag.attrs.get("translate") != "no"
            if tag.name == holder:
                uid = _segment_id(unit_id, tag.attrs.get("id")) if v2 else tag.attrs.get("id", "")
                translate = tag.attrs.get("translate") != "no" and (unit_translate or not v2)
                entries.append(_Entry(uid, translate))
            if tag.kind == "start":
                stack.append(tag.name)
        i += 1
    return entries
