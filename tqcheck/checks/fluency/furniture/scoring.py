"""The scored furniture detector: candidate lines, their features, a logistic score.

Candidates are short lines and the first or last sentence of a longer line (furniture
glued to prose). Each gets language-independent features (structure, position, reader
address, commands, interface vocabulary from the pack, durations and dates, words
shared with the rest of the article, repetition across the batch), combined by the
weights in ``resources/furniture.toml`` ``[scorer]``, fitted by
``bench/furniture_fit.py`` on the tuning half of ``bench/data/furniture.jsonl``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.checks.fluency.furniture.lexicon import (
    WORD_RE,
    Lexicon,
    common,
    match_words,
    words_of,
)
from tqcheck.glossary.normalize import key_function
from tqcheck.model import Document

MAX_LINE_WORDS = 30  # longer lines are prose
MAX_GLUED_WORDS = 20  # a sentence at a paragraph's edge, judged on its own
EDGE_LINES = 3  # lines at the top or bottom of a text where furniture gathers
TITLE_WORDS = 5  # a first line this long without a sentence end is the headline
_LINE_RE = re.compile(r"[^\r\n]+")
_TERMINAL_RE = re.compile(r"[.!?…]['\"”“»«)\]]*\s*$")
_SEPARATORS = frozenset("|•›»·▸►→↓✓✉>/")
# a quotation in any of the languages' marks, on one line
_QUOTED_RE = re.compile(r"«[^«»\n]*»|»[^«»\n]*«|„[^„“\n]*[“”]|“[^“”\n]*”|‹[^‹›\n]*›|\"[^\"\n]*\"")
_URL_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|de|fr|org|net|ch|at|be|uk|info|eu)\b|@\w")
_LABEL_RE = re.compile(r"^\W*([^\W\d_][\w'’ -]{1,40}?)\s?[:：]\s")
_DIGIT_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_NUM_DATE_RE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
_CONTENT_MIN = 4  # letters of a word that counts for overlap with the article


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    line: int  # index among the text's non-blank lines
    lines: int  # non-blank lines in the text
    own_line: bool  # the whole line, not a sentence of it
    isolated: bool  # a blank line (or the text's edge) before and after
    # a short line of three sentences or more: where its last one starts
    last_sentence: int | None = None


def candidates(doc: Document) -> list[Candidate]:
    text = doc.text
    spans = [(m.start(), m.end()) for m in _LINE_RE.finditer(text) if m.group().strip()]
    out: list[Candidate] = []
    sentences = doc.sentences
    si = 0
    for index, (raw_start, raw_end) in enumerate(spans):
        raw = text[raw_start:raw_end]
        start = raw_start + (len(raw) - len(raw.lstrip()))
        end = raw_start + len(raw.rstrip())
        before = text[spans[index - 1][1] : raw_start] if index else "\n\n"
        after = text[raw_end : spans[index + 1][0]] if index + 1 < len(spans) else "\n\n"
        isolated = before.count("\n") >= 2 and after.count("\n") >= 2
        n_words = len(words_of(text[start:end]))
        if n_words == 0:
            continue
        line = text[start:end]
        if index == 0 and n_words >= TITLE_WORDS and not _TERMINAL_RE.search(line):
            if not any(ch in _SEPARATORS or ch.isdigit() for ch in line):
                continue  # the page's headline: its furniture (a site suffix) is structural
        while si < len(sentences) and sentences[si].end <= start:
            si += 1
        inside = []
        k = si
        while k < len(sentences) and sentences[k].start < end:
            inside.append(sentences[k])
            k += 1
        if n_words <= MAX_LINE_WORDS:
            last = None
            if len(inside) > 2:
                # a short paragraph of several sentences: its last one may be glued on
                # ("… fahren weiter. Abonnieren Sie unseren Newsletter …"), judged first
                s = inside[-1]
                out.append(Candidate(s.start, s.end, s.text, index, len(spans), False, False))
                last = s.start
            out.append(
                Candidate(start, end, text[start:end], index, len(spans), True, isolated, last)
            )
            continue
        for s in {id(x): x for x in (inside[:1] + inside[-1:])}.values():
            if len(s.words) <= MAX_GLUED_WORDS and len(inside) > 1:
                out.append(Candidate(s.start, s.end, s.text, index, len(spans), False, False))
    return out


@dataclass(frozen=True)
class Features:
    values: dict[str, float]
    kind_hits: dict[str, int]


def body_counts(doc: Document) -> Counter[str]:
    """Word keys (stems: "Datenschützer" and "Datenschutz" are one) over the whole text."""
    key = key_function(doc.lang)
    return Counter(key(w) for w in words_of(doc.text) if len(w) >= _CONTENT_MIN)


STRONG_HITS = 3  # interface words of one kind in a line that commands the reader


def glued_part(c: Candidate, lex: Lexicon) -> int:
    """Where the furniture of a short line of several sentences starts: at its last
    sentence when that holds every interface word of the line ("… fahren weiter. Holen
    Sie sich den Newsletter …"), else at the line's start."""
    if c.last_sentence is None:
        return c.start
    cut = c.last_sentence - c.start
    head = c.text[:cut]
    hits = lex.kind_hits(match_words(head, WORD_RE.findall(head)))
    hits.pop("interface", None)
    return c.start if any(hits.values()) else c.last_sentence


def strong_appeal(c: Candidate, lex: Lexicon) -> str | None:
    """The kind of a line that tells the reader to do something (a command, "you", "your")
    with three interface words or more of one kind, wherever it stands: "Sign up for our
    briefing to get the latest news delivered to your inbox" glued mid-article. Words in
    quotation marks are someone's speech and count for nothing."""
    if re.search(r"[.!?…]\s+\S", c.text.strip()):
        return None  # a line of several sentences: its sentences are candidates of their own
    spoken = _QUOTED_RE.sub(" ", c.text)
    if not any(p.search(spoken) for p in lex.commands):
        return None
    own_words = WORD_RE.findall(spoken)
    if not any(w.lower() in lex.second_person for w in own_words):
        return None
    hits = lex.kind_hits(match_words(spoken, own_words))
    hits.pop("interface", None)
    kind, n = max(hits.items(), key=lambda kv: kv[1], default=("", 0))
    return kind if n >= STRONG_HITS else None


def features(
    c: Candidate,
    lex: Lexicon,
    body: Counter[str] | Callable[[], Counter[str]],
    repeated: bool = False,
    floor: float | None = None,
) -> Features | None:
    """The candidate's features. With ``floor`` (a score), None when the candidate cannot
    reach it whatever its novelty: the words shared with the article are counted only for
    lines with some evidence of furniture (``body`` may be a function that counts them)."""
    raw_words = WORD_RE.findall(c.text)
    words = [w.lower() for w in raw_words]
    n = max(len(words), 1)
    # words in quotation marks are someone's speech, not the page speaking: "« Nous ne
    # sommes pas en guerre », a déclaré …" addresses no reader, names no page element,
    # and a guillemet is no breadcrumb separator
    spoken = _QUOTED_RE.sub(" ", c.text)
    own_words = WORD_RE.findall(spoken)
    hits = lex.kind_hits(match_words(spoken, own_words))
    generic = hits.pop("interface", 0)
    n_hits = sum(hits.values())
    we = sum(w.lower() in lex.first_person_plural for w in own_words)
    second = sum(
        w.lower() in lex.second_person
        or (w.lower() in lex.second_person_capitalised and w[:1].isupper() and i > 0)
        for i, w in enumerate(own_words)
    )
    stripped = c.text.rstrip()
    edge = c.line < EDGE_LINES or c.line >= c.lines - EDGE_LINES
    values = {
        "short": max(0.0, 1.0 - n / 25.0),
        "tiny": 1.0 if n <= 3 else 0.0,
        "no_terminal": 0.0 if _TERMINAL_RE.search(stripped) else 1.0,
        "exclamation": 1.0 if stripped.endswith("!") else 0.0,
        "question": 1.0 if stripped.endswith("?") else 0.0,
        "label_colon": 1.0 if _LABEL_RE.match(c.text) else 0.0,
        "command": 1.0 if any(p.search(c.text) for p in lex.commands) else 0.0,
        "second_person": min(second, 2) / 2.0,
        "vocab": min(n_hits, 3) / 3.0,
        "vocab_density": min(1.0, n_hits / n * 2),
        "interface": min(generic, 2) / 2.0,
        "publisher": min(we, 2) / 2.0,
        "time": 1.0 if _has_time(c.text, lex) else 0.0,
        "separator": 0.0 if _SEPARATORS.isdisjoint(spoken) else 1.0,
        "url": 1.0 if _URL_RE.search(c.text) else 0.0,
        "edge": 1.0 if edge else 0.0,
        "first_line": 1.0 if c.line == 0 else 0.0,
        "own_line": 1.0 if c.own_line else 0.0,
        "isolated": 1.0 if c.isolated else 0.0,
        "novelty": 1.0,
        "repeated": 1.0 if repeated else 0.0,
    }
    if floor is not None and score(Features(values, hits)) < floor:
        return None
    key = key_function(lex.lang)
    own = Counter(key(w) for w in words if len(w) >= _CONTENT_MIN)
    content = [w for w in own if w not in _agency_words(lex)]
    counts = body if isinstance(body, Counter) else body()
    shared = sum(1 for w in content if counts[w] > own[w])
    values["novelty"] = 1.0 - shared / len(content) if content else 0.5
    return Features(values, hits)


@lru_cache(maxsize=32)
def _agency_words(lex: Lexicon) -> frozenset[str]:
    """Agency names' words (as word keys): a credit's agency is no content word."""
    key = key_function(lex.lang)
    return frozenset(key(w) for a in lex.agencies for w in words_of(a) if len(w) >= _CONTENT_MIN)


def _has_time(text: str, lex: Lexicon) -> bool:
    if _DIGIT_TIME_RE.search(text) or _NUM_DATE_RE.search(text):
        return True
    if any(p.search(text) for p in lex.relative_time):
        return True
    duration = _duration_pattern(lex)
    return bool(duration and duration.search(text))


@lru_cache(maxsize=32)
def _duration_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    units = "|".join(re.escape(u) for u in lex.duration_units)
    return re.compile(rf"\b\d+\s*(?:{units})\b\.?", re.IGNORECASE) if units else None


def score(f: Features) -> float:
    """The logistic score in [0, 1]."""
    model = common().get("scorer", {})
    weights: dict[str, float] = model.get("weights", {})
    z = float(model.get("bias", 0.0)) + sum(weights.get(k, 0.0) * v for k, v in f.values.items())
    return 1.0 / (1.0 + math.exp(-z))


def threshold() -> float:
    return float(common().get("scorer", {}).get("threshold", 0.5))
