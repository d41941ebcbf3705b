"""Tokens and match keys: how glossary terms and running text are made comparable.

Both sides go through the same function, so a term matches whatever normalises
to its key. German and French get a light *inflectional* stemmer of our own
(it strips case and number endings only: "Verbündeten", "Verbündeter" ->
"verbundet"; "Gipfels" -> "gipfel"; "alliées" -> "allie"), because Snowball's
derivational steps merge words a glossary must keep apart ("Verteidigung" /
"verteidigen"; "Generalsekretärin" / "Generalsekretär"). English uses
Snowball (Porter2): the source side only needs recall. Other languages use
Snowball when it has the language, else the lower-cased word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

WORD_RE = re.compile(r"[^\W_]+")
# What may stand between two words of one term: spaces, hyphens, apostrophes.
JOINER_RE = re.compile(r"[ \t\u00a0\u202f\-\u2010\u2011'’]+")
BARRIER = "|"  # stands for punctuation or a line break between tokens in a key string

_DE_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_DE_ENDINGS = ("ern", "ers", "ens", "en", "em", "er", "es", "e", "n", "s")  # longest first
_NISSE_RE = re.compile(r"nisse[sn]?$")
_S_KEEPERS = frozenset("sxzui")  # "Bündnis", "Status", "Index": the s is the word's own

SNOWBALL = {
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "fi": "finnish",
    "hu": "hungarian",
    "it": "italian",
    "nb": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "es": "spanish",
    "sv": "swedish",
    "tr": "turkish",
    "pl": "polish",
    "cs": "czech",
    "lt": "lithuanian",
    "el": "greek",
    "ca": "catalan",
}
# Languages that write compounds closed, so a term may be a compound's head.
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "nb", "no", "is", "fi"})


class Word(NamedTuple):
    """A word and its offsets (a named tuple: the matcher makes one per word of a text)."""

    text: str
    start: int
    end: int


def words(text: str, offset: int = 0) -> list[Word]:
    return [Word(m.group(), m.start() + offset, m.end() + offset) for m in WORD_RE.finditer(text)]


def joins(gap: str) -> bool:
    """Whether two words separated by ``gap`` may belong to one term."""
    return gap == " " or (gap != "" and JOINER_RE.fullmatch(gap) is not None)


def german_key(word: str) -> str:
    """Strip one case/number ending, the longest that fits: "Partnern", "Partners",
    "Partner" -> "partn". Feminine "-in" stays, so "Generalsekretärin" keeps its own key."""
    w = word.lower().translate(_DE_FOLD)
    if w.endswith("innen"):
        return w[:-3]
    if _NISSE_RE.search(w):
        return _NISSE_RE.sub("nis", w)
    for ending in _DE_ENDINGS:
        if not w.endswith(ending):
            continue
        stem = w[: -len(ending)]
        if ending == "s":  # genitive/plural s, but not the s of "Bündnis", "Status", "Kurs"
            ok = len(stem) >= 3 and stem[-1] not in _S_KEEPERS
        elif ending == "n":  # dative plural n: "Gipfeln"; not "Kommission", "Ministerin"
            ok = len(stem) >= 4 and stem[-1] in "lr"
        else:
            ok = len(stem) >= (3 if ending == "es" else 4)
        if ok:
            return stem
        # too short for this ending ("Bid-ens"): a shorter one may fit ("Biden-s")
    return w


def french_key(word: str) -> str:
    w = "".join(
        ch for ch in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(ch)
    )
    if len(w) > 5 and w.endswith("aux"):
        return w[:-3] + "al"
    if len(w) > 3 and w[-1] in "sx":
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


@lru_cache(maxsize=64)
def key_function(lang: str) -> Callable[[str], str]:
    """The word -> key function for a language (memoised per word)."""
    base = lang.lower().split("-")[0]
    func: Callable[[str], str]
    if base == "de":
        func = german_key
    elif base == "fr":
        func = french_key
    elif base in SNOWBALL:
        import snowballstemmer

        stemmer = snowballstemmer.stemmer(SNOWBALL[base])

        def func(word: str) -> str:
            if word.isdigit():
                return word  # a number has no stem (and stemming each one costs 0.1 ms)
            return str(stemmer.stemWord(word.lower()))
    else:
        func = str.lower
    return lru_cache(maxsize=200_000)(func)


def is_case_sensitive(word: str) -> bool:
    """Acronyms and inner capitals ("NATO", "OTAN", "eFP") match only as written."""
    return sum(ch.isupper() for ch in word) >= 2 or any(ch.isupper() for ch in word[1:])
