"""Word frequencies (wordfreq's Zipf scale) for every check that asks "is this a common word?".

One cached lookup: the language tag is reduced to its primary subtag ("de-AT" -> "de"),
and a language wordfreq has no list for ("und", an undetermined document) answers 0.0,
"unknown", instead of raising inside a check.

wordfreq answers from a dictionary of its whole list, built in each process from the
packed list (German: 634 000 words, 0.3 s and about 100 MB), after importing wordfreq
and its language-tag library (0.2 s). A scan asks for a few thousand words. So the list
is also kept in the disk cache (``tqcheck.text.cache``) as an SQLite table, built once
per wordfreq version and language, and every word is looked up there with wordfreq's own
preprocessing and arithmetic, so the same Zipf value to the last digit
(``tests/test_frequency.py`` compares them): the common shapes (letters, hyphenated
words, an apostrophe after three letters, a gender colon) without importing wordfreq,
anything else (digits, other punctuation) split by wordfreq's tokenizer and number model.
A language whose preprocessing transliterates or folds dotless i, and a run with the
cache turned off, go to wordfreq itself.
"""

from __future__ import annotations

import enum
import math
import re
import sqlite3
import unicodedata
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Literal

from tqcheck.text import cache

Form = Literal["NFC", "NFD", "NFKC", "NFKD"]

_NO_TOKENIZER: set[str] = set()  # languages whose wordfreq tokenizer is not installed
_MISSING = 1e-9  # wordfreq's frequency of Zipf 0 (its floor for an unknown word)
_FORMS: dict[str, Form] = {"NFC": "NFC", "NFKC": "NFKC", "NFD": "NFD", "NFKD": "NFKD"}
_STORES = cache.ProcessLocal()  # language -> (connection, normal form) or None
# Letters below U+0530 (Latin, Greek, Cyrillic) form one token in wordfreq's regex
# tokenizer; other scripts (ideographs, Thai) may be split, so they go to wordfreq
_ONE_TOKEN_BELOW = "\u0530"
_LETTER_CATEGORIES = frozenset({"Ll", "Lu", "Lt", "Lo"})


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """The word's frequency in the language, as written (callers lower-case if they
    want to); 0.0 for a word or language wordfreq does not know, and for Chinese or
    Japanese when wordfreq's optional tokenizer (jieba, MeCab) is not installed."""
    primary = lang.split("-")[0].lower()
    if primary in _NO_TOKENIZER:
        return 0.0
    store = _store(primary)
    if store is None:
        return _wordfreq(word, primary)
    conn, form = store
    # wordfreq normalises and case-folds the text, then tokenizes it: the shapes below
    # are read off that form ("ŉ" becomes "ʼn" under NFKC, which the tokenizer splits)
    folded = unicodedata.normalize(form, word).casefold().replace("’", "'")
    parts = folded.split("-")  # wordfreq's tokenizer splits at hyphens: "text-to-speech"
    if all(_plain(p) for p in parts):
        return _stored(conn, [(p, 1.0) for p in parts])
    if "-" not in folded and (_one_word(folded) or _joined(folded)):
        return _stored(conn, [(folded, 1.0)])
    return _stored(conn, _tokens(word, primary))


def _plain(piece: str) -> bool:
    """Letters only, of the scripts the regex tokenizer keeps whole (not a modifier
    letter such as "ʼ")."""
    return (
        bool(piece)
        and max(piece) < _ONE_TOKEN_BELOW
        and all(unicodedata.category(c) in _LETTER_CATEGORIES for c in piece)
    )


def _joined(word: str) -> bool:
    """Letters joined by a colon, a middle dot or an underscore: one token to wordfreq
    ("leser:innen", "bürger·innen", "leser_innen")."""
    pieces = re.split("[:·_]", word)
    return len(pieces) > 1 and all(_plain(p) for p in pieces)


def _tokens(word: str, primary: str) -> list[tuple[str, float]]:
    """wordfreq's own tokens for anything else ("leser:innen", "COVID-19", "z.B."), each
    with its digits smashed ("19" -> "00") and the factor wordfreq gives the digits:
    its tokenizer and number model, the table's frequencies (no dictionary is built)."""
    from wordfreq import lossy_tokenize
    from wordfreq.numbers import digit_freq, smash_numbers

    out = []
    for token in lossy_tokenize(word, primary):
        smashed = smash_numbers(token)
        out.append((smashed, digit_freq(token) if smashed != token else 1.0))
    return out


def _one_word(word: str) -> bool:
    """Letters with one apostrophe inside, three letters before it at least: "don't",
    "editor's", "aujourd'hui" are one token to wordfreq; "l'homme", "qu'il" (one or two
    letters, then a vowel or h) are split, and left to wordfreq."""
    pieces = word.split("'")
    return len(pieces) == 2 and len(pieces[0]) >= 3 and all(_plain(p) for p in pieces)


@lru_cache(maxsize=1)
def _release() -> str:
    """The installed wordfreq's version, part of every cache key; "" when it is missing."""
    try:
        return version("wordfreq")
    except PackageNotFoundError:
        return ""


@lru_cache(maxsize=1)
def listed_languages() -> frozenset[str]:
    """The languages wordfreq has a list for (kept in the disk cache: no import)."""
    release = _release()
    if not release:
        return frozenset()

    def build() -> frozenset[str]:
        from wordfreq import available_languages

        return frozenset(available_languages())

    return cache.load_or_build("wordfreq-languages", f"wordfreq {release}", build)


def _wordfreq(word: str, primary: str) -> float:
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, primary))
    except (LookupError, ValueError):
        return 0.0
    except ImportError:  # wordfreq's zh/ja tokenizers are optional extras
        _NO_TOKENIZER.add(primary)
        return 0.0


def _stored(conn: sqlite3.Connection, tokens: list[tuple[str, float]]) -> float:
    """wordfreq's answer for tokens (each with its digits' factor): its preprocessing
    (normal form, case folding), the tokens' frequencies combined as wordfreq combines
    them (1/f = 1/f1 + 1/f2 …; one unknown token, or none at all, makes the whole
    unknown), rounded to three figures, on the Zipf scale."""
    if not tokens:
        return 0.0
    one_over_result = 0.0
    for token, factor in tokens:  # normalised and case-folded already
        try:
            row = conn.execute("SELECT f FROM freq WHERE word = ?", (token,)).fetchone()
        except sqlite3.Error:  # the file went away or was damaged under us
            return 0.0
        if row is None:
            return 0.0
        freq = row[0]
        if factor != 1.0:
            freq *= factor
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    unrounded = max(freq, _MISSING)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(math.log(round(unrounded, leading_zeroes + 3), 10) + 9, 2)


def _store(lang: str) -> tuple[sqlite3.Connection, Form] | None:
    """The language's table in the disk cache (built on first use) and the Unicode
    normal form wordfreq applies there, or None. A connection is this process's own: a
    worker forked after its parent opened one opens its own (SQLite connections must not
    cross a fork)."""
    stores = _STORES.fresh()
    if lang in stores:
        return stores[lang]  # type: ignore[return-value]
    found = None
    release = _release()
    if release:
        entry = cache.sqlite_entry(
            "wordfreq",
            f"wordfreq {release}|{lang}|table 2",
            lambda tmp: _build(tmp, lang),
            "SELECT f FROM freq LIMIT 1",
            (LookupError,),
        )
        if entry is not None and entry[1].get("form") in _FORMS:
            found = (entry[0], _FORMS[entry[1]["form"]])
    stores[lang] = found
    return found


def _build(path: Path, lang: str) -> None:
    """wordfreq's list for ``lang`` as a table, when its preprocessing of a plain word
    is a normal form and case folding only; else no table (LookupError)."""
    from wordfreq import get_frequency_dict
    from wordfreq.language_info import get_language_info

    info = get_language_info(lang)
    if (
        info["tokenizer"] != "regex"
        or info["transliteration"] is not None
        or info["remove_marks"]
        or info["dotless_i"]
        or info["diacritics_under"] is not None
    ):
        raise LookupError(lang)
    freqs = get_frequency_dict(lang)
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('form', ?)", (info["normal_form"],))
        conn.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, f REAL) WITHOUT ROWID")
        conn.executemany("INSERT INTO freq VALUES (?, ?)", freqs.items())
        conn.commit()
    finally:
        conn.close()


# A word leans foreign when it is a common word there (Zipf >= FOREIGN_MIN) and STRONG
# (or WEAK) Zipf points more frequent there than in the target language; it leans local
# when it is LOCAL_MARGIN points more frequent in the target language.
FOREIGN_MIN = 3.0
STRONG = 1.5
WEAK = 0.8
LOCAL_MARGIN = 0.5


class Lean(enum.Enum):
    """Which way a word leans between a target language and other languages."""

    LOCAL = "local"
    NEUTRAL = "neutral"
    WEAK = "weak"
    STRONG = "strong"


@lru_cache(maxsize=100_000)
def lean(word: str, lang: str, foreign: tuple[str, ...]) -> Lean:
    """How a lower-cased word leans between the target language and the foreign ones."""
    local = zipf(word, lang)
    best = max((zipf(word, f) for f in foreign), default=0.0)
    if local - best >= LOCAL_MARGIN and local > 0:
        return Lean.LOCAL
    if best >= FOREIGN_MIN:
        if best - local >= STRONG:
            return Lean.STRONG
        if best - local >= WEAK:
            return Lean.WEAK
    return Lean.NEUTRAL
