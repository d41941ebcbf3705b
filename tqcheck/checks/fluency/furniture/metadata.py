"""Scraped metadata by its structure: reading times, date and update stamps, bylines and
agency signatures at the top or bottom of a text, the scraper's "date 2024-12" header."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.checks.fluency.furniture.credits import credit_like, is_agency, mark_agencies
from tqcheck.checks.fluency.furniture.lexicon import Lexicon, words_of
from tqcheck.checks.fluency.furniture.shapes import (
    CAP_RE,
    TOKEN_RE,
    Hit,
    alternation,
    first_chars,
    short_line_or,
)
from tqcheck.model import Document
from tqcheck.names.given import given_names
from tqcheck.text.frequency import zipf

EDGE = 6  # lines at the top and bottom where bylines and signatures stand
# A bracketed group ending a paragraph after its last sentence: "… gesagt. (APA, red)".
# (the bracket first, then the look back: a pattern that opens with a look-behind is tried
# at every position)
_GLUED_BRACKET_RE = re.compile(r"[(\[](?<=[.!?»“\"] [(\[])[^()\[\]\n\r]{2,60}[)\]][ \t]*$", re.M)


@dataclass(frozen=True)
class _Patterns:
    header: re.Pattern[str]
    reading: re.Pattern[str]
    labelled: re.Pattern[str]
    bracketed: re.Pattern[str]
    day: re.Pattern[str]
    date: re.Pattern[str]
    label: re.Pattern[str]
    byline: re.Pattern[str]
    glued_byline: re.Pattern[str]


# words that soften a reading time: "ca.", "rund", "etwa", "about", "environ"
_HEDGES = r"(?:ca\.|env\.|~|rund|etwa|ungefähr|about|around|approx\.?|roughly|environ|près de)"


@lru_cache(maxsize=32)
def _patterns(lex: Lexicon) -> _Patterns:
    units = alternation(lex.duration_units)
    reading = alternation(lex.reading_labels)
    # a number in figures or in words: "Lesedauer: rund drei Minuten"
    amount = rf"(?:\d+|{alternation(lex.count_words)})" if lex.count_words else r"\d+"
    labels = alternation(lex.metadata_labels)
    # month names and their abbreviations: "4 Dec 2024", "3 déc.", "Sept. 5"
    names = {m for full in lex.months for m in (full, full[:3], full[:4]) if len(m) >= 3}
    months = f"(?:{alternation(tuple(sorted(names)))})\\.?" if names else "(?!)"
    openers = alternation(lex.byline_openers)
    day = (
        rf"(?:\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
        rf"\b\d{{1,2}}\.?\s*(?:{months})\b|(?:{months})\s+\d{{1,2}}\b|{_rel(lex)})"
    )
    clock = r"(?:\b\d{1,2}\s?[:h]\s?\d{2}\b|\b\d{1,2}\.\d{2}\s*Uhr\b)"
    date = f"(?:{day}|{clock})"
    return _Patterns(
        header=re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?", re.IGNORECASE),
        reading=re.compile(
            first_chars(*lex.reading_labels, digits=True)
            + rf"(?:(?:{reading})\s*:?\s*(?:{_HEDGES}\s*)?{amount}\s*(?:{units})\b\.?"
            rf"|\b\d+(?:\s*[-–]\s*\d+)?\s*(?:{units}|')\.?\s+(?:de\s+)?(?:{reading}|read|lesen|lecture)\b)",
            re.IGNORECASE,
        ),
        labelled=re.compile(
            rf"^\W*(?:{labels})\b\s*(?:am|on|le|:|,)?\s*[^\n\r]{{0,30}}?{date}[^\n\r]{{0,60}}$",
            re.IGNORECASE | re.MULTILINE,
        ),
        bracketed=re.compile(
            rf"\((?:{labels})\b[^()\n\r]{{0,40}}?{date}[^()\n\r]{{0,30}}\)", re.IGNORECASE
        ),
        day=re.compile(day, re.IGNORECASE),
        date=re.compile(date, re.IGNORECASE),
        label=re.compile(rf"\b(?:{labels})\b", re.IGNORECASE),
        byline=re.compile(rf"^\W*(?:{openers})\s*:?\s+(?P<who>[^\n\r]{{2,120}})$", re.I | re.M),
        glued_byline=re.compile(
            first_chars(*lex.byline_openers)
            + rf"(?<=[.!?»“\"] )(?:{openers})\s+(?P<who>[^.!?\n\r]{{2,80}})$",
            re.I | re.M,
        ),
    )


def metadata(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """Reading times, date and update stamps, bylines and the scraper's date header."""
    text = doc.text
    p = _patterns(lex)
    for pattern, kind in (
        (p.header, "metadata"),
        (p.reading, "reading_time"),
        (p.labelled, "metadata"),
        (p.bracketed, "metadata"),
    ):
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            if pattern is p.labelled and (len(words_of(m.group())) > 16 or _sentence(m.group())):
                continue
            if kind == "reading_time":
                start, end = short_line_or(text, start, end)
            yield start, end, kind
    yield from _stamp_lines(doc, p.day, p.date, p.label)
    yield from _role_bylines(doc, lex)
    yield from _bylines(doc, lex)
    yield from _glued_bylines(doc, lex)
    yield from _signatures(doc, lex)


def _sentence(line: str) -> bool:
    """A line that ends like a sentence (a full stop after a word, "?" or "!") is prose:
    "Veröffentlicht wird der Bericht am 4. März." """
    body = line.strip()
    return bool(re.search(r"[!?]$", body)) or (
        body.endswith(".") and not re.search(r"(?:\d|\b\w)\.$", body)
    )


STAMP_CHARS = 160  # longer lines are no date stamps (checked before counting words)


def _stamp_lines(
    doc: Document, day: re.Pattern[str], date: re.Pattern[str], label: re.Pattern[str]
) -> Iterator[Hit]:
    """A short line that is not a sentence and is mostly a date (with its time), or that
    holds a publishing label and a date or time: "4.12.2024 - 18:05", "Ce contenu a été
    publié le …", "Publié à 18 h 05"."""
    for line in re.finditer(r"[^\n\r]+", doc.text):
        body = line.group().strip()
        if not body or len(body) > STAMP_CHARS or not date.search(body) or _sentence(body):
            continue
        words = words_of(body)
        if len(words) > 14:
            continue
        others = [w for w in words_of(date.sub(" ", body)) if not label.fullmatch(w)]
        if (len(others) <= 2 and day.search(body)) or label.search(body):
            start = line.start() + (len(line.group()) - len(line.group().lstrip()))
            yield start, start + len(body), "metadata"


def _signatures(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """An agency or editor signature on its own line at the top or bottom: "(sda/dpa)",
    "Le Monde avec AFP", "ats/jfe", "(APA, red, 4.12.2024)", "(akn)"."""
    lines = [m for m in re.finditer(r"[^\n\r]+", doc.text) if m.group().strip()]
    joiners = {"avec", "with", "mit", "und", "and", "et", "&", "par", "by", "von"}
    glued = [m for m in _GLUED_BRACKET_RE.finditer(doc.text)]
    edges = lines[:EDGE] + lines[-EDGE:]
    for line in edges + glued:
        body = line.group().strip()
        if line in edges and _name_line(body, doc.lang):
            start = line.start() + (len(line.group()) - len(line.group().lstrip()))
            yield start, start + len(body), "byline"
            continue
        inner = body.strip("()[] .")
        tokens = [t for t in re.split(r"[\s/,;]+", mark_agencies(inner, lex)) if t]
        if not tokens or len(tokens) > 6 or re.search(r"[.!?]\s", inner):
            continue
        agencies = sum(is_agency(t, lex) or is_agency(t.split("-")[0], lex) for t in tokens)
        initials = sum(bool(re.fullmatch(r"[a-z]{2,4}", t)) for t in tokens)
        dated = sum(bool(re.fullmatch(r"[\d.]+", t)) for t in tokens)
        names = sum(bool(CAP_RE.match(t)) for t in tokens)
        joined = sum(t.lower() in joiners for t in tokens)
        if agencies + initials + dated + names + joined < len(tokens):
            continue
        bracketed = body[:1] in "([" and body[-1:] in ")]"
        if agencies or (bracketed and initials and not names) or (initials and "/" in inner):
            start = line.start() + (len(line.group()) - len(line.group().lstrip()))
            yield start, start + len(body), "byline"


NAME_ZIPF = 4.2  # a word of a name is rarer than this in the language


ROLE_BYLINE_WORDS = 8  # an author line is short


def _role_bylines(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A line, anywhere, that is an author's name with the words author lines use and
    nothing else: "Ein Bericht von Jasper Ohlendorf", "Julien Astruc, correspondant",
    "— Marcus Bell, Arts Correspondent", "Clemens Aumüller (mit Agenturmaterial)". The
    name is a given name of the shipped list followed by a capitalised word."""
    if not lex.byline_words:
        return
    given = given_names()
    for line in re.finditer(r"[^\n\r]+", doc.text):
        body = line.group().strip()
        if not body or _TERMINAL_SENTENCE_RE.search(body):
            continue
        tokens = re.findall(r"[^\W\d_][\w'’.-]*", body)
        if not 3 <= len(tokens) <= ROLE_BYLINE_WORDS:
            continue
        named = [
            k
            for k in range(len(tokens) - 1)
            if tokens[k] in given and CAP_RE.match(tokens[k + 1]) and not tokens[k + 1].isupper()
        ]
        if not named:
            continue
        k = named[0]
        rest = tokens[:k] + tokens[k + 2 :]
        if rest and all(t.lower().strip(".") in lex.byline_words or t.isupper() for t in rest):
            start = line.start() + (len(line.group()) - len(line.group().lstrip()))
            yield start, start + len(body), "byline"


_TERMINAL_SENTENCE_RE = re.compile(r"[.!?]\s*$")


def _name_line(body: str, lang: str) -> bool:
    """A line that is only an author's name, with an outlet or an address: "Camille Roux",
    "Dana Faraway, USA TODAY", "Pauline Garcia p.garcia@example.fr". Two or more
    capitalised words that are no common words of the language, and nothing else."""
    tokens = [t for t in re.split(r"[\s,]+", body.strip(" .")) if t]
    if not 2 <= len(tokens) <= 6 or body.rstrip().endswith(":"):
        return False
    names = 0
    for t in tokens:
        if "@" in t or (t.isupper() and len(t) >= 2):
            continue
        if not CAP_RE.match(t) or zipf(t.lower(), lang) >= NAME_ZIPF:
            return False
        names += 1
    return names >= 2 and _names_not_prose(tokens, lang)


def _rel(lex: Lexicon) -> str:
    return "|".join(p.pattern for p in lex.relative_time) or "(?!)"


def _bylines(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    pattern = _patterns(lex).byline
    lines = [m for m in re.finditer(r"[^\n\r]+", doc.text) if m.group().strip()]
    edge = {m.start() for m in lines[:EDGE] + lines[-EDGE:]}
    for line in lines:
        if line.start() not in edge:
            continue
        m = pattern.match(line.group())
        if not m:
            continue
        who = m.group("who").strip(" .")
        if not credit_like(who, lex):
            # the names, without a role or place after them: "By A in Portland", "Par A, à
            # Kyiv", "Von A | 08.33 Uhr"
            who = re.split(r"[,;(|]|\s[–—-]\s|\s(?:in|à|aus|from|at|en)\s", who)[0].strip(" .")
        words = who.split()
        if 1 <= len(words) <= 12 and credit_like(who, lex) and _names_not_prose(words, doc.lang):
            start = line.start() + (len(line.group()) - len(line.group().lstrip()))
            yield start, line.start() + len(line.group().rstrip()), "byline"


def _glued_bylines(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A byline run onto the end of a paragraph: "… fin. Par Name avec AFP"."""
    for m in _patterns(lex).glued_byline.finditer(doc.text):
        who = m.group("who").strip()
        tokens = TOKEN_RE.findall(who)
        strong = (
            any(is_agency(t, lex) for t in tokens)
            or sum(t.isupper() and len(t) >= 3 for t in tokens) >= 2
        )
        names = 2 <= len(tokens) <= 4 and _names_not_prose(tokens, doc.lang)
        if (strong or names) and credit_like(who, lex):
            yield m.start(), m.start("who") + len(m.group("who").rstrip()), "byline"


def _names_not_prose(words: list[str], lang: str) -> bool:
    """Capitalised words of a byline are names, not the nouns of a German subheading
    ("Von Hoffnungen und Sorgen"): at least one is no word of this language alone.
    Names travel (Jonas, Friedrich, Marie are names in English too); nouns do not."""
    caps = [w.strip(".,") for w in words if CAP_RE.match(w)]
    if not caps or lang == "en":
        return True
    return any(zipf(w.lower(), lang) - zipf(w.lower(), "en") < 1.5 for w in caps)
