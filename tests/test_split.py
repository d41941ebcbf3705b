"""A large document's checks shared out between forked processes give the serial result:
the same findings, errors, notices and scores, for a bilingual file and a plain text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tqcheck import registry, split
from tqcheck.config import Config
from tqcheck.engine import check_document
from tqcheck.model import Category, Document, Severity
from tqcheck.registry import CheckSpec
from tqcheck.resources_loader import Resources

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "bench" / "data" / "names_source.jsonl"


@pytest.fixture
def small_is_large(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    monkeypatch.setattr(split, "LARGE_CHARS", 1_000)
    monkeypatch.setattr(split, "LARGE_UNITS", 5)
    # a thread another test left behind (a Dask cluster) would keep this run serial
    monkeypatch.setattr(split.threading, "active_count", lambda: 1)
    shared: list[int] = []  # the groups of each shared run: proof the checks were shared out
    real = split.run_shared

    def spy(parts, run_one, seconds):  # type: ignore[no-untyped-def]
        shared.append(len(parts))
        return real(parts, run_one, seconds)

    monkeypatch.setattr(split, "run_shared", spy)
    return shared


def bilingual() -> Document:
    rows = [json.loads(line) for line in PAIRS.open(encoding="utf-8")]
    rows = [r for r in rows if r["lang"] == "de"][:60]
    target = "\n\n".join(r["target"] for r in rows)
    source = "\n\n".join(r["source"] for r in rows)
    return Document("pairs.de.txt", target, "de", source=Document("pairs.en.txt", source, "en"))


def text() -> Document:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return Document("seeds.de.txt", "\n\n".join(s.read_text("utf-8") for s in seeds), "de")


def scan(doc: Document, cores: int, checks: list[CheckSpec] | None = None, **options: object):
    config = Config(model="none", **options).validate()  # type: ignore[arg-type]
    checks = checks or registry.select(registry.all_checks(), config.select)
    notices: dict[str, str] = {}
    result = check_document(doc, checks, config, Resources(config), notices, cores)
    return result.to_dict(), notices


@pytest.mark.parametrize("make", [bilingual, text], ids=["bilingual", "text"])
@pytest.mark.parametrize("cores", [2, 3])
def test_shared_checks_give_the_serial_result(small_is_large: list[int], make, cores: int) -> None:
    serial, serial_notices = scan(make(), 1)
    assert small_is_large == []
    shared, shared_notices = scan(make(), cores)
    assert small_is_large and small_is_large[0] > 1
    assert serial["findings"], "the document must give findings for the test to mean anything"
    assert len({f["rule"][:2] for f in serial["findings"]}) >= 2
    assert shared == serial
    assert shared_notices == serial_notices


def test_errors_and_overflow_come_back_in_order(small_is_large: list[int]) -> None:
    def broken(doc: Document, ctx: object) -> Iterator[object]:
        raise ValueError("boom")
        yield  # pragma: no cover

    bad = CheckSpec("FL999", "broken", Category.FLUENCY, Severity.MINOR, broken)
    checks = [*registry.select(registry.all_checks()), bad]
    serial, _ = scan(text(), 1, checks, max_findings_per_rule=2)
    shared, _ = scan(text(), 2, checks, max_findings_per_rule=2)
    assert small_is_large == [2]
    assert any("boom" in e["message"] for e in serial["errors"])
    assert shared == serial


def test_groups_keep_model_checks_here_and_families_together() -> None:
    checks = registry.select(registry.all_checks())
    parts = split.groups(checks, bilingual(), 3)
    assert [s.category for s in parts[0]].count(Category.ACCURACY) == len(parts[0])
    assert all("model" not in s.needs for part in parts[1:] for s in part)
    assert sorted(s.code for part in parts for s in part) == sorted(s.code for s in checks)
    assert len(split.groups(checks, bilingual(), 2)) == 2
    assert len(split.groups(checks, text(), 1)) == 1


def test_small_documents_one_core_and_other_threads_run_in_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(split.threading, "active_count", lambda: 1)
    assert not split.worth_sharing(text(), 4)  # seeds: far below the size that pays
    big = Document("big.de.txt", "Ein Satz. " * 120_000, "de")
    assert split.worth_sharing(big, 2)
    assert not split.worth_sharing(big, 1)
    monkeypatch.setattr(split.threading, "active_count", lambda: 2)
    assert not split.worth_sharing(big, 2)  # fork beside another thread is not safe


def test_a_child_that_dies_leaves_its_checks_to_this_process(small_is_large: list[int]) -> None:
    # a forked child killed (out of memory, a signal) must not hang or lose its checks
    import os
    import signal

    def dies_in_a_child(doc: Document, ctx: object) -> Iterator[object]:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return iter(())

    parent = os.getpid()
    fatal = CheckSpec("NM998", "dies", Category.NAME, Severity.MINOR, dies_in_a_child)
    checks = [*registry.select(registry.all_checks()), fatal]
    serial, _ = scan(text(), 1, checks)
    shared, _ = scan(text(), 2, checks)
    assert small_is_large == [2]
    assert shared == serial
