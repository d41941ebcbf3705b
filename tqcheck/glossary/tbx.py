"""TBX reading (v2 martif and v3 tbx, DCA and DCT styles) and TBX-Basic v2 writing.

TBX is what NATOTerm, IATE and CAT tools export. Parsing goes through defusedxml:
a file that declares entities (billion laughs, external entities) is refused
with one clear message before anything is expanded or fetched.
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from tqcheck.glossary.model import (
    Concept,
    GlossaryError,
    Status,
    Term,
    TermBase,
    fingerprint_bytes,
)
from tqcheck.text.cache import load_or_build

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_BYTES = 200_000_000  # a term base larger than this is not a glossary
STATUS_TYPES = ("administrativeStatus", "normativeAuthorization", "termStatus")
# Elements whose type is an attribute (DCA style); anything else is a DCT element.
DCA_ELEMENTS = ("descrip", "admin", "termNote", "note", "descripNote", "adminNote", "ref", "xref")
CONTAINERS = ("descripGrp", "adminGrp", "termNoteGrp", "transacGrp")


def read_tbx(path: str | Path) -> TermBase:
    """Read a TBX v2 or v3 file; raises GlossaryError with the path on any problem."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise GlossaryError(name, f"cannot read: {exc.strerror or exc}") from None
    # parsed once per content and kept in the disk cache (a bad file raises, and is not kept)
    digest = hashlib.sha256(data).hexdigest()
    return load_or_build("tbx", f"{digest}|{name}", lambda: parse_tbx(data, name))


def _check_structure(root: ET.Element, path: str) -> None:
    """The readers' structure limits (xmlscan.MAX_TAGS elements, MAX_DEPTH levels),
    walked without recursion."""
    from tqcheck.readers.xmlscan import MAX_DEPTH, MAX_TAGS

    count = 0
    stack: list[tuple[ET.Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        count += 1
        if count > MAX_TAGS:
            raise GlossaryError(path, f"refused: more than {MAX_TAGS:,} elements")
        if depth > MAX_DEPTH:
            raise GlossaryError(path, f"refused: elements nested deeper than {MAX_DEPTH:,} levels")
        stack.extend((child, depth + 1) for child in element)


def parse_tbx(data: bytes, path: str = "<tbx>") -> TermBase:
    import defusedxml
    import defusedxml.ElementTree as DET

    if len(data) > MAX_BYTES:
        raise GlossaryError(path, f"refused: larger than {MAX_BYTES // 1_000_000} MB")
    try:
        root = DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        target = f" pointing to {exc.sysid}" if exc.sysid else ""
        raise GlossaryError(
            path,
            f"refused: the file declares the XML entity {exc.name!r}{target}; entities are "
            "never expanded or fetched (billion-laughs / external-entity protection)",
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise GlossaryError(path, f"refused: unsafe XML ({exc})") from None
    except ET.ParseError as exc:
        line, col = exc.position
        raise GlossaryError(path, f"not well-formed XML at line {line}, column {col + 1}") from None
    _check_structure(root, path)
    kind = _local(root.tag)
    if kind not in ("martif", "tbx"):
        raise GlossaryError(path, f"not a TBX file (root element <{kind}>, expected martif or tbx)")
    body = _find_path(root, ("text", "body"))
    if body is None:
        raise GlossaryError(path, "not a TBX file (no text/body element)")
    reader = _Reader(path)
    concepts = tuple(
        reader.concept(entry, n)
        for n, entry in enumerate(
            (e for e in body if _local(e.tag) in ("termEntry", "conceptEntry")), start=1
        )
    )
    return TermBase(concepts, (path,), fingerprint_bytes([data]), tuple(reader.warnings))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _find_path(elem: ET.Element, names: tuple[str, ...]) -> ET.Element | None:
    found: ET.Element | None = elem
    for name in names:
        if found is not None:
            found = next((c for c in found if _local(c.tag) == name), None)
    return found


def _text(elem: ET.Element) -> str:
    """The element's full text (inline markup such as <hi> flattened), unstripped."""
    return "".join(elem.itertext())


def _lang(elem: ET.Element) -> str:
    return elem.get(XML_LANG) or elem.get("lang") or ""


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.warnings: list[str] = []

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{self.path}: {where}: {message}")

    def concept(self, entry: ET.Element, n: int) -> Concept:
        cid = entry.get("id") or ""
        if not cid:
            cid = f"{Path(self.path).stem}-{n}"
            self.warn(f"entry {n}", f"no id; using {cid!r}")
        fields: dict[str, str] = {}
        extras: list[tuple[str, str, str]] = []
        terms: list[Term] = []
        for child in _flatten(entry):
            tag = _local(child.tag)
            if tag in ("langSet", "langSec"):
                terms.extend(self.lang_set(child, cid))
                continue
            kind, type_ = _kind(child)
            value = _text(child).strip()
            if type_ in ("subjectField", "definition", "source") or kind == "note":
                key = "note" if kind == "note" else type_
                fields[key] = f"{fields[key]}\n{value}" if key in fields else value
            elif kind:
                extras.append((kind, type_, value))
        return Concept(
            id=cid,
            terms=tuple(terms),
            subject=fields.get("subjectField"),
            definition=fields.get("definition"),
            source=fields.get("source"),
            note=fields.get("note"),
            extras=tuple(extras),
            origin=self.path,
        )

    def lang_set(self, elem: ET.Element, cid: str) -> Iterable[Term]:
        lang = _lang(elem)
        if not lang:
            self.warn(cid, "a langSet without xml:lang")
        for child in elem:
            tag = _local(child.tag)
            if tag in ("tig", "termSec"):
                yield self.term(child, lang, cid)
            elif tag == "ntig":
                group = next((c for c in child if _local(c.tag) == "termGrp"), child)
                yield self.term(group, lang, cid, extra=[c for c in child if c is not group])

    def term(
        self, group: ET.Element, lang: str, cid: str, extra: list[ET.Element] | None = None
    ) -> Term:
        text: str | None = None
        values: dict[str, str] = {}
        extras: list[tuple[str, str, str]] = []
        for child in [*_flatten(group), *(extra or [])]:
            if _local(child.tag) == "term":
                text = _text(child)
                continue
            kind, type_ = _kind(child)
            value = _text(child).strip()
            if kind == "note":
                values["note"] = f"{values['note']}\n{value}" if "note" in values else value
            elif type_ in (
                *STATUS_TYPES,
                "termType",
                "x-errorKind",
                "x-profile",
                "grammaticalGender",
            ):
                values["status" if type_ in STATUS_TYPES else type_] = value
            elif kind:
                extras.append((kind, type_, value))
        if text is None:
            self.warn(cid, f"a {lang or '?'} term group without <term>")
            text = ""
        status = Status.ADMITTED
        if "status" in values:
            try:
                status = Status.parse(values["status"])
            except ValueError as exc:
                self.warn(cid, f"{text!r}: {exc}; read as admitted")
        return Term(
            text=text,
            lang=lang,
            status=status,
            term_type=values.get("termType"),
            error_kind=values.get("x-errorKind"),
            profile=values.get("x-profile"),
            gender=values.get("grammaticalGender"),
            note=values.get("note"),
            extras=tuple(extras),
        )


def _flatten(elem: ET.Element) -> Iterable[ET.Element]:
    """Children, with descripGrp/adminGrp/termNoteGrp opened up (their content counts).
    Iterative, in document order: a hostile file nesting groups a thousand deep must not
    exhaust the recursion limit."""
    stack: list[Iterator[ET.Element]] = [iter(elem)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif _local(child.tag) in CONTAINERS:
            if _local(child.tag) != "transacGrp":
                stack.append(iter(child))
        else:
            yield child


def _kind(elem: ET.Element) -> tuple[str, str]:
    """(element kind, data category): DCA ``<descrip type="x">`` or DCT ``<basic:x>``."""
    tag = _local(elem.tag)
    if tag == "note":
        return "note", "note"
    if tag in DCA_ELEMENTS:
        return tag, elem.get("type") or ""
    if tag in ("subjectField", "definition"):
        return "descrip", tag
    if tag == "source":
        return "admin", tag
    if tag in (*STATUS_TYPES, "termType", "grammaticalGender", "partOfSpeech"):
        return "termNote", tag
    return ("dct", tag) if tag else ("", "")


# -- writing -----------------------------------------------------------------------------


def write_tbx(base: TermBase, out: str | Path | IO[bytes]) -> None:
    """Write TBX-Basic v2 (martif/termEntry/langSet/tig), UTF-8, indented."""
    root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = ET.SubElement(root, "martifHeader")
    desc = ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc")
    ET.SubElement(desc, "p").text = "Written by tqcheck"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for concept in base.concepts:
        entry = ET.SubElement(body, "termEntry", {"id": concept.id})
        _add(entry, "descrip", "subjectField", concept.subject)
        _add(entry, "descrip", "definition", concept.definition)
        _add(entry, "admin", "source", concept.source)
        for kind, type_, value in concept.extras:
            _add(entry, kind if kind in DCA_ELEMENTS else "descrip", type_, value)
        _add(entry, "note", None, concept.note)
        by_lang: dict[str, list[Term]] = {}
        for term in concept.terms:
            by_lang.setdefault(term.lang, []).append(term)
        for lang, terms in by_lang.items():
            lang_set = ET.SubElement(entry, "langSet", {XML_LANG: lang})
            for term in terms:
                tig = ET.SubElement(lang_set, "tig")
                ET.SubElement(tig, "term").text = term.text
                _add(tig, "termNote", "administrativeStatus", term.status.tbx)
                _add(tig, "termNote", "termType", term.term_type)
                _add(tig, "termNote", "grammaticalGender", term.gender)
                _add(tig, "termNote", "x-errorKind", term.error_kind)
                _add(tig, "termNote", "x-profile", term.profile)
                for kind, type_, value in term.extras:
                    _add(tig, kind if kind in DCA_ELEMENTS else "termNote", type_, value)
                _add(tig, "note", None, term.note)
    ET.indent(root, space="  ")
    buffer = io.BytesIO()
    buffer.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    buffer.write(b'<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n')
    ET.ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=False)
    buffer.write(b"\n")
    if isinstance(out, (str, Path)):
        Path(out).write_bytes(buffer.getvalue())
    else:
        out.write(buffer.getvalue())


def _add(parent: ET.Element, tag: str, type_: str | None, value: str | None) -> None:
    if value is None:
        return
    elem = ET.SubElement(parent, tag, {"type": type_} if type_ else {})
    elem.text = value
