"""``tqcheck scan``: check translated documents and gate on the result."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from tqcheck.cli import EXIT_ERROR, EXIT_FAIL, EXIT_OK, app, fail
from tqcheck.formats import FORMATS, write_atomically


def split_list(values: Optional[list[str]]) -> list[str]:
    """Accept both ``--select FL,NM`` and ``--select FL --select NM``."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


@app.command()
def scan(
    paths: list[Path] = typer.Argument(..., help="Files and folders of translated documents."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Target language (BCP-47)."),
    source_lang: Optional[str] = typer.Option(None, "--source-lang", help="Source language."),
    source: Optional[Path] = typer.Option(None, "--source", help="Source document to pair."),
    include: Optional[list[str]] = typer.Option(None, "--include", help="Glob of files to take."),
    exclude: Optional[list[str]] = typer.Option(None, "--exclude", help="Glob of files to skip."),
    select: Optional[list[str]] = typer.Option(
        None, "--select", help="Rules to run: code, prefix, name or category."
    ),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="Rules to skip."),
    preview: Optional[bool] = typer.Option(None, "--preview", help="Also run preview rules."),
    glossary: Optional[list[Path]] = typer.Option(
        None, "--glossary", help="Glossary file (TBX or CSV); repeatable."
    ),
    glossary_profile: Optional[str] = typer.Option(
        None, "--glossary-profile", help="House-style profile of the glossary (e.g. nato-title)."
    ),
    names_profile: Optional[str] = typer.Option(
        None, "--names-profile", help="Place-name house style: kiew-traditional, kyjiw-ukrainian."
    ),
    model: Optional[str] = typer.Option(None, "--model", help="Embedding model name or path."),
    fmt: str = typer.Option("rich", "--format", "-f", help="rich, json, sarif or junit."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary (rich format)."),
    threshold: Optional[float] = typer.Option(None, "--threshold", help="Pass score (0-100)."),
    fail_on: Optional[str] = typer.Option(
        None, "--fail-on", help="Fail a document on any finding of this severity or worse."
    ),
    score_profile: Optional[str] = typer.Option(None, "--score-profile", help="Weights profile."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when documents fail."),
    config_file: Optional[Path] = typer.Option(None, "--config", help="Config file to use."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore config files."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (utf-8)."),
) -> None:
    """Check translated documents and report findings, scores and a pass/fail gate."""
    from tqcheck import config as config_mod
    from tqcheck import engine, inputs, registry

    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    try:
        base = config_mod.Config() if isolated else config_mod.load(config_file, start=paths[0])
        cfg = base.merged(
            select=split_list(select) or None,
            ignore=(base.ignore + split_list(ignore)) or None,
            preview=preview,
            threshold=threshold,
            fail_on=fail_on.lower() if fail_on else None,
            score_profile=score_profile,
            lang=lang,
            source_lang=source_lang,
            include=include,
            exclude=exclude,
            encoding=encoding,
            glossaries=[str(g) for g in glossary] if glossary else None,
            glossary_profile=glossary_profile,
            names_profile=names_profile,
            model=model,
        )
        cfg, unusable = _validated(cfg)
        checks = registry.select(registry.all_checks(), cfg.select, cfg.ignore, cfg.preview)
    except (config_mod.ConfigError, registry.RegistryError) as exc:
        raise fail(str(exc)) from None
    files, missing = inputs.discover(paths, cfg.include, cfg.exclude)
    if source is not None and len(files) > 1:
        raise fail("--source pairs one target file; name a single file or use name pairing")
    jobs = inputs.pair_jobs(files, source, cfg.source_lang)
    with _progress(len(jobs)) as advance:
        result = engine.run(jobs, cfg, checks, upfront_errors=missing, on_document=advance)
    _emit(result, fmt, output, quiet)
    if result.has_input_errors or unusable:
        raise typer.Exit(EXIT_ERROR)
    if not result.all_passed and not exit_zero:
        raise typer.Exit(EXIT_FAIL)
    raise typer.Exit(EXIT_OK)


def _validated(cfg):  # type: ignore[no-untyped-def]
    """The validated config, and how many glossary or names files had to be left out.

    An unreadable, malformed or hostile glossary is like a bad input file: one error
    line and exit code 2, while the scan goes on with the checks that do not need it.
    """
    from tqcheck.config import UnusableFile

    dropped = 0
    while True:
        try:
            return cfg.validate(), dropped
        except UnusableFile as exc:
            typer.echo(f"tqcheck: error: {exc} (scanning without it)", err=True)
            cfg = exc.without(cfg)
            dropped += 1


def _emit(result: object, fmt: str, output: Optional[Path], quiet: bool) -> None:
    render = FORMATS[fmt]

    def write(out: object) -> None:
        if fmt == "rich":
            render(result, out, quiet=quiet)  # type: ignore[call-arg, arg-type]
        else:
            render(result, out)  # type: ignore[arg-type]

    if output is not None:
        try:
            write_atomically(output, write)  # type: ignore[arg-type]
        except OSError as exc:
            raise fail(f"cannot write {output}: {exc.strerror}") from None
        typer.echo(f"tqcheck: report written to {output}", err=True)
        if fmt != "rich" and sys.stdout.isatty():
            from tqcheck.formats import rich_report

            rich_report.render(result, sys.stdout, quiet=True)  # type: ignore[arg-type]
        elif fmt != "rich":
            from tqcheck.formats import summary_line

            typer.echo(summary_line(result))  # type: ignore[arg-type]
    else:
        write(sys.stdout)


class _progress:
    """A progress bar on stderr, only on a terminal and only for several files."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if self.total < 5 or not sys.stderr.isatty():
            return lambda _result: None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("scanning", total=self.total)
        return lambda _result: self.bar.advance(task)  # type: ignore[union-attr]

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
