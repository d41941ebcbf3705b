"""Furniture recognised by its structure: credits, site suffixes, metadata, comment threads.

These shapes hold across sites and languages ("Label: Name/Org", "© Org", "headline –
BRAND", "Label: date", "By Name", "12 comments"); the pack supplies the labels, the
structure is the detector. Each function returns hits ``(start, end, kind)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from tqcheck.checks.fluency.furniture.lexicon import Lexicon, Stem, words_of
from tqcheck.model import Document
from tqcheck.text.frequency import zipf

Hit = tuple[int, int, str]
AGENCY = "AGENCY"  # stands for a many-word agency name inside a credit
CAPTION_WORDS = 25  # a credit ending a line this short takes its one-sentence caption along
EDGE = 6  # lines at the top and bottom where bylines and signatures stand
TITLE_LINES = 3  # the page title (with its site suffix) is among the first lines
_NAME_PARTICLES = frozenset(
    "von van de der den da di del du la le y bin al ten ter zu dos das des el et and und & "
    "/ | , ; - – for für pour avec with mit via".split()
)
_CAP_RE = re.compile(r"[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ]")
_TOKEN_RE = re.compile(r"[^\s/|,;()\[\]]+")
# A credit in brackets ending a line: "(AP Photo/Name)", "(ABC News: Name)", "[KEYSTONE]".
_BRACKET_RE = re.compile(r"[(\[](?P<who>[^()\[\]\n\r]{2,60})[)\]][ \t]*$", re.MULTILINE)
# A bracketed group ending a paragraph after its last sentence: "… gesagt. (APA, red)".
_GLUED_BRACKET_RE = re.compile(r"(?<=[.!?»“\"] )[(\[][^()\[\]\n\r]{2,60}[)\]][ \t]*$", re.M)
# A caption's sentence, then a bare credit to the end of the line: "… on Monday. Stephen
# Yang", "… mardi. AFP", "… lundi matin PHOTO MARTIN TREMBLAY, LA PRESSE".
_BARE_CREDIT_RE = re.compile(
    r"(?:(?<=[a-zàâéèêîôûçäöüß]{4}[.!?] )|(?<=[a-zàâéèêîôûç] )(?=PHOTO|FOTO|IMAGE|BILD))"
    r"(?P<who>[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ][^.!?()\n\r]{1,60}?)[ \t]*$",
    re.MULTILINE,
)
# Two or more all-caps words ending a line: "HEIDI LEVINE. SIPA", "KEYSTONE - NAME".
_CAPS_RE = re.compile(
    r"(?P<who>[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ][A-ZÄÖÜÀÂÉÈÊÎÔÛÇ'’-]+\.?"
    r"(?:(?:[ \t]+|[ \t]*[./-][ \t]*)[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ][A-ZÄÖÜÀÂÉÈÊÎÔÛÇ'’-]+\.?){1,5})[ \t]*$",
    re.MULTILINE,
)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    le_n, le_r = text.find("\n", end), text.find("\r", end)
    ends = [x for x in (le_n, le_r) if x != -1]
    le = min(ends) if ends else len(text)
    line = text[ls:le]
    lead = len(line) - len(line.lstrip())
    return ls + lead, ls + len(line.rstrip())


def _alternation(words: tuple[str, ...]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


def _is_agency(token: str, lex: Lexicon) -> bool:
    """A one-word agency ("dpa", "AFP"), or a many-word one marked by ``_mark_agencies``."""
    return token == AGENCY or token.lower() in _single_agencies(lex)


@lru_cache(maxsize=32)
def _single_agencies(lex: Lexicon) -> frozenset[str]:
    return frozenset(a.lower() for a in lex.agencies if " " not in a)


def _mark_agencies(text: str, lex: Lexicon) -> str:
    """Many-word agencies replaced by one token: "La Presse canadienne" -> AGENCY."""
    for agency in lex.agencies:
        if " " in agency and agency.lower() in text.lower():
            text = re.sub(re.escape(agency), AGENCY, text, flags=re.IGNORECASE)
    return text


def credit_like(who: str, lex: Lexicon) -> bool:
    """Names, agencies and joiners only: "Kai Pfaffenbach/AFP über Getty Images",
    "Ludovic Marin / AFP", "picture alliance / dpa", not "die Regierung hat entschieden"."""
    tokens = _TOKEN_RE.findall(_mark_agencies(who, lex))
    if not tokens or len(tokens) > 10:
        return False
    capitalised = 0
    agency = any(_is_agency(t.strip(".:"), lex) for t in tokens)
    for tok in tokens:
        bare = tok.strip(".:'’\"“”„«»")
        if not bare:
            continue
        low = bare.lower()
        if low in lex.credit_words or (agency and re.fullmatch(r"[a-z]{2,4}", bare)):
            continue  # "news agencies"; editor initials after an agency: "dpa, AFP, sah"
        if any(ch.isdigit() for ch in bare):
            return False  # "(Vorjahr: 1.378)" is a figure, not a credit
        if _CAP_RE.match(bare) or bare.isupper() or _is_agency(bare, lex):
            capitalised += 1
        elif low in _NAME_PARTICLES or low in lex.credit_joiners or low in ("images", "alliance"):
            continue
        elif re.fullmatch(r"[\w-]+\.[a-z]{2,4}", bare):  # a domain: unsplash.com
            capitalised += 1
        else:
            return False
    return capitalised > 0


@lru_cache(maxsize=32)
def _credit_patterns(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    labels = _alternation(lex.credit_labels)
    joiners = _alternation(lex.credit_joiners)
    label = re.compile(
        rf"(?<![\w-])(?:Pool|Archiv|Symbol)?(?:{labels})\s*(?:[:：]|,(?=\s*[A-Z])|\s(?:{joiners})\b)"
        rf"\s*(?P<who>[^\n\r]{{2,120}})",
        re.IGNORECASE,
    )
    copyright_ = re.compile(r"(?:©|\(c\)|Copyright)\s*(?P<who>[^\n\r]{2,80})", re.IGNORECASE)
    long_labels = _alternation(tuple(x for x in lex.credit_labels if " " in x)) or "(?!)"
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
            if credit_like(who, lex):
                end = m.start("who") + len(who)
                yield from emit(m.start(), end)
    for m in slash.finditer(text):
        who = m.group("who")
        sides = [p.strip() for p in who.split("/")]
        ls, le = _line_bounds(text, m.start(), m.end())
        short_line = len(words_of(text[ls:le])) <= 12
        after_sentence = bool(re.search(r"[.!?»“\"]\s+$", text[ls : m.start("who")]))
        agency = any(p and _is_agency(p.split()[0], lex) for p in sides)
        if credit_like(who, lex) and (agency or short_line or after_sentence):
            yield from emit(m.start("who"), m.start("who") + len(who.rstrip()))
    for m in _BRACKET_RE.finditer(text):
        who = m.group("who")
        ls, _ = _line_bounds(text, m.start(), m.end())
        if re.fullmatch(r"\s*(?:[A-ZÄÖÜ][\w'’-]*[ /-]*){1,3}", text[ls : m.start()]):
            continue  # a dateline: "Zürich (sda)", "Kiew/Moskau (AFP)"
        marked = "/" in who or ":" in who or any(_is_agency(t, lex) for t in _TOKEN_RE.findall(who))
        if marked and credit_like(who, lex):
            yield from emit(m.start(), m.end())
    for m in _BARE_CREDIT_RE.finditer(text):
        who = m.group("who").strip()
        ls, le = _line_bounds(text, m.start(), m.end())
        line_words = len(words_of(text[ls:le]))
        if line_words <= CAPTION_WORDS and 1 <= len(who.split()) <= 6 and credit_like(who, lex):
            yield from emit(m.start("who"), m.start("who") + len(who))
    for m in _CAPS_RE.finditer(text):
        ls, _ = _line_bounds(text, m.start(), m.end())
        lead = text[ls : m.start()]
        who = m.group("who")
        separated = bool(re.search(r"[./-]", who)) or any(
            _is_agency(t, lex) for t in _TOKEN_RE.findall(who)
        )
        if (re.search(r"[.!?»“\"]\s+$", lead) or (not lead.strip() and separated)) and (
            len(re.sub(r"\W", "", who)) >= 8
        ):
            yield from emit(m.start("who"), m.end("who"))


def _credit_part(who: str) -> str:
    """The credit up to where the caption's next sentence or a bracket begins."""
    m = re.search(r"\.\s+(?=[A-ZÄÖÜ„“\"«])|\)|\s[–—-]\s(?=\S+\s+[a-zäöüß])", who)
    part = who[: m.start()] if m else who
    return part.rstrip(" .;,")


def _with_caption(text: str, start: int, end: int) -> tuple[int, int]:
    """A credit ending a short line with no sentence break before it: the whole line is a
    caption with its credit ("Bundeskanzler Olaf Scholz Foto: Name/dpa")."""
    ls, le = _line_bounds(text, start, end)
    before = text[ls:start]
    words = len(words_of(text[ls:le]))
    if le - end <= 2 and words <= CAPTION_WORDS:
        breaks = len(re.findall(r"[.!?:]\s", before.rstrip() + " "))
        if breaks == 0 or (breaks == 1 and re.search(r"[.!?]\s*$", before)):
            return ls, le  # a caption (one sentence at most) and its credit
    return start, end


@lru_cache(maxsize=32)
def _suffix_pattern() -> re.Pattern[str]:
    return re.compile(
        r"^(?P<head>\S.{8,}?)(?P<cut>\s+(?:[|–—•·:-]|::)\s+)(?P<brand>[^|–—\n\r]{2,40}?)\s*$"
    )


BRAND_HINTS = frozenset(
    "online news zeitung times post journal tribune magazin magazine tv radio info blog "
    "today daily presse press actu actualités nachrichten tagblatt kurier rundschau "
    "allgemeine anzeiger courier herald guardian monde figaro libération express point".split()
)


# German compound brand names end in these: Handelsblatt, Abendzeitung, Stadtanzeiger.
BRAND_SUFFIXES = ("blatt", "zeitung", "anzeiger", "kurier", "rundschau", "nachrichten", "post")


def site_suffix(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A brand after a separator at the end of the headline (first line)."""
    text = doc.text
    for m in list(re.finditer(r"\S[^\n\r]*", text))[:TITLE_LINES]:
        s = _suffix_pattern().match(m.group().rstrip())
        if not s or not 3 <= len(words_of(s.group("head"))) <= 25:
            continue
        if re.search(r"[.!?]\s", s.group("head")):
            continue  # a paragraph, not a title
        brand = s.group("brand").strip()
        body = (text[: m.start()] + text[m.end() :]).lower()
        if _brand(brand, s.group("cut").strip(), body, doc.lang):
            start = m.start() + s.start("cut")
            while text[start].isspace():
                start += 1
            yield start, m.start() + s.end("brand"), "site_suffix"
            return


def _brand(brand: str, sep: str, body: str, lang: str) -> bool:
    tokens = brand.split()
    if not 1 <= len(tokens) <= 5 or re.search(r"[.!?,;]\s|[.!?]$", brand):
        return False
    domain = bool(re.search(r"\w\.(?:[a-z]{2,4})\b", brand))
    caps = any(t.isupper() and len(t) >= 2 for t in tokens)
    hint = any(
        t.lower() in BRAND_HINTS or any(t.lower().endswith(h) for h in BRAND_SUFFIXES)
        for t in tokens
    )
    for t in tokens:
        if not (_CAP_RE.match(t) or t.isdigit() or t.lower() in _NAME_PARTICLES or "." in t):
            if not hint:  # "heise online": lower case with a brand word
                return False
    if domain or caps:
        return True
    in_body = all(t.lower() in body for t in tokens if len(t) > 3)
    if sep == "|":
        return not in_body or hint
    if hint:
        return True
    article = tokens[0].lower() in {"le", "la", "les", "l'", "die", "der", "das", "the", "el"}
    rare = all(zipf(t.lower(), lang) < 3.0 for t in tokens if len(t) > 3)
    return not in_body and (article or rare) and len(tokens) <= 3


def metadata(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """Reading times, date and update stamps, bylines and the scraper's date header."""
    text = doc.text
    units = _alternation(lex.duration_units)
    reading = _alternation(lex.reading_labels)
    labels = _alternation(lex.metadata_labels)
    months = _alternation(tuple(lex.months)) or "(?!)"
    day = (
        rf"(?:\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
        rf"\b\d{{1,2}}\.?\s*(?:{months})\b|(?:{months})\s+\d{{1,2}}\b|{_rel(lex)})"
    )
    clock = r"(?:\b\d{1,2}\s?[:h]\s?\d{2}\b|\b\d{1,2}\.\d{2}\s*Uhr\b)"
    date = f"(?:{day}|{clock})"
    patterns = [
        re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?", re.IGNORECASE),
        re.compile(
            rf"(?:{reading})\s*:?\s*(?:ca\.\s*|env\.\s*|~\s*)?\d+\s*(?:{units})\b\.?"
            rf"|\b\d+(?:\s*[-–]\s*\d+)?\s*(?:{units})\.?\s+(?:{reading}|read|lesen|lecture)\b",
            re.IGNORECASE,
        ),
        re.compile(
            rf"^\W*(?:{labels})\b\s*(?:am|on|le|:|,)?\s*[^\n\r]{{0,30}}?{date}[^\n\r]{{0,60}}$",
            re.IGNORECASE | re.MULTILINE,
        ),
    ]
    patterns.append(
        re.compile(rf"\((?:{labels})\b[^()\n\r]{{0,40}}?{date}[^()\n\r]{{0,30}}\)", re.I)
    )
    for k, pattern in enumerate(patterns):
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            if k == 2 and (len(words_of(m.group())) > 16 or _sentence(m.group())):
                continue
            kind = "reading_time" if k == 1 else "metadata"
            if k == 1:
                start, end = _short_line_or(text, start, end)
            yield start, end, kind
    stamp_label = re.compile(rf"\b(?:{labels})\b", re.I)
    yield from _stamp_lines(doc, re.compile(day, re.I), re.compile(date, re.I), stamp_label)
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


def _stamp_lines(
    doc: Document, day: re.Pattern[str], date: re.Pattern[str], label: re.Pattern[str]
) -> Iterator[Hit]:
    """A short line that is not a sentence and is mostly a date (with its time), or that
    holds a publishing label and a date or time: "4.12.2024 - 18:05", "Ce contenu a été
    publié le …", "Publié à 18 h 05"."""
    for line in re.finditer(r"[^\n\r]+", doc.text):
        body = line.group().strip()
        words = words_of(body)
        if not body or len(words) > 14 or _sentence(body) or not date.search(body):
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
    for line in lines[:EDGE] + lines[-EDGE:] + glued:
        body = line.group().strip()
        inner = body.strip("()[] .")
        tokens = [t for t in re.split(r"[\s/,;]+", _mark_agencies(inner, lex)) if t]
        if not tokens or len(tokens) > 6 or re.search(r"[.!?]\s", inner):
            continue
        agencies = sum(_is_agency(t, lex) or _is_agency(t.split("-")[0], lex) for t in tokens)
        initials = sum(bool(re.fullmatch(r"[a-z]{2,4}", t)) for t in tokens)
        dated = sum(bool(re.fullmatch(r"[\d.]+", t)) for t in tokens)
        names = sum(bool(_CAP_RE.match(t)) for t in tokens)
        joined = sum(t.lower() in joiners for t in tokens)
        if agencies + initials + dated + names + joined < len(tokens):
            continue
        bracketed = body[:1] in "([" and body[-1:] in ")]"
        if agencies or (bracketed and initials and not names) or (initials and "/" in inner):
            start = line.start() + (len(line.group()) - len(line.group().lstrip()))
            yield start, start + len(body), "byline"


def _rel(lex: Lexicon) -> str:
    return "|".join(p.pattern for p in lex.relative_time) or "(?!)"


def _short_line_or(text: str, start: int, end: int) -> tuple[int, int]:
    ls, le = _line_bounds(text, start, end)
    return (ls, le) if len(words_of(text[ls:le])) <= 12 else (start, end)


def _bylines(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    openers = _alternation(lex.byline_openers)
    pattern = re.compile(rf"^\W*(?:{openers})\s*:?\s+(?P<who>[^\n\r]{{2,120}})$", re.I | re.M)
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
        if 1 <= len(words) <= 8 and credit_like(who, lex) and _names_not_prose(words, doc.lang):
            start = line.start() + (len(line.group()) - len(line.group().lstrip()))
            yield start, line.start() + len(line.group().rstrip()), "byline"


def _glued_bylines(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A byline run onto the end of a paragraph: "… fin. Par Name avec AFP"."""
    openers = _alternation(lex.byline_openers)
    pattern = re.compile(rf"(?<=[.!?»“\"] )(?:{openers})\s+(?P<who>[^.!?\n\r]{{2,80}})$", re.M)
    for m in pattern.finditer(doc.text):
        who = m.group("who").strip()
        tokens = _TOKEN_RE.findall(who)
        strong = (
            any(_is_agency(t, lex) for t in tokens)
            or sum(t.isupper() and len(t) >= 3 for t in tokens) >= 2
        )
        names = 2 <= len(tokens) <= 4 and _names_not_prose(tokens, doc.lang)
        if (strong or names) and credit_like(who, lex):
            yield m.start(), m.start("who") + len(m.group("who").rstrip()), "byline"


def _names_not_prose(words: list[str], lang: str) -> bool:
    """Capitalised words of a byline are names, not the nouns of a German subheading
    ("Von Hoffnungen und Sorgen"): at least one is no word of this language alone.
    Names travel (Jonas, Friedrich, Marie are names in English too); nouns do not."""
    caps = [w.strip(".,") for w in words if _CAP_RE.match(w)]
    if not caps or lang == "en":
        return True
    return any(zipf(w.lower(), lang) - zipf(w.lower(), "en") < 1.5 for w in caps)


def comment_thread(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """Where a scraped reader-comment thread starts: a comment count, a reply line, or a
    comment heading followed by several short posts."""
    text = doc.text
    starts: list[tuple[int, int]] = []
    for pattern in lex.comment_count:
        m = pattern.search(text)
        if m:
            starts.append(_line_bounds(text, m.start(), m.end()))
    reply = re.search(r"^\s*[•·▸►-]?\s*@[^\n\r:]{2,40}:\s*$", text, re.MULTILINE)
    if reply:
        starts.append(_line_bounds(text, reply.start(), reply.end()))
    stems = lex.stems.get("comment_section", ())
    for line in re.finditer(r"[^\n\r]+", text):
        words = words_of(line.group())
        if 1 <= len(words) <= 3 and not re.search(r"[.!?]\s*$", line.group()):
            if any(s.matches_at(words, 0) for s in stems) and line.start() > len(text) // 3:
                starts.append(_line_bounds(text, line.start(), line.end()))
                break
    if starts:
        start, end = min(starts)
        yield start, end, "comment_section"


def editorial_notes(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A sentence in which the text speaks of itself being published, updated or
    corrected: "This story was first published …", "Dieser Beitrag wurde ergänzt",
    "Cet article a d'abord paru …". Self-reference and a publishing verb, per the pack."""
    pattern = _editorial_pattern(lex)
    if pattern is None:
        return
    for sentence in doc.sentences:
        if len(sentence.words) <= 30 and pattern.search(sentence.text):
            yield sentence.start, sentence.end, "editorial_note"


@lru_cache(maxsize=32)
def _editorial_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    if not lex.self_reference or not lex.publishing_verbs:
        return None
    refs = _alternation(lex.self_reference)
    verbs = "|".join(re.escape(v) for v in lex.publishing_verbs)
    return re.compile(rf"\b(?:{refs})\b[^.!?]{{0,60}}?\b(?:{verbs})\w*", re.IGNORECASE)


def related_links(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A related-article label with the headline it links: "Lesen Sie auch: …",
    "À lire aussi | …", "Read more – …"; after a separator anywhere on a line, or at the
    start of a line before a capitalised word. Reported to the end of the line."""
    pattern = _related_pattern(lex)
    if pattern is None:
        return
    for m in pattern.finditer(doc.text):
        _, end = _line_bounds(doc.text, m.start(), m.end())
        yield m.start(), end, "related_links"


@lru_cache(maxsize=32)
def _related_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    labels = [
        r"\s+".join(re.escape(w) for w in s.words) + r"\w*"
        for s in lex.stems.get("related_links", ())
        if len(s.words) >= 2 or len(s.words[0]) >= 6
    ]
    if not labels:
        return None
    alt = "|".join(sorted(labels, key=len, reverse=True))
    cap = "[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ0-9„“«\"']"
    return re.compile(
        rf"(?:(?<![\w-])(?=[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ])(?i:{alt})[ \t]*(?:[:|–—»›>.]|[ \t]-)[ \t]*(?={cap})"
        rf"|(?:^|(?<=[.!?»“\"] ))[ \t]*(?=[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ])(?i:{alt})[ \t]+(?={cap}))",
        re.MULTILINE,
    )


LABEL_KINDS = (
    "related_links",
    "share_widgets",
    "ads",
    "navigation",
    "comment_section",
    "social_follow",
    "text_to_speech",
    "newsletter",
    "paywall_appeal",
    "app_promo",
)


def labels(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    """A short line that is nothing but an interface label: "Werbung", "Read Next",
    "Sur le même sujet :", "Mehr…", "Teilen". Every word belongs to one stem of a widget
    kind (a stem covering the line), give or take arrows, colons and a count."""
    for line in re.finditer(r"[^\n\r]+", doc.text):
        body = line.group().strip()
        plain = words_of(body)
        if not 1 <= len(plain) <= 4 or re.search(r"[.!?]\s*\S", body):
            continue
        for kind in LABEL_KINDS:
            if any(_covers(stem, plain) for stem in lex.stems.get(kind, ())):
                start = line.start() + (len(line.group()) - len(line.group().lstrip()))
                yield start, start + len(body), kind
                break


def _covers(stem: Stem, words: list[str]) -> bool:
    return len(stem.words) == len(words) and stem.matches_at(words, 0)


def tracking(doc: Document, lex: Lexicon) -> Iterator[Hit]:
    for pattern in lex.tracking:
        for m in pattern.finditer(doc.text):
            yield (*_short_line_or(doc.text, m.start(), m.end()), "tracking")
