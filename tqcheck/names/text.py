"""Words of a document as name candidates: capitalised parts, their position, frequency.

German capitalises every noun, so a capital alone says little. What does: the
word's frequency in the language (``wordfreq``: a frequent word is a common
noun or a function word, never a corrupted name), its position (the first word
of a sentence is capitalised anyway), a determiner before it ("die Schale" is a
noun) and, for German, whether it is a compound of two frequent words.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from tqcheck.text.cache import parsed_toml
from tqcheck.text.frequency import zipf
from tqcheck.text.segment import elision

if TYPE_CHECKING:
    from tqcheck.model import Document

COMMON = 3.0  # zipf: a word at least this frequent is a known word of the language
COMPOUND_MIN = 9  # letters; a shorter word is not split into two
PART = 3.5  # both parts of a compound noun are at least this frequent ("Flüchtlings|hotel")
FUNCTION = 6.5  # ... but no function word ("die", "mit"; "nie" is listed): "Nieminen"
_FOLD = str.maketrans({"ß": "ss", "’": "'", "ł": "l", "đ": "d", "ø": "o", "æ": "ae"})
_OPENERS = set("\"'„“”«»‚‘›‹([¿¡–—-")


@dataclass(frozen=True, slots=True)
class Part:
    """A capitalised word (or hyphen-joined part of one) that may be (part of) a name."""

    text: str
    start: int
    end: int
    sentence: int
    initial: bool  # first word of its sentence: the capital says nothing there
    joined: bool  # one space after the previous part: the two may form one name
    after_det: bool  # right after a determiner: a noun ("die Schale")
    hyphen: bool  # part of a hyphenated word ("Selenskyj-Regierung")
    # every piece of its hyphenated word capitalised: a double name ("Fraser-Pryce",
    # "Strack-Zimmermann", "Shelly-Ann"), not a compound ("Selenskyj-Regierung" is one too,
    # where nouns are capitalised: the caller weighs the pieces)
    all_capitals: bool = False
    # the capitalised first piece of a hyphenated word whose other pieces are lower case:
    # a name made a modifier ("Ditzingen-based", "Oscar-winning")
    modifier_head: bool = False


@lru_cache(maxsize=1)
def language_data() -> dict[str, Any]:
    text = (resources.files("tqcheck.names") / "names.toml").read_text(encoding="utf-8")
    return parsed_toml(text)


def lang_list(section: str, lang: str) -> list[str]:
    return list(language_data().get(section, {}).get(lang.split("-")[0].lower(), []))


@lru_cache(maxsize=64)
def lang_tuple(section: str, lang: str) -> tuple[str, ...]:
    """A section's words for a language as a tuple read once (endings for ``endswith``)."""
    return tuple(lang_list(section, lang))


@lru_cache(maxsize=64)
def lang_set(section: str, lang: str) -> frozenset[str]:
    """A section's words for a language, as a set read once (asked per capitalised word)."""
    return frozenset(lang_list(section, lang))


@lru_cache(maxsize=16)
def determiners(lang: str) -> frozenset[str]:
    return frozenset(lang_list("determiners", lang))


def word_before(text: str, start: int) -> str:
    """The word right before ``start`` (an abbreviation's full stop allowed: "Dr."), ""
    if none."""
    m = _WORD_BEFORE_RE.search(text[max(0, start - WORD_REACH) : start])
    return m.group(1) if m else ""


def after_place_preposition(text: str, start: int, lang: str) -> bool:
    """``start`` stands right after a preposition that takes places, not people (names.toml
    ``[place_only_prepositions]``: "in", "nach", "à")."""
    return word_before(text, start).lower() in lang_set("place_only_prepositions", lang)


WORD_REACH = 40  # characters read back for the word before a position
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\.?\s+$")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents: "Selenskyj" == "selenskyj", "Bärbock" -> "barbock"."""
    decomposed = unicodedata.normalize("NFD", word.lower().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def common(word: str, lang: str, level: float = COMMON) -> bool:
    return zipf(word.lower(), lang) >= level


@lru_cache(maxsize=100_000)
def compound_of_words(word: str, lang: str) -> bool:
    """German: "Flüchtlingshotel" is "Flüchtling(s)" + "hotel", two frequent words, so a
    noun; "Stoltenberg" is not ("stolten" is no word)."""
    if lang.split("-")[0].lower() not in ("de", "nl", "sv", "da"):
        return False
    w = word.lower()
    if len(w) < COMPOUND_MIN:
        return False  # "Hollade" is no "hol" + "lade": short words are names more often
    for cut in range(3, len(w) - 3):
        head, tail = w[:cut], w[cut:]
        if not PART <= zipf(tail, lang) < FUNCTION:
            continue
        for h in (head, head[:-1] if head.endswith("s") else None, head + "e"):
            if h and len(h) >= 3 and PART <= zipf(h, lang) < FUNCTION and h not in _no_heads():
                return True
    return False


@lru_cache(maxsize=1)
def _no_heads() -> frozenset[str]:
    return frozenset(language_data().get("compound", {}).get("not_heads", []))


def declined(word: str, lang: str) -> list[tuple[str, str]]:
    """(base, ending) readings of a word, the word itself first: "Kiewer" ->
    [("Kiewer", ""), ("Kiewe", "r"), ("Kiew", "er")]."""
    out = [(word, "")]
    for ending in sorted(lang_list("declension", lang), key=len):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.append((word[: -len(ending)], ending))
    return out


FINAL_VOWELS = "aeiouy"  # a name's final vowel gives way to a suffix ("Ukraine"/"Ukrainer")


@lru_cache(maxsize=1)
def _derivation_suffixes() -> frozenset[str]:
    return frozenset(language_data().get("derivation", {}).get("suffixes", []))


def derived_from(word: str, name: str) -> bool:
    """ "Ukrainians" from "Ukraine", "Kiewer" from "Kiew": the name, less a final vowel,
    plus a derivation suffix. "Scholes" is not from "Scholz" (z is no final vowel)."""
    return derived_from_any(word, {fold(name)})


def derived_from_any(word: str, names: set[str] | frozenset[str]) -> bool:
    """``derived_from`` for any of the folded ``names``, read off the word's own
    prefixes: the cost does not grow with the number of names (a whole source's)."""
    return not names.isdisjoint(derivation_stems(word))


@lru_cache(maxsize=50_000)
def derivation_stems(word: str) -> frozenset[str]:
    """The folded names ``word`` may be derived from: each prefix before a derivation
    suffix ("Kiewer": "kiew"), and the same with a final vowel restored ("Ukrainians":
    "ukraine")."""
    w = fold(word)
    suffixes = _derivation_suffixes()
    out: set[str] = set()
    for k in range(len(w) + 1):
        if w[k:] not in suffixes:
            continue
        if k:
            out.add(w[:k])  # the name and a suffix: "Kiewer"
        if k < len(w):
            out.update(w[:k] + v for v in FINAL_VOWELS)  # "Ukrainians"
    return frozenset(out)


_PARTS: weakref.WeakKeyDictionary[Document, tuple[Part, ...]] = weakref.WeakKeyDictionary()


def parts(doc: Document) -> tuple[Part, ...]:
    """The capitalised word parts of a document, in order (computed once per document)."""
    if doc not in _PARTS:
        _PARTS[doc] = tuple(_parts(doc))
    return _PARTS[doc]


def _parts(doc: Document) -> list[Part]:
    dets = determiners(doc.lang)
    out: list[Part] = []
    for n, sentence in enumerate(doc.sentences):
        first_word = True
        previous_end = -1
        part_end = -2
        previous_word = ""
        for token in sentence.tokens:
            if not token.is_word:
                if token.text not in _OPENERS:
                    first_word = False
                previous_end = -1
                continue
            text, offset = token.text, token.start
            cut = elision(text) if "'" in text or "’" in text else 0
            if cut and text[cut : cut + 1].isupper():
                # the name after an elided article or preposition: "l'Oregon", "d'Ottawa"
                text, offset = text[cut:], offset + cut
            elif cut:  # "L’entrée", "L'an dernier": an article, then a word
                text, offset = text[cut:], offset + cut
            if not text[:1].isupper() and "-" not in text and "‐" not in text:
                # a lower-case word in one piece holds no capitalised part (most words)
                previous_end = token.end
                previous_word = token.text
                first_word = False
                continue
            pieces = _split_hyphens(text, offset)
            capitals = len(pieces) > 1 and all(_capitalised(t) for t, _s, _e in pieces)
            for i, (text, start, end) in enumerate(pieces):
                if _capitalised(text):
                    gap = doc.text[previous_end:start] if previous_end == part_end else ""
                    out.append(
                        Part(
                            text=text,
                            start=start,
                            end=end,
                            sentence=n,
                            initial=first_word and i == 0,
                            joined=gap in (" ", "\u00a0", "-"),
                            after_det=i == 0 and previous_word.lower() in dets,
                            hyphen=len(pieces) > 1,
                            all_capitals=capitals,
                            modifier_head=i == 0
                            and len(pieces) > 1
                            and not any(_capitalised(t) for t, _s, _e in pieces[1:]),
                        )
                    )
                    part_end = end
                previous_end = end
            previous_word = token.text
            first_word = False
    return out


def _split_hyphens(text: str, start: int) -> list[tuple[str, int, int]]:
    out = []
    offset = 0
    for piece in text.replace("‐", "-").split("-"):
        piece_start = start + offset
        # a trailing apostrophe-s stays with the word ("Scholz's"); other marks are cut off
        out.append((piece, piece_start, piece_start + len(piece)))
        offset += len(piece) + 1
    return [p for p in out if p[0]]


def _capitalised(word: str) -> bool:
    """ "Scholz", "McCarthy", "O'Brien": a capital, then at least one lower-case letter;
    acronyms ("NATO", "USA") are organisations' business, not spellings of names."""
    return (
        len(word) >= 2
        and word[0].isupper()
        and any(ch.islower() for ch in word)
        and all(ch.isalpha() or ch in "'’" for ch in word)
    )
