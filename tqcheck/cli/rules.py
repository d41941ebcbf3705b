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
    fmt: str = typer.Option("rich", "--format", "-f", metavar="FORMAT", help="rich or json."),
) -> None:
    """List every rule with its code, category and severity, or explain one rule."""
    from rich.console import Console
    from rich.table import Table

    import tqcheck.checks  # noqa: F401  (registers every check)
    from tqcheck import registry
    from tqcheck.readers.errors import IO_ERRORS

    console = Console(highlight=False)
    specs = registry.all_checks()
    if code:
        spec = registry.get(code)
        if spec is None:
            if code.upper() in IO_ERRORS:
                name, text = IO_ERRORS[code.upper()]
                console.print(f"{code.upper()} {name} (input, reported as an error)\n\n{text}")
                return
            raise fail(f"unknown rule {code!r} (see `tqcheck rules`)")
        langs = ", ".join(sorted(spec.languages)) if spec.languages else "all"
        needs = ", ".join(sorted(spec.needs)) or "target text only"
        console.print(f"[bold]{spec.code} {spec.name}[/bold]")
        console.print(
            f"category: {spec.category.value}   severity: {spec.severity.label}   "
            f"languages: {langs}   needs: {needs}" + ("   (preview)" if spec.preview else "")
        )
        console.print()
        console.print(spec.doc, markup=False)
        return
    if fmt == "json":
        import json

        rows = [
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
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title="tqcheck rules", title_justify="left")
    table.add_column("code", no_wrap=True)
    table.add_column("name", overflow="fold")
    table.add_column("category")
    table.add_column("severity")
    table.add_column("summary", overflow="fold")
    for s in specs:
        table.add_row(
            s.code,
            s.name + (" (preview)" if s.preview else ""),
            s.category.value,
            s.severity.label,
            s.summary,
        )
    for c, (name, text) in IO_ERRORS.items():
        table.add_row(c, name, "input", "error", text)
    console.print(table)
