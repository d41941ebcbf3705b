"""Small helpers the glossary checks share."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.context import Context
    from tqcheck.glossary.matcher import Match
    from tqcheck.glossary.model import Concept
    from tqcheck.glossary.runtime import Glossary


def glossary_of(ctx: Context) -> Glossary:
    glossary: Glossary = ctx.resources.get("glossary")
    return glossary


def in_url(text: str, start: int, end: int) -> bool:
    """A term inside a URL, e-mail address or domain ("www.nato.int") is not prose."""
    lo = start
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    chunk = text[lo:hi]
    return (
        "://" in chunk
        or "www." in chunk.lower()
        or "@" in chunk
        or (
            text[end : end + 1] == "."
            and text[end + 1 : end + 2].isalpha()
            and text[end + 1 : end + 2].islower()
        )
    )


def prose_matches(text: str, matches: list[Match]) -> list[Match]:
    return [m for m in matches if not in_url(text, m.start, m.end)]


def label(concept: Concept, lang: str = "en") -> str:
    """A human name for a concept: its English (else first) preferred term, and its id."""
    term = (
        concept.preferred(lang)
        or concept.preferred("en")
        or (concept.terms[0] if concept.terms else None)
    )
    return f"{term.text.strip()!r} ({concept.id})" if term else concept.id


def with_note(message: str, note: str | None) -> str:
    note = " ".join((note or "").split())
    return f"{message}: {note}" if note else message
