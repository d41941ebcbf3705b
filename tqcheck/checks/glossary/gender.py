"""A gendered job title that does not fit the person it names.

How it is represented (generally, as data): a title term carries its grammatical
gender, either explicitly (``<termNote type="grammaticalGender">``) or, in
German, by the ``-in`` pair inside one concept ("Generalsekretär" /
"Generalsekretärin"). A person is a glossary concept with a concept-level
``<descrip type="x-gender">male|female</descrip>``; its terms give the name and
the surname. The names data (``glossaries/names.tbx``), when loaded, adds its
persons; the glossary's own entries take precedence. With no person entry, a
document that gives the same surname a masculine title in one place and a
feminine one in another is reported too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tqcheck.checks.glossary.common import glossary_of, prose_matches
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check

if TYPE_CHECKING:
    from tqcheck.glossary.matcher import Match
    from tqcheck.glossary.model import Concept, Term, TermBase

GENDERS = {
    "masculine": "m",
    "male": "m",
    "m": "m",
    "masc": "m",
    "feminine": "f",
    "female": "f",
    "f": "f",
    "fem": "f",
}
WORDS = {"m": ("masculine", "a man"), "f": ("feminine", "a woman")}
FEMININE_SUFFIX_LANGS = frozenset({"de"})
# Up to three capitalised words right after the title: "Generalsekretärin Jens Stoltenberg".
_NAME_RE = re.compile(r"[ \u00a0]+((?:[A-ZÄÖÜ][\w'’.\-]*[ \u00a0]+){0,2}[A-ZÄÖÜ][\w'’\-]*)")


@check(
    code="GL005",
    name="title-gender-mismatch",
    category=Category.GLOSSARY,
    severity=Severity.MAJOR,
    needs={"glossary"},
    visible=True,
)
def title_gender_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A masculine or feminine job title is used for a person of the other gender.

    What it finds:
    A glossary title whose grammatical gender is known (explicit in the glossary,
    or the German "-in" pair of one concept) directly followed by a person's
    name, where the glossary records that person's gender and it differs. Without
    a person entry: the same surname with both the masculine and the feminine
    title in one document (the minority form is reported).

    Why it matters:
    Machine translation picks a title's gender from statistics, not from the
    person: "NATO-Generalsekretärin Stoltenberg" misstates a fact, and readers
    notice at once.

    Example:
    "NATO-Generalsekretärin Jens Stoltenberg sagte …" -> "NATO-Generalsekretär Jens Stoltenberg"
    """
    glossary = glossary_of(ctx)
    people = glossary.memo(f"people:{doc.lang}", lambda: _people(glossary.base, doc.lang))
    names = ctx.resources.get("names")  # the names data's persons, when it is loaded
    if names is not None:
        known = names.memo(f"people:{doc.lang}", lambda: _people(names.base, doc.lang))
        people = {**known, **people}
    titles = [
        (m, g)
        for m in prose_matches(doc.text, glossary.find(doc))
        if not m.nested and (g := title_gender(m.term, m.concept, doc.lang))
    ]
    unknown: dict[str, list[tuple[Match, str]]] = {}
    for m, gender in titles:
        follow = _NAME_RE.match(doc.text, m.end)
        if follow is None:
            continue
        names = [w.strip(".") for w in follow.group(1).split()]
        known = next((people[w] for w in names if w in people), None)
        if known is None:
            unknown.setdefault(names[-1], []).append((m, gender))
            continue
        person_gender, person = known
        if person_gender != gender:
            other = _counterpart(m.term, m.concept, doc.lang, person_gender)
            yield ctx.finding(
                m.start,
                m.end,
                f"{m.text!r} is the {WORDS[gender][0]} title, but {person} is "
                f"{WORDS[person_gender][1]}",
                suggestion=other.text.strip() if other else None,
            )
    for surname, uses in unknown.items():
        counts = Counter(g for _m, g in uses)
        if len(counts) < 2 or len({m.concept.id for m, _g in uses}) > 1:
            continue
        top = counts.most_common(1)[0][0]
        for m, gender in uses:
            if gender != top:
                other = _counterpart(m.term, m.concept, doc.lang, top)
                yield ctx.finding(
                    m.start,
                    m.end,
                    f"{surname} has a {WORDS[top][0]} title elsewhere in this document but "
                    f"a {WORDS[gender][0]} one here",
                    suggestion=other.text.strip() if other else None,
                )


def title_gender(term: Term, concept: Concept, lang: str) -> str | None:
    """ "m" or "f" for a gendered title term, else None."""
    if term.gender:
        return GENDERS.get(term.gender.strip().lower())
    if lang.split("-")[0].lower() not in FEMININE_SUFFIX_LANGS:
        return None
    last = term.text.split()[-1] if term.text.split() else ""
    others = {
        t.text.split()[-1] for t in concept.approved(lang) if t is not term and t.text.split()
    }
    if any(last in (o + "in", o[:-1] + "in") for o in others if o):
        return "f"
    if any(o in (last + "in", last[:-1] + "in") for o in others):
        return "m"
    return None


def _counterpart(term: Term, concept: Concept, lang: str, gender: str) -> Term | None:
    """The same title in the other gender, from the same concept."""
    return next(
        (
            t
            for t in concept.approved(lang)
            if t is not term and title_gender(t, concept, lang) == gender
        ),
        None,
    )


def _people(base: TermBase, lang: str) -> dict[str, tuple[str, str]]:
    """Surname and full name -> (gender, display name), from person entries."""
    out: dict[str, tuple[str, str]] = {}
    for concept in base.concepts:
        gender = GENDERS.get((concept.extra("x-gender") or "").strip().lower())
        if not gender:
            continue
        terms = concept.approved(lang) or [t for t in concept.terms if t.approved]
        if not terms:
            continue
        display = terms[0].text.strip()
        for term in terms:
            parts = term.text.split()
            if parts:
                out.setdefault(parts[-1], (gender, display))
    return out
