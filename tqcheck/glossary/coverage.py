"""Glossary coverage of a corpus: the maintainers' to-do list.

Which concepts occur (and how often), and which frequent capitalised
multi-word expressions are not covered by any term yet ("Membership Action
Plan", "NATO-Ukraine-Rat"). Candidates are runs of capitalised words joined by
spaces, hyphens or a few connecting words ("Conseil de l'Atlantique Nord"),
minus a leading article or sentence-initial function word, minus any run that
a glossary term already covers.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tqcheck.glossary.runtime import Glossary
from tqcheck.model import Document

CONNECTORS = {
    "en": {"of", "for", "and", "the", "on", "in"},
    "de": {"für", "der", "des", "und", "von", "zur", "zum"},
    "fr": {"de", "du", "des", "la", "le", "l", "et", "pour", "d"},
}
LEADERS = {
    "en": {"The", "A", "An", "This", "That", "In", "On", "At", "For", "But", "And", "If"},
    "de": {
        "Der",
        "Die",
        "Das",
        "Den",
        "Dem",
        "Des",
        "Ein",
        "Eine",
        "Einen",
        "Einem",
        "Eines",
        "Im",
        "Am",
        "Beim",
        "Vom",
        "Zum",
        "Zur",
        "Auf",
        "Mit",
        "Nach",
        "In",
        "Auch",
        "Und",
        "Aber",
        "Wenn",
        "Dass",
        "Bei",
        "Für",
        "Von",
        "Seit",
        "Laut",
        "Wie",
        "Als",
        "So",
    },
    "fr": {
        "Le",
        "La",
        "Les",
        "L",
        "Un",
        "Une",
        "Des",
        "Du",
        "De",
        "Au",
        "Aux",
        "En",
        "Dans",
        "Pour",
        "Selon",
        "Et",
        "Mais",
        "Si",
    },
}
_WORD_RE = re.compile(r"[^\W\d_][\w]*(?:[-‐][\w]+)*")


@dataclass
class Coverage:
    documents: int = 0
    concept_hits: Counter[str] = field(default_factory=Counter)
    concept_docs: Counter[str] = field(default_factory=Counter)
    candidates: Counter[str] = field(default_factory=Counter)
    candidate_docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def unused(self, glossary: Glossary, lang: str | None = None) -> list[str]:
        return [
            c.id
            for c in glossary.base.concepts
            if c.id not in self.concept_hits and (lang is None or c.terms_in(lang))
        ]


def add_document(cov: Coverage, glossary: Glossary, doc: Document) -> None:
    cov.documents += 1
    matches = glossary.find(doc)
    seen: set[str] = set()
    for m in matches:
        if m.nested:
            continue
        cov.concept_hits[m.concept.id] += 1
        seen.add(m.concept.id)
    for cid in seen:
        cov.concept_docs[cid] += 1
    covered = [(m.start, m.end) for m in matches]
    for start, end, phrase in candidates(doc.text, doc.lang):
        if any(s < end and start < e for s, e in covered):
            continue
        cov.candidates[phrase] += 1
        cov.candidate_docs[phrase].add(doc.path)


def candidates(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Capitalised multi-word runs as (start, end, phrase)."""
    base = lang.split("-")[0].lower()
    connectors = CONNECTORS.get(base, set())
    leaders = LEADERS.get(base, set())
    out: list[tuple[int, int, str]] = []
    run: list[re.Match[str]] = []

    def flush() -> None:
        while run and (run[-1].group() in connectors):
            run.pop()
        while run and (run[0].group() in leaders or run[0].group() in connectors):
            run.pop(0)
        words = [m.group() for m in run]
        if len(words) >= 2 or (
            words
            and "-" in words[0]
            and words[0][0].isupper()
            and sum(p[:1].isupper() for p in words[0].split("-")) >= 2
        ):
            out.append((run[0].start(), run[-1].end(), text[run[0].start() : run[-1].end()]))
        run.clear()

    previous_end = 0
    for m in _WORD_RE.finditer(text):
        gap = text[previous_end : m.start()]
        word = m.group()
        joined = gap in (" ", "'", "’") or (gap == "" and not run)
        if run and not joined:
            flush()
        if word[0].isupper() or (run and word in connectors):
            run.append(m)
        else:
            flush()
        previous_end = m.end()
    flush()
    return out
