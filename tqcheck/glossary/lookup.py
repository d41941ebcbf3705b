"""Fuzzy term lookup for maintainers: "Generalsekretaer", "SACEUR", "défense colective".

rapidfuzz scores every term of the term base against the query (case and
punctuation folded); a concept is listed once, under its best-matching term.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from tqcheck.glossary.model import Concept, Term, TermBase


@dataclass(frozen=True)
class Hit:
    score: float
    concept: Concept
    term: Term


def fuzzy_search(
    base: TermBase, query: str, lang: str | None = None, limit: int = 10, min_score: float = 60.0
) -> list[Hit]:
    """The best concepts for ``query``, best first; ties keep the file order."""
    pairs = [
        (concept, term)
        for concept, term in base.terms()
        if lang is None or term.lang.lower().split("-")[0] == lang.lower().split("-")[0]
    ]
    choices = [term.text for _concept, term in pairs]
    scored = process.extract(
        query,
        choices,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=min_score,
        limit=None,
    )
    best: dict[str, Hit] = {}
    for _text, score, index in sorted(scored, key=lambda s: (-s[1], s[2])):
        concept, term = pairs[index]
        if concept.id not in best:
            best[concept.id] = Hit(float(score), concept, term)
        if len(best) >= limit:
            break
    return list(best.values())
