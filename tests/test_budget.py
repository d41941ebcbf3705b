"""The per-document work budget (issue 15): a runaway check is stopped for its document
with one IO009 line; the other checks' findings and the other documents stay."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tqcheck.budget import BudgetSpent, budget, seconds_for
from tqcheck.config import Config
from tqcheck.context import Context
from tqcheck.inputs import Job
from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.registry import CheckSpec, all_checks
from tqcheck.scanner import Scanner

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no interval timers")


def _runaway(doc: Document, ctx: Context) -> Iterator[Finding]:
    """Spins on documents that say "spin", swallowing every Exception on the way."""
    if "spin" in doc.text:
        while True:
            try:
                sum(range(1000))
            except Exception:  # the budget must get through this
                continue
    return iter(())


RUNAWAY = CheckSpec(
    code="FL999",
    name="runaway",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
    func=_runaway,
)


def _scanner(seconds: float) -> Scanner:
    """The scanner, warmed on a document that does not spin: loading the word lists and
    packs on the first document must not be what spends a short budget."""
    others = [c for c in all_checks() if c.code in ("FL002", "FL013")]
    scanner = Scanner(Config(work_budget_seconds=seconds, lang="de"), checks=[*others, RUNAWAY])
    scanner.cache = False
    scanner.scan_text("Der der Satz ist falsch. der Rest auch.", "de")
    return scanner


def test_a_runaway_check_costs_its_document_one_error_line_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    spin = tmp_path / "a.txt"
    spin.write_text("Der der Satz ist falsch. we spin here.\n", encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_text("Der Bericht ist fertig. Die die Zahlen stimmen.\n", encoding="utf-8")
    jobs = [Job(spin), Job(good)]
    started = time.process_time()
    results = list(_scanner(1.5).scan_files(jobs))
    assert time.process_time() - started < 30
    first, second = results
    assert [e.code for e in first.errors] == ["IO009"]
    assert "FL999" in first.errors[0].message and "work budget" in first.errors[0].message
    assert not first.passed
    # the checks before the runaway one kept their findings, and reports quote them
    assert [f.rule for f in first.findings] == ["FL002", "FL013"]
    assert len(first.excerpts) == len(first.findings)
    assert second.errors == [] and [f.text for f in second.findings] == ["Die die"]


def test_directives_still_hold_for_what_was_found_before_the_budget_ran_out(
    tmp_path: Path,
) -> None:
    spin = tmp_path / "a.txt"
    spin.write_text(
        "Der der Satz ist falsch. we spin here.\n\nDie die Liste stimmt.\n", encoding="utf-8"
    )
    (tmp_path / "a.txt.tqcheck-ignore").write_text(
        "ignore[FL002] Die die Liste\n", encoding="utf-8"
    )
    (result,) = _scanner(1.5).scan_files([Job(spin)])
    assert [e.code for e in result.errors] == ["IO009"]
    assert [f.text for f in result.findings if f.rule == "FL002"] == ["Der der"]


def test_no_budget_when_it_is_zero_and_the_timer_is_disarmed_after() -> None:
    assert seconds_for(0, 10_000_000) == 0
    assert seconds_for(60, 100) == 60 and seconds_for(60, 10_000_000) == 600
    with budget(0.2):
        pass
    spent = time.perf_counter()
    while time.perf_counter() - spent < 0.4:  # past the budget: nothing fires any more
        sum(range(1000))
    with pytest.raises(BudgetSpent):
        with budget(0.2):
            while True:
                sum(range(1000))


def test_a_pathological_pattern_is_stopped_inside_the_regex_engine() -> None:
    with pytest.raises(BudgetSpent):
        with budget(0.3):
            re.match(r"(a+)+b", "a" * 60)


def test_the_budget_is_a_config_key_and_checked(tmp_path: Path) -> None:
    (tmp_path / "tqcheck.toml").write_text("work_budget_seconds = -1\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ein Satz.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tqcheck", "scan", "a.txt", "--lang", "de"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "work_budget_seconds must be 0 or more" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_host_programs_own_alarm_survives_a_budget() -> None:
    """A library user's SIGALRM timer is put back, less the time the scan took."""
    import signal

    fired: list[bool] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.6)
        with budget(5):
            time.sleep(0.1)
        left, _interval = signal.getitimer(signal.ITIMER_REAL)
        assert 0.2 < left <= 0.5
        time.sleep(0.7)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
