"""The term-base model every reader, writer, matcher and check shares.

Frozen values, close to TBX-Basic: a term base holds concepts, a concept holds
terms in several languages, a term has an administrative status. Readers keep
what they read as it was (stray spaces, odd language codes) so ``lint`` can
report it; the matcher normalises on its own side.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace


class GlossaryError(ValueError):
    """A glossary file that cannot be used: missing, malformed, or hostile XML.

    The CLI turns it into one error line and exit code 2; ``str(exc)`` starts with
    the path so the line says which file is at fault.
    """

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


class Status(enum.Enum):
    """TBX-Basic administrative status, reduced to the four values that matter."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    @property
    def approved(self) -> bool:
        """Preferred and admitted terms are correct renderings; the others are not."""
        return self in (Status.PREFERRED, Status.ADMITTED)

    @property
    def tbx(self) -> str:
        """The TBX-Basic picklist value, e.g. ``preferredTerm-admn-sts``."""
        return f"{self.value}Term-admn-sts"

    @classmethod
    def parse(cls, value: str) -> Status:
        """Long TBX-Basic values, short values, and TBX v3/TBX-Min/full-TBX synonyms."""
        key = value.strip().replace("_", "").replace("-", "").replace(" ", "").lower()
        key = key.removesuffix("admnsts").removesuffix("term")
        try:
            return _STATUS_SYNONYMS[key]
        except KeyError:
            allowed = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown term status {value!r} (use one of: {allowed})") from None


_STATUS_SYNONYMS = {
    "preferred": Status.PREFERRED,
    "standardized": Status.PREFERRED,
    "legal": Status.PREFERRED,
    "regulated": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "allowed": Status.ADMITTED,
    "deprecated": Status.DEPRECATED,
    "notrecommended": Status.DEPRECATED,
    "forbidden": Status.DEPRECATED,
    "superseded": Status.SUPERSEDED,
    "obsolete": Status.SUPERSEDED,
    "outdated": Status.SUPERSEDED,
}


@dataclass(frozen=True)
class Term:
    """One rendering of a concept in one language.

    ``profile`` names a publisher's house-style choice ("nato-caps"); ``error_kind``
    says what kind of wrong a deprecated form is ("misspelling"); ``gender`` is the
    term's grammatical gender when it matters (a feminine job title). ``extras``
    keeps any other term-level data as (element, type, value) so a round trip loses
    nothing.
    """

    text: str
    lang: str
    status: Status = Status.ADMITTED
    term_type: str | None = None
    error_kind: str | None = None
    profile: str | None = None
    gender: str | None = None
    note: str | None = None
    extras: tuple[tuple[str, str, str], ...] = ()

    def extra(self, type_: str) -> str | None:
        return next((v for _kind, t, v in self.extras if t == type_), None)

    @property
    def approved(self) -> bool:
        return self.status.approved


@dataclass(frozen=True)
class Concept:
    """One concept: an id, concept-level notes, and its terms in every language.

    ``extras`` keeps other concept-level data as (element, type, value), e.g.
    ``("descrip", "x-gender", "male")`` on a person entry.
    """

    id: str
    terms: tuple[Term, ...] = ()
    subject: str | None = None
    definition: str | None = None
    source: str | None = None
    note: str | None = None
    extras: tuple[tuple[str, str, str], ...] = ()
    origin: str = ""  # the file this concept was read from

    def languages(self) -> list[str]:
        return list(dict.fromkeys(t.lang for t in self.terms))

    def terms_in(self, lang: str) -> list[Term]:
        """Terms for a language; ``de`` also takes ``de-DE`` terms and the reverse."""
        want = lang.lower()
        exact = [t for t in self.terms if t.lang.lower() == want]
        if exact:
            return exact
        base = want.split("-")[0]
        return [t for t in self.terms if t.lang.lower().split("-")[0] == base]

    def approved(self, lang: str) -> list[Term]:
        return [t for t in self.terms_in(lang) if t.approved]

    def preferred(self, lang: str) -> Term | None:
        """The preferred term, else the first admitted one."""
        terms = self.approved(lang)
        return next((t for t in terms if t.status is Status.PREFERRED), terms[0] if terms else None)

    def extra(self, type_: str) -> str | None:
        return next((v for _kind, t, v in self.extras if t == type_), None)


@dataclass(frozen=True)
class TermBase:
    """Concepts from one or more files; later files override earlier concepts by id."""

    concepts: tuple[Concept, ...] = ()
    paths: tuple[str, ...] = ()
    fingerprint: str = "none"
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def get(self, concept_id: str) -> Concept | None:
        return next((c for c in self.concepts if c.id == concept_id), None)

    def languages(self) -> list[str]:
        return list(dict.fromkeys(t.lang for c in self.concepts for t in c.terms))

    def profiles(self) -> list[str]:
        return sorted({t.profile for c in self.concepts for t in c.terms if t.profile})

    def terms(self) -> Iterator[tuple[Concept, Term]]:
        for concept in self.concepts:
            for term in concept.terms:
                yield concept, term

    def with_origin(self, origin: str) -> TermBase:
        return replace(self, concepts=tuple(replace(c, origin=origin) for c in self.concepts))


def fingerprint_bytes(chunks: Iterable[bytes]) -> str:
    """A short content hash: the report signature names the glossaries by it."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(hashlib.sha256(chunk).digest())
    return digest.hexdigest()[:12]


def merge(bases: Iterable[TermBase]) -> TermBase:
    """Concatenate term bases; a later concept with the same id replaces the earlier one
    in place, so project glossaries can correct shipped entries."""
    bases = list(bases)
    if not bases:
        return TermBase()
    by_id: dict[str, Concept] = {}
    for base in bases:
        for concept in base.concepts:
            by_id[concept.id] = concept
    paths = tuple(p for b in bases for p in b.paths)
    warnings = tuple(w for b in bases for w in b.warnings)
    print_ = (
        bases[0].fingerprint
        if len(bases) == 1
        else fingerprint_bytes(b.fingerprint.encode() for b in bases)
    )
    return TermBase(tuple(by_id.values()), paths, print_, warnings)
