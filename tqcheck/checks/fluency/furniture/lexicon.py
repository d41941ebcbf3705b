"""What the language packs say about page furniture, compiled once per language.

Stems per kind (``[furniture.stems]``) and structural cues (``[furniture.structure]``)
come from the document's pack plus the English pack (widgets often stay English in a
translated page); agencies and the scorer's weights from ``resources/furniture.toml``.
A new kind or language is a data change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

from tqcheck.text.cache import parsed_toml
from tqcheck.text.frequency import zipf
from tqcheck.text.langpack import LangPack, load_pack

WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
INDEX_PREFIX = 3  # letters of a word's start under which stems are indexed


@dataclass(frozen=True)
class Stem:
    words: tuple[str, ...]
    anywhere: bool  # "*kommentar": inside a word too

    def matches_at(self, words: list[str], i: int) -> bool:
        if i + len(self.words) > len(words):
            return False
        for k, stem in enumerate(self.words):
            word = words[i + k]
            last = k == len(self.words) - 1
            if self.anywhere and len(self.words) == 1:
                if stem not in word:
                    return False
            elif len(stem) <= 3 or not last:
                if word != stem and not word.startswith(stem + "-"):
                    return False
            elif not word.startswith(stem):
                return False
        return True


@dataclass(frozen=True, eq=False)
class Lexicon:
    lang: str
    stems: dict[str, tuple[Stem, ...]]  # kind -> stems
    second_person: frozenset[str]
    first_person_plural: frozenset[str]
    second_person_capitalised: frozenset[str]
    commands: tuple[re.Pattern[str], ...]
    credit_labels: tuple[str, ...]
    credit_joiners: tuple[str, ...]
    byline_openers: tuple[str, ...]
    metadata_labels: tuple[str, ...]
    reading_labels: tuple[str, ...]
    duration_units: tuple[str, ...]
    count_words: tuple[str, ...]  # "drei", "five": a reading time written in words
    byline_words: frozenset[str]  # an author line's words besides the name
    relative_time: tuple[re.Pattern[str], ...]
    comment_count: tuple[re.Pattern[str], ...]
    tracking: tuple[re.Pattern[str], ...]
    months: tuple[str, ...]
    self_reference: tuple[str, ...]
    caption_labels: tuple[str, ...]
    audio_credit_openers: tuple[str, ...]
    self_reference_nouns: tuple[str, ...]
    publishing_verbs: tuple[str, ...]
    agencies: tuple[str, ...]
    credit_words: frozenset[str]

    index: dict[str, tuple[tuple[str, Stem], ...]]  # word start -> (kind, stem)
    anywhere: tuple[tuple[str, Stem], ...]  # "*kommentar": looked for inside every word

    def kind_hits(self, words: list[str]) -> dict[str, int]:
        """Distinct stems of each kind found in a list of lower-cased words (one dictionary
        look-up per word: stems are indexed by their first letters)."""
        # a dict, not a set: the kinds come out in the order they were found, the same in
        # every process (a set's order follows the hash seed, and ties pick the label)
        found: dict[tuple[str, Stem], None] = {}
        for i, word in enumerate(words):
            for kind, stem in self.index.get(word[:INDEX_PREFIX], ()):
                if stem.matches_at(words, i):
                    found[(kind, stem)] = None
        if self.anywhere:
            joined = " ".join(words)
            for kind, stem in self.anywhere:
                if stem.words[0] in joined:
                    found[(kind, stem)] = None
        hits: dict[str, int] = {}
        for kind, _stem in found:
            hits[kind] = hits.get(kind, 0) + 1
        return hits


@lru_cache(maxsize=1)
def common() -> dict[str, Any]:
    path = importlib_resources.files("tqcheck.resources") / "furniture.toml"
    return parsed_toml(path.read_text(encoding="utf-8"))


def _packs(lang: str) -> list[LangPack]:
    own = load_pack(lang)
    return [own] if own.lang == "en" else [own, load_pack("en")]


def _merged_list(packs: list[LangPack], key: str) -> list[str]:
    out: list[str] = []
    for pack in packs:
        for value in pack.section("furniture").get("structure", {}).get(key, []):
            if value not in out:
                out.append(value)
    return out


@lru_cache(maxsize=32)
def lexicon(lang: str) -> Lexicon:
    packs = _packs(lang)
    own_structure = packs[0].section("furniture").get("structure", {})
    stems: dict[str, list[Stem]] = {}
    for pack in packs:
        foreign = pack is not packs[0]
        for kind, values in pack.section("furniture").get("stems", {}).items():
            bucket = stems.setdefault(kind, [])
            for value in values:
                words = tuple(value.lstrip("*").lower().split())
                if foreign and _common_here(words[0], lang, pack.lang):
                    continue  # English "comment" is French "how"
                stem = Stem(words, value.startswith("*"))
                if stem not in bucket:
                    bucket.append(stem)

    def patterns(key: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, flags) for p in _merged_list(packs, key))

    index: dict[str, list[tuple[str, Stem]]] = {}
    anywhere: list[tuple[str, Stem]] = []
    for kind, bucket in stems.items():
        for stem in bucket:
            if stem.anywhere and len(stem.words) == 1:
                anywhere.append((kind, stem))
            else:
                index.setdefault(stem.words[0][:INDEX_PREFIX], []).append((kind, stem))
    return Lexicon(
        lang=lang,
        stems={k: tuple(v) for k, v in stems.items()},
        index={k: tuple(v) for k, v in index.items()},
        anywhere=tuple(anywhere),
        second_person=frozenset(_merged_list(packs, "second_person")),
        first_person_plural=frozenset(own_structure.get("first_person_plural", [])),
        second_person_capitalised=frozenset(own_structure.get("second_person_capitalised", [])),
        # Commands are the document's own language only: English verb lists would read
        # every German line that starts with "Start" or "Report" as a command.
        commands=tuple(re.compile(p) for p in own_structure.get("command_patterns", [])),
        credit_labels=tuple(_merged_list(packs, "credit_labels")),
        credit_joiners=tuple(_merged_list(packs, "credit_joiners")),
        byline_openers=tuple(_merged_list(packs, "byline_openers")),
        metadata_labels=tuple(_merged_list(packs, "metadata_labels")),
        reading_labels=tuple(_merged_list(packs, "reading_labels")),
        duration_units=tuple(_merged_list(packs, "duration_units")),
        byline_words=frozenset(_merged_list(packs, "byline_words")),
        count_words=tuple(w for w in packs[0].get("repetition", "number_words", []) if len(w) > 2),
        relative_time=patterns("relative_time"),
        comment_count=patterns("comment_count", re.IGNORECASE | re.MULTILINE),
        tracking=patterns("tracking"),
        months=tuple(m.lower() for p in packs for m in p.get("segment", "months", [])),
        self_reference=tuple(own_structure.get("self_reference", [])),
        caption_labels=tuple(_merged_list(packs, "caption_labels")),
        audio_credit_openers=tuple(_merged_list(packs, "audio_credit_openers")),
        self_reference_nouns=tuple(own_structure.get("self_reference_nouns", [])),
        publishing_verbs=tuple(own_structure.get("publishing_verbs", [])),
        agencies=tuple(common().get("agencies", [])),
        credit_words=frozenset(w.lower() for w in common().get("credit_words", [])),
    )


def words_of(text: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text)]


def match_words(text: str, words: list[str] | None = None) -> list[str]:
    """Lower-cased words for stem matching; a hyphenated word also gives its last part
    ("SZ-Startseite" -> "sz-startseite", "startseite"). ``words``: the text's words, when
    the caller has them already."""
    out: list[str] = []
    for w in WORD_RE.findall(text) if words is None else words:
        low = w.lower()
        out.append(low)
        if "-" in low.strip("-"):
            out.append(low.rsplit("-", 1)[1])
    return out


def _common_here(word: str, lang: str, origin: str) -> bool:
    """A word of another pack's stem list that is an everyday word of this language
    (at least as common here as there): not evidence here."""
    local = zipf(word, lang)
    return local >= 4.0 and local >= zipf(word, origin) - 0.5
