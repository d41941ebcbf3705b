"""Known names written wrong: misspelled (NM001), transliterated against the policy
(NM003), or against the place-name house style (NM004). One reading of the document
(``tqcheck.names.analysis``) serves all three, so a word is reported once."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.names.common import (
    kind_phrase,
    language,
    names_of,
    profile,
    who,
    with_note,
)
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.names.analysis import Issue, analyse
from tqcheck.registry import check


@check(
    code="NM001",
    name="known-name-misspelled",
    category=Category.NAME,
    severity=Severity.MAJOR,
    needs={"names"},
    visible=True,
)
def known_name_misspelled(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A known person or place name is misspelled.

    What it finds:
    A name the names data marks as a misspelling, or a word close to a known
    surname or place (Jaro-Winkler and edit distance) that is no correct form of
    any name, when the evidence holds: the person's first name stands before it
    ("Olaf Scholes"), the document spells the name correctly elsewhere
    ("Schales" beside "Scholz"), or, alone, it is one letter off on a rare word.
    A different first name before it means another person ("Martin Schulz");
    common words, nouns after an article and declined forms ("Scholz'",
    "Selenskyjs", "Kiews") are never reported. The suggestion is the canonical
    form, with the declension ending kept.

    Why it matters:
    Machine translation and scraping corrupt names in ways no spell checker
    sees; a misspelled minister or chancellor misinforms readers and
    discredits the whole text.

    Example:
    "Bundeskanzler Olaf Scholes" -> "Olaf Scholz"; "Colin Kall" -> "Colin Kahl"
    """
    for issue, text in _issues(doc, ctx, "misspelling"):
        message = f"{text!r} looks like a misspelling of {who(issue.concept, doc.lang)}: "
        yield _finding(ctx, issue, with_note(message + issue.reason, issue.note))


@check(
    code="NM003",
    name="transliteration-policy",
    category=Category.NAME,
    severity=Severity.MINOR,
    needs={"names"},
    visible=True,
)
def transliteration_policy(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A name is transliterated against the policy: Russian-based or foreign forms.

    What it finds:
    Ukrainian names in their Russian-based transliteration ("Selenskij",
    "Sibiga", "Charkow", "Wladimir Selenskij"), and names in another language's
    transliteration ("Andrii Sybiha" in German text, English for "Andrij"):
    the wrong forms the names data lists, and any spelling that the Russian
    patterns derive from a Ukrainian name in the data (-yj -> -ij, y -> i,
    h -> g, -iw -> -ow, Wolodymyr -> Wladimir). Russian names keep their
    Russian forms ("Wladimir Putin"). The suggestion is the policy's form.

    Why it matters:
    German news style (dpa, the Foreign Office) transcribes Ukrainian names from
    Ukrainian since 2022; a Russian-based spelling reads as a political
    statement or as text lifted from Russian media, and an English
    transliteration in German text as unedited machine output.

    Example:
    "Außenminister Andrei Sibiga" -> "Andrij Sybiha"; "Andrii Sybiha" -> "Andrij Sybiha"
    """
    for issue, text in _issues(doc, ctx, "transliteration"):
        message = (
            f"{text!r} is {kind_phrase(issue.reason)} of {who(issue.concept, doc.lang)}; "
            f"{language(doc.lang)} text writes {issue.suggestion!r}"
        )
        yield _finding(ctx, issue, with_note(message, issue.note))


@check(
    code="NM004",
    name="place-name-house-style",
    category=Category.NAME,
    severity=Severity.MINOR,
    needs={"names"},
    visible=True,
)
def place_name_house_style(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A place name breaks the names profile (Kiew or Kyjiw), or a document mixes both.

    What it finds:
    Names the data spells two correct ways, one per publisher profile (German
    "Kiew" kiew-traditional, "Kyjiw" kyjiw-ukrainian; Odessa/Odesa). With
    ``names_profile`` set to a profile, every spelling of the other profile is
    reported, declined forms included ("Kiewer" -> "Kyjiwer"). With the default
    ``names_profile = "none"``, only a document that uses both styles is
    reported, at each use of the minority style.

    Why it matters:
    Kiew and Kyjiw are both correct German, but a publisher chooses one; a text
    that mixes them looks stitched together, and a house style is only a style
    if it is kept.

    Example:
    "Kyjiw … Kiew … Kiew" -> "Kiew"; "Kiew" with names_profile = "kyjiw-ukrainian"
    -> "Kyjiw"
    """
    for issue, text in _issues(doc, ctx, "profile"):
        message = (
            f"{issue.reason} writes {issue.suggestion!r}, not {text!r} "
            f"({who(issue.concept, doc.lang)})"
        )
        yield _finding(ctx, issue, message)


def _issues(doc: Document, ctx: Context, family: str) -> Iterator[tuple[Issue, str]]:
    """The shared reading's issues of one family, with the text they cover."""
    data = names_of(ctx)
    assert data is not None
    for issue in analyse(doc, data, profile(ctx)):
        if issue.family == family:
            yield issue, doc.text[issue.start : issue.end]


def _finding(ctx: Context, issue: Issue, message: str) -> Finding:
    return ctx.finding(issue.start, issue.end, message, suggestion=issue.suggestion)
