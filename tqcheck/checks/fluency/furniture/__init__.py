"""Page furniture left in article text: widgets, credits, site names, metadata, comments.

One analysis per document (``analysis.analyse``): structural detectors for the shapes
that hold across sites, and a scored detector for the rest; the rules below only pick
their kinds from it. The vocabulary and labels are language-pack data.
"""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.fluency.furniture.analysis import Hit, analyse
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check


def _hits(doc: Document, ctx: Context, rule: str) -> Iterator[Hit]:
    batch = ctx.resources.batch_lines()
    return (h for h in analyse(doc, batch) if h.rule == rule)


def _findings(doc: Document, ctx: Context, rule: str, message: str) -> Iterator[Finding]:
    for h in _hits(doc, ctx, rule):
        yield ctx.finding(h.start, h.end, message.format(kind=h.label), suggestion="")


@check(
    code="FL003",
    name="page-furniture",
    category=Category.FLUENCY,
    severity=Severity.MAJOR,
    needs={"batch"},
)
def page_furniture(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Website furniture was scraped and translated along with the article.

    What it finds:
    Lines and paragraph-edge sentences that are page widgets: text-to-speech
    notes, newsletter, paywall and support appeals, comment forms and
    moderation notes, related-link lines, share and follow widgets, cookie
    notices, advertising labels, app promotions, navigation, editorial notes,
    tracking residue. Each candidate is scored on evidence that carries across
    sites and languages: its shape (short, set apart, no sentence end, an
    exclamation, a label and colon), its place (top or bottom of the text), an
    address to the reader and commands, interface vocabulary as stems from the
    language pack, durations and time stamps, how few of its words the article
    shares, and whether it recurs in other documents of the scan.

    Why it matters:
    Furniture is not article text: published as part of a translation it tells
    the reader the text was scraped and machine-processed.

    Example:
    "Hören Sie sich diesen Beitrag an (3:20 Min.)" -> delete the line
    """
    yield from _findings(doc, ctx, "FL003", "page furniture left in the text: {kind}")


@check(
    code="FL004",
    name="photo-credit-in-text",
    category=Category.FLUENCY,
    severity=Severity.MAJOR,
    needs={"batch"},
)
def photo_credit_in_text(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A photo caption or credit is glued into the article text.

    What it finds:
    Credits by their structure: a label and names or agencies ("Foto: Name/
    Agentur", "Photo : Name / AFP", "Image source, Agency", "Bild von Name"),
    "© Org", "Name Name/Org" ending a line, a parenthesised credit; with the
    caption before it when the credit ends a short line. What follows the label
    must be names, agencies and joiners only, so "Ein Foto von AFP zeigt …" is
    prose.

    Why it matters:
    Captions and credits belong to images; scraped into the text they interrupt
    sentences and are often mistranslated ("über" for "via").

    Example:
    "Die Kanzlerin in Paris Bild: Anne Muster/Reuters" -> delete the caption
    """
    yield from _findings(doc, ctx, "FL004", "{kind} left in the text")


@check(
    code="FL005",
    name="site-name-in-headline",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
    needs={"batch"},
)
def site_name_in_headline(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A website or brand name is appended to a headline.

    What it finds:
    A brand after a separator at the end of the first line ("… | NAME",
    "… – Name.de"): a domain or an all-caps word, a brand word ("Zeitung",
    "Online", "Times"), a title-case name after "|", or an article-led or rare
    title-case name the article itself never uses. "… – Selenskyj dankt" is a
    headline (lower-case words), and so is a name the article talks about.

    Why it matters:
    The HTML title's site suffix is not part of the headline; left in, it
    shows the text was scraped.

    Example:
    "Streit um die Schuldenbremse | NACHRICHTEN-PORTAL" -> drop the suffix
    """
    yield from _findings(doc, ctx, "FL005", "site name appended to a headline")


@check(
    code="FL006",
    name="scraped-metadata-line",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
    needs={"batch"},
)
def scraped_metadata_line(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Scraped metadata (bylines, date stamps, reading times) stands in the text.

    What it finds:
    A reading time (a number, a minute unit and a reading word, per the
    pack), a line that starts with a publishing label and holds a date, time or
    "3 hours ago", a byline of names at the top or bottom of the text ("Von A
    und B", "By A", "Par A, à Kyiv"), and the scraper's "date 2024-12" header.

    Why it matters:
    Metadata is not article text; machine translation translates it anyway, and
    it then reads as a broken first sentence.

    Example:
    "Zuletzt aktualisiert: 5. März 2025, 09:12" -> drop the line
    """
    yield from _findings(doc, ctx, "FL006", "scraped metadata in the text: {kind}")


@check(
    code="FL007",
    name="reader-comments-in-text",
    category=Category.FLUENCY,
    severity=Severity.MAJOR,
    needs={"batch"},
)
def reader_comments_in_text(doc: Document, ctx: Context) -> Iterator[Finding]:
    """The reader comment section was scraped along with the article.

    What it finds:
    Where a comment thread starts: a comment count ("4 Kommentare",
    "Comments (12)", "Voir les 23 réactions"), a reply line ("• @Name:"), or a
    short comment heading in the last two thirds of the text. Reported once,
    at the first such line, with the size of what follows.

    Why it matters:
    Reader comments are not part of the article; translated and published with
    it they put other people's words under the publisher's name.

    Example:
    "Leserkommentare (7)" followed by reader posts -> cut the text before it
    """
    for h in list(_hits(doc, ctx, "FL007"))[:1]:
        rest = doc.text[h.start :]
        n_lines = sum(1 for ln in rest.splitlines() if ln.strip())
        yield ctx.finding(
            h.start,
            h.end,
            f"reader comment section starts here ({n_lines} non-empty lines follow)",
            suggestion="",
        )
