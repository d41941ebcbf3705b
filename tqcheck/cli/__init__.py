"""The ``tqcheck`` command: thin Typer wrappers that parse, call, render and exit.

Exit codes: 0 every document passes, 1 some document fails, 2 usage, config or
input error.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from typer.core import TyperArgument

from tqcheck import __version__


def _argument_type(self: TyperArgument, ctx: Any) -> str | None:
    """An argument's help shows its metavar alone: Typer 0.29 would add the annotation
    (``PATH <list[Path]>``) even where a metavar says it better."""
    return None if self.metavar or _typer_argument_type is None else _typer_argument_type(self, ctx)


# Typer 0.29 and later only (the pin keeps 0.28, whose help has no such annotation)
_typer_argument_type: Any = getattr(TyperArgument, "display_type_rich", None)
if _typer_argument_type is not None:
    setattr(TyperArgument, "display_type_rich", _argument_type)  # noqa: B010

EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="tqcheck",
    help="Translation-quality checks for translated documents.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tqcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Translation-quality checks for translated documents."""


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    """Print one precise error line on stderr and return the Exit to raise."""
    typer.echo(f"tqcheck: error: {message}", err=True)
    return typer.Exit(code)


def main() -> None:
    # A file name that is not valid UTF-8 (bytes kept as surrogates by Python) is printed
    # as an escape, not an encoding error that loses the report.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("tqcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # last resort: one line, never a traceback
        if os.environ.get("TQCHECK_DEBUG"):
            raise
        typer.echo(f"tqcheck: internal error: {exc!r} (set TQCHECK_DEBUG=1 for details)", err=True)
        sys.exit(EXIT_ERROR)


# Each command module adds its commands to ``app``; imported last to avoid a cycle.
from tqcheck.cli import align, evaluate, glossary, rules, scan, score  # noqa: E402, F401
