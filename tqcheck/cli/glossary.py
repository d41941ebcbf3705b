"""``tqcheck glossary ...``: the commands of the people who maintain the term bases.

``lint`` is their CI gate (exit 1 on errors), ``show``/``search`` look terms up
across languages, ``import``/``export`` convert between CSV and TBX, ``stats``
counts, and ``coverage`` lists what a corpus uses and what it still lacks.
Unreadable or hostile glossary files give one error line and exit 2.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

import typer

from tqcheck.cli import EXIT_ERROR, EXIT_FAIL, EXIT_OK, app, fail
from tqcheck.glossary import GlossaryError, TermBase, load_termbase, load_termbases
from tqcheck.glossary.model import Concept, Status

glossary_app = typer.Typer(
    help="Lint, look up, convert and measure term bases (TBX or CSV).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(glossary_app, name="glossary")

FILES_HELP = "Glossary files (TBX or CSV); default: the shipped term bases."
STATUS_TONE = {
    Status.PREFERRED: "strong",
    Status.ADMITTED: "good",
    Status.DEPRECATED: "bad",
    Status.SUPERSEDED: "warn",
}


def _format(fmt: str) -> str:
    from tqcheck.formats import tables

    try:
        return tables.check_format(fmt)
    except tables.FormatError as exc:
        raise fail(f"option --format: {exc}") from None


def _paths_or_shipped(files: Optional[list[Path]]) -> list[Path]:
    if files:
        return list(files)
    from tqcheck.glossary.runtime import ALL_SHIPPED, shipped_paths

    shipped = shipped_paths(ALL_SHIPPED)
    if not shipped:
        raise fail("no glossary named and no shipped glossary found")
    return shipped


def _load(files: Optional[list[Path]]) -> TermBase:
    try:
        return load_termbases(list(_paths_or_shipped(files)))
    except GlossaryError as exc:
        raise fail(str(exc)) from None


@glossary_app.command()
def lint(
    files: Optional[list[Path]] = typer.Argument(None, metavar="FILE", help=FILES_HELP),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too."),
    fmt: str = typer.Option(
        "text", "--format", "-f", metavar="FORMAT", help="text, json, tsv, csv or markdown."
    ),
) -> None:
    """Check term bases for duplicates, conflicts, gaps and missing sources.

    Each file is linted on its own; an unreadable file is reported and the others
    still run. Exit 0 clean, 1 errors (or warnings with --strict), 2 unreadable.
    """
    from tqcheck.formats import safe_text, tables
    from tqcheck.glossary.lint import RULES, Problem, has_errors
    from tqcheck.glossary.lint import lint as lint_base

    fmt = "text" if fmt == "text" else _format(fmt)

    failed = unreadable = False
    report: list[tuple[str, int, list[Problem]]] = []
    for path in _paths_or_shipped(files):
        try:
            base = load_termbase(path)
        except GlossaryError as exc:
            typer.echo(f"tqcheck: error: {exc}", err=True)
            unreadable = True
            continue
        problems = lint_base(base)
        failed |= has_errors(problems, strict)
        report.append((str(path), len(base), problems))
    if fmt == "json":
        rows = [
            {
                "path": where,
                "concepts": concepts,
                "problems": [
                    {"level": p.level, "code": p.code, "concept": p.concept, "message": p.message}
                    for p in problems
                ],
            }
            for where, concepts, problems in report
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt != "text":
        table = tables.Table("glossary lint", ["path", "level", "code", "concept", "message"])
        table.rows = [
            [where, p.level, p.code, p.concept, p.message]
            for where, _n, problems in report
            for p in problems
        ]
        tables.render([table], fmt, sys.stdout)
    else:
        for where, concepts, problems in report:
            for p in problems:
                typer.echo(safe_text(p.line(where)))
            levels = Counter(p.level for p in problems)
            typer.echo(
                f"{where}: {concepts} concepts, "
                f"{levels['error']} errors, {levels['warning']} warnings"
            )
        if failed:
            codes = sorted({p.code for _where, _n, problems in report for p in problems})
            typer.echo("rules: " + "; ".join(f"{c}: {RULES[c][1]}" for c in codes), err=True)
    raise typer.Exit(EXIT_ERROR if unreadable else EXIT_FAIL if failed else EXIT_OK)


@glossary_app.command()
def show(
    query: str = typer.Argument(
        ..., metavar="ID|TERM", help="A concept id or an exact term (any language)."
    ),
    files: Optional[list[Path]] = typer.Option(
        None, "--glossary", "-g", metavar="FILE", help=FILES_HELP
    ),
) -> None:
    """Show a concept with its terms in every language, by id or by one of its terms."""
    base = _load(files)
    key = query.strip().casefold()
    found = [c for c in base if c.id.casefold() == key] or [
        c for c in base if any(t.text.strip().casefold() == key for t in c.terms)
    ]
    if not found:
        hint = "; try `tqcheck glossary search`"
        raise fail(f"no concept with the id or term {query!r}{hint}", EXIT_FAIL)
    _print_concepts(found)


@glossary_app.command()
def search(
    term: str = typer.Argument(
        ..., metavar="TEXT", help="Text to look up; spelling need not be exact."
    ),
    files: Optional[list[Path]] = typer.Option(
        None, "--glossary", "-g", metavar="FILE", help=FILES_HELP
    ),
    lang: Optional[str] = typer.Option(
        None, "--lang", metavar="LANG", help="Only terms of this language."
    ),
    limit: int = typer.Option(10, "--limit", "-n", metavar="N", help="Number of concepts to show."),
    min_score: float = typer.Option(
        70.0, "--min-score", metavar="N", help="Lowest similarity (0-100)."
    ),
) -> None:
    """Fuzzy lookup across languages: the best matching concepts with all their terms."""
    from tqcheck.glossary.lookup import fuzzy_search

    base = _load(files)
    hits = fuzzy_search(base, term, lang=lang, limit=limit, min_score=min_score)
    if not hits:
        raise fail(f"nothing close to {term!r} (lower --min-score?)", EXIT_FAIL)
    for hit in hits:
        typer.echo(f"{hit.score:5.1f}  matched ", nl=False)
        typer.secho(hit.term.text, bold=True, nl=False)
        typer.echo(f" ({hit.term.lang})")
        _print_concepts([hit.concept])


@glossary_app.command("import")
def import_(
    csv_file: Path = typer.Argument(..., metavar="CSV", help="CSV file, one concept per row."),
    tbx_file: Path = typer.Argument(..., metavar="TBX", help="TBX-Basic file to write."),
) -> None:
    """Convert a spreadsheet CSV into TBX-Basic, losslessly."""
    _convert(csv_file, tbx_file, (".csv", ".tsv"), (".tbx", ".xml"))


@glossary_app.command()
def export(
    tbx_file: Path = typer.Argument(..., metavar="TBX", help="TBX file (v2 or v3)."),
    csv_file: Path = typer.Argument(..., metavar="CSV", help="CSV file to write."),
) -> None:
    """Convert TBX into a spreadsheet CSV (one concept per row), losslessly."""
    _convert(tbx_file, csv_file, (".tbx", ".xml"), (".csv", ".tsv"))


def _convert(src: Path, dst: Path, src_types: tuple[str, ...], dst_types: tuple[str, ...]) -> None:
    from tqcheck.formats import safe_text
    from tqcheck.glossary import write_termbase

    for path, types in ((src, src_types), (dst, dst_types)):
        if path.suffix.lower() not in types:
            raise fail(f"{path}: expected a {' or '.join(types)} file")
    base = _load([src])
    if base.warnings:  # a row that cannot be taken as written: nothing is written
        for warning in base.warnings:
            typer.echo(f"tqcheck: error: {safe_text(warning)}", err=True)
        raise fail(
            f"{src}: {len(base.warnings)} rows cannot be converted as written; {dst} not written"
        )
    tmp = dst.with_name(f".tmp-{dst.name}")  # same suffix: the writer picks the format by it
    try:
        write_termbase(base, tmp)
        tmp.replace(dst)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise fail(f"cannot write {dst}: {exc.strerror}") from None
    terms = sum(len(c.terms) for c in base)
    typer.echo(f"{dst}: {len(base)} concepts, {terms} terms")


@glossary_app.command()
def stats(
    files: Optional[list[Path]] = typer.Argument(None, metavar="FILE", help=FILES_HELP),
    fmt: str = typer.Option(
        "table", "--format", "-f", metavar="FORMAT", help="table, json, tsv, csv or markdown."
    ),
) -> None:
    """Count concepts, subjects, profiles, and terms per language and status."""
    from tqcheck.formats import tables

    fmt = _format(fmt)
    base = _load(files)
    per_lang: dict[str, Counter[str]] = {}
    for _concept, t in base.terms():
        per_lang.setdefault(t.lang, Counter())[t.status.value] += 1
    subjects = Counter(c.subject or "-" for c in base)
    data = {
        "paths": list(base.paths),
        "concepts": len(base),
        "subjects": dict(subjects.most_common()),
        "profiles": base.profiles(),
        "terms": {lang: dict(c) for lang, c in per_lang.items()},
    }
    columns = ["language", *(s.value for s in Status), "all"]
    table = tables.Table(
        f"{', '.join(base.paths)}: {len(base)} concepts", columns, right=frozenset(columns[1:])
    )
    for lang, counts in per_lang.items():
        table.rows.append(
            [lang, *(str(counts[s.value]) for s in Status), str(sum(counts.values()))]
        )
    table.notes = [
        "subjects: " + ", ".join(f"{s} {n}" for s, n in subjects.most_common()),
        "profiles: " + (", ".join(base.profiles()) or "none"),
    ]
    tables.render([table], fmt, sys.stdout, data if fmt == "json" else None)


@glossary_app.command()
def coverage(
    paths: list[Path] = typer.Argument(..., metavar="PATH", help="Corpus files and folders."),
    files: Optional[list[Path]] = typer.Option(
        None, "--glossary", "-g", metavar="FILE", help=FILES_HELP
    ),
    lang: Optional[str] = typer.Option(
        None, "--lang", metavar="LANG", help="Corpus language (else per file)."
    ),
    top: int = typer.Option(
        25, "--top", metavar="N", help="How many concepts and candidates to list."
    ),
    min_count: int = typer.Option(
        2, "--min-count", metavar="N", help="Candidates seen at least this often."
    ),
    fmt: str = typer.Option(
        "table", "--format", "-f", metavar="FORMAT", help="table, json, tsv, csv or markdown."
    ),
) -> None:
    """Which concepts a corpus uses, and which frequent capitalised multi-word
    expressions in it no glossary covers yet: the maintainers' to-do list."""
    from tqcheck import inputs
    from tqcheck.formats import tables
    from tqcheck.glossary.coverage import Coverage, add_document
    from tqcheck.glossary.runtime import Glossary

    fmt = _format(fmt)
    glossary = Glossary(_load(files))
    found, missing = inputs.discover(paths, [], [])
    cov = Coverage()
    errors = [f"{e.path}: {e.message}" for e in missing]
    for path in found:
        try:
            doc = inputs.load_job(inputs.Job(path), lang, None, "utf-8")
        except inputs.InputProblem as exc:
            errors.append(f"{path}: {exc.message}")
            continue
        add_document(cov, glossary, doc)
    for line in errors:
        typer.echo(f"tqcheck: error: {line}", err=True)
    used = cov.concept_hits.most_common(top)
    todo = [(p, n) for p, n in cov.candidates.most_common() if n >= min_count][:top]
    data = {
        "documents": cov.documents,
        "concepts_used": {c: {"hits": n, "documents": cov.concept_docs[c]} for c, n in used},
        "concepts_unused": len(cov.unused(glossary, lang)),
        "candidates": [
            {"text": p, "count": n, "documents": len(cov.candidate_docs[p])} for p, n in todo
        ],
    }
    numbers = frozenset({"hits", "count", "documents"})
    used_table = tables.Table("concepts used", ["concept", "hits", "documents"], right=numbers)
    used_table.rows = [[cid, str(n), str(cov.concept_docs[cid])] for cid, n in used]
    todo_table = tables.Table(
        "not in the glossary", ["expression", "count", "documents"], right=numbers
    )
    todo_table.rows = [[p, str(n), str(len(cov.candidate_docs[p]))] for p, n in todo]
    if fmt in ("table", "markdown"):
        typer.echo(
            f"{cov.documents} documents; {len(cov.concept_hits)} of {len(glossary.base)} "
            "concepts occur"
        )
    tables.render([used_table, todo_table], fmt, sys.stdout, data if fmt == "json" else None)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)


def _print_concepts(concepts: list[Concept]) -> None:
    """Each concept as a table of its terms, coloured by status."""
    import sys

    from tqcheck.formats import tables

    shown = []
    for concept in concepts:
        title = concept.id + (f"  {concept.subject}" if concept.subject else "")
        table = tables.Table(title, ["lang", "term", "status", "note"])
        for term in concept.terms:
            marks = [term.term_type, term.profile and f"profile {term.profile}", term.error_kind]
            status = term.status.value + "".join(f", {m}" for m in marks if m)
            table.rows.append(
                [
                    term.lang,
                    term.text,
                    tables.Cell(status, STATUS_TONE[term.status]),
                    term.note or "",
                ]
            )
        if concept.source:
            table.notes.append(f"source: {concept.source}")
        shown.append(table)
    tables.render(shown, "table", sys.stdout)
