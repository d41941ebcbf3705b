"""The same word written twice in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check
from tqcheck.text.frequency import zipf

_GAP_RE = re.compile(r"[ \t\u00a0\u202f]+")


def _rare(word: str, lang: str) -> bool:
    """Not an everyday word of the language (wordfreq Zipf < 3): likely part of a name."""
    return zipf(word.lower(), lang) < 3.0


@check(
    code="FL002",
    name="doubled-word",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def doubled_word(doc: Document, ctx: Context) -> Iterator[Finding]:
    """The same word appears twice in a row, separated only by spaces.

    What it finds:
    "die die", "the the", "le le" inside one sentence. Doubles that the
    language allows are kept out by its pack: "had had", "nous nous", and in
    German the article/relative-pronoun pairs ("das Haus, das das Kind sah"),
    which are reported only where they open a sentence. Capitalised doubles of
    rare words mid-sentence are names ("Bora Bora") and are left alone.

    Why it matters:
    Doubled words come from machine translation of repeated source tokens and
    from careless post-editing; spell checkers accept each word on its own.

    Example:
    "Die die Regierung sagte ..." -> "Die Regierung sagte ..."
    """
    allowed = ctx.pack.lower_set("repetition", "grammatical_doubles")
    ambiguous = ctx.pack.lower_set("repetition", "ambiguous_doubles")
    text = doc.text
    for sentence in doc.sentences:
        words = sentence.words
        for i in range(1, len(words)):
            first, second = words[i - 1], words[i]
            if first.text.lower() != second.text.lower() or first.text[0].isdigit():
                continue
            if not _GAP_RE.fullmatch(text[first.end : second.start]):
                continue
            pair = f"{first.text} {second.text}".lower()
            if pair in allowed:
                continue
            if first.text.lower() in ambiguous and first is not words[0]:
                continue
            if first.text[0].isupper() and first is not words[0] and _rare(first.text, doc.lang):
                continue  # a reduplicated name: "Bora Bora", "Ylang Ylang"
            yield ctx.finding(
                first.start,
                second.end,
                f"word repeated: {first.text!r}",
                suggestion=first.text,
            )
