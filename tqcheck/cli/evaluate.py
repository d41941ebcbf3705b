"""``tqcheck eval DATA.jsonl``: measure the rules against labelled text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from tqcheck.cli import EXIT_ERROR, EXIT_OK, app, fail
from tqcheck.cli.scan import split_list


@app.command("eval")
def eval_command(
    data: list[Path] = typer.Argument(
        ..., metavar="FILE", help="Labelled JSONL files (tqcheck eval format)."
    ),
    lang: Optional[str] = typer.Option(
        None, "--lang", metavar="LANG", help="Language of rows that name none."
    ),
    select: Optional[list[str]] = typer.Option(
        None, "--select", metavar="RULES", help="Rules to run: code, prefix, name or category."
    ),
    ignore: Optional[list[str]] = typer.Option(
        None, "--ignore", metavar="RULES", help="Rules to skip."
    ),
    preview: bool = typer.Option(False, "--preview", help="Also run preview rules."),
    by: Optional[list[str]] = typer.Option(
        None,
        "--by",
        metavar="FIELD",
        help="Also report per lang, split, origin, dataset or system.",
    ),
    split: Optional[str] = typer.Option(
        None, "--split", metavar="SPLIT", help="Only rows of this split."
    ),
    model: Optional[str] = typer.Option(
        None, "--model", metavar="NAME|PATH", help="Embedding model (or none)."
    ),
    kinds: bool = typer.Option(False, "--kinds", help="Recall per labelled kind too."),
    all_categories: bool = typer.Option(
        False, "--all-categories", help="List labelled categories no selected rule answers."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the figures as JSON (--format json)."
    ),
    fmt: str = typer.Option("text", "--format", "-f", metavar="FORMAT", help="text or json."),
) -> None:
    """Scan labelled rows and print precision, recall and false alarms per rule and category."""
    from tqcheck import registry
    from tqcheck.config import Config, ConfigError
    from tqcheck.evaluation import EvalDataError, evaluate, read_rows
    from tqcheck.formats.eval_report import render_json, render_text
    from tqcheck.formats.tables import FormatError, check_format

    try:
        fmt = "json" if as_json else check_format(fmt, ("text", "json"))
    except FormatError as exc:
        raise fail(f"option --format: {exc}") from None

    try:
        cfg = Config(
            select=split_list(select), ignore=split_list(ignore), preview=preview, model=model
        ).validate()
        checks = registry.select(registry.all_checks(), cfg.select, cfg.ignore, cfg.preview)
    except (ConfigError, registry.RegistryError) as exc:
        raise fail(str(exc)) from None
    rows = []
    problems: list[str] = []
    for path in data:
        try:
            got, bad = read_rows(path, lang)
        except EvalDataError as exc:
            problems.append(str(exc))
            continue
        rows.extend(got)
        problems.extend(bad)
    if split:
        rows = [r for r in rows if r.meta.get("split") == split]
    for problem in problems:
        typer.echo(f"tqcheck: error: {problem}", err=True)
    if not rows:
        raise fail("no usable rows to evaluate")
    try:
        report = evaluate(rows, checks, cfg, by=split_list(by))
    except EvalDataError as exc:
        raise fail(str(exc)) from None
    report["problems"] = problems
    if fmt == "json":
        render_json(report, sys.stdout)
    else:
        render_text(report, sys.stdout, kinds=kinds, all_categories=all_categories)
    for err in report["check_errors"]:
        typer.echo(f"tqcheck: error: {err}", err=True)
    raise typer.Exit(EXIT_ERROR if problems or report["check_errors"] else EXIT_OK)
