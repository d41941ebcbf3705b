"""Roles of people as evidence for a name: "Bundeskanzler Olaf Schulz" is the chancellor.

A person of the names data holds a role when one of the role's English phrases
(``names.toml`` ``[roles]``) occurs in the person's ``x-role`` ("German chancellor
2021–2025; finance minister 2018–2021": chancellor, finance minister, minister). In a
document, a role word a few words before a name ("Bundeskanzler", "US-Präsident", "le
président ukrainien", "Prime Minister") says which people the name may belong to; a near
miss of such a person's surname is then a misspelling however common the word is
("Schulz", "Macon"), and however often the document repeats it.
"""

from __future__ import annotations

import bisect
import re
import weakref
from functools import lru_cache
from typing import TYPE_CHECKING

from tqcheck.names.text import Part, language_data

if TYPE_CHECKING:
    from tqcheck.glossary.model import Concept
    from tqcheck.model import Document

WORDS_BEFORE = 5  # words before a name searched for a role word
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
# "head of the Office of the President", "adviser to the President": not the president
_NOT_HELD = ("of the ", "to the ")


@lru_cache(maxsize=16)
def _phrases(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(role, phrase as lower-case words) of a language, longest phrase first."""
    out = [
        (role, tuple(phrase.lower().split()))
        for role, langs in language_data().get("roles", {}).items()
        for phrase in langs.get(lang.split("-")[0].lower(), [])
    ]
    return tuple(sorted(out, key=lambda x: -len(" ".join(x[1]))))


@lru_cache(maxsize=16)
def _by_last_word(lang: str) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The phrases of a language by their last word, longest first: one lookup per word."""
    table: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for role, words in _phrases(lang):
        table.setdefault(words[-1], []).append((role, words))
    return {last: tuple(found) for last, found in table.items()}


@lru_cache(maxsize=16)
def _compound_end(lang: str) -> re.Pattern[str] | None:
    """German: one pattern for a word ending in a one-word role ("Bundeskanzler",
    "US-Präsident"), longest alternatives first."""
    if lang.split("-")[0].lower() != "de":
        return None
    single = [words[0] for _role, words in _phrases(lang) if len(words) == 1]
    if not single:
        return None
    return re.compile("(?:" + "|".join(re.escape(w) for w in single) + ")$")


def roles_of(concept: Concept) -> frozenset[str]:
    """The roles a person's ``x-role`` names."""
    text = (concept.extra("x-role") or "").lower()
    if not text:
        return frozenset()
    held = set()
    for role, words in _phrases("en"):
        for m in re.finditer(rf"(?<![\w-]){re.escape(' '.join(words))}(?![\w-])", text):
            if not text[max(0, m.start() - 7) : m.start()].endswith(_NOT_HELD):
                held.add(role)
                break
    return frozenset(held)


_STARTS: weakref.WeakKeyDictionary[Document, list[int]] = weakref.WeakKeyDictionary()


def _role_word_starts(doc: Document) -> list[int]:
    """Where the document's role words start (words that end a role phrase, and German
    compounds ending in a one-word role), once per document: a name with none in the
    80 characters before it needs no look at its window."""
    if doc in _STARTS:
        return _STARTS[doc]
    table = _by_last_word(doc.lang)
    compound = _compound_end(doc.lang)
    distinct = {m.group().lower() for m in _WORD_RE.finditer(doc.text)}
    roles = {w for w in distinct if w in table or (compound is not None and compound.search(w))}
    starts = (
        [m.start() for m in _WORD_RE.finditer(doc.text) if m.group().lower() in roles]
        if roles
        else []
    )
    _STARTS[doc] = starts
    return starts


def roles_before(doc: Document, ps: list[Part], i: int) -> dict[str, str]:
    """Role -> the role word written a few words before ``ps[i]`` in its sentence (a first
    name may stand between): "Bundeskanzler Olaf Schulz" -> {"chancellor":
    "Bundeskanzler"}. Per word the longest phrase wins."""
    p = ps[i]
    sentence_start = doc.sentences[p.sentence].start
    window = max(sentence_start, p.start - 80)
    starts = _role_word_starts(doc)
    k = bisect.bisect_left(starts, window)
    if k == len(starts) or starts[k] >= p.start:
        return {}  # no role word in the window (most names, most capitalised nouns)
    before = _WORD_RE.findall(doc.text[window : p.start])
    tail = [w.lower() for w in before[-WORDS_BEFORE:]]
    table = _by_last_word(doc.lang)
    compound = _compound_end(doc.lang)
    out: dict[str, str] = {}
    for j, word in enumerate(tail):
        role = None
        for found, words in table.get(word, ()):  # the longest phrase ending here
            if len(words) <= j + 1 and tuple(tail[j - len(words) + 1 : j + 1]) == words:
                role = found
                break
        if role is None and compound is not None and (m := compound.search(word)):
            role = next(r for r, words in _phrases(doc.lang) if words == (m.group(),))
        if role is not None:
            out.setdefault(role, before[len(before) - len(tail) + j])
    return out
