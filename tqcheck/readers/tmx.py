"""TMX: each translation unit's target variant is checked against its source variant.

The source language is ``--source-lang``, else the header's ``srclang`` (unless
``*all*``), else ``en``. The target language is ``--lang`` when some variant has
it, else the first other language met in the file; one language is checked per
run, so a memory with several target languages is scanned once per ``--lang``.
``<bpt>``, ``<ept>``, ``<it>``, ``<ph>`` and ``<ut>`` hold native code and are
masked; ``<hi>`` keeps its text. Units lacking either variant are not checked. A unit's
``<note>`` may hold ``tqcheck:`` directives for its target (see ``directives``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.readers import directives, xmlscan
from tqcheck.readers.masking import MaskedText, Piece, flatten, problem
from tqcheck.text.langcodes import primary

if TYPE_CHECKING:
    from tqcheck.readers import ReadHints, ReadResult

CODE = frozenset({"ph", "bpt", "ept", "it", "ut"})
DEFAULT_SOURCE = "en"

_Variant = tuple[str, list[Piece]]  # language tag, seg pieces


class TmxReader:
    name = "tmx"
    extensions = (".tmx",)

    def read(self, path: Path, text: str, hints: ReadHints | None = None) -> ReadResult:
        root = xmlscan.parse(text, "TMX file")
        if xmlscan.local(root.tag) != "tmx":
            raise problem(f"not a TMX file (root element <{xmlscan.local(root.tag)}>)")
        header = next((e for e in root if xmlscan.local(e.tag) == "header"), None)
        srclang = header.get("srclang", "") if header is not None else ""
        source = (hints.source_lang if hints else None) or (
            srclang if srclang and srclang != "*all*" else DEFAULT_SOURCE
        )
        units = _scan(text)
        expected = [
            [_lang(v.attrib) for v in tu if xmlscan.local(v.tag) == "tuv"]
            for tu in root.iter()
            if xmlscan.local(tu.tag) == "tu"
        ]
        if [[lang for lang, _ in u] for _, u in units] != expected:
            raise problem("could not locate the translation units in the text; unusual TMX?")
        others = [
            lang for _, u in units for lang, _ in u if primary(lang) != primary(source) and lang
        ]
        wanted = hints.lang if hints and hints.lang else None
        target = next((lg for lg in others if wanted and primary(lg) == primary(wanted)), None)
        target = target or (others[0] if others else wanted)
        masked = MaskedText(text)
        source_tag = next(
            (lg for _, u in units for lg, _ in u if primary(lg) == primary(source)), source
        )
        for uid, variants in units:
            src = next((p for lg, p in variants if primary(lg) == primary(source)), None)
            tgt = next((p for lg, p in variants if target and primary(lg) == primary(target)), None)
            if src is None or tgt is None:
                masked.empty += 1
                continue
            masked.add_unit(tgt, flatten(text, src), uid, src)
        result = masked.result(target, source_tag)
        tus = [tu for tu in root.iter() if xmlscan.local(tu.tag) == "tu"]
        notes = [
            (uid, -1, "".join(n.itertext()))
            for (uid, _), tu in zip(units, tus, strict=True)
            for n in tu.iter()
            if xmlscan.local(n.tag) == "note"
        ]
        return replace(result, suppressions=directives.for_units(notes, result.units))


def _lang(attrs: dict[str, str]) -> str:
    return attrs.get(xmlscan.XML_LANG) or attrs.get("xml:lang") or attrs.get("lang") or ""


def _scan(text: str) -> list[tuple[str, list[_Variant]]]:
    """Each ``tu`` (id, variants) in file order, with the pieces of each ``seg``."""
    tags = xmlscan.tags(text)
    units: list[tuple[str, list[_Variant]]] = []
    lang = ""
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag.kind != "end":
            if tag.name == "tu":
                units.append((tag.attrs.get("tuid") or f"tu {len(units) + 1}", []))
            elif tag.name == "tuv" and units:
                lang = _lang(tag.attrs)
                units[-1][1].append((lang, []))
            elif tag.name == "seg" and units and units[-1][1]:
                start, end, i = xmlscan.element_spans(tags, i)
                units[-1][1][-1] = (lang, xmlscan.content(text, start, end, CODE))
        i += 1
    return units
