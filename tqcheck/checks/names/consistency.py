"""One name, several spellings in one document (NM002): works with or without names data."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.names.common import names_of, profile, spelling_clusters
from tqcheck.context import Context
from tqcheck.glossary.normalize import words
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.names.analysis import analyse
from tqcheck.registry import check


@check(
    code="NM002",
    name="name-spelled-inconsistently",
    category=Category.NAME,
    severity=Severity.MINOR,
    visible=True,
)
def name_spelled_inconsistently(doc: Document, ctx: Context) -> Iterator[Finding]:
    """One name is spelled several ways in one document; the rarer spellings are reported.

    What it finds:
    Capitalised words of the document clustered by spelling similarity
    (Jaro-Winkler, edit distance): a spelling used once beside a similar one
    used at least twice ("Scholz" ×2, "Scholes" ×1, "Schales" ×1), for any
    name, whether or not the names data knows it. Common words (word
    frequencies from wordfreq), nouns after an article, compounds of common
    words, declined forms ("Stoltenbergs", "Kiewer", "-in") and a spelling
    after another first name (another person) are left out; names the data
    knows are NM001's and NM003's to report.

    Why it matters:
    A reader cannot tell whether "Kowalczyk" and "Kowalczik" are one person or
    two; an inconsistent name is the most visible sign of careless editing or
    of machine output stitched together.

    Example:
    "Kowalczyk sagte … Kowalczyk fügte hinzu … Kowalczik betonte" -> "Kowalczyk"
    """

    data = names_of(ctx)
    known: frozenset[str] = frozenset()
    reported: set[tuple[int, int]] = set()
    if data is not None:
        known = frozenset(data.index(doc.lang).approved)
        reported = {(i.start, i.end) for i in analyse(doc, data, profile(ctx))}
    # a spelling the source writes is the source's: "Austro Control" beside "Austria"
    in_source = frozenset(w.text for w in words(doc.source.text)) if doc.source else frozenset()
    for v in spelling_clusters(doc, data, known):
        p = v.part
        if any(s <= p.start and p.end <= e for s, e in reported) or p.text in in_source:
            continue
        spread = ", ".join(f"{form} ×{n}" for form, n in v.spread)
        yield ctx.finding(
            p.start,
            p.end,
            f"{p.text!r} spells a name this document writes {v.majority!r} elsewhere ({spread})",
            suggestion=v.suggestion,
        )
