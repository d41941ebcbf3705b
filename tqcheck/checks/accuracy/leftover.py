"""Source words carried into the translation untranslated (AC010)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.checks.accuracy.common import alignment, joined, paired
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check
from tqcheck.text.frequency import zipf

SOURCE_COMMON = 3.0  # Zipf: an everyday word of the source language ...
TARGET_RARE = 2.5  # ... that the target language barely uses ...
MARGIN = 1.5  # ... by this much: not a loanword ("Team", "online", "Deal")
MIN_LETTERS = 3
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_QUOTES = '"„“”«»'


@check(
    code="AC010",
    name="untranslated-source-word",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs={"source"},
)
def untranslated_source_word(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A word of the aligned source stands untranslated in the translation.

    What it finds:
    A target word that is also a word of its aligned source sentence, an everyday
    word of the source language and rare in the target language (wordfreq: at
    least 1.5 Zipf points apart, so loanwords the target language uses, "Team",
    "online", are fine), written in lower case in the source (a capitalised
    source word is a name), outside quotation marks. Adjacent such words are one
    finding: "die taxes", "die new rules". Needs no model.

    Why it matters:
    Machine translation leaves source words it cannot place; a reader of the
    target language stumbles over them and loses their meaning.

    Example:
    source "The government wants to cut taxes." / target "Die Regierung will die
    taxes senken." -> translate "taxes"
    """
    if doc.source is None or doc.source.lang.split("-")[0] == doc.lang.split("-")[0]:
        return
    src_lang = doc.source.lang
    nouns = bool(ctx.pack.get("repetition", "nouns_capitalised", False))
    source_nouns = bool(
        ctx.resources.langpack(src_lang).get("repetition", "nouns_capitalised", False)
    )
    al = alignment(ctx)
    for _k, link in paired(al):
        src_pieces, tgt_pieces = al.sides(link)
        source = joined(src_pieces)
        # the source's common words: lower case, or any case where the source language
        # capitalises its nouns (German); a capitalised word elsewhere is a name
        lower_source = {
            m.group().lower()
            for m in _WORD_RE.finditer(source)
            if m.group()[0].islower() or source_nouns
        }
        for piece in tgt_pieces:
            run: list[tuple[int, int]] = []
            for m in _WORD_RE.finditer(piece.text):
                word = m.group()
                start, end = piece.start + m.start(), piece.start + m.end()
                if word[0].isupper() and not (nouns or source_nouns):
                    continue  # a capitalised word in English or French: a name or a title
                if _in_address(piece.text, m) or _quoted(piece.text, m):
                    continue
                if _left(word, lower_source, src_lang, doc.lang):
                    if run and doc.text[run[-1][1] : start].strip() == "":
                        run[-1] = (run[-1][0], end)
                    else:
                        run.append((start, end))
            for start, end in run:
                text = doc.text[start:end]
                yield ctx.finding(
                    start,
                    end,
                    f"source word{'s' if ' ' in text else ''} left untranslated "
                    f"({src_lang}): {text!r}",
                )


def _left(word: str, source_words: set[str], src_lang: str, lang: str) -> bool:
    low = word.lower()
    if len(low) < MIN_LETTERS or low not in source_words:
        return False
    there, here = zipf(low, src_lang), zipf(low, lang)
    return there >= SOURCE_COMMON and here <= TARGET_RARE and there - here >= MARGIN


def _in_address(text: str, m: re.Match[str]) -> bool:
    """Part of a URL, a path, a domain or an address: "www.cdc.gov/downloads"."""
    start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    end = len(text) if (e := text.find(" ", m.end())) == -1 else e
    token = text[start:end]
    return "/" in token or "@" in token or "www." in token or bool(re.search(r"\w\.\w", token))


def _quoted(text: str, m: re.Match[str]) -> bool:
    """Inside a quotation: a cited original, not a lapse."""
    return sum(text[: m.start()].count(q) for q in _QUOTES) % 2 == 1
