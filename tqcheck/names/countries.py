"""Country and region names across languages, from the Unicode CLDR (Babel).

CLDR names every territory in every locale ("Greece" / "Griechenland" / "Grèce") and the
languages spoken there ("Greek" / "Griechisch" / "grec"); a country's adjective and its
people are mostly written with the language name's stem ("griechische", "Franzosen"). The
names checks use this to know that a country of the source arrived in the target under
its own name or as an adjective, and that a country name of the target that no source
word accounts for stands in for another one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tqcheck.names.text import fold, lang_set

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
MIN_FORM = 4  # letters: shorter words of a multi-word name ("of", "the") are no forms
STEM = 5  # letters an adjective shares with a language name at least ("franz-osen")
STEM_SHARE = 0.6  # … and this share of the language name
ADJECTIVE_ENDING = 4  # letters an adjective adds to a country's name at most ("-ische")
SHORT_STEM = 4  # a name this short takes a listed place-adjective ending ("Malian")


@dataclass(frozen=True)
class Country:
    """A territory's folded words in one language: its name's words, the names of its
    official languages ("frankreich"; "franzosisch"), and its name when that is one word."""

    names: frozenset[str]
    languages: frozenset[str]
    one_word: str | None


@lru_cache(maxsize=32)
def _locale(lang: str) -> Any:
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:  # the names checks work without; they only know fewer countries
        return None
    try:
        return Locale.parse(lang.split("-")[0])
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=16)
def calendar_words(lang: str) -> frozenset[str]:
    """The language's names of days and months, lower case (CLDR through Babel; empty
    without it): capitalised, they are no names of people or places ("Monday", "Juni")."""
    loc = _locale(lang)
    if loc is None:
        return frozenset()
    out: set[str] = set()
    for table in (loc.days, loc.months):
        for context in table.values():
            for width in ("wide", "abbreviated"):
                out |= {str(n).lower().rstrip(".") for n in context.get(width, {}).values()}
    return frozenset(out)


@lru_cache(maxsize=16)
def countries(lang: str) -> dict[str, Country]:
    """Territory code -> its words in ``lang``; empty when Babel or the locale is missing."""
    loc = _locale(lang)
    if loc is None:
        return {}
    from babel.languages import get_official_languages

    out: dict[str, Country] = {}
    for code, name in loc.territories.items():
        names = frozenset(fold(w) for w in _WORD.findall(name) if len(w) >= MIN_FORM)
        spoken: set[str] = set()
        if code.isalpha():
            for language in get_official_languages(code, de_facto=True):
                written = loc.languages.get(language, "")
                if len(_WORD.findall(written)) == 1:
                    spoken.add(fold(written))
        if names:
            single = fold(name) if len(_WORD.findall(name)) == 1 else None
            out[code] = Country(names, frozenset(spoken), single)
    return out


@lru_cache(maxsize=16)
def by_full_name(lang: str) -> dict[str, str]:
    """Folded full name of a country of ``lang`` in two words or more -> its code ("united
    kingdom" -> GB, "südafrika" has one and is ``by_name``'s); empty without Babel."""
    loc = _locale(lang)
    if loc is None:
        return {}
    return {
        " ".join(fold(w) for w in _WORD.findall(name)): code
        for code, name in loc.territories.items()
        if code.isalpha() and len(_WORD.findall(name)) > 1
    }


def name_forms(code: str, lang: str) -> frozenset[str]:
    """The forms by which a territory's name arrives in ``lang``: a one-word name's word;
    a name of several words in full ("united kingdom") and by those of its words no other
    territory's name has ("kingdom", not "united": that is the United States' too)."""
    country = countries(lang).get(code)
    if country is None:
        return frozenset()
    if country.one_word:
        return country.names
    names, _stems = _index(lang)
    full = {n for n, c in by_full_name(lang).items() if c == code}
    return frozenset(full | {w for w in country.names if names.get(w) == {code}})


@lru_cache(maxsize=16)
def by_name(lang: str) -> dict[str, str]:
    """Folded one-word country or region name of ``lang`` -> its territory code."""
    return {c.one_word: code for code, c in countries(lang).items() if c.one_word}


def shares_stem(word: str, form: str, stem: int = STEM, share: float = STEM_SHARE) -> bool:
    """A folded word written on a folded language name's stem: "franzosen" on
    "franzosisch", "griechische" on "griechisch" (at least ``stem`` letters and
    ``share`` of the form in common from the start)."""
    n = 0
    for a, b in zip(word, form, strict=False):
        if a != b:
            break
        n += 1
    return n >= max(stem, share * len(form))


@lru_cache(maxsize=16)
def _index(lang: str) -> tuple[dict[str, set[str]], dict[str, list[tuple[str, str]]]]:
    """Name word -> codes; a language name's first letters -> (name, code)."""
    names: dict[str, set[str]] = {}
    stems: dict[str, list[tuple[str, str]]] = {}
    for code, c in countries(lang).items():
        for w in c.names:
            names.setdefault(w, set()).add(code)
        for form in c.languages:
            stems.setdefault(form[:STEM], []).append((form, code))
    return names, stems


def named(words: list[str], lang: str) -> set[str]:
    """The territory codes that folded ``words`` of ``lang`` name or write an adjective
    of: "Greece", "Greek", "griechische" -> GR."""
    names, stems = _index(lang)
    out: set[str] = set()
    for w in words:
        out |= names.get(w, set())
        out |= {code for form, code in stems.get(w[:STEM], ()) if shares_stem(w, form)}
        out |= _adjective_of(w, lang)
    return out


def _adjective_of(word: str, lang: str) -> set[str]:
    """Codes of one-word country names that ``word`` extends by an adjective ending
    ("greenlandic" on "greenland", "islandais" on "islande" less its "e")."""
    table = by_name(lang)
    out: set[str] = set()
    for n in range(len(word) - 1, max(STEM, len(word) - ADJECTIVE_ENDING) - 1, -1):
        for stem in (word[:n], word[:n] + "e"):
            code = table.get(stem)
            if code is not None:
                out.add(code)
    # … and with a place adjective's ending (the name's last letter shared or not), a
    # short name too and a longer ending: "Malian", "maliens", "tchadiennes"
    endings = lang_set("adjective_endings", lang)
    for n in range(SHORT_STEM, len(word) - 1):
        stem, ending = word[:n], word[n:]
        code = table.get(stem)
        if code is not None and (ending in endings or stem[-1] + ending in endings):
            out.add(code)
    return out
