"""Small helpers the glossary checks share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tqcheck.text.urls import in_url

if TYPE_CHECKING:
    from tqcheck.context import Context
    from tqcheck.glossary.matcher import Match
    from tqcheck.glossary.model import Concept
    from tqcheck.glossary.runtime import Glossary


def glossary_of(ctx: Context) -> Glossary:
    glossary: Glossary = ctx.resources.get("glossary")
    return glossary


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
