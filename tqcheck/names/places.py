"""Cities of the world and their other names, from GeoNames (CC BY 4.0).

``places.tsv.gz`` (built by ``bench/data/build/make_places.py``) lists every place of
15 000 people or more with the names GeoNames gives it in the Latin script ("Munich",
"München", "Monaco di Baviera"); a town under 50 000 is a name only where no dictionary
of the language holds the word ("Lörrach", not "Morden"). The names checks read three
things off it:

- a word, or a run of words, is a city's name: evidence that a source word is a name
  ("Seattle", "Kobe", "Los Angeles"), where it is not an everyday word of the language
  ("Nice", "Bath" and "Reading" are);
- the spellings a target may use for a city of the source ("Breslau" for "Wrocław");
- a target word that names another city stands in for a source name that is gone. Only
  a city's own name counts here, or, for a city of 500 000 people or more, a one-word
  alternate name without hyphen or apostrophe: GeoNames' alternate names are many and
  some are wrong for the city ("Julia" for Plovdiv).
"""

from __future__ import annotations

import gzip
import hashlib
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tqcheck.names.text import fold, lang_list, language_data
from tqcheck.text.cache import load_or_build, source_key
from tqcheck.text.frequency import zipf
from tqcheck.text.spell import known

# A city's name is an everyday word of the language ("Nice", "Bath", "Reading" in English;
# "Essen", "Halle", "Hof" in German) from this Zipf on, when that is this much more than in
# the other languages (words do not travel; "Seattle" does) …
EVERYDAY = 4.0
OWN = 1.0
LANGUAGES = ("en", "de", "fr")
NAME_MAX = 5.0  # … and always from this Zipf on
BIG = 1_000_000  # … unless the city is this big ("London", "Paris")
TOWN = 50_000  # a smaller place is a name only where no dictionary of the language has it
EXONYM_POPULATION = 500_000  # alternate names taken as a city's from this size on


@dataclass(frozen=True)
class Places:
    named: dict[str, int]  # folded one-word name -> largest population it names
    # folded own names of two words or more ("new jersey", "los angeles"); not alternate
    # names ("White House" is one of Casablanca's)
    multi: frozenset[str]
    cities: dict[str, tuple[int, ...]]  # folded name or alternate -> its cities
    names: tuple[tuple[str, ...], ...]  # each city's folded names


@lru_cache(maxsize=1)
def places() -> Places:
    """The table, from the disk cache when it holds it (0.11 s to build; keyed by this
    module's code and the file's content)."""
    raw = (resources.files("tqcheck.names") / "places.tsv.gz").read_bytes()
    key = source_key(sys.modules[__name__], data=(hashlib.sha256(raw).hexdigest(),))
    return load_or_build("places", key, lambda: _built(raw))


def _built(raw: bytes) -> Places:
    """The table (folded by the build script: loading splits lines and nothing more)."""
    named: dict[str, int] = {}
    multi: set[str] = set()
    cities: dict[str, list[int]] = {}
    names: list[tuple[str, ...]] = []
    for k, line in enumerate(gzip.decompress(raw).decode("utf-8").splitlines()):
        name, population, others = line.split("\t")
        size = int(population)
        every = (name, *others.split("|")) if others else (name,)
        names.append(every)
        trusted = every if size >= EXONYM_POPULATION else (name,)
        if " " in name and "-" not in name and "'" not in name:
            multi.add(name)  # the city's own name only: "White House" is Casablanca's
        for n in trusted:
            if " " not in n and "-" not in n and "'" not in n and n not in named:
                named[n] = size  # rows come largest first
        for n in every:
            cities.setdefault(n, []).append(k)
    return Places(named, frozenset(multi), {n: tuple(ks) for n, ks in cities.items()}, tuple(names))


def is_city(word: str, lang: str) -> bool:
    """``word`` names a city and is no everyday word of ``lang``. A city is about as
    frequent in other languages ("Seattle" 4.4 in English, 3.7 in German), a word is not
    ("Bath" 4.4, 3.1); a city is frequent in its own country's language too ("Frankfurt"
    5.1 in German), so past a point only a big one counts."""
    size = places().named.get(fold(word))
    if size is None:
        return False
    if size >= BIG:
        return True
    low = word.lower()
    if size < TOWN and known(low, lang):
        return False  # a town named like a word of the language: "Morden", "Born"
    if size >= TOWN and low.endswith(tuple(lang_list("place_endings", lang))):
        return True  # a city by its name's ending, however frequent: "Göttingen", "Bielefeld"
    here = zipf(low, lang)
    if here < EVERYDAY or not known(low, lang):
        # rare, or no word of the language's dictionary: "Lille", "Lyon" in French (4.5,
        # 4.9) are names only; "Bath" is an English word
        return True
    if here >= NAME_MAX:
        return False
    return here - max(zipf(low, other) for other in LANGUAGES if other != lang) < OWN


def population(word: str) -> int:
    """The population of the city ``word`` names by its main name; 0 for none."""
    return places().named.get(fold(word)) or 0


def is_city_name(words: list[str]) -> bool:
    """The words, joined by spaces, are a city's name of two words or more ("Los
    Angeles", "Sankt Petersburg", "New Jersey"): names no language uses as words."""
    return len(words) > 1 and " ".join(fold(w) for w in words) in places().multi


def any_city_name(words: list[str]) -> bool:
    """The words, joined by spaces, are one of a city's names in any language ("Den Haag",
    "Le Havre"), not only its own."""
    return len(words) > 1 and " ".join(fold(w) for w in words) in places().cities


@lru_cache(maxsize=4096)
def city_forms(word: str) -> frozenset[str]:
    """Folded names of the cities ``word`` names, by any of their names; empty if none."""
    table = places()
    return frozenset(n for k in table.cities.get(fold(word), ()) for n in table.names[k])


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Every folded one-word name of names.toml [regions]: states, regions, landscapes,
    rivers and mountains ("Niedersachsen", "Bretagne", "Harz")."""
    groups = language_data().get("regions", {}).get("groups", [])
    return frozenset(fold(name) for group in groups for name in group if " " not in name)


def is_place(word: str) -> bool:
    """A city the places data knows, or a region of names.toml."""
    return population(word) > 0 or fold(word) in regions()
