"""A per-document work budget: a runaway reader or check is stopped for that document
with one error line (IO009), and the batch goes on.

The budget is wall-clock time (``ITIMER_REAL``; a CPU-time timer, ``ITIMER_VIRTUAL``,
makes Linux account the process's CPU time in whole ticks while armed, which blinds every
CPU measurement), set per document and per megabyte beyond the first
(``work_budget_seconds``, default 60: a 10 MB document has 600 s). When it is spent, a
signal raises ``BudgetSpent`` inside whatever runs, Python code and the regular-expression
engine alike. It works where signals do: on POSIX, in a process's main thread (the CLI,
``--jobs`` workers); in other threads (Dask's threaded workers) and on Windows there is
no budget.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

MB = 1_000_000


class BudgetSpent(BaseException):
    """The document's work budget is spent. A BaseException, so that a check's own
    ``except Exception`` cannot swallow it."""


def seconds_for(per_document: float, characters: int) -> float:
    """The budget of a document of ``characters``: ``per_document`` for each started
    megabyte beyond the first; 0 (no budget) stays 0."""
    return per_document * max(1.0, characters / MB)


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Raise BudgetSpent in the work of the ``with`` block after ``seconds``."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds <= 0 or not usable:
        yield
        return

    def spent(_signum: int, _frame: FrameType | None) -> None:
        raise BudgetSpent

    previous = signal.signal(signal.SIGALRM, spent)
    started = time.monotonic()
    earlier, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if earlier > 0:  # a host program's own alarm goes on, less the time spent here
            left = earlier - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), interval)
