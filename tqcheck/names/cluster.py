"""Spelling clusters: one name written several ways in one document (NM002).

Works without any names data: the capitalised words of the document are
grouped by spelling similarity (Jaro-Winkler and edit distance, rapidfuzz), and
a cluster whose words are one name in different spellings reports its minority
spellings ("Scholz" ×2, "Scholes" ×1, "Schales" ×1).

German capitalises every noun, so most capitalised words are kept out first:

- a word frequent in the language (``wordfreq``) is a known word, never a
  minority spelling; a very frequent one is not a name to cluster around either;
- a word after a determiner ("die Schale") is a noun;
- a compound of two frequent words ("Flüchtlingshotel") is a noun;
- declined and derived forms are one word: "Stoltenberg"/"Stoltenbergs",
  "Kiew"/"Kiewer", "Außenminister"/"Außenministerin";
- a minority spelling right after another first name is another person
  ("Kai Scholes" beside "Olaf Scholz").
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tqcheck.names.given import given_names
from tqcheck.names.similarity import close, edits, jaro_winkler
from tqcheck.names.text import (
    Part,
    compound_of_words,
    declined,
    derived_from,
    fold,
    parts,
    zipf,
)

if TYPE_CHECKING:
    from tqcheck.model import Document

MIN_LEN = 4
RARE = 3.0  # a minority spelling is rarer than this in the language
VERY_COMMON = 4.5  # a word this frequent is no name to cluster around (unless known)
GENITIVE = ("s", "'s", "’s")
CASE_ENDINGS = ("s", "es", "e", "en", "er", "ern")  # "Kohlekraftwerks"/"Kohlekraftwerken"
DERIVED = ("in", "innen", "isch", "ische", "ischen", "ischer", "isches")


@dataclass(frozen=True)
class Variant:
    """One minority spelling, where it occurs, and the spelling the document prefers."""

    part: Part
    majority: str
    spread: tuple[tuple[str, int], ...]
    suggestion: str  # the majority with the minority's declension ending ("Äthiopiens")


def inconsistent_spellings(doc: Document, known: frozenset[str] = frozenset()) -> list[Variant]:
    """Minority spellings of the document's names; ``known`` holds folded words that the
    names data knows as correct forms (they may be majorities however frequent)."""
    lang = doc.lang
    every = parts(doc)
    firsts = {
        b.start: a.text
        for a, b in itertools.pairwise(every)
        if b.joined and not b.hyphen and a.sentence == b.sentence and _first_name(a, lang)
    }
    # the surname after each part: "Julija Jefimowa" and "Julia Roberts" are two people
    surnames = {
        a.start: fold(b.text)
        for a, b in itertools.pairwise(every)
        if b.joined
        and not b.hyphen
        and a.sentence == b.sentence
        and b.text[:1].isupper()
        and not a.text.endswith(("'s", "’s"))
    }
    candidates = [p for p in every if len(p.text) >= MIN_LEN and not p.hyphen]
    by_form: dict[str, list[Part]] = {}
    for p in candidates:
        by_form.setdefault(p.text, []).append(p)
    lemma = _lemmas(list(by_form), lang)
    groups: dict[str, list[Part]] = {}
    for form, ps in by_form.items():
        groups.setdefault(lemma[form], []).extend(ps)
    forms = [f for f in groups if _nameish(f, groups[f], lang, known)]
    # a very frequent name ("Deutschland", "Putin") is a majority only for a minority
    # that no word list has ever seen ("Deutschlnd", "Pudin")
    frequent = [f for f in groups if f not in forms and _frequent_name(f, groups[f], lang)]
    counts = Counter({f: len(groups[f]) for f in (*forms, *frequent)})
    # a majority shares the minority's first letter (``close`` asks for it), so each
    # minority is compared with the forms of its letter only, not with every form
    forms_by, frequent_by = _by_initial(forms), _by_initial(frequent)
    out: list[Variant] = []
    for minor in forms:
        unseen = zipf(minor.lower(), lang) == 0 and len(minor) >= MIN_LEN + 1
        if counts[minor] != 1 or not _rare(minor, groups[minor][0], lang, known, unseen):
            continue
        # the majority is written twice or more; or, against a spelling no word list has
        # seen, once is enough for a name the word lists know ("Putin" / "Pudin")
        # or, one against one: the spelling no word list has seen (in the language
        # or in English), one letter from one they know ("Shenzhen" …
        # "Shenhzen", "Aurich" … "Aruich")
        unseen_en = unseen and zipf(minor.lower(), "en") == 0
        initial = fold(minor)[:1]
        majors = [
            m
            for m in (*forms_by.get(initial, ()), *(frequent_by.get(initial, ()) if unseen else ()))
            if m != minor
            and (
                counts[m] >= 2
                or (
                    # one against one: not two people ("Marta Lindqvist", "Martta Ojanen")
                    _same_surname(groups[minor], groups[m], surnames)
                    and (
                        (unseen and zipf(m.lower(), lang) >= RARE)
                        # … or a surname the document introduces with a given name, and
                        # the other spelling never: "Eleanor Whitcombe … Whitcomb said"
                        or (
                            _introduced(groups[m], firsts)
                            and not _introduced(groups[minor], firsts)
                            and _similar(minor, m, strict=True, lang=lang)
                        )
                        # … or barely seen, a typing slip of a spelling far more frequent:
                        # "Klop" (Zipf 1.6) one letter from "Klopp" (3.8)
                        or (
                            _barely_seen(minor, lang)
                            and zipf(m.lower(), lang)
                            >= max(RARE, zipf(minor.lower(), lang) + SLIP_GAP)
                            and _similar(minor, m, strict=True, lang=lang)
                        )
                        or (
                            unseen_en
                            and _seen_anywhere(m, lang)
                            and _similar(minor, m, strict=True, lang=lang)
                        )
                    )
                )
            )
            and _similar(minor, m, lang=lang)
            and not _derived(minor, m, lang)
        ]
        if not majors:
            continue
        major = max(majors, key=lambda m: (counts[m], fold(m) in known, jaro_winkler(minor, m)))
        if _other_person(groups[minor][0], groups[major], firsts):
            continue
        if groups[minor][0].initial and not _similar(minor, major, strict=True, lang=lang):
            continue  # a capital at a sentence start is weak evidence of a name
        cluster = [major, *(m for m in forms if m != major and _similar(m, major, lang=lang))]
        spread = tuple(sorted(((f, counts[f]) for f in cluster), key=lambda kv: -kv[1]))
        suggestion = _inflect(minor, major, lang)
        out.extend(Variant(p, major, spread, suggestion) for p in groups[minor])
    return sorted(out, key=lambda v: v.part.start)


SLIP_SEEN = 2.0  # Zipf under which a spelling is barely seen, in the language and in English
SLIP_GAP = 2.0  # … and the Zipf by which the spelling it slipped from is more frequent


def _introduced(ps: list[Part], firsts: dict[int, str]) -> bool:
    """One of the parts follows a given name of the shipped list ("Eleanor Whitcombe"):
    the name as the document introduces the person."""
    return any(firsts.get(p.start, "") in given_names() for p in ps)


def _barely_seen(word: str, lang: str) -> bool:
    low = word.lower()
    return zipf(low, lang) < SLIP_SEEN and zipf(low, "en") < SLIP_SEEN


def _seen_anywhere(word: str, lang: str) -> bool:
    low = word.lower()
    return zipf(low, lang) > 0 or zipf(low, "en") > 0


def _inflect(minor: str, major: str, lang: str) -> str:
    """The majority spelling with the minority's genitive: "Äthopiens" -> "Äthiopiens"
    (but "Scholes" -> "Scholz": a name ending in s, z or x takes no genitive s)."""
    if major[-1:] in "szxßSZX":
        return major
    for base, ending in declined(minor, lang)[1:]:
        if ending in GENITIVE and edits(base, major) < edits(minor, major):
            return major + ending
    return major


def _lemmas(forms: list[str], lang: str) -> dict[str, str]:
    """Each form -> the shortest form of the document it is a declension of."""
    present = set(forms)
    out = {}
    for form in forms:
        bases = [b for b, ending in declined(form, lang) if ending and b in present]
        out[form] = min(bases, key=len) if bases else form
    return out


def _nameish(form: str, ps: list[Part], lang: str, known: frozenset[str]) -> bool:
    if fold(form) in known:
        return True
    if compound_of_words(form, lang) or zipf(form.lower(), lang) >= VERY_COMMON:
        return False
    after_det = sum(p.after_det for p in ps)
    unseen = zipf(form.lower(), lang) == 0 and zipf(form.lower(), "en") == 0
    if after_det * 3 > len(ps) and not unseen:
        return False  # a noun after an article, unless no word list knows it ("die Türki")
    return not all(p.initial for p in ps) or zipf(form.lower(), lang) < RARE


def _frequent_name(form: str, ps: list[Part], lang: str) -> bool:
    """A very frequent capitalised word used as a name: never after a determiner, no
    compound, capitalised mid-sentence at least once ("in Deutschland")."""
    if zipf(form.lower(), lang) < VERY_COMMON or compound_of_words(form, lang):
        return False
    return not any(p.after_det for p in ps) and not all(p.initial for p in ps)


def _rare(form: str, part: Part, lang: str, known: frozenset[str], unseen: bool) -> bool:
    """A possible minority spelling: rare, not a noun after a determiner (unless no word
    list has seen it: "in der Tükei"), no compound."""
    return (
        fold(form) not in known
        and zipf(form.lower(), lang) < RARE
        and (unseen or not part.after_det)
        and not compound_of_words(form, lang)
    )


def _by_initial(names: list[str]) -> dict[str, list[str]]:
    """Names by their folded first letter, in their order."""
    out: dict[str, list[str]] = {}
    for name in names:
        out.setdefault(fold(name)[:1], []).append(name)
    return out


def _similar(a: str, b: str, strict: bool = False, lang: str = "") -> bool:
    """``a`` (or a declined reading of it) and ``b`` are one name's spellings."""
    readings = [r for r, e in declined(a, lang) if e in ("", *GENITIVE)] if lang else [a]
    if strict:
        return any(jaro_winkler(r, b) >= 0.88 and edits(r, b) <= 1 for r in readings)
    return any(close(r, b) for r in readings)


def _derived(a: str, b: str, lang: str = "de") -> bool:
    """ "Außenminister"/"Außenministerin", "Kiew"/"Kiews", "Ukraine"/"Ukrainians": one
    word, two forms."""
    if derived_from(a, b) or derived_from(b, a):
        return True
    short, long = sorted((fold(a), fold(b)), key=len)
    if long.startswith(short) and _inflection(short, long[len(short) :], lang):
        return True
    stem = _common_prefix(short, long)
    endings = {short[len(stem) :], long[len(stem) :]}
    english = lang.split("-")[0] == "en"  # German case endings are no English inflection
    allowed = {"", *GENITIVE, "es"} if english else {"", *DERIVED, *CASE_ENDINGS}
    return len(stem) >= 4 and endings <= allowed


def _inflection(stem: str, ending: str, lang: str = "de") -> bool:
    """A case or plural ending ("Grönlandhai"/"Grönlandhaie", "Waffe"/"Waffen"), but not
    a doubled last letter ("Thorvaldsen"/"Thorvaldsenn"); in English only a plural or
    genitive s ("Whitcomb"/"Whitcombe" are two spellings)."""
    if lang.split("-")[0] == "en":
        return ending in ("s", "es") and stem[-1:] not in ("s", "z", "x")
    if ending in ("e", "es", "en", "er", "ern"):
        return True
    if ending == "n":
        return stem[-1:] in ("e", "l", "r")
    return ending == "s" and stem[-1:] not in ("s", "z", "x")


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _first_name(p: Part, lang: str) -> bool:
    """A capitalised word that may be a first name: no noun after an article ("im Hochland
    Äthopiens"), no common word at a sentence start ("Selon Grégiore", "Laut Scholz")."""
    return not p.after_det and not (p.initial and zipf(p.text.lower(), lang) >= RARE)


def _same_surname(minors: list[Part], majors: list[Part], surnames: dict[int, str]) -> bool:
    """No surname after either spelling, or the same one: one person, one name."""
    after = {surnames.get(p.start) for p in minors} | {surnames.get(p.start) for p in majors}
    return len(after - {None}) <= 1 and (None not in after or len(after) == 1)


def _other_person(minor: Part, majors: list[Part], firsts: dict[int, str]) -> bool:
    """The minority spelling follows a first name the majority never has."""
    first = firsts.get(minor.start)
    if first is None:
        return False
    return fold(first) not in {fold(firsts[p.start]) for p in majors if p.start in firsts}
