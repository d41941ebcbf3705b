"""Length-ratio outliers per language pair."""

from __future__ import annotations

import math
from collections.abc import Iterator

from tqcheck.checks.accuracy.calibration import calibrate, length_prior
from tqcheck.checks.accuracy.common import alignment, joined, paired, target_span
from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import check

Z_LIMIT = 3.5
MIN_FACTOR = 1.6  # and at least this far from the document's usual ratio
MIN_CHARS = 60  # the longer side; short pairs vary too much ("Sie sind energieeffizienter.")


@check(
    code="AC007",
    name="length-ratio-outlier",
    category=Category.ACCURACY,
    severity=Severity.MINOR,
    needs={"source"},
)
def length_ratio_outlier(doc: Document, ctx: Context) -> Iterator[Finding]:
    """A sentence is far shorter or longer than its source, for this language pair.

    What it finds:
    Aligned pairs whose target/source length ratio (in characters, on a log
    scale) is an outlier against the document's own pairs blended with a prior
    per language pair (en-de: target about 1.11 times the source; en-fr 1.20):
    a robust z-score beyond 3.5 and a ratio at least 1.6 times off the usual
    one. Pairs whose longer side is under 60 characters are skipped. Needs no
    model.

    Why it matters:
    A translation much shorter than its source has usually lost a clause (a
    partial omission the sentence aligner cannot see); a much longer one has
    gained something.

    Example:
    "The project will cost 412 million euros, of which the federal government
    pays 60 percent." -> "Das Projekt kostet viel." (0.3 times the source)
    """
    if doc.source is None:
        return
    al = alignment(ctx)
    rows = []
    for k, link in paired(al):
        src, tgt = al.sides(link)
        # white space collapsed: masked markup in bilingual files is padding, not text
        ls, lt = (len(" ".join(joined(side).split())) for side in (src, tgt))
        rows.append((k, ls, lt, math.log((lt + 5) / (ls + 5))))
    calib = calibrate([r for *_, r in rows], length_prior(doc.source.lang, doc.lang), floor=0.06)
    for k, ls, lt, r in rows:
        if max(ls, lt) < MIN_CHARS:
            continue
        z = calib.z(r)
        if abs(z) >= Z_LIMIT and abs(r - calib.median) >= math.log(MIN_FACTOR):
            start, end = target_span(al, k)
            usual = math.exp(calib.median)
            what = (
                "shorter: a part may be missing"
                if r < calib.median
                else "longer: text may be added"
            )
            yield ctx.finding(
                start,
                end,
                f"{lt / max(ls, 1):.2f} times the source's length, where this document's pairs "
                f"run at {usual:.2f} ({calib.describe()} on a log scale; z {z:.1f}); much {what}",
            )
