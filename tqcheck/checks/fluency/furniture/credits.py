"""Photo credits and captions by their structure: "Label: Name/Org", "© Org", "Name/Org"
ending a line, "(Agency: Name)", a caption's sentence and a bare credit, all-caps credit
runs. What follows a label must be names, agencies and joiners only; the agency list
helps but is not required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from tqcheck.checks.fluency.furniture.lexicon import Lexicon, words_of
from tqcheck.checks.fluency.furniture.shapes import (
    CAP_RE,
    TOKEN_RE,
    Hit,
    alternation,
    first_chars,
    line_bounds,
)
from tqcheck.model import Document

AGENCY = "AGENCYNAME"  # stands for a many-word agency name inside a credit
CAPTION_WORDS = 25  # a credit ending a line this short takes its one-sentence caption along
NAME_PARTICLES = frozenset(
    "von van de der den da di del du la le y bin al ten ter zu dos das des el et and und & "
    "/ | , ; - – for für pour avec with mit via".split()
)
# A credit in brackets ending a line: "(AP Photo/Name)", "(ABC News: Name)", "[KEYSTONE]".
_BRACKET_RE = re.compile(r"[(\[](?P<who>[^()\[\]\n\r]{2,60})[)\]][ \t]*$", re.MULTILINE)
# A caption's sentence, then a bare credit to the end of the line: "… on Monday. Stephen
# Yang", "… mardi. AFP", "… lundi matin PHOTO MARTIN TREMBLAY, LA PRESSE".
_SLASH_LINE_RE = re.compile(r"^[^\n\r/]*/[^\n\r]*", re.MULTILINE)  # lines with a slash
_BARE_CREDIT_RE = re.compile(
    r"(?:[a-zàâéèêîôûçäöüß]{4}[.!?] |[a-zàâéèêîôûç] (?=PHOTO|FOTO|IMAGE|BILD))"
    r"(?P<who>[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ][^.!?()\n\r]{1,60}?)[ \t]*$",
    re.MULTILINE,
)
# Two or more all-caps words ending a line: "HEIDI LEVINE. SIPA", "KEYSTONE - NAME".
_CAPS_RE = re.compile(
    r"(?P<who>[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ][A-ZÄÖÜÀÂÉÈÊÎÔÛÇ'’-]+\.?"
    r"(?:(?:[ \t]+|[ \t]*[./-][ \t]*)[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ][A-ZÄÖÜÀÂÉÈÊÎÔÛÇ'’-]+\.?){1,5})[ \t]*$",
    re.MULTILINE,
)


def is_agency(token: str, lex: Lexicon) -> bool:
    """A one-word agency ("dpa", "AFP"), or a many-word one marked by ``mark_agencies``."""
    return token == AGENCY or token.lower() in _single_agencies(lex)


@lru_cache(maxsize=32)
def _single_agencies(lex: Lexicon) -> frozenset[str]:
    return frozenset(a.lower() for a in lex.agencies if " " not in a)


def mark_agencies(text: str, lex: Lexicon) -> str:
    """Many-word agencies replaced by one token: "La Presse canadienne" -> AGENCY."""
    for agency in lex.agencies:
        if " " in agency and agency.lower() in text.lower():
            text = re.sub(re.escape(agency), AGENCY, text, flags=re.IGNORECASE)
    return text


def credit_like(who: str, lex: Lexicon) -> bool:
    """Names, agencies and joiners only: "Kai Pfaffenbach/AFP über Getty Images",
    "Ludovic Marin / AFP", "picture alliance / dpa", not "die Regierung hat entschieden"."""
    tokens = TOKEN_RE.findall(mark_agencies(who, lex))
    if not tokens or len(tokens) > 10:
        return False
    capitalised = 0
    agency = any(is_agency(t.strip(".:"), lex) for t in tokens)
    for tok in tokens:
        bare = tok.strip(".:'’\"“”„«»")
        if not bare:
            continue
        low = bare.lower()
        if low in lex.credit_words or (agency and re.fullmatch(r"[a-z]{2,4}", bare)):
            continue  # "news agencies"; editor initials after an agency: "dpa, AFP, sah"
        if any(ch.isdigit() for ch in bare):
            return False  # "(Vorjahr: 1.378)" is a figure, not a credit
        if CAP_RE.match(bare) or bare.isupper() or is_agency(bare, lex):
            capitalised += 1
        elif low in NAME_PARTICLES or low in lex.credit_joiners or low in ("images", "alliance"):
            continue
        elif re.fullmatch(r"[\w-]+\.[a-z]{2,4}", bare):  # a domain: unsplash.com
            capitalised += 1
        else:
            return False
    return capitalised > 0


@lru_cache(maxsize=32)
def _credit_patterns(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    labels = alternation(lex.credit_labels)
    joiners = alternation(lex.credit_joiners)
    prefixes = ("Pool", "Archiv", "Symbol")
    label = re.compile(
        first_chars(*prefixes, *lex.credit_labels)
        + rf"(?<![\w-])(?:{'|'.join(prefixes)})?(?:{labels})"
        rf"\s*(?:[:：]|,(?=\s*[A-Z])|\s(?:{joiners})\b)"
        rf"\s*(?P<who>[^\n\r]{{2,120}})",
        re.IGNORECASE,
    )
    copyright_ = re.compile(r"(?:©|\(c\)|Copyright)\s*(?P<who>[^\n\r]{2,80})", re.IGNORECASE)
    long_labels = alternation(tuple(x for x in lex.credit_labels if " " in x)) or "(?!)"
    bare = re.compile(
        rf"^[ \t]*(?:{long_labels})[ \t]+(?P<who>[A-ZÄÖÜ][^\n\r]{{2,60}})$", re.I | re.M
    )
    slash = re.compile(
        r"(?P<who>(?:[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ][\w.'’-]+[ \t]+){0,3}[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ][\w.'’-]+"
        r"[ \t]*/[ \t]*[\w.&'’ -]{2,40}?)[ \t]*\)?[ \t]*$",
        re.MULTILINE,
    )
    return label, copyright_, bare, slash


def credits(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    text = doc.text
    label, copyright_, bare, slash = _credit_patterns(lex)
    seen: list[tuple[int, int]] = []

    def emit(start: int, end: int) -> Iterator[Hit]:
        if start > 0 and text[start - 1] in "([" and text[end : end + 1] in (")", "]"):
            start, end = start - 1, end + 1  # "(Image: Name/Agency)"
        if any(s < end and start < e for s, e in seen):
            return
        start, end = _with_caption(text, start, end)
        seen.append((start, end))
        yield start, end, "photo_credit"

    for pattern in (label, copyright_, bare):
        for m in pattern.finditer(text):
            who = _credit_part(m.group("who"))
            end = m.start("who") + len(who)
            if credit_like(who, lex) and _credit_ends(text, m.start(), end):
                yield from emit(m.start(), end)
    slashed = (
        m for line in _SLASH_LINE_RE.finditer(text) for m in [slash.search(text, *line.span())] if m
    )
    for m in slashed:
        who = m.group("who")
        sides = [p.strip() for p in who.split("/")]
        ls, le = line_bounds(text, m.start(), m.end())
        short_line = len(words_of(text[ls:le])) <= 12
        after_sentence = bool(re.search(r"[.!?»“\"]\s+$", text[ls : m.start("who")]))
        agency = any(p and is_agency(p.split()[0], lex) for p in sides)
        if credit_like(who, lex) and (agency or short_line or after_sentence):
            yield from emit(m.start("who"), m.start("who") + len(who.rstrip()))
    for m in _BRACKET_RE.finditer(text):
        who = m.group("who")
        ls, _ = line_bounds(text, m.start(), m.end())
        if re.fullmatch(r"\s*(?:[A-ZÄÖÜ][\w'’-]*[ /-]*){1,3}", text[ls : m.start()]):
            continue  # a dateline: "Zürich (sda)", "Kiew/Moskau (AFP)"
        marked = "/" in who or ":" in who or any(is_agency(t, lex) for t in TOKEN_RE.findall(who))
        if marked and credit_like(who, lex):
            yield from emit(m.start(), m.end())
    captions = _caption_pattern(lex)
    for m in captions.finditer(text) if captions else ():
        yield from emit(m.start(), m.end())
    for m in _BARE_CREDIT_RE.finditer(text):
        who = m.group("who").strip()
        ls, le = line_bounds(text, m.start(), m.end())
        line_words = len(words_of(text[ls:le]))
        if line_words <= CAPTION_WORDS and 1 <= len(who.split()) <= 6 and credit_like(who, lex):
            yield from emit(m.start("who"), m.start("who") + len(who))
    for m in _CAPS_RE.finditer(text):
        ls, _ = line_bounds(text, m.start(), m.end())
        lead = text[ls : m.start()]
        who = m.group("who")
        separated = bool(re.search(r"[./-]", who)) or any(
            is_agency(t, lex) for t in TOKEN_RE.findall(who)
        )
        if (re.search(r"[.!?»“\"]\s+$", lead) or (not lead.strip() and separated)) and (
            len(re.sub(r"\W", "", who)) >= 8
        ):
            yield from emit(m.start("who"), m.end("who"))


def _credit_ends(text: str, start: int, end: int) -> bool:
    """A credit ends its line, its bracket or its caption: what follows on the line is
    nothing, a closing bracket, or a new sentence; not prose that goes on ("Bilder von
    Zistrose (Helianthemum) in Dorset gemacht")."""
    _, line_end = line_bounds(text, start, end)
    rest = text[end:line_end]
    if text[start - 1 : start] in "([" and start > 0:
        return rest[:1] in (")", "]")
    return not rest.strip() or (
        bool(re.match(r"\s*(?:[.;]\s+|[–—|]\s+)?\S", rest))
        and (
            bool(re.match(r"\s*[.;–—|]?\s*[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ„“\"«(]", rest)) or rest.strip() in ".)]"
        )
    )


@lru_cache(maxsize=32)
def _caption_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    """A caption under its label, a whole line: "Image caption, Firefighters …",
    "Bildunterschrift: …", "Légende : …"."""
    if not lex.caption_labels:
        return None
    labels = alternation(lex.caption_labels)
    return re.compile(rf"^[ \t]*(?:{labels})[ \t]*[,:：][^\n\r]+", re.IGNORECASE | re.MULTILINE)


def _credit_part(who: str) -> str:
    """The credit up to where the caption's next sentence or a bracket begins."""
    m = re.search(r"\.\s+(?=[A-ZÄÖÜ„“\"«])|\)|\s[–—-]\s(?=\S+\s+[a-zäöüß])", who)
    part = who[: m.start()] if m else who
    return part.rstrip(" .;,")


def _with_caption(text: str, start: int, end: int) -> tuple[int, int]:
    """A credit ending a short line with no sentence break before it: the whole line is a
    caption with its credit ("Bundeskanzler Olaf Scholz Foto: Name/dpa")."""
    ls, le = line_bounds(text, start, end)
    before = text[ls:start]
    words = len(words_of(text[ls:le]))
    if le - end <= 2 and words <= CAPTION_WORDS:
        breaks = len(re.findall(r"[.!?:]\s", before.rstrip() + " "))
        if breaks == 0 or (breaks == 1 and re.search(r"[.!?]\s*$", before)):
            return ls, le  # a caption (one sentence at most) and its credit
    return start, end
