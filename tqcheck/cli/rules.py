"""``tqcheck rules [CODE]``: list the rules, or explain one."""

from __future__ import annotations

from typing import Optional

import typer

from tqcheck.cli import app, fail


@app.command()
def rules(
    code: Optional[str] = typer.Argument(
        None, metavar="RULE", help="A rule code or name to explain."
    ),
    fmt: str = typer.Option(
        "table", "--format", "-f", metavar="FORMAT", help="table, json, tsv, csv or markdown."
    ),
) -> None:
    """List every rule with its code, category and severity, or explain one rule."""
    import sys

    import tqcheck.checks  # noqa: F401  (registers every check)
    from tqcheck import registry
    from tqcheck.formats import tables
    from tqcheck.readers.errors import IO_ERRORS

    try:
        fmt = tables.check_format(fmt)
    except tables.FormatError as exc:
        raise fail(f"option --format: {exc}") from None
    specs = registry.all_checks()
    if code:
        spec = registry.get(code)
        if spec is None:
            if code.upper() in IO_ERRORS:
                name, text = IO_ERRORS[code.upper()]
                typer.echo(f"{code.upper()} {name} (input, reported as an error)\n\n{text}")
                return
            raise fail(f"unknown rule {code!r} (see `tqcheck rules`)")
        langs = ", ".join(sorted(spec.languages)) if spec.languages else "all"
        needs = ", ".join(sorted(spec.needs)) or "target text only"
        typer.secho(f"{spec.code} {spec.name}", bold=True)
        typer.echo(
            f"category: {spec.category.value}   severity: {spec.severity.label}   "
            f"languages: {langs}   needs: {needs}" + ("   (preview)" if spec.preview else "")
        )
        typer.echo()
        typer.echo(spec.doc)
        return
    data = [
        {
            "code": s.code,
            "name": s.name,
            "category": s.category.value,
            "severity": s.severity.label,
            "languages": sorted(s.languages) if s.languages else None,
            "needs": sorted(s.needs),
            "preview": s.preview,
            "summary": s.summary,
        }
        for s in specs
    ]
    table = tables.Table("tqcheck rules", ["code", "name", "category", "severity", "summary"])
    for s in specs:
        name = s.name + (" (preview)" if s.preview else "")
        table.rows.append([s.code, name, s.category.value, s.severity.label, s.summary])
    for c, (name, text) in IO_ERRORS.items():
        table.rows.append([c, name, "input", "error", text])
    tables.render([table], fmt, sys.stdout, data if fmt == "json" else None)
