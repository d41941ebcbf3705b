"""Find every term of every loaded glossary in a text in one pass (Aho-Corasick).

The text becomes a *key string*: each word replaced by its normalised key
(``normalize.key_function``), words joined by one space, and ``|`` where
punctuation or a line break separates them. Each term becomes `` key key ``
the same way, so the automaton only ever matches whole words, and a term can
match across a hyphen: "NATO-Ostflanke" holds both "NATO" and "Ostflanke".

The compound rule (German and other compounding languages): an approved
one-word term whose key has at least ``HEAD_MIN`` letters also matches as the
*head* of a closed compound whose modifier has at least ``MODIFIER_MIN``
letters ("Südostflanke" -> "Ostflanke", "Vilnius-Gipfeltreffen"). A term never
matches as a compound's *modifier* and short terms never match inside words,
so "Rat" is not found in "Beirat" or "Ratgeber". Deprecated terms match only
as whole words or hyphen-joined parts, where a false alarm is least likely.

Case: words with two capitals or an inner capital ("NATO", "OTAN") must appear
as written; other words match in any case. When two terms fit the same span,
the one written exactly as in the text wins ("NATO" over "Nato").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tqcheck.glossary.model import Concept, Status, Term, TermBase
from tqcheck.glossary.normalize import (
    BARRIER,
    COMPOUNDING,
    WORD_RE,
    is_case_sensitive,
    joins,
    key_function,
    words,
)
from tqcheck.text.cache import load_or_build, source_key

HEAD_MIN = 5
MODIFIER_MIN = 3


@dataclass(frozen=True)
class Entry:
    """One pattern of the automaton: a term of a concept, in its matching form."""

    concept: Concept
    term: Term
    surface: tuple[str, ...]  # the term's words as written
    case_sensitive: tuple[bool, ...]
    head: bool = False  # this pattern is the compound-head variant


@dataclass(frozen=True)
class Match:
    """A term found in a text, with code-point offsets into that text."""

    start: int
    end: int
    text: str
    concept: Concept
    term: Term
    exact: bool  # written exactly as the term (case included)
    compound: bool = False  # found as the head of a closed compound
    nested: bool = False  # inside a longer match of another term


Ref = tuple[int, int, bool]  # a concept's index in the base, a term's in the concept, head


class Matcher:
    """An automaton over the normalised terms of one language; build once, reuse.

    The automaton's values name terms by position (concept, term, head variant), not by
    object, so a term base with a content fingerprint keeps its automaton in the disk
    cache (``text.cache``) and a new process loads it instead of building it."""

    def __init__(self, base: TermBase, lang: str) -> None:
        self.lang = lang
        self.key = key_function(lang)
        self._concepts = base.concepts
        self._entries: dict[Ref, Entry] = {}
        if base.fingerprint in ("", "none"):  # built in code: nothing to key it by
            self.automaton, self.size = _automaton(base, lang)
        else:
            key = f"{base.fingerprint}|{lang.lower()}|{_code_key()}"
            self.automaton, self.size = load_or_build(
                "matcher", key, lambda: _automaton(base, lang)
            )

    def _entry(self, ref: Ref) -> Entry:
        entry = self._entries.get(ref)
        if entry is None:
            concept = self._concepts[ref[0]]
            term = concept.terms[ref[1]]
            ws = tuple(w.text for w in words(term.text))
            entry = Entry(concept, term, ws, tuple(is_case_sensitive(w) for w in ws), ref[2])
            self._entries[ref] = entry
        return entry

    def find(self, text: str) -> list[Match]:
        """Every term occurrence, overlaps resolved: longest first, ties to exact case."""
        if self.size == 0:
            return []
        keys, starts, spans = keyed(text, self.lang)
        found: list[Match] = []
        for end, (length, refs) in self.automaton.iter(keys):
            first = end - length + 1  # where the pattern starts in the key string
            for entry in map(self._entry, refs):
                if entry.head:
                    if keys[first - 1] == " ":
                        continue  # a whole word: the full pattern reports it
                    i = bisect.bisect_right(starts, first) - 1
                    if first - starts[i] < MODIFIER_MIN or spans[i][0] < 0:
                        continue
                    found.append(self._match(text, entry, spans[i][0], spans[i][1], True, True))
                    continue
                i = bisect.bisect_left(starts, first + 1)
                n = len(entry.surface)
                if any(spans[j][0] < 0 for j in range(i, i + n)):
                    continue
                originals = [text[spans[j][0] : spans[j][1]] for j in range(i, i + n)]
                if not all(
                    o.startswith(s)
                    for o, s, cs in zip(originals, entry.surface, entry.case_sensitive, strict=True)
                    if cs
                ):
                    continue
                exact = all(o == s for o, s in zip(originals, entry.surface, strict=True))
                found.append(self._match(text, entry, spans[i][0], spans[i + n - 1][1], exact))
        return resolve(found)

    @staticmethod
    def _match(
        text: str, entry: Entry, start: int, end: int, exact: bool, compound: bool = False
    ) -> Match:
        return Match(start, end, text[start:end], entry.concept, entry.term, exact, compound)


def _automaton(base: TermBase, lang: str) -> tuple[Any, int]:
    """The automaton of ``lang``'s terms (pattern -> its length and term refs), and how
    many patterns it holds."""
    import ahocorasick

    key = key_function(lang)
    compounding = lang.lower().split("-")[0] in COMPOUNDING
    patterns: dict[str, list[Ref]] = {}
    for c, concept in enumerate(base.concepts):
        here = {id(t) for t in concept.terms_in(lang)}
        for t, term in enumerate(concept.terms):
            if id(term) not in here:
                continue
            ws = [w.text for w in words(term.text)]
            if not ws:
                continue
            keys = [key(w) for w in ws]
            patterns.setdefault(" " + " ".join(keys) + " ", []).append((c, t, False))
            if (
                compounding
                and term.approved
                and len(ws) == 1
                and len(keys[0]) >= HEAD_MIN
                and not is_case_sensitive(ws[0])
            ):
                patterns.setdefault(keys[0] + " ", []).append((c, t, True))
    automaton: Any = ahocorasick.Automaton()
    for pattern, refs in patterns.items():
        automaton.add_word(pattern, (len(pattern), tuple(refs)))
    if patterns:
        automaton.make_automaton()
    return automaton, sum(len(v) for v in patterns.values())


@lru_cache(maxsize=1)
def _code_key() -> str:
    """The code that builds an automaton: this module, the key normalisation and the
    stemmer it calls."""
    import sys
    from importlib.metadata import version

    from tqcheck.glossary import normalize

    return source_key(sys.modules[__name__], normalize, data=(version("snowballstemmer"),))


@lru_cache(maxsize=8)
def keyed(text: str, lang: str) -> tuple[str, tuple[int, ...], tuple[tuple[int, int], ...]]:
    """The text as one string of word keys (" key key | key "), with the key-string offset
    and the text span of each word; (-1, -1) for a barrier. Made once per text and
    language: the glossary and the names data match the same document."""
    pieces: list[str] = [" "]
    starts: list[int] = []
    spans: list[tuple[int, int]] = []
    pos = 1
    key = key_function(lang)
    barrier = BARRIER + " "
    previous = -1
    # per word its key, and a barrier between words that cannot share a term (punctuation,
    # a line break): written out, as this runs over every word of every document
    for m in WORD_RE.finditer(text):
        start, end = m.span()
        if previous >= 0:
            gap = text[previous:start]
            if gap != " " and not joins(gap):
                starts.append(pos)
                spans.append((-1, -1))
                pieces.append(barrier)
                pos += len(barrier)
        k = key(m.group())
        starts.append(pos)
        spans.append((start, end))
        pieces.append(k + " ")
        pos += len(k) + 1
        previous = end
    return "".join(pieces), tuple(starts), tuple(spans)


def resolve(found: list[Match]) -> list[Match]:
    """One term per (span, concept); a match inside a longer one of another concept is
    kept but marked ``nested`` (the house-style check still wants "NATO" in "NATO-Rat")."""
    best: dict[tuple[int, int, str], Match] = {}
    for m in found:
        key = (m.start, m.end, m.concept.id)
        if key not in best or _rank(m) > _rank(best[key]):
            best[key] = m
    ordered = sorted(best.values(), key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Match] = []
    cover_end = -1
    cover_start = -1
    for m in ordered:
        inside = m.end <= cover_end and (m.start, m.end) != (cover_start, cover_end)
        if inside:
            out.append(_nested(m))
            continue
        out.append(m)
        if m.end > cover_end:
            cover_start, cover_end = m.start, m.end
    return out


def _rank(m: Match) -> tuple[bool, bool, bool, bool]:
    return (not m.compound, m.exact, m.term.approved, m.term.status is Status.PREFERRED)


def _nested(m: Match) -> Match:
    return Match(m.start, m.end, m.text, m.concept, m.term, m.exact, m.compound, nested=True)
