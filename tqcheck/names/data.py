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
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar, cast

from tqcheck.glossary.model import Concept, Status, Term, TermBase
from tqcheck.glossary.normalize import words
from tqcheck.glossary.runtime import Glossary
from tqcheck.names.similarity import nearest, russian_variants
from tqcheck.names.text import fold
from tqcheck.text.cache import load_or_build, source_key

if TYPE_CHECKING:
    from tqcheck.glossary.matcher import Match
    from tqcheck.model import Document

T = TypeVar("T")
SHORT_TYPES = frozenset({"shortForm", "abbreviation", "acronym", "surname"})
UKRAINIAN = frozenset({"ua", "ukr", "ukraine", "ukrainian", "uk-ua"})
NEAR_MEMO = 100_000  # words whose fuzzy neighbours an index keeps
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
    _near: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def near(self, word: str) -> list[str]:
        """The fuzzy vocabulary's words close to ``word`` (``similarity.nearest``), once per
        word: a document asks again for every mention."""
        found = self._near.get(word)
        if found is None:
            if len(self._near) >= NEAR_MEMO:
                self._near.clear()  # a corpus of millions of names: memory stays bounded
            found = self._near[word] = nearest(word, self.vocab)
        return found


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
        """The index of ``lang``: from the disk cache when the names data has a content
        fingerprint (the build names terms by position, so the entry holds no objects)."""
        if self.base.fingerprint in ("", "none"):
            refs = _index_refs(self.base, lang)
        else:
            key = f"{self.base.fingerprint}|{lang}|{_code_key()}"
            refs = load_or_build("names-index", key, lambda: _index_refs(self.base, lang))
        concepts = self.base.concepts
        made: dict[WordRef, NameWord] = {}

        def name_word(ref: WordRef) -> NameWord:
            found = made.get(ref)
            if found is None:
                concept = concepts[ref[0]]
                found = made[ref] = NameWord(concept, concept.terms[ref[1]], ref[2], ref[3])
            return found

        approved, deprecated, foreign, russian = (
            {key: [name_word(r) for r in rs] for key, rs in table.items()} for table in refs.tables
        )
        return LangIndex(
            approved,
            deprecated,
            foreign,
            russian,
            vocab=list(refs.vocab),
            first_names={k: set(v) for k, v in refs.first_names.items()},
        )


WordRef = tuple[int, int, int, int]  # concept index, term index, word index, word count


@dataclass(frozen=True)
class IndexRefs:
    """A language's index with name words as positions: approved, deprecated, foreign
    and Russian-based tables (folded word -> refs), the fuzzy vocabulary, first names."""

    tables: tuple[dict[str, list[WordRef]], ...]
    vocab: tuple[str, ...]
    first_names: dict[str, frozenset[str]]


def _index_refs(base: TermBase, lang: str) -> IndexRefs:
    approved: dict[str, list[WordRef]] = {}
    deprecated: dict[str, list[WordRef]] = {}
    foreign: dict[str, list[WordRef]] = {}
    russian: dict[str, list[WordRef]] = {}
    first_names: dict[str, set[str]] = {}
    capital: dict[str, bool] = {}  # folded word -> some approved name writes it capitalised
    ukrainian: set[int] = set()
    for c, concept in enumerate(base.concepts):
        here = {id(t) for t in concept.terms_in(lang)}
        if is_ukrainian(concept):
            ukrainian.add(c)
        for t, term in enumerate(concept.terms):
            if id(term) not in here:
                continue
            ws = [w.text for w in words(term.text)]
            target = approved if term.approved else deprecated
            for i, w in enumerate(ws):
                key = fold(w)
                target.setdefault(key, []).append((c, t, i, len(ws)))
                if term.approved:
                    capital[key] = capital.get(key, False) or w[:1].isupper()
            if term.approved and kind(concept) == "person" and len(ws) >= 2:
                for given in {ws[0], ws[-2]}:  # "Jean-Noël Barrot": "Jean" and "Noël"
                    if given[:1].isupper():
                        first_names.setdefault(fold(given), set()).add(concept.id)
        if not any(t.approved and id(t) in here for t in concept.terms):
            continue
        for t, term in enumerate(concept.terms):
            if id(term) in here or not term.approved:
                continue
            ws = [w.text for w in words(term.text)]
            for i, w in enumerate(ws):
                foreign.setdefault(fold(w), []).append((c, t, i, len(ws)))
    for key in list(foreign):
        if key in approved:
            del foreign[key]  # a word correct here for some name is no foreign form
    for key, refs in approved.items():
        for ref in refs:
            if ref[0] not in ukrainian:
                continue
            for variant in russian_variants(key):
                if variant not in approved:
                    russian.setdefault(variant, []).append(ref)
    vocab = tuple(sorted(k for k in approved if len(k) >= FUZZY_MIN and capital[k]))
    return IndexRefs(
        (approved, deprecated, foreign, russian),
        vocab,
        {k: frozenset(v) for k, v in first_names.items()},
    )


@lru_cache(maxsize=1)
def _code_key() -> str:
    """The code that builds an index: this module, word splitting, folding, and the
    Russian-based variants with their rules (names.toml)."""
    import sys
    from importlib import resources

    from tqcheck.glossary import normalize
    from tqcheck.names import similarity, text

    rules = (resources.files("tqcheck.names") / "names.toml").read_text(encoding="utf-8")
    return source_key(sys.modules[__name__], normalize, similarity, text, data=(rules,))


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
