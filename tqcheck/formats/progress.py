"""The scan's progress bar: on stderr, only on a terminal and only for several files."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


class progress:
    """``with progress(n) as advance: … advance(result)``; a no-op off a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Callable[[object], None]:
        if self.total < 5 or not sys.stderr.isatty():
            return lambda _result: None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("scanning", total=self.total)
        return lambda _result: self.bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
