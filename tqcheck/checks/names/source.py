"""A name of the source that the translation altered (NM005): needs the source."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.names.common import names_of, profile, who
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check


@check(
    code="NM005",
    name="source-name-altered",
    category=Category.NAME,
    severity=Severity.MAJOR,
    needs={"source"},
    visible=True,
)
def source_name_altered(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A person or place named in the source reaches the translation altered.

    What it finds:
    Names of the source (capitalised words that are not common words of the
    source language, or names the names data knows) that appear in the aligned
    target sentences neither unchanged, nor declined, nor regularly respelled
    ("Kazakhstan" / "Kasachstan"), nor in a target form of the names data
    ("Zelensky" / "Selenskyj"), while a rare near miss of them does ("Kahl" /
    "Kall"). The suggestion is the target-language form from the names data,
    else the source's spelling. A name that is simply missing is left to the
    accuracy checks; near misses of names the data knows are NM001's.

    Why it matters:
    The source is the proof: a name that came out of the translation changed
    is corruption, however plausible the new spelling looks to a reader.

    Example:
    source "Colin Kahl, the Pentagon's policy chief" / target "Colin Kall, der
    Politikchef des Pentagons" -> "Kahl"
    """
    from tqcheck.names.source import altered_names

    data = names_of(ctx)
    chosen = profile(ctx)
    reported: set[int] = set()
    if data is not None:
        from tqcheck.names.analysis import analyse

        reported = {
            i for issue in analyse(doc, data, chosen) for i in range(issue.start, issue.end)
        }
    for a in altered_names(doc, data, chosen):
        t = a.target
        if t.start in reported:
            continue
        name = who(a.concept, doc.lang) if a.concept is not None else repr(a.source.text)
        yield ctx.finding(
            t.start,
            t.end,
            f"the source name {name} is not in the translation, but {t.text!r} is: "
            f"write {a.suggestion!r}",
            suggestion=a.suggestion,
        )


@check(
    code="NM006",
    name="source-name-missing",
    category=Category.NAME,
    severity=Severity.MAJOR,
    needs={"source"},
    # on by default since session 35: 0.105 findings per 1000 words on the human
    # reference pairs (57k words, en-de, de-en, en-fr), quieter than AC005 and AC006
    # there (0.3-0.55); it was a preview at 0.6 (bench/dev_sets.py)
    visible=True,
)
def source_name_missing(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A person, place or organisation named in the source does not reach the translation.

    What it finds:
    A source name (capitalised words that are not common words of the source
    language, or a name the names data knows) none of whose words stands in the
    aligned target sentences or one sentence either side: not unchanged, not
    declined, not regularly respelled, not in a target form of the names data,
    not as an exonym ("Munich" / "München"), and no near miss of it either
    (that is NM005). When a capitalised word of the target sentence reads as a
    name that no source word accounts for, the name was replaced ("Angela
    Merkel" / "Theresa May"); otherwise it was dropped. A first name alone may
    go ("Joe Biden" / "Biden").

    Why it matters:
    Names are the one thing a translation carries over letter for letter; a
    name swapped for another changes who did what, and a dropped one leaves the
    reader guessing.

    Example:
    source "Angela Merkel met Macron in Paris." / target "Theresa May traf
    Macron in Paris." -> the source name 'Angela Merkel' was replaced by 'May'
    """
    from tqcheck.names.source import missing_names

    data = names_of(ctx)
    for m in missing_names(doc, data, profile(ctx)):
        name = who(m.concept, doc.lang) if m.concept is not None else repr(m.name)
        if m.replacement is not None:
            start, end, text = m.replacement
            yield ctx.finding(
                start,
                end,
                f"name replaced: the source name {name} is not in the translation, "
                f"{text!r} stands in its place",
                suggestion=m.name,
            )
        else:
            yield ctx.finding(
                m.window[0],
                m.window[1],
                f"name dropped: the source name {name} is not in this sentence of the translation",
            )
