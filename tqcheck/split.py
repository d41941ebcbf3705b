"""One large document, several cores: its checks shared out between forked processes.

A scan spreads documents over processes (``--jobs``); a batch of one 50 000-unit XLIFF
file or one long text left every core but one idle. For such a document the checks that
need no other check's findings are grouped by what they share (the accuracy checks share
the alignment; the name and glossary checks the names analysis and term matches; the
fluency checks the segmentation), one group runs here and each other group in a process
forked after the shared groundwork is done (sentences, tokens, the alignment, the
resources the checks will ask for), so the children inherit it instead of redoing it.

Each group returns, per check, exactly what the serial loop would have added (findings,
error lines, the overflow mark, the notices of missing resources); they are put back in
the checks' own order, so the result is the one a serial run gives, byte for byte. Only
``fork`` is used (no pickling of the document), and only where this process runs no other
thread; elsewhere, and for small documents, checks run in turn as before.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from tqcheck.budget import BudgetSpent, budget
from tqcheck.model import Category, Document, Finding, InputError
from tqcheck.registry import CheckSpec

LARGE_CHARS = 1_000_000  # a document this long, or with this many units, is shared out
LARGE_UNITS = 5_000
MAX_GROUPS = 3  # accuracy | names and glossary | fluency and the rest


@dataclass
class Outcome:
    """What checks add to a document's result: the engine's containers, for the whole
    document in the serial loop, for one check (``code``) when checks are shared out."""

    code: str = ""
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)
    ran: set[str] = field(default_factory=set)
    notices: dict[str, str] = field(default_factory=dict)


@dataclass
class GroupResult:
    outcomes: list[Outcome]
    spent_in: str | None = None  # the check the work budget stopped, if it ran out


RunOne = Callable[[CheckSpec, Outcome], None]


def worth_sharing(doc: Document, cores: int) -> bool:
    """A large document, more than one core, and ``fork`` safe here (no other thread)."""
    return (
        cores > 1
        and (len(doc.text) >= LARGE_CHARS or len(doc.units) >= LARGE_UNITS)
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def groups(checks: list[CheckSpec], doc: Document, cores: int) -> list[list[CheckSpec]]:
    """The checks by what they share, at most ``cores`` groups; checks that need the model
    stay in the first group (run here: no model is ever used in a forked child)."""
    families: dict[str, list[CheckSpec]] = {"accuracy": [], "names": [], "fluency": []}
    for spec in checks:
        if "model" in spec.needs or spec.category == Category.ACCURACY:
            families["accuracy"].append(spec)
        elif spec.category in (Category.NAME, Category.GLOSSARY):
            families["names"].append(spec)
        else:
            families["fluency"].append(spec)
    order = ["accuracy", "names", "fluency"] if doc.source is not None else ["fluency", "names"]
    if doc.source is None:
        families["names"] += families["accuracy"]  # target-only: no accuracy work to speak of
    parts = [families[name] for name in order if families[name]]
    limit = max(1, min(cores, MAX_GROUPS))
    while len(parts) > limit:  # fold the last group into the smallest of the others
        last = parts.pop()
        min(parts, key=len).extend(last)
    return parts


_JOB: tuple[list[list[CheckSpec]], RunOne, float] | None = None


def _child(index: int) -> GroupResult:
    assert _JOB is not None
    parts, run_one, seconds = _JOB
    return run_group(parts[index], run_one, seconds)


def run_group(specs: list[CheckSpec], run_one: RunOne, seconds: float) -> GroupResult:
    """Run ``specs`` in turn under the document's work budget."""
    outcomes: list[Outcome] = []
    running = ""
    try:
        with budget(seconds):
            for spec in specs:
                running = spec.code
                outcome = Outcome(spec.code)
                outcomes.append(outcome)
                run_one(spec, outcome)
            running = ""
    except BudgetSpent:
        return GroupResult(outcomes, running)
    return GroupResult(outcomes)


def run_shared(parts: list[list[CheckSpec]], run_one: RunOne, seconds: float) -> list[GroupResult]:
    """The first group here, the others in forked children, in parallel; results in the
    groups' order. The children inherit everything computed before the call."""
    global _JOB
    _JOB = (parts, run_one, seconds)
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(len(parts) - 1, mp_context=context) as pool:
            pending = [pool.submit(_child, k) for k in range(1, len(parts))]
            first = run_group(parts[0], run_one, seconds)
            rest = []
            for k, future in enumerate(pending, start=1):
                try:
                    rest.append(future.result())
                except BrokenProcessPool:  # a child died (killed, out of memory): here then
                    rest.append(run_group(parts[k], run_one, seconds))
    finally:
        _JOB = None
    return [first, *rest]
