"""Paragraphs, sentences and tokens with code-point offsets.

A rule-based splitter driven by each language pack's abbreviations and month
names. Measured options: SoMaJo is GPL (kept out of the core), pysbd and syntok
mis-split German ordinals and abbreviations; scraped news text also needs line
breaks honoured as boundaries, which generic splitters ignore.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.model import Paragraph, Sentence, Token, install_segmentation
from tqcheck.text.langpack import load_pack

TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,:]\d+)*)"
    r"|(?P<word>[^\W\d_](?:\w|[-‐'’](?=\w)|[:*·](?=[a-zäöüß]))*)"
    r"|(?P<punct>\S)"
)
# A candidate end: terminal punctuation, any closing quotes/brackets, then space.
BOUNDARY_RE = re.compile(
    r"(?P<term>[.!?…]+)(?P<close>(?:[ \u00a0\u202f]*[»›]|[\"'”“«‹)\]’])*)(?P<space>\s+)"
)
OPENERS = "\"'„“”«»‚‘›‹([¿¡–—-"
_TERMINAL_ONLY = frozenset(".!?…")


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Non-blank lines are blocks; a line is joined to the previous one only when it
    clearly continues it (previous ends mid-sentence, this one starts lower-case)."""
    spans: list[list[int]] = []
    offset = 0
    prev_blank = True
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start, end = offset, offset + len(body)
        offset += len(line)
        stripped = body.strip()
        if not stripped:
            prev_blank = True
            continue
        lead = len(body) - len(body.lstrip())
        start += lead
        end = start + len(stripped)
        if spans and not prev_blank and _continues(text[spans[-1][0] : spans[-1][1]], stripped):
            spans[-1][1] = end
        else:
            spans.append([start, end])
        prev_blank = False
    return tuple(Paragraph(s, e, text[s:e], i) for i, (s, e) in enumerate(spans))


def _continues(previous: str, line: str) -> bool:
    last = previous.rstrip()[-1:]
    return bool(last) and last not in '.!?:;…"“”»«' and line[:1].islower()


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Words, numbers and single punctuation marks; a word or number holds a letter or
    digit, and so does a lone mark that is alphanumeric ("²"). (Built with
    ``tuple.__new__`` and one ``span()`` a match: a sixth faster than the named tuple's
    own constructor, on every token of every document.)"""
    new = tuple.__new__
    out: list[Token] = []
    append = out.append
    for m in TOKEN_RE.finditer(text):
        g = m.group()
        start, end = m.span()
        append(new(Token, (g, start + offset, end + offset, m.lastgroup != "punct" or g.isalnum())))
    return tuple(out)


def split_sentences(
    text: str, lang: str, paragraphs: tuple[Paragraph, ...]
) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(s, e, text[s:e], index, tokenize(text[s:e], s))
        for s, e, index in sentence_spans(lang, paragraphs)
    )


def sentence_spans(lang: str, paragraphs: tuple[Paragraph, ...]) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of each sentence: ``split_sentences`` without the
    tokens, for callers that need only where sentences are."""
    pack = load_pack(lang)
    abbreviations = pack.lower_set("segment", "abbreviations")
    months = pack.lower_set("segment", "months")
    ordinal_lang = bool(pack.get("segment", "ordinal_dot", False))
    return [
        (para.start + start, para.start + end, para.index)
        for para in paragraphs
        for start, end in _sentence_spans(para.text, abbreviations, months, ordinal_lang)
    ]


# a closing quotation mark after the space that followed a ? or ! (French sets a no-break
# space inside « »), then a comma or a lower-case word: the quoted question goes on
_QUOTE_GOES_ON_RE = re.compile(r"[»›”\"]\s*(?:[,;]|[a-zà-öø-ÿ])")
WORD_WINDOW = 80  # characters before a dot searched for the word it ends
# An elided article, pronoun or conjunction glued to the next word: "l'aile", "qu'il"
_ELISION_RE = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


def elision(word: str) -> int:
    """Where a word starts after an elided word glued to it ("l'aile" -> 2, "jusqu'à" ->
    7); 0 where there is none ("aujourd'hui", "Haus")."""
    m = _ELISION_RE.match(word)
    return m.end() if m else 0


_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")
_WORD_AFTER_RE = re.compile(r"\s*(\w+)")


def _sentence_spans(
    text: str, abbreviations: frozenset[str], months: frozenset[str], ordinal_lang: bool
) -> Iterator[tuple[int, int]]:
    start = 0
    for m in BOUNDARY_RE.finditer(text):
        cut = m.end("close")
        nxt = text[m.end() : m.end() + 1]
        if not nxt or not _is_boundary(text, m, nxt, abbreviations, months, ordinal_lang):
            continue
        if text[start:cut].strip():
            yield start, cut
        start = m.end()
    rest = text[start:].rstrip()
    if rest.strip():
        yield start, start + len(rest)


def _is_boundary(
    text: str,
    m: re.Match[str],
    nxt: str,
    abbreviations: frozenset[str],
    months: frozenset[str],
    ordinal_lang: bool,
) -> bool:
    if not (nxt.isupper() or nxt.isdigit() or nxt in OPENERS):
        return False
    if _QUOTE_GOES_ON_RE.match(text, m.end()):
        return False  # "« Vous vous souvenez ? », a demandé la présidente.": one sentence
    term = m.group("term")
    if term != ".":
        return True
    # the word before the dot, read from a bounded window (a search anchored at the end
    # of the whole text before would rescan it for every candidate: quadratic)
    before = text[max(0, m.start() - WORD_WINDOW) : m.start()]
    word_m = _WORD_BEFORE_RE.search(before)
    word = word_m.group(1) if word_m else ""
    if not word:
        return True
    if word.isdigit():
        following = _WORD_AFTER_RE.match(text, m.end())
        nxt_word = following.group(1).lower() if following else ""
        if nxt_word in months:
            return False  # "3. Dezember", "24. Februar 2022"
        # In ordinal-dot languages ("1. Weltkrieg", "der 2. Versuch") a one- or
        # two-digit number before a dot is an ordinal far more often than an ending.
        return not (ordinal_lang and len(word) <= 2)
    bare = word.rstrip(".").lower()
    if len(bare) == 1 and bare.isalpha():
        return False  # an initial ("J. Smith") or part of "z. B."
    if bare in abbreviations or word.lower() in abbreviations:
        return False
    # dotted abbreviations written without spaces: "z.B.", "U.S.", "e.g."
    return not re.fullmatch(r"(?:\w\.)+\w", bare)


install_segmentation(split_paragraphs, split_sentences)
