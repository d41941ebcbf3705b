"""Spelling dictionaries: pyspellchecker's word lists for edit candidates, wordfreq
(text.frequency) for how frequent a candidate is.

pyspellchecker (MIT) ships word-frequency lists for de, en, fr, es, it, nl, pt and
generates the words one edit away (insert, delete, replace, transpose). Its German list
is a dictionary of 300 000 words: built from the packed list in 0.45 s, read back from a
pickle in 0.2 s, on every start. A scan asks for a few hundred words, so the list is kept
in the disk cache (text.cache) as an SQLite table, built once per pyspellchecker version
and language, and looked up there with pyspellchecker's own rules (its alphabet, its
longest word, its "should this be checked" test), so the same answers
(``tests/test_spell.py`` compares them). With the cache turned off, pyspellchecker itself
answers.
"""

from __future__ import annotations

import json
import re
import sqlite3
import string
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from tqcheck.text import cache
from tqcheck.text.frequency import zipf

SPELL_LANGS = frozenset({"de", "en", "fr", "es", "it", "nl", "pt"})
_CHUNK = 900  # words per "IN (…)" query: under SQLite's oldest limit of 999 parameters
_TABLES = cache.ProcessLocal()  # language -> its _Table, or None
_FLOAT_WORDS = ("nan", "inf", "infinity")
_KNOWN_JSON = "SELECT word FROM words WHERE word IN (SELECT value FROM json_each(?))"
_DIGIT = re.compile(r"\d")  # the decimal digits float() reads ("²" is none)


@lru_cache(maxsize=8)
def speller(lang: str) -> Any:
    """pyspellchecker's dictionary for a language, in memory (the cache turned off)."""
    from spellchecker import SpellChecker

    return SpellChecker(language=lang, distance=1)


@dataclass(frozen=True)
class _Table:
    """A language's word list in the disk cache, with pyspellchecker's alphabet and
    longest word."""

    conn: sqlite3.Connection
    letters: str
    longest: int

    def known(self, words: list[str]) -> set[str]:
        """The words of the list among ``words`` (lower case) that pyspellchecker checks:
        one query with the words as one JSON array (half the time of as many bound
        parameters), the should-check test on the few found."""
        wanted = list(dict.fromkeys(words))
        try:
            rows = self.conn.execute(_KNOWN_JSON, (json.dumps(wanted),)).fetchall()
        except sqlite3.Error:  # no JSON functions in this SQLite, or an odd string
            rows = []
            wanted = [w for w in wanted if _encodable(w)]  # a lone surrogate is no word
            for k in range(0, len(wanted), _CHUNK):
                chunk = wanted[k : k + _CHUNK]
                marks = ",".join("?" * len(chunk))
                try:
                    rows += self.conn.execute(
                        f"SELECT word FROM words WHERE word IN ({marks})", chunk
                    )
                except sqlite3.Error:  # the file went away under us: no word is known
                    return set()
        return {w for (w,) in rows if _checkable(w, self.longest)}

    def candidates(self, low: str) -> set[str] | None:
        """pyspellchecker's ``candidates`` at distance 1: the word if known or not to be
        checked, else the known words one edit away, else None."""
        if self.known([low]) or not _checkable(low, self.longest):
            return {low}
        return self.known(list(_edits(low, self.letters))) or None


def _encodable(word: str) -> bool:
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _checkable(word: str, longest: int) -> bool:
    """pyspellchecker's ``_check_if_should_check``: no lone punctuation, no word over three
    letters longer than its longest, no number."""
    if len(word) == 1 and word in string.punctuation:
        return False
    if len(word) > longest + 3:
        return False
    if word.lower() in _FLOAT_WORDS:
        return True
    if _DIGIT.search(word) is None:
        # no digit: a number only as a signed or spaced nan/inf ("+inf", " nan"), which
        # float() takes; skipping float() for the rest saves an exception per candidate
        core = word.strip().lower()
        return (core[1:] if core[:1] in ("+", "-") else core) not in _FLOAT_WORDS
    try:
        float(word)
    except ValueError:
        return True
    return False


def _edits(word: str, letters: str) -> set[str]:
    """Every string one delete, transpose, replace or insert away (pyspellchecker's
    ``edit_distance_1``, over its alphabet)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in letters]
    inserts = [a + c + b for a, b in splits for c in letters]
    return set(deletes + transposes + replaces + inserts)


def _table(lang: str) -> _Table | None:
    tables = _TABLES.fresh()
    if lang not in tables:
        entry = cache.sqlite_entry(
            "speller",
            f"pyspellchecker {version('pyspellchecker')}|{lang}|table 1",
            lambda tmp: _build(tmp, lang),
            "SELECT word FROM words LIMIT 1",
        )
        meta = entry[1] if entry is not None else {}
        longest = meta.get("longest", "")
        tables[lang] = (
            _Table(entry[0], meta["letters"], int(longest))
            if entry is not None and "letters" in meta and longest.isdigit()
            else None  # no cache, or an entry without its settings: pyspellchecker answers
        )
    return tables[lang]  # type: ignore[return-value]


def _build(path: Path, lang: str) -> None:
    frequency = speller(lang).word_frequency
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("letters", "".join(sorted(frequency.letters))),
                ("longest", str(frequency.longest_word_length)),
            ],
        )
        conn.execute("CREATE TABLE words (word TEXT PRIMARY KEY) WITHOUT ROWID")
        conn.executemany("INSERT INTO words VALUES (?)", ((w,) for w in frequency.dictionary))
        conn.commit()
    finally:
        conn.close()


def known(word: str, lang: str) -> bool:
    """The dictionary of ``lang`` lists the word (lower case)."""
    if lang not in SPELL_LANGS:
        return False
    table = _table(lang)
    low = word.lower()
    return bool(table.known([low]) if table is not None else speller(lang).known([low]))


@lru_cache(maxsize=100_000)
def neighbours(word: str, lang: str) -> tuple[str, ...]:
    """The dictionary words one edit away from ``word`` (lower case), itself left out;
    none where the language has no list."""
    if lang not in SPELL_LANGS:
        return ()
    low = word.lower()
    table = _table(lang)
    found = table.candidates(low) if table is not None else speller(lang).candidates(low)
    return tuple(sorted(c for c in found or () if c != low))


@lru_cache(maxsize=100_000)
def nearest(word: str, lang: str) -> tuple[str, float] | None:
    """The most frequent dictionary word one edit away from ``word`` (lower case) and its
    Zipf frequency in ``lang``; None when there is none or the language has no list."""
    best, best_zipf = None, 0.0
    for candidate in neighbours(word, lang):
        z = zipf(candidate, lang)
        if z > best_zipf:
            best, best_zipf = candidate, z
    return None if best is None else (best, best_zipf)
