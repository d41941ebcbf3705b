"""The names data as indexes: which words are names, of whom, in which language.

Built once per loaded term base (``NamesData`` is cached by the runtime) and per
language on first use. A concept is a person, place or organisation (its
subject field); its approved terms are the correct spellings, its deprecated
terms the known wrong ones with their ``x-errorKind``; ``x-profile`` marks a
publisher's choice (Kiew / Kyjiw).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar, cast

from tqcheck.glossary.model import Concept, Status, Term, TermBase
from tqcheck.glossary.normalize import words
from tqcheck.glossary.runtime import Glossary
from tqcheck.names.similarity import russian_variants
from tqcheck.names.text import fold

if TYPE_CHECKING:
    from tqcheck.glossary.matcher import Match
    from tqcheck.model import Document

T = TypeVar("T")
SHORT_TYPES = frozenset({"shortForm", "abbreviation", "acronym", "surname"})
UKRAINIAN = frozenset({"ua", "ukr", "ukraine", "ukrainian", "uk-ua"})
FUZZY_MIN = 4  # words shorter than this are never fuzzy-matched ("Kim", "Xi")


@dataclass(frozen=True)
class NameWord:
    """One word of one term: "Scholz" is word 1 of "Olaf Scholz" (person-olaf-scholz)."""

    concept: Concept
    term: Term
    index: int
    count: int  # words in the term

    @property
    def last(self) -> bool:
        return self.index == self.count - 1


@dataclass
class LangIndex:
    """Per target language: folded word -> the name words it is."""

    approved: dict[str, list[NameWord]] = field(default_factory=dict)
    deprecated: dict[str, list[NameWord]] = field(default_factory=dict)
    foreign: dict[str, list[NameWord]] = field(default_factory=dict)  # approved elsewhere only
    russian: dict[str, list[NameWord]] = field(default_factory=dict)  # Russian-based variants
    vocab: list[str] = field(default_factory=list)  # approved words worth fuzzy matching
    first_names: dict[str, set[str]] = field(default_factory=dict)  # folded first name -> ids


class NamesData(Glossary):
    """What the name checks see: a glossary of names (matching, memos) plus indexes."""

    def __init__(self, base: TermBase) -> None:
        super().__init__(base)
        self.by_id = {c.id: c for c in base.concepts}
        self._docs: weakref.WeakKeyDictionary[Document, dict[str, object]] = (
            weakref.WeakKeyDictionary()
        )

    def per_doc(self, doc: Document, key: str, factory: Callable[[], T]) -> T:
        """A result about one document (its analysis), computed once per document."""
        slot = self._docs.setdefault(doc, {})
        if key not in slot:
            slot[key] = factory()
        return cast(T, slot[key])

    def profiles(self) -> list[str]:
        return self.base.profiles()

    def find_text(self, text: str, lang: str) -> list[Match]:
        """Every name of the data in ``text`` (one pass), written with its capitals."""
        return [m for m in self.matcher(lang).find(text) if _capitalised_like(m)]

    # -- indexes -------------------------------------------------------------------
    def index(self, lang: str) -> LangIndex:
        return self.memo(f"index:{lang.lower()}", lambda: self._build(lang.lower()))

    def _build(self, lang: str) -> LangIndex:
        idx = LangIndex()
        for concept in self.base.concepts:
            here = concept.terms_in(lang)
            for term in here:
                ws = [w.text for w in words(term.text)]
                target = idx.approved if term.approved else idx.deprecated
                for i, w in enumerate(ws):
                    target.setdefault(fold(w), []).append(NameWord(concept, term, i, len(ws)))
                if term.approved and kind(concept) == "person" and len(ws) >= 2:
                    for given in {ws[0], ws[-2]}:  # "Jean-Noël Barrot": "Jean" and "Noël"
                        if given[:1].isupper():
                            idx.first_names.setdefault(fold(given), set()).add(concept.id)
            if not any(t.approved for t in here):
                continue
            for term in concept.terms:
                if term in here or not term.approved:
                    continue
                ws = [w.text for w in words(term.text)]
                for i, w in enumerate(ws):
                    idx.foreign.setdefault(fold(w), []).append(NameWord(concept, term, i, len(ws)))
        for key in list(idx.foreign):
            if key in idx.approved:
                del idx.foreign[key]  # a word correct here for some name is no foreign form
        for key, name_words in list(idx.approved.items()):
            for nw in name_words:
                if not is_ukrainian(nw.concept):
                    continue
                for variant in russian_variants(key):
                    if variant not in idx.approved:
                        idx.russian.setdefault(variant, []).append(nw)
        idx.vocab = sorted(
            k
            for k, ws in idx.approved.items()
            if len(k) >= FUZZY_MIN and any(_capital(w) for w in ws)
        )
        return idx


def _capital(word: NameWord) -> bool:
    text = [w.text for w in words(word.term.text)][word.index]
    return text[:1].isupper()


def _capitalised_like(m: Match) -> bool:
    """A name matches only where written with its capital: "kahl" is not Colin Kahl."""
    term = m.term.text.strip()
    return not (term[:1].isupper() and m.text[:1].islower())


def kind(concept: Concept) -> str:
    """person, place or organisation (from the subject field or the id prefix)."""
    subject = (concept.subject or "").strip().lower()
    for name in ("person", "place", "organisation"):
        if subject.startswith(name[:5]) or concept.id.startswith(name[:5]):
            return name
    return subject or "name"


def is_ukrainian(concept: Concept) -> bool:
    """A Ukrainian person or place: the data records a Russian-based form of it, or
    its ``x-country`` / ``x-origin`` says so."""
    for type_ in ("x-country", "x-origin", "x-nationality"):
        if (concept.extra(type_) or "").strip().lower() in UKRAINIAN:
            return True
    return any(t.error_kind == "russian-transliteration" for t in concept.terms)


def transliterated(concept: Concept) -> bool:
    """Whether the spelling of this name depends on a transliteration policy: a Ukrainian
    name, or one the data lists a wrong transliteration of."""
    return is_ukrainian(concept) or any(
        (t.error_kind or "").endswith("transliteration") for t in concept.terms
    )


def canonical(concept: Concept, lang: str, profile: str | None) -> Term | None:
    """The form a text should use: the profile's spelling if it has one, else preferred."""
    approved = concept.approved(lang)
    if profile:
        chosen = next((t for t in approved if t.profile == profile), None)
        if chosen is not None:
            return chosen
    return concept.preferred(lang)


def short_form(concept: Concept, lang: str, profile: str | None) -> str | None:
    """What a lone surname should read: the short form, else the canonical's last word."""
    approved = concept.approved(lang)
    short = next(
        (t for t in approved if (t.term_type or "") in SHORT_TYPES and len(t.text.split()) == 1),
        None,
    )
    if short is not None and kind(concept) == "person":
        return short.text.strip()
    full = canonical(concept, lang, profile)
    if full is None:
        return None
    ws = full.text.split()
    return ws[-1] if kind(concept) == "person" else full.text.strip()


def preferred_first(concept: Concept, lang: str) -> str | None:
    full = concept.preferred(lang)
    ws = full.text.split() if full else []
    return ws[0] if len(ws) >= 2 else None


def is_deprecated(term: Term) -> bool:
    return term.status in (Status.DEPRECATED, Status.SUPERSEDED)
