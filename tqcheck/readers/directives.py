"""Reviewers' directives: which rules not to report where.

One grammar for every input kind::

    tqcheck: ignore[FL002,NM001]   the rules listed (codes or prefixes; none: all rules)
    tqcheck: off[FL010] … tqcheck: on    a region (``off`` alone: every rule)

Where a directive may stand is the reader's business (a Markdown or HTML comment, a PO
translator comment, an XLIFF or TMX note); what it covers is decided here:

- ``ignore`` on a line that holds other text covers that line ("… die die …
  <!-- tqcheck: ignore[FL002] -->"); on a line of its own it covers the next paragraph;
  in a bilingual unit's comment or note it covers that unit's target.
- ``off`` covers everything up to the next ``on`` (or the end of the file).

A sidecar file ``<file>.tqcheck-ignore`` holds directives for files whose text a
reviewer should not edit (plain text above all)::

    # comment
    ignore[FL002] die die Regierung     the rules, wherever this text stands (its lines)
    ignore[NM]                          the rules, in the whole file

A directive that silences nothing is reported (IO008), like ruff's RUF100.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tqcheck.model import Suppression, Unit

DIRECTIVE_RE = re.compile(
    r"tqcheck:[ \t]*(?P<verb>off|on|ignore)\b(?:[ \t]*\[(?P<codes>[^\]\n]*)\])?", re.IGNORECASE
)
_CODE_RE = re.compile(r"^[A-Za-z]{2}\d{0,3}$")
_PARAGRAPH_END_RE = re.compile("\n[ \t\u2002\r]*\n|\u2029")
_SIDECAR_RE = re.compile(r"^\s*ignore\s*\[(?P<codes>[^\]]*)\]\s*(?P<anchor>.*?)\s*$", re.IGNORECASE)
SIDECAR_SUFFIX = ".tqcheck-ignore"


class DirectiveError(ValueError):
    """A directive that cannot be read (a bad code list, a malformed sidecar line)."""


def parse_codes(raw: str | None) -> frozenset[str]:
    """``"FL002, nm001"`` -> {"FL002", "NM001"}; a code or a family prefix each."""
    if not raw or not raw.strip():
        return frozenset()
    codes = [c for c in re.split(r"[\s,]+", raw.strip()) if c]
    bad = [c for c in codes if not _CODE_RE.match(c)]
    if bad:
        raise DirectiveError(f"not a rule code: {', '.join(bad)}")
    return frozenset(c.upper() for c in codes)


def in_text(
    raw: str, text: str, holders: Sequence[tuple[int, int]] | None = None
) -> tuple[Suppression, ...]:
    """Directives written in ``raw`` (only inside ``holders``, the comments, when given),
    their reach measured in ``text`` (the reader's output: same offsets, markup blanked)."""
    found: list[tuple[re.Match[str], tuple[int, int]]] = []
    if holders is None:
        found = [(m, m.span()) for m in DIRECTIVE_RE.finditer(raw)]
    else:
        for a, b in holders:
            found.extend((m, (a, b)) for m in DIRECTIVE_RE.finditer(raw, a, b))
    out: list[Suppression] = []
    open_off: list[tuple[re.Match[str], tuple[int, int], frozenset[str]]] = []
    for m, (a, b) in found:
        verb = m.group("verb").lower()
        codes = _codes_or_all(m)
        if verb == "off":
            open_off.append((m, (a, b), codes))
        elif verb == "on":
            if open_off:
                om, (oa, _), ocodes = open_off.pop()
                out.append(Suppression(oa, b, ocodes, om.start(), om.group()))
        else:
            start, end = _reach(text, a, b)
            out.append(Suppression(start, end, codes, m.start(), m.group()))
    out.extend(Suppression(oa, len(text), c, om.start(), om.group()) for om, (oa, _), c in open_off)
    return tuple(sorted(out, key=lambda s: s.at))


def for_units(
    notes: Iterable[tuple[str, int, str]], units: Sequence[Unit]
) -> tuple[Suppression, ...]:
    """Directives in bilingual units' comments or notes: (unit id, offset of the note or
    -1 when unknown, note text); each ``ignore`` covers the targets of the units with that
    id."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for unit in units:
        spans.setdefault(unit.id, []).append((unit.start, unit.end))
    out: list[Suppression] = []
    for uid, offset, note in notes:
        for m in DIRECTIVE_RE.finditer(note):
            if m.group("verb").lower() != "ignore":
                continue
            codes = _codes_or_all(m)
            for start, end in spans.get(uid, [(max(offset, 0), max(offset, 0))]):
                at = offset if offset >= 0 else start
                out.append(Suppression(start, end, codes, at, m.group()))
    return tuple(out)


def sidecar(name: str, content: str, text: str) -> tuple[Suppression, ...]:
    """The entries of a sidecar file against the document's text; an unreadable line
    becomes an entry that silences nothing (codes ``{"?"}``), so it is reported."""
    out: list[Suppression] = []
    for number, line in enumerate(content.splitlines(), start=1):
        body = line.strip()
        if not body or body.startswith("#"):
            continue
        origin = f"{name}:{number}"
        m = _SIDECAR_RE.match(body)
        if m is None:
            out.append(
                _unreadable(f"not a directive (use `ignore[CODES] text`): {body[:60]}", origin)
            )
            continue
        try:
            codes = parse_codes(m.group("codes"))
        except DirectiveError as exc:
            out.append(_unreadable(f"{exc}: {body[:60]}", origin))
            continue
        anchor = m.group("anchor")
        if not anchor:
            out.append(Suppression(0, len(text), codes, 0, body, origin))
            continue
        hits = [h.start() for h in re.finditer(re.escape(anchor), text)]
        if not hits:
            out.append(Suppression(0, 0, codes, 0, body, origin))  # reported as unused
        for at in hits:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at + len(anchor))
            out.append(Suppression(start, len(text) if end < 0 else end, codes, 0, body, origin))
    return tuple(out)


def _unreadable(message: str, origin: str) -> Suppression:
    return Suppression(0, 0, frozenset({"?"}), 0, message, origin)


def _codes_or_all(m: re.Match[str]) -> frozenset[str]:
    try:
        return parse_codes(m.group("codes"))
    except DirectiveError:
        # an unreadable list silences nothing rather than everything; the directive is
        # then reported as unused, with its text
        return frozenset({"?"})


def _reach(text: str, a: int, b: int) -> tuple[int, int]:
    """An ``ignore`` in ``[a, b)``: its own line when that holds other text, else the next
    paragraph."""
    line_start = max(text.rfind("\n", 0, a), text.rfind("\u2029", 0, a)) + 1
    line_end = _first(text, ("\n", "\u2029"), b)
    if text[line_start:a].strip() or text[b:line_end].strip():
        return line_start, line_end
    start = b
    while start < len(text) and text[start].isspace():
        start += 1
    m = _PARAGRAPH_END_RE.search(text, start)
    return start, m.start() if m else len(text)


def _first(text: str, needles: tuple[str, ...], pos: int) -> int:
    hits = [i for i in (text.find(n, pos) for n in needles) if i >= 0]
    return min(hits) if hits else len(text)
