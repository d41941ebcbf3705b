"""A lone name one edit from a famous one (NM007); works without names data."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.names.common import names_of, profile, spelling_clusters
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.names.analysis import analyse
from tqcheck.names.typos import name_typos
from tqcheck.registry import check


@check(
    code="NM007",
    name="name-near-famous-name",
    category=Category.NAME,
    severity=Severity.MAJOR,
    preview=True,
    visible=True,
)
def name_near_famous_name(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A name no word list has seen is one edit from a well-known one.

    What it finds:
    A capitalised word, written once, that wordfreq has never seen in the
    document's language nor in English, and that one inserted, dropped,
    replaced or swapped letter turns into a word both know well: "Lomdon",
    "Campblel", "Opama", at a sentence start too (a word no list has seen is no
    common word capitalised there). Not an acronym, not a word of
    the source or the names data, not a declined form or compound of seen
    words, and (in German) not a noun after a determiner, which FL021 checks.
    Names NM001 or NM002 already report are left to them.

    Why it matters:
    A lone misspelled name has no second spelling in the document to betray
    it and may be missing from any names list; its famous neighbour is the
    evidence.

    Example:
    "Der Premier reiste nach Lomdon." -> "London"
    """
    data = names_of(ctx)
    known: frozenset[str] = frozenset()
    reported: list[tuple[int, int]] = []
    if data is not None:
        known = frozenset(data.index(doc.lang).approved)
        reported = [(i.start, i.end) for i in analyse(doc, data, profile(ctx))]
    reported += [(v.part.start, v.part.end) for v in spelling_clusters(doc, data, known)]
    nouns = bool(ctx.pack.get("repetition", "nouns_capitalised", False))
    for typo in name_typos(doc, nouns, known):
        p = typo.part
        if any(s <= p.start and p.end <= e for s, e in reported):
            continue
        yield ctx.finding(
            p.start,
            p.end,
            f"{p.text!r} is no name any word list knows; did you mean {typo.correction!r}?",
            suggestion=typo.correction,
        )
