"""Broken sentences: stray full stops, capitals mid-sentence, paragraphs left open."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.names.places import any_city_name
from tqcheck.names.text import determiners
from tqcheck.registry import check
from tqcheck.text.frequency import zipf

# "word. lowercase": the stop follows a word (2+ letters), a closing bracket or quote, a
# percent or currency sign, or a figure (where the language writes no ordinal dot); a
# question or exclamation mark counts as a stop too.
_STRAY_STOP_RE = re.compile(
    r"(?:(?<![\w.])(?P<word>[^\W\d_]{2,}|\d+)|(?P<mark>[)\]»”\"%$€£]))"
    r"(?P<stop>\.|[ \u00a0\u202f]?[?!])(?P<gap>[ \t]+)"
    r"(?P<next>[a-zäöüßàâçéèêëîïôûùüÿœæ][\w-]*)"
)
# A short lower-case word this common is a word ("aus.", "it.", "lui."), not an abbreviation.
SHORT_WORD_ZIPF = 4.5
FINAL_MARKS = ".!?…:;\"'“”„«»‚‘’)]"


@check(
    code="FL013",
    name="lowercase-after-full-stop",
    category=Category.FLUENCY,
    severity=Severity.MAJOR,
)
def lowercase_after_full_stop(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A full stop is followed by a lower-case word: a stray stop or a broken sentence.

    What it finds:
    "Stoltenberg. sagte Reportern": a word (not an abbreviation from the
    language pack, not an initial, not a short rare word such as a unit), a
    closing bracket or quote, a currency or percent sign, or a figure (not
    where the language writes ordinals with a dot: "am 3. und 4. Mai")
    followed by a full stop, a question or an exclamation mark and a
    lower-case word. A question or exclamation inside quotes or after a
    colon or dash is left alone ("Why now?" asked the mayor). Languages
    that start sentences in lower case are not affected, since the pattern
    needs a cased script.

    Why it matters:
    Machine translation that re-orders a reporting clause ("said X on Friday")
    often leaves a full stop inside the sentence, breaking it in two.

    Example:
    "sagte Bündnischef Jens Stoltenberg. sagte Reportern Am Freitag." -> one sentence
    """
    abbreviations = ctx.pack.lower_set("segment", "abbreviations")
    ordinal_dot = bool(ctx.pack.get("segment", "ordinal_dot", False))
    for m in _STRAY_STOP_RE.finditer(doc.text):
        word = m.group("word") or m.group("mark")
        stop = m.group("stop").strip()
        if word[0].isdigit():
            if ordinal_dot or stop != ".":
                continue  # "am 3. oktober" is an ordinal; "2 ? non" is not a sentence end
        elif word[0].isalpha():
            if word.lower() in abbreviations or (word.isupper() and len(word) <= 4):
                continue
            if len(word) <= 3 and word.islower() and zipf(word, doc.lang) < SHORT_WORD_ZIPF:
                continue  # unit and ad-hoc abbreviations: "ft.", "km.", "ca."
        if stop != "." and _quoted_question(doc.text, m.end("stop") - 1):
            continue
        if _in_url_or_mail(doc.text, m.end("stop") - 1):
            continue
        mark_at = m.end("stop") - 1
        yield ctx.finding(
            mark_at,
            m.end("next"),
            f"sentence continues in lower case after {stop!r} ({word}{stop} {m.group('next')})",
            suggestion=f" {m.group('next')}",
        )


def _quoted_question(text: str, pos: int) -> bool:
    """A question or exclamation inside a sentence: quoted, or after a dash or colon."""
    start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    chunk = text[start:pos]
    return any(c in chunk for c in '"„“”«‚–—:')


def _in_url_or_mail(text: str, pos: int) -> bool:
    start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    chunk = text[start : pos + 1]
    return "://" in chunk or "@" in chunk or chunk.startswith("www.")


@check(
    code="FL014",
    name="capitalised-function-word",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
    languages={"de"},
)
def capitalised_function_word(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A German function word is capitalised in the middle of a sentence.

    What it finds:
    Articles, prepositions, conjunctions and similar words from the language
    pack's list ("Am", "Im", "Und", "Der") written with a capital right after
    another word or a comma, where German keeps them lower case. Capitals
    after a colon, a quotation mark, a bracket or a dash are left alone, and
    the polite "Sie"/"Ihr" are not in the list.

    Why it matters:
    A capital mid-sentence is the trace of a sentence boundary that machine
    translation or re-assembly moved: a fragment glued onto the wrong sentence.

    Example:
    "sagte Reportern Am Freitag." -> "sagte Reportern am Freitag."
    """
    homographs = ctx.pack.lower_set("function_words", "noun_homographs")
    words = ctx.pack.lower_set("function_words", "never_capitalised_mid_sentence") - homographs
    if not words:
        return
    names = [
        n.casefold()
        for n in ctx.pack.get("function_words", "names_starting_with_function_word", [])
    ]
    first_names = ctx.pack.lower_set("function_words", "first_name_homographs")
    nouns_after = determiners(doc.lang)
    for sentence in doc.sentences:
        tokens = sentence.tokens
        for i in range(1, len(tokens)):
            tok, prev = tokens[i], tokens[i - 1]
            if not tok.text[:1].isupper() or tok.text.lower() not in words:
                continue
            if tok.text.isupper() and len(tok.text) > 1:
                continue  # an acronym or shouted heading
            if not prev.text[:1].isalpha() and prev.text != ",":
                continue  # after a colon, quote, bracket or dash a capital may start a clause
            if "\n" in doc.text[prev.end : tok.start]:
                continue
            if prev.text.lower() in nouns_after:
                continue  # after an article a noun: "die Haltbarkeit der Waren"
            if doc.text[tok.end : tok.end + 1] in "-‐":
                continue  # a compound's suspended first part: "im In- und Ausland"
            rest = doc.text[tok.start : tok.start + 40].casefold()
            if any(rest.startswith(n) and not rest[len(n) : len(n) + 1].isalpha() for n in names):
                continue  # "schrieb Die Linke", "laut Der Spiegel"
            if i + 1 < len(tokens) and (
                (tok.text.casefold() in first_names and tokens[i + 1].text[:1].isupper())
                or _starts_a_name(tokens[i + 1].text, doc.lang)
                or any_city_name([tok.text, tokens[i + 1].text])  # "in Den Haag"
            ):
                continue  # "von Will Smith", "Die Patching-Tore": a name, not a function word
            yield ctx.finding(
                tok.start,
                tok.end,
                f"function word {tok.text!r} capitalised mid-sentence",
                suggestion=tok.text.lower(),
            )


def _starts_a_name(word: str, lang: str) -> bool:
    """A capitalised word the language barely knows ("Patching") continues a name."""
    if not word[:1].isupper() or word.isupper():
        return False
    return zipf(word.lower(), lang) < 2.0


_LIST_ITEM_RE = re.compile(r"\s*(?:\d{1,3}[.)]|[-–•*▪])\s")


@check(
    code="FL015",
    name="paragraph-without-final-punctuation",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
    languages={"de", "en", "fr"},
)
def paragraph_without_final_punctuation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A prose paragraph ends without a final punctuation mark.

    What it finds:
    A paragraph of at least two sentences, or one of 25 words or more, whose
    last character is not a full stop, question or exclamation mark, colon,
    ellipsis or closing quotation mark. Headlines, captions and list lines are
    short and are left alone, unless they end on a word no sentence ends on
    (the pack's ``dangling``: "und", "the", "comme").

    Why it matters:
    A paragraph that stops mid-air is usually truncated: the translation or the
    scrape lost its end.

    Example:
    "... wie im 1. Weltkrieg" -> "... wie im 1. Weltkrieg."
    """
    by_para: dict[int, int] = {}
    for s in doc.sentences:
        by_para[s.paragraph] = by_para.get(s.paragraph, 0) + 1
    dangling = ctx.pack.lower_set("segment", "dangling")
    for para in doc.paragraphs:
        text = para.text.rstrip()
        if not text or text[-1] in FINAL_MARKS:
            continue
        last = re.search(r"\S+$", text)
        assert last is not None
        words = sum(1 for t in re.finditer(r"\w+", text))
        headline = para.index == 0 and len(doc.paragraphs) > 1
        short = by_para.get(para.index, 0) < 2 and words < 25
        if short or (words < 25 and (headline or _LIST_ITEM_RE.match(text))):
            # a headline with its kicker ("Stay or go? How …") above the text, a list
            # line ("1. Liverpool, 64 points"); but no sentence ends on "und", "the",
            # "comme", however short
            if last.group().lower() in dangling and len(text.split()) >= 3:
                yield ctx.finding(
                    para.start + last.start(),
                    para.start + len(text),
                    f"paragraph breaks off after {last.group()!r}",
                )
            continue
        start = para.start + last.start()
        yield ctx.finding(
            start,
            para.start + len(text),
            "paragraph ends without final punctuation",
            suggestion=last.group() + ".",
        )
