"""A support or subscription appeal written as a paragraph, closed by its button label.

Paywall and donation boxes are often scraped as one long paragraph in the publisher's
voice ("we", "our journalism") addressed to the reader ("you", "Sie"), with the box's
button label glued on as its last "sentence": a few words, no sentence end, interface
vocabulary ("Jetzt unterstützen", "Subscribe now", "Soutenez-nous"). The scorer judges
lines of up to 30 words, so such a box needs its own shape. A short heading line right
before the box (its slogan) belongs to it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from tqcheck.checks.fluency.furniture.lexicon import WORD_RE, Lexicon, match_words
from tqcheck.checks.fluency.furniture.shapes import Hit
from tqcheck.model import Document

MIN_BOX_WORDS = 31  # shorter lines are the scorer's
STUB_WORDS = 4  # a button label
SLOGAN_WORDS = 8  # a box heading
MIN_SENTENCES = 3  # the appeal itself, then the label
_LINE_RE = re.compile(r"[^\r\n]+")
_TERMINAL_RE = re.compile(r"[.!?…:;,]['\"”“»«)\]]*\s*$")
APPEAL_KINDS = ("paywall_appeal", "newsletter", "social_follow", "app_promo")


def appeal_boxes(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    text = doc.text
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(text) if m.group().strip()]
    sentences = doc.sentences
    starts = doc.sentence_starts
    for index, (start, end) in enumerate(lines):
        words = WORD_RE.findall(text[start:end])
        if len(words) < MIN_BOX_WORDS:
            continue
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        inside = sentences[lo:hi]
        if len(inside) < MIN_SENTENCES:
            continue
        kind = _button(inside[-1].text, lex)
        if kind is None or not _publisher_to_reader(words, lex):
            continue
        if index > 1:  # never the page's first line (its headline)
            slogan = _trimmed(text, *lines[index - 1])
            words_before = WORD_RE.findall(text[slogan[0] : slogan[1]])
            if len(words_before) <= SLOGAN_WORDS and not _TERMINAL_RE.search(
                text[slogan[0] : slogan[1]]
            ):
                yield slogan[0], slogan[1], kind
        yield (*_trimmed(text, start, end), kind)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())


def _button(sentence: str, lex: Lexicon) -> str | None:
    """The appeal kind of a button label: a few words, no sentence end, interface words."""
    stripped = sentence.strip()
    raw = WORD_RE.findall(stripped)
    if not 1 <= len(raw) <= STUB_WORDS or _TERMINAL_RE.search(stripped):
        return None
    hits = lex.kind_hits(match_words(stripped, raw))
    kinds = [k for k in APPEAL_KINDS if hits.get(k)]
    return max(kinds, key=lambda k: hits[k]) if kinds else None


def _publisher_to_reader(words: list[str], lex: Lexicon) -> bool:
    """The publisher's voice ("we", "our") and an address to the reader ("you", "Sie")."""
    we = any(w.lower() in lex.first_person_plural for w in words)
    you = any(
        w.lower() in lex.second_person
        or (i > 0 and w[:1].isupper() and w.lower() in lex.second_person_capitalised)
        for i, w in enumerate(words)
    )
    return we and you
