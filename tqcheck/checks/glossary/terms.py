"""Term choice: a source term left without its approved rendering, a deprecated one used."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.glossary.common import glossary_of, label, prose_matches, with_note
from tqcheck.context import Context
from tqcheck.glossary.model import Term
from tqcheck.glossary.normalize import COMPOUNDING, key_function, words
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check


@check(
    code="GL001",
    name="glossary-term-missing",
    category=Category.GLOSSARY,
    severity=Severity.MAJOR,
    needs={"source", "glossary"},
    visible=True,
)
def glossary_term_missing(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A source term's approved target term is absent from the aligned translation.

    What it finds:
    A glossary term in the source (inflected forms included) whose concept has
    approved terms in the target language, none of which (nor any other term of
    the concept) appears in the target sentences aligned with it. The finding
    marks the target sentence where the term was expected. Short documents are
    searched whole; longer ones by sentence alignment (see tqcheck.glossary.windows).

    Why it matters:
    The approved term is what readers, search and later documents expect; a
    paraphrase ("die Beistandsklausel" for Article 5) or an omission loses the
    reference. This is the core terminology error of MQM (major by default).

    Example:
    source "Allies reaffirmed Article 5." / target "Die Verbündeten bekräftigten
    die Beistandspflicht." -> expected "Artikel 5"
    """
    assert doc.source is not None
    from tqcheck.glossary.windows import window

    glossary = glossary_of(ctx)
    found = prose_matches(doc.source.text, glossary.find(doc.source))
    target = glossary.find(doc)
    # every term missing from one target sentence, in one finding: the sentence is the
    # finding's span, so two findings there would be one (the engine keeps one per span)
    missing: dict[tuple[int, int], list[tuple[str, str, list[Term]]]] = {}
    for m in found:
        if m.nested:
            continue
        approved = m.concept.approved(doc.lang)
        if not approved:
            continue  # the glossary has no rendering for this language
        win = window(doc, m.start)
        if win is None:
            continue
        if any(
            t.concept.id == m.concept.id and t.start < win.end and win.start < t.end for t in target
        ) or rendered_in_compound(doc.text[win.start : win.end], approved, doc.lang):
            continue
        if rendered_with_modifier(doc.text[win.start : win.end], approved, doc.lang):
            continue
        terms = missing.setdefault(win.home, [])
        if all(concept != m.concept.id for _text, concept, _a in terms):
            preferred = m.concept.preferred(doc.lang) or approved[0]
            terms.append((m.text, m.concept.id, [preferred, *approved]))
    for home, terms in missing.items():
        start, end = _trim(doc.text, *home)
        wanted = [" / ".join(dict.fromkeys(t.text.strip() for t in a[1:])) for *_x, a in terms]
        if len(terms) == 1:
            (text, concept, approved), (expected,) = terms[0], wanted
            message = (
                f"source term {text!r} ({concept}) is not rendered with the glossary "
                f"term: expected {expected}"
            )
            yield ctx.finding(start, end, message, suggestion=approved[0].text.strip())
            continue
        named = ", ".join(f"{text!r} ({concept})" for text, concept, _a in terms)
        expected = "; ".join(
            f"{w} for {text!r}" for (text, _c, _a), w in zip(terms, wanted, strict=True)
        )
        yield ctx.finding(
            start,
            end,
            f"source terms {named} are not rendered with the glossary terms: expected {expected}",
        )


def rendered_in_compound(text: str, terms: list[Term], lang: str) -> bool:
    """Whether an approved term is there as the first part of a word or phrase.

    The matcher never matches a term as a compound's modifier (so a deprecated
    "Rat" is not found in "Ratgeber"), but for the question "was the term used?"
    "Sportart", "Handelsabkommen" and "Brückenabschnitt" do use Sport, Handel and
    Brücke: a missing-term report there is a false alarm.
    """
    if lang.lower().split("-")[0] not in COMPOUNDING:
        return False  # no closed compounds: the matcher's whole-word answer stands
    key = key_function(lang)
    folded = " " + " ".join(w.text.casefold() for w in words(text))
    for term in terms:
        parts = [w.text for w in words(term.text)]
        if not parts:
            continue
        stem = key(parts[-1]).casefold()
        stem = stem if len(stem) >= 3 else parts[-1].casefold()
        lead = " ".join(p.casefold() for p in parts[:-1])
        if f" {lead} {stem}".replace("  ", " ") in folded:
            return True
    return False


def rendered_with_modifier(text: str, terms: list[Term], lang: str) -> bool:
    """Whether an approved term of two words or more is there with one word set inside
    it: an adjective after its head ("ministre lituanienne de la Défense", "ministre
    ukrainien des Affaires étrangères" for "ministre de la Défense", "ministre des
    Affaires étrangères"). Words compared by their keys (inflection aside)."""
    key = key_function(lang)
    keys = [key(w.text).casefold() for w in words(text)]
    for term in terms:
        parts = [key(w.text).casefold() for w in words(term.text)]
        if len(parts) < 2:
            continue
        for i in range(len(keys) - len(parts)):
            if keys[i] != parts[0]:
                continue
            # one word between the head and the rest, the rest in order after it
            if keys[i + 2 : i + 1 + len(parts)] == parts[1:]:
                return True
    return False


@check(
    code="GL002",
    name="deprecated-term",
    category=Category.GLOSSARY,
    severity=Severity.MAJOR,
    needs={"glossary"},
    visible=True,
)
def deprecated_term(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A rendering the glossary marks deprecated or superseded is used.

    What it finds:
    A target-language term with status deprecated (wrong) or superseded
    (outdated), in any inflected form or as a hyphen-joined part of a compound,
    where no approved term of another concept fits the same words. The
    suggestion is the concept's preferred term; the message carries the
    glossary's note on why the form is wrong.

    Why it matters:
    Deprecated forms are the known mistranslations: "Paragraph 5" for the
    treaty's Article 5, "Sekretär" for the Secretary General, "NATO" in French
    where OTAN is required. Each one misleads or reads as an error.

    Example:
    "Die Verbündeten berufen sich auf Paragraph 5." -> "… auf Artikel 5."
    """
    glossary = glossary_of(ctx)
    matches = prose_matches(doc.text, glossary.find(doc))
    approved_spans = {(m.start, m.end) for m in matches if m.term.approved}
    for m in matches:
        if m.term.approved or m.nested or (m.start, m.end) in approved_spans:
            continue
        preferred = m.concept.preferred(doc.lang)
        kind = "superseded (outdated)" if m.term.status.value == "superseded" else "deprecated"
        message = f"{kind} term {m.text!r} for {label(m.concept)}"
        if preferred:
            message += f": use {preferred.text.strip()!r}"
        yield ctx.finding(
            m.start,
            m.end,
            with_note(message, m.term.note),
            suggestion=preferred.text.strip() if preferred else None,
        )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
