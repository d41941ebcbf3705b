"""A name no word list has seen, one edit from a well-known one (NM007).

A lone misspelled name ("Lomdon", "Campblel", "Opama") has no second spelling in the
document to compare with and may be missing from the names data; what it has is a
famous neighbour. A capitalised word that wordfreq has never seen, neither in the
document's language nor in English (names travel through English), and that is one
edit (insert, delete, replace, transpose: pyspellchecker's candidates) from a word
both dictionaries know well, is that word misspelled. Real rare names are kept out by
the evidence a typo lacks: the document writes them twice, the source holds them, the
names data knows them, or they decline or compound from seen words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.model import Document
from tqcheck.names.countries import by_name, named
from tqcheck.names.given import given_names, surnames
from tqcheck.names.places import places, population
from tqcheck.names.text import (
    Part,
    compound_of_words,
    declined,
    fold,
    lang_set,
    parts,
)
from tqcheck.text.frequency import zipf
from tqcheck.text.spell import SPELL_LANGS, neighbours

MIN_LETTERS = 4
FAMOUS = 4.0  # Zipf: the neighbour is a word everyone has read ("London", "Obama")
# A typing slip (two letters swapped, a letter doubled or undoubled: "Phelsp", "Cohenn")
# is rarely another real name, so a less famous neighbour is evidence enough; a changed
# or added letter often is one ("Labson" / "Lawson", "Reuth" / "Ruth").
SLIP_FAMOUS = 3.3
# No dictionary holds most names ("Wuhan", "Manning"): a name of the shipped lists (given
# names, surnames, places of LISTED_PLACE people or more) one edit away, as read in news,
# is the neighbour.
LISTED_FAMOUS = 2.5
LISTED_PLACE = 100_000
BASE_KNOWN = 2.0  # Zipf of a declined form's base from which it is that word declined
PIVOT = "en"  # names travel through English: a name seen there is no typo
_LIST_GAP = re.compile(r",? (?:and|und|et|or|oder|ou|as well as|sowie) |, ")


@dataclass(frozen=True)
class Typo:
    part: Part
    correction: str


def name_typos(
    doc: Document, nouns: bool = False, known: frozenset[str] = frozenset()
) -> list[Typo]:
    """Lone capitalised words no word list has seen, one edit from a famous word.
    ``nouns``: the language capitalises its nouns (a word after a determiner is a noun,
    FL021's); ``known`` holds folded words the names data knows."""
    lang = doc.lang.split("-")[0].lower()
    if lang not in SPELL_LANGS:
        return []
    every = parts(doc)
    counts = Counter(fold(p.text) for p in every)
    source = {fold(w) for w in doc.source.text.split()} if doc.source is not None else frozenset()
    out: list[Typo] = []
    for k, p in enumerate(every):
        word = p.text
        if len(word) < MIN_LETTERS or p.hyphen or (nouns and p.after_det):
            continue
        if word.isupper() or any(c.isupper() for c in word[1:]):
            continue  # an acronym, "McAllister"
        if _foreign_letters(word, lang):
            continue  # "Bríd" in a French text: spelled its own language's way
        key = fold(word)
        if counts[key] > 1 or key in source or key in known:
            continue
        if _seen(word, lang) or any(
            _known_base(base, lang) for base, e in declined(word, lang) if e
        ):
            continue  # seen, or a known word declined ("Merkels"); "Kanzas" is no
            # genitive of "Kanza", a word wordfreq met a few times
        if compound_of_words(word, lang):
            continue
        if any(not _seen(q.text, lang) for q in _listed_with(doc, every, k)):
            continue  # "Welschenkahl, Neudorf and Reuth": a list of local names
        if any(not _seen(q.text, lang) for q in _joined_with(every, k)):
            continue  # "Julija Jefimowa": a foreign name spelled its own way throughout
        # a name's near miss, no word's: "Jochen Saier" is no "safer"
        correction = _famous_neighbour(word, lang, known) or _listed_neighbour(word, lang)
        if correction is not None and fold(correction) != key:
            out.append(Typo(p, correction))
    return out


def _foreign_letters(word: str, lang: str) -> bool:
    """``word`` holds a letter beyond a–z that the language writes none of its own words
    with (names.toml ``[own_letters]``)."""
    own = lang_set("own_letters", lang)
    return any(not c.isascii() and c.isalpha() and c not in own for c in word.lower())


def typing_slip(word: str, correct: str) -> bool:
    """Two neighbouring letters swapped, or one letter doubled or undoubled."""
    if len(word) == len(correct):
        diff = [i for i, (a, b) in enumerate(zip(word, correct, strict=True)) if a != b]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == correct[diff[1]]
            and word[diff[1]] == correct[diff[0]]
        )
    longer, shorter = (word, correct) if len(word) > len(correct) else (correct, word)
    if len(longer) != len(shorter) + 1:
        return False
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return (i > 0 and longer[i] == longer[i - 1]) or (
                i + 1 < len(longer) and longer[i] == longer[i + 1]
            )
    return False


def _listed_with(doc: Document, every: tuple[Part, ...], k: int) -> list[Part]:
    """The other members of a list of capitalised words that ``every[k]`` belongs to
    ("A, B and C"): parts of one sentence joined by a comma or a coordinating word."""
    out: list[Part] = []
    for step in (-1, 1):
        j = k
        while 0 <= j + step < len(every):
            a, b = (every[j + step], every[j]) if step < 0 else (every[j], every[j + step])
            if a.sentence != b.sentence or not _LIST_GAP.fullmatch(doc.text[a.end : b.start]):
                break
            j += step
            out.append(every[j])
    return out


def _joined_with(every: tuple[Part, ...], k: int) -> list[Part]:
    """The parts written right before and after ``every[k]`` in one name."""
    out = []
    if k > 0 and every[k].joined and every[k - 1].sentence == every[k].sentence:
        out.append(every[k - 1])
    if k + 1 < len(every) and every[k + 1].joined and every[k + 1].sentence == every[k].sentence:
        out.append(every[k + 1])
    return out


def _seen(word: str, lang: str) -> bool:
    low = word.lower()
    return zipf(low, lang) > 0 or zipf(low, PIVOT) > 0


def _known_base(word: str, lang: str) -> bool:
    """A declined form's base that is a word of the language or of English, not one met
    only in passing."""
    low = word.lower()
    return max(zipf(low, lang), zipf(low, PIVOT)) >= BASE_KNOWN


def _famous_neighbour(word: str, lang: str, known: frozenset[str]) -> str | None:
    """The most frequent name one edit from ``word`` in the document's language's or
    English's dictionary, famous there and known in the former; None when no neighbour is
    a name some list holds (``_a_name``)."""
    best: tuple[float, str] | None = None
    for where in dict.fromkeys((lang, PIVOT)):
        for candidate in neighbours(word, where):
            # famous in the document's language or in English, and known in the former
            here = zipf(candidate, lang)
            frequency = max(here, zipf(candidate, PIVOT))
            needed = SLIP_FAMOUS if typing_slip(word.lower(), candidate) else FAMOUS
            if frequency < needed or here < needed - 1:
                continue
            name = candidate[0].upper() + candidate[1:]
            if (best is None or frequency > best[0]) and _a_name(name, known):
                best = (frequency, name)
    return None if best is None else best[1]


def _a_name(word: str, known: frozenset[str]) -> bool:
    """``word`` (capitalised) is a name some list holds: a given name or a surname, a place,
    a name of the names data, a country or a language. A misspelled name has a name for
    its famous neighbour ("Opama" / "Obama", "Cohenn" / "Cohen"); a rare name one letter
    off an everyday word ("Saier" / "safer", "Vilter" / "filter") is its own."""
    key = fold(word)
    return (
        word in given_names()
        or word in surnames()
        or key in known
        or population(word) > 0
        or any(key in by_name(code) or named([key], code) for code in _NAME_LANGS)
    )


_NAME_LANGS = ("en", "de", "fr")  # the languages whose CLDR country and language names count


@lru_cache(maxsize=1)
def _listed_names() -> tuple[str, ...]:
    """Folded names of the shipped lists: given names, surnames, large places."""
    names = {fold(n) for n in given_names() | surnames()}
    names |= {n for n, size in places().named.items() if size >= LISTED_PLACE}
    return tuple(sorted(n for n in names if len(n) >= MIN_LETTERS))


@lru_cache(maxsize=1)
def _listed_by_letters() -> dict[frozenset[str], tuple[str, ...]]:
    """The listed names by the set of their letters: a typing slip (two letters swapped,
    one doubled or undoubled) keeps it, so a word's candidates are one lookup away
    instead of a fuzzy pass over every listed name."""
    out: dict[frozenset[str], list[str]] = {}
    for name in _listed_names():
        out.setdefault(frozenset(name), []).append(name)
    return {letters: tuple(names) for letters, names in out.items()}


def _listed_neighbour(word: str, lang: str) -> str | None:
    """The most read name of the shipped lists a typing slip from ``word``, read at least
    LISTED_FAMOUS in the document's language or English; None if none."""
    key = fold(word)
    best: tuple[float, str] | None = None
    for name in _listed_by_letters().get(frozenset(key), ()):
        # a typing slip only (letters swapped, doubled or undoubled): a name a letter
        # off a listed one is as often a spelling of its own ("Irme", "Priscille")
        if name == key or not typing_slip(key, name):
            continue
        frequency = max(zipf(name, lang), zipf(name, PIVOT))
        if frequency >= LISTED_FAMOUS and (best is None or frequency > best[0]):
            best = (frequency, name)
    return None if best is None else best[1][0].upper() + best[1][1:]
