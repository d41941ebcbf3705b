"""Small helpers the name checks share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tqcheck.names.analysis import LANG_NAMES
from tqcheck.names.cluster import Variant, inconsistent_spellings

if TYPE_CHECKING:
    from tqcheck.context import Context
    from tqcheck.glossary.model import Concept
    from tqcheck.model import Document
    from tqcheck.names.data import NamesData


def names_of(ctx: Context) -> NamesData | None:
    data: NamesData | None = ctx.resources.get("names")
    return data


def profile(ctx: Context) -> str | None:
    from tqcheck.names.runtime import profile_of

    return profile_of(ctx.config)


def who(concept: Concept, lang: str) -> str:
    """ "Olaf Scholz (person-olaf-scholz)"."""
    term = concept.preferred(lang) or concept.preferred("en")
    return f"{term.text.strip()} ({concept.id})" if term else concept.id


def kind_phrase(kind: str) -> str:
    """ "russian-transliteration" -> "a Russian-based transliteration"."""
    if kind == "russian-transliteration":
        return "a Russian-based transliteration"
    origin = kind.removesuffix("-transliteration").capitalize()
    return f"the {origin} transliteration"


def language(lang: str) -> str:
    return LANG_NAMES.get(lang.split("-")[0].lower(), lang)


def with_note(message: str, note: str | None) -> str:
    note = " ".join((note or "").split())
    return f"{message} ({note})" if note else message


def spelling_clusters(
    doc: Document, data: NamesData | None, known: frozenset[str]
) -> list[Variant]:
    """The document's minority spellings (NM002), computed once per document when the
    names data is loaded (NM002 and NM007 both read them)."""
    if data is None:
        return inconsistent_spellings(doc, known)
    return data.per_doc(doc, "spelling-clusters", lambda: inconsistent_spellings(doc, known))
