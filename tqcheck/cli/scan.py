"""``tqcheck scan``: check translated documents and gate on the result."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from tqcheck.cli import EXIT_ERROR, EXIT_FAIL, EXIT_OK, app, fail
from tqcheck.formats import FORMATS, streamer, write_atomically
from tqcheck.formats.progress import progress


def split_list(values: Optional[list[str]]) -> list[str]:
    """Accept both ``--select FL,NM`` and ``--select FL --select NM``."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


@app.command()
def scan(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="Files and folders of translated documents."
    ),
    lang: Optional[str] = typer.Option(
        None, "--lang", metavar="LANG", help="Target language (BCP-47)."
    ),
    source_lang: Optional[str] = typer.Option(
        None, "--source-lang", metavar="LANG", help="Source language."
    ),
    source: Optional[Path] = typer.Option(
        None, "--source", metavar="FILE", help="Source document to pair."
    ),
    include: Optional[list[str]] = typer.Option(
        None, "--include", metavar="GLOB", help="Glob of files to take."
    ),
    exclude: Optional[list[str]] = typer.Option(
        None, "--exclude", metavar="GLOB", help="Glob of files to skip."
    ),
    select: Optional[list[str]] = typer.Option(
        None, "--select", metavar="RULES", help="Rules to run: code, prefix, name or category."
    ),
    ignore: Optional[list[str]] = typer.Option(
        None, "--ignore", metavar="RULES", help="Rules to skip."
    ),
    preview: Optional[bool] = typer.Option(None, "--preview", help="Also run preview rules."),
    glossary: Optional[list[Path]] = typer.Option(
        None, "--glossary", metavar="FILE", help="Glossary file (TBX or CSV); repeatable."
    ),
    glossary_profile: Optional[str] = typer.Option(
        None,
        "--glossary-profile",
        metavar="PROFILE",
        help="House-style profile of the glossary (e.g. nato-title).",
    ),
    names_profile: Optional[str] = typer.Option(
        None,
        "--names-profile",
        metavar="PROFILE",
        help="Place-name house style: kiew-traditional, kyjiw-ukrainian.",
    ),
    model: Optional[str] = typer.Option(
        None, "--model", metavar="NAME|PATH", help="Embedding model name or path."
    ),
    fmt: str = typer.Option(
        "rich", "--format", "-f", metavar="FORMAT", help=f"Report format: {', '.join(FORMATS)}."
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write the report here."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary (rich format)."),
    threshold: Optional[float] = typer.Option(
        None, "--threshold", metavar="SCORE", help="Pass score (0-100)."
    ),
    fail_on: Optional[str] = typer.Option(
        None,
        "--fail-on",
        metavar="SEVERITY",
        help="Fail a document on any finding of this severity or worse.",
    ),
    score_profile: Optional[str] = typer.Option(
        None, "--score-profile", metavar="PROFILE", help="Weights profile."
    ),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when documents fail."),
    config_file: Optional[Path] = typer.Option(
        None, "--config", metavar="FILE", help="Config file to use."
    ),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore config files."),
    encoding: Optional[str] = typer.Option(
        None, "--encoding", metavar="ENCODING", help="Input encoding (utf-8)."
    ),
    jobs: int = typer.Option(
        0,
        "--jobs",
        "-j",
        metavar="N",
        help="Worker processes (0: one per core; small batches use one).",
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Recompute every result (no reuse of cached results)."
    ),
    statistics: bool = typer.Option(
        False, "--statistics", help="Counts of findings by rule instead of the findings."
    ),
    show_settings: bool = typer.Option(
        False, "--show-settings", help="Print the effective settings and their origin; exit."
    ),
    profile: Optional[str] = typer.Option(
        None,
        "--profile",
        metavar="PROFILE",
        help="Content profile: article, ui or auto (bilingual unit files are ui).",
    ),
    no_gitignore: bool = typer.Option(
        False, "--no-gitignore", help="Also scan what .gitignore files ignore."
    ),
    no_merge: bool = typer.Option(
        False, "--no-merge", help="Report every rule's finding of a defect on its own."
    ),
    translations_only: bool = typer.Option(
        False,
        "--translations-only",
        help="Skip files that are no translations: sources, files with no language in the name.",
    ),
    baseline: Optional[Path] = typer.Option(
        None,
        "--baseline",
        metavar="FILE",
        help="Hide the findings recorded in this baseline; gate on new ones.",
    ),
    write_baseline: Optional[Path] = typer.Option(
        None,
        "--write-baseline",
        metavar="FILE",
        help="Record every finding of this run as the new baseline.",
    ),
    dask_scheduler: Optional[str] = typer.Option(
        None,
        "--dask-scheduler",
        metavar="ADDRESS",
        help="Scan on Dask: a scheduler address, or 'local' for a LocalCluster (tqcheck[dask]).",
    ),
) -> None:
    """Check translated documents and report findings, scores and a pass/fail gate."""
    from tqcheck import baseline as baseline_mod
    from tqcheck import config as config_mod
    from tqcheck import inputs, registry
    from tqcheck.formats.tables import FormatError, check_format

    _retire_old_reports([r for r in (output, write_baseline) if r is not None], paths, baseline)
    from tqcheck.scanner import Scanner

    try:
        fmt = check_format(fmt, tuple(FORMATS))
    except FormatError as exc:
        raise fail(f"option --format: {exc}") from None
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
            merge_defects=False if no_merge else None,
            respect_gitignore=False if no_gitignore else None,
            content_profile=profile,
        )
        cfg, unusable = _validated(cfg)
        checks = registry.select(registry.all_checks(), cfg.select, cfg.ignore, cfg.preview)
    except (config_mod.ConfigError, registry.RegistryError) as exc:
        raise fail(str(exc)) from None
    unusable += _model_usable(cfg)
    if show_settings:
        _print_settings(cfg, checks)
        raise typer.Exit(EXIT_OK)
    if statistics:
        if fmt not in ("rich", "statistics"):
            raise fail("--statistics replaces the report: leave out --format")
        fmt = "statistics"
    known = None
    if baseline is not None:
        try:
            known = baseline_mod.Baseline.load(baseline)
        except baseline_mod.BaselineError as exc:
            raise fail(str(exc)) from None
    files, missing = inputs.discover(paths, cfg.include, cfg.exclude, cfg.respect_gitignore)
    if translations_only:
        files, left = inputs.translations_only(files, cfg.source_lang)
        if left:
            names = ", ".join(str(p) for p in left[:5]) + (" …" if len(left) > 5 else "")
            typer.echo(
                f"tqcheck: note: {len(left)} files left out, not translations "
                f"(--translations-only): {names}",
                err=True,
            )
    if source is not None and len(files) > 1:
        raise fail("--source pairs one target file; name a single file or use name pairing")
    work = inputs.pair_jobs(files, source, cfg.source_lang)
    _refuse_overwriting_inputs(work, [r for r in (output, write_baseline, baseline) if r])
    scanner = Scanner(cfg, checks=checks)
    scanner.cache = not no_cache
    recorder = baseline_mod.Recorder() if write_baseline is not None else None
    scanned = [str(job.target) for job in work]

    def gated(results):  # type: ignore[no-untyped-def]
        results = recorder.watch(results) if recorder is not None else results
        return known.filter(results, scanned, cfg) if known is not None else results

    def finish(run) -> None:  # type: ignore[no-untyped-def]
        if known is not None:
            known.note(run)
        if recorder is not None and write_baseline is not None:
            try:
                write_atomically(write_baseline, recorder.write)
            except OSError as exc:
                raise fail(f"cannot write {write_baseline}: {exc.strerror}") from None
            count = len(recorder.entries)
            typer.echo(
                f"tqcheck: baseline of {count} findings written to {write_baseline}", err=True
            )

    if dask_scheduler is not None:
        result = _on_dask(scanner, work, missing, dask_scheduler)
        if known is not None or recorder is not None:
            result = scanner.merge(list(gated(result.documents)))
        finish(result)
        _emit(result, fmt, output, quiet)
        _exit(result, unusable, exit_zero or recorder is not None)
    with progress(len(work)) as advance:
        results = gated(scanner.scan_files(work, workers=jobs, upfront_errors=missing))
        if streamer(fmt, sys.stdout) is not None:
            result = _stream(scanner, results, fmt, output, advance, finish)
        else:
            result = scanner.merge(results, on_document=advance)
            finish(result)
    if not streamer(fmt, sys.stdout):
        _emit(result, fmt, output, quiet)
    _exit(result, unusable, exit_zero or recorder is not None)


def _exit(result, unusable: int, exit_zero: bool) -> None:  # type: ignore[no-untyped-def]
    if result.has_input_errors or unusable:
        raise typer.Exit(EXIT_ERROR)
    if not result.all_passed and not exit_zero:
        raise typer.Exit(EXIT_FAIL)
    raise typer.Exit(EXIT_OK)


def _on_dask(scanner, work, missing, address: str):  # type: ignore[no-untyped-def]
    """The scan on a Dask cluster (the same report as in one process)."""
    from tqcheck import dask_scan
    from tqcheck.engine import iter_results

    why = dask_scan.missing()
    if why is not None:
        raise fail(why)
    try:
        client = dask_scan.client_for(address)
    except (OSError, TimeoutError, ValueError) as exc:
        raise fail(f"cannot reach the Dask scheduler {address!r}: {exc}") from None
    try:
        run = dask_scan.scan_jobs(scanner, work, client)
    finally:
        client.close()
    if not missing:
        return run
    errors = list(iter_results([], scanner.config, scanner.checks, scanner.resources, missing))
    return scanner.merge([*errors, *run.documents])


def _model_usable(cfg) -> int:  # type: ignore[no-untyped-def]
    """A model named on the command line or in the config that cannot be had is an error
    (exit 2 at the end), not a silent skip; the scan goes on without the checks that need
    it. Returns 1 when it was unusable."""
    from tqcheck.embed import NO_MODEL, ModelUnavailable
    from tqcheck.embed.backends import USEM3_ALIASES, describe
    from tqcheck.registry import did_you_mean

    if cfg.model is None or cfg.model.strip().lower() in NO_MODEL:
        return 0
    try:
        describe(cfg.model.strip())
    except ModelUnavailable as exc:
        hint = did_you_mean(cfg.model.lower(), [*USEM3_ALIASES, "none"])
        typer.echo(
            f"tqcheck: error: {cfg.origin('model')}: {exc}{hint} (scanning without the model)",
            err=True,
        )
        return 1  # the engine skips the checks that need it and says so in the report
    return 0


def _print_settings(cfg, checks) -> None:  # type: ignore[no-untyped-def]
    """The effective settings, one per line, with where each came from."""
    rows = cfg.settings()
    width = max(len(name) for name, _, _ in rows)
    for name, value, origin in rows:
        typer.echo(f"{name.ljust(width)} = {value!r}  # {origin}")
    codes = ", ".join(c.code for c in checks)
    typer.echo(f"{'rules'.ljust(width)} = {len(checks)}: {codes}  # from select/ignore/preview")


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


def _stream(scanner, results, fmt: str, output: Optional[Path], advance, finish):  # type: ignore[no-untyped-def]
    """Write each document's result as it comes; keep only the totals."""
    box = []

    def write(out: object) -> None:
        stream = streamer(fmt, out)  # type: ignore[arg-type]
        assert stream is not None

        def each(d):  # type: ignore[no-untyped-def]
            stream.document(d)
            advance(d)

        run = scanner.merge(results, keep=False, on_document=each)
        finish(run)
        stream.finish(run)
        box.append(run)

    if output is None:
        write(sys.stdout)
        return box[0]
    try:
        write_atomically(output, write)  # type: ignore[arg-type]
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror}") from None
    typer.echo(f"tqcheck: report written to {output}", err=True)
    from tqcheck.formats import summary_line

    typer.echo(summary_line(box[0]))
    return box[0]


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


def _retire_old_reports(reports: list[Path], scanned: list[Path], keep: Path | None) -> None:
    """An old report at the output path is removed before the run: a run that stops early
    must not leave it looking like its own. Only a regular file outside what is scanned
    (a device, a FIFO, a symlink's target, a possible input, the baseline being read are
    left alone; the report is written through or refused later)."""
    roots = [p.resolve() for p in scanned]
    for path in reports:
        if not path.is_file() or path.is_symlink():
            continue
        full = path.resolve()
        if keep is not None and full == keep.resolve():
            continue
        if any(full == root or root in full.parents for root in roots):
            continue
        try:
            path.unlink()
        except OSError:
            pass  # the write at the end reports what is wrong with the path


def _refuse_overwriting_inputs(work, reports: list[Path]) -> None:  # type: ignore[no-untyped-def]
    inputs_ = {p.resolve() for job in work for p in (job.target, job.source) if p is not None}
    for report in reports:
        if report.resolve() in inputs_:
            raise fail(f"{report} is one of the files scanned: refusing to write a report over it")
