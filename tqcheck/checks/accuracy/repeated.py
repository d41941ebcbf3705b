"""One source segment translated two ways in one document (the CAT-tool consistency check)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from tqcheck.checks.accuracy.common import alignment, joined, paired, quote, target_span, words
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check

MIN_WORDS = 3  # "Yes." and "OK" may well be rendered differently in different places
_NOISE_RE = re.compile(r"[\s\u2000-\u200b\u2028\u2029]+")


def _key(text: str) -> str:
    """Case, white space and final punctuation do not make two segments different."""
    return _NOISE_RE.sub(" ", text).strip().rstrip(".!?:;…").strip().casefold()


@check(
    code="AC009",
    name="inconsistent-translation",
    category=Category.ACCURACY,
    severity=Severity.MINOR,
    needs={"source"},
)
def inconsistent_translation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """The same source segment is translated in two different ways in one document.

    What it finds:
    Aligned 1-1 pairs (or units of a bilingual file) whose source sentences are
    identical (ignoring case, white space and final punctuation) but whose
    translations differ. The majority translation is the suggestion; with a tie,
    the first one in the document. Sentences under three words are left out of
    running text; in bilingual files every unit counts, however short ("Pay now"),
    and both ways, as Xbench checks: one source translated two ways, and one
    translation standing for two different sources.

    Why it matters:
    Repeated strings (menu labels, boilerplate, recurring sentences) must read
    the same everywhere; two renderings of one sentence confuse readers and
    are the classic sign of segments translated by different people or
    engines without a translation memory.

    Example:
    "Save your changes." -> "Speichern Sie Ihre Änderungen." … "Sichern Sie Ihre
    Änderungen." -> "Speichern Sie Ihre Änderungen."
    """
    if doc.units:
        yield from _unit_inconsistency(doc, ctx)
        return
    al = alignment(ctx)
    groups: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for k, link in paired(al):
        if len(link.src) != 1 or len(link.tgt) != 1:
            continue
        src, tgt = al.sides(link)
        source = joined(src)
        if words(source) < MIN_WORDS:
            continue
        target = joined(tgt)
        groups[_key(source)].append((k, _key(target), target))
    for uses in groups.values():
        for k, best in _minority(uses):
            start, end = target_span(al, k)
            source = joined(al.sides(al.links[k])[0])
            yield ctx.finding(
                start,
                end,
                f"the source sentence {quote(source, 80)} appears {len(uses)} times and is "
                f"translated {len({u[1] for u in uses})} ways; elsewhere it is "
                f"{quote(best, 80)}",
                suggestion=" ".join(best.split()),
            )


def _unit_inconsistency(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Units: the same source with two translations, and the same translation for two
    different sources (case, white space and final punctuation aside)."""
    by_source: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    by_target: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for k, unit in enumerate(doc.units):
        target = doc.text[unit.start : unit.end]
        if not _key(unit.source) or not _key(target):
            continue
        by_source[_key(unit.source)].append((k, _key(target), target))
        by_target[_key(target)].append((k, _key(unit.source), unit.source))
    for uses in by_source.values():
        for k, best in _minority(uses):
            unit = doc.units[k]
            yield ctx.finding(
                unit.start,
                unit.end,
                f"the source {quote(unit.source, 60)} appears {len(uses)} times and is "
                f"translated {len({u[1] for u in uses})} ways; elsewhere it is {quote(best, 60)}",
                suggestion=" ".join(best.split()),
            )
    for uses in by_target.values():
        sources = {key for _k, key, _s in uses}
        if len(sources) < 2:
            continue
        first = uses[0]
        for k, key, source in uses[1:]:
            if key == first[1]:
                continue
            unit = doc.units[k]
            yield ctx.finding(
                unit.start,
                unit.end,
                f"this translation also stands for the different source {quote(first[2], 60)}; "
                f"here the source is {quote(source, 60)}",
            )


def _minority(uses: list[tuple[int, str, str]]) -> list[tuple[int, str]]:
    """The uses that differ from the majority rendering (ties: the first one wins), each
    with the majority's text."""
    renderings = {key for _k, key, _t in uses}
    if len(renderings) < 2:
        return []
    counts = {key: sum(1 for _k, c, _t in uses if c == key) for key in renderings}
    best = max(uses, key=lambda u: (counts[u[1]], -u[0]))
    return [(k, best[2]) for k, key, _t in uses if key != best[1]]
