"""Consistency within one document: one concept, one rendering; one house style."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from tqcheck.checks.glossary.common import glossary_of, label, prose_matches
from tqcheck.checks.glossary.gender import title_gender
from tqcheck.context import Context
from tqcheck.glossary.matcher import Match
from tqcheck.glossary.model import Status, Term
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check

# Short forms may alternate with the full form ("Nordatlantikrat" … "NAC"): that is
# how texts introduce and reuse a name, not an inconsistency.
SHORT_TYPES = frozenset({"acronym", "abbreviation", "shortForm", "initialism", "clippedTerm"})


@check(
    code="GL003",
    name="inconsistent-term",
    category=Category.GLOSSARY,
    severity=Severity.MINOR,
    needs={"glossary"},
    visible=True,
)
def inconsistent_term(doc: Document, ctx: Context) -> Iterator[Finding]:
    """One glossary concept is rendered with two different terms in one document.

    What it finds:
    Two different terms of the same concept used in one target document: two
    approved synonyms of the same form (two full forms, or two short forms), or
    an approved term next to a deprecated one. Full form plus acronym is not
    counted, nor are house-style spellings of one term (GL004's job), nor the
    masculine and feminine forms of a title (GL005's job). Reported
    once per concept, at the first use of the less frequent rendering.

    Why it matters:
    Readers take two terms for two things; a machine translation that renders
    "eastern flank" as "Ostflanke" and then "östliche Flanke" leaves them asking
    whether two flanks are meant.

    Example:
    "Die Ostflanke … die östliche Flanke" -> keep "Ostflanke"
    """
    glossary = glossary_of(ctx)
    by_concept: dict[str, list[Match]] = {}
    for m in prose_matches(doc.text, glossary.find(doc)):
        if not m.nested and not title_gender(m.term, m.concept, doc.lang):
            by_concept.setdefault(m.concept.id, []).append(m)
    for matches in by_concept.values():
        counts = Counter(_rendering(m.term) for m in matches)
        if len(counts) < 2:
            continue
        approved = [r for r in counts if not r[2]]
        same_form = any(n > 1 for n in Counter(r[1] for r in approved).values())
        right_and_wrong = bool(approved) and len(approved) < len(counts)
        if not (same_form or right_and_wrong):
            continue
        concept = matches[0].concept
        preferred = concept.preferred(doc.lang)
        majority = max(
            counts,
            key=lambda r: (counts[r], not r[2], preferred is not None and r[0] == preferred.text),
        )
        minority = next(m for m in matches if _rendering(m.term) != majority)
        spread = ", ".join(f"{r[0].strip()} ×{n}" for r, n in counts.most_common())
        yield ctx.finding(
            minority.start,
            minority.end,
            f"{label(concept)} is rendered {len(counts)} ways in this document ({spread}): "
            f"keep one",
            suggestion=majority[0].strip() if not majority[2] else None,
        )


def _rendering(term: Term) -> tuple[str, str, bool]:
    """(term text, form class, is wrong); house-style spellings of one term count as one."""
    text = term.text if not term.profile else f"<{term.term_type or 'profiled'}>"
    return text, _form_class(term), not term.approved


def _form_class(term: Term) -> str:
    return "short" if (term.term_type or "") in SHORT_TYPES else "full"


# Without a chosen profile, a mix is reported only when the minority spelling is at most
# this share of the uses: "NATO" ×20 with "Nato" ×1 is a slip; 5 against 4 is a pattern
# (human writers often keep "NATO-" in compounds and "Nato" alone).
MAX_SLIP_SHARE = 0.25


@check(
    code="GL004",
    name="house-style-violation",
    category=Category.GLOSSARY,
    severity=Severity.MINOR,
    needs={"glossary"},
    visible=True,
)
def house_style_violation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A term is spelled against the house style (profile), or two styles are mixed.

    What it finds:
    Terms the glossary ties to a named profile (German "NATO" is profile
    nato-caps, "Nato" nato-title). With ``glossary_profile`` set, every
    spelling from another profile is reported, with the profile's spelling as
    the suggestion. Without it, a document that uses two profiles' spellings of
    one concept is reported at each use of the minority spelling, naming the
    majority's profile, when the minority is at most a quarter of the uses (a
    slip, not the writer's own pattern). Compound parts count ("Nato-Gipfel").

    Why it matters:
    Publishers differ (dpa and FAZ write "Nato", the Bundeswehr "NATO") but each
    is consistent; a mix within one article is a visible sign of careless
    editing or stitched machine output.

    Example:
    "Die NATO … der Nato-Gipfel … die NATO" -> "der NATO-Gipfel" (profile nato-caps)
    """
    glossary = glossary_of(ctx)
    profile = ctx.config.glossary_profile
    matches = [
        m
        for m in prose_matches(doc.text, glossary.find(doc))
        if m.term.profile and m.exact and m.term.status is not Status.DEPRECATED
    ]
    by_concept: dict[str, list[Match]] = {}
    for m in matches:
        by_concept.setdefault(m.concept.id, []).append(m)
    for group in by_concept.values():
        concept = group[0].concept
        if profile:
            wanted = next((t for t in concept.terms_in(doc.lang) if t.profile == profile), None)
            if wanted is None:
                continue  # this profile says nothing about this concept
            for m in group:
                if m.term.profile != profile:
                    yield ctx.finding(
                        m.start,
                        m.end,
                        f"house style {profile} writes {wanted.text.strip()!r}, not {m.text!r}",
                        suggestion=wanted.text.strip(),
                    )
            continue
        counts = Counter(m.term.profile for m in group)
        if len(counts) < 2:
            continue
        top = _majority(counts, concept.terms_in(doc.lang))
        if len(group) - counts[top] > MAX_SLIP_SHARE * len(group):
            continue  # a near-even split is the writer's own pattern, not a slip
        term = next(m.term for m in group if m.term.profile == top)
        spread = ", ".join(
            f"{next(m.text for m in group if m.term.profile == p)} ×{n} ({p})"
            for p, n in counts.most_common()
        )
        for m in group:
            if m.term.profile != top:
                yield ctx.finding(
                    m.start,
                    m.end,
                    f"house styles mixed ({spread}): the document mostly follows {top}, "
                    f"which writes {term.text.strip()!r}",
                    suggestion=term.text.strip(),
                )


def _majority(counts: Counter[str | None], terms: list[Term]) -> str | None:
    """The most used profile; a tie goes to the profile of the preferred term."""
    preferred = {t.profile for t in terms if t.status is Status.PREFERRED}
    return max(counts, key=lambda p: (counts[p], p in preferred, p or ""))
