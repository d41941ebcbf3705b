"""The library API (Scanner), worker processes, the jsonl stream and the result cache."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest

from tqcheck.formats.json_report import report_dict
from tqcheck.inputs import Job
from tqcheck.scanner import MIN_PARALLEL, Scanner, effective_workers

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Ten documents: the seeds twice (so lines recur across the batch) and a broken file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        shutil.copy(seed, folder / f"a{i}.de.txt")
        shutil.copy(seed, folder / f"b{i}.de.txt")
    (folder / "broken.de.txt").write_bytes(b"\x00\x01binary")
    return folder


def jobs_of(folder: Path) -> list[Job]:
    return [Job(p) for p in sorted(folder.iterdir())]


def test_scan_text_finds_and_serialises_without_a_document() -> None:
    scanner = Scanner(select=["FL002", "NM001"])
    result = scanner.scan_text("Die Regierung will die Hilfe Hilfe für Kiew erhöhen.", "de")
    assert [(f.rule, f.text) for f in result.findings] == [("FL002", "Hilfe Hilfe")]
    entry = result.to_dict()
    assert entry["findings"][0]["rule"] == "FL002" and entry["target_lang"] == "de"
    assert not hasattr(result, "document")
    english = scanner.scan_text("We sent the the report on Monday.", "en")
    assert [f.text for f in english.findings] == ["the the"]


def test_scan_bytes_reads_bilingual_files_by_name() -> None:
    po = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        'msgid "The file was saved."\nmsgstr "Le fichier a a été enregistré."\n'
    ).encode()
    result = Scanner(select=["FL002"]).scan_bytes(po, "messages.po")
    assert result.target_lang == "fr" and result.source_lang is not None
    assert [f.text for f in result.findings] == ["a a"]
    broken = Scanner(select=["FL002"]).scan_bytes(b"\x00\x00\x00", "x.de.txt")
    assert broken.errors and broken.errors[0].code == "IO001" and not broken.passed


def test_a_scanner_pickles_without_its_resources_and_scans_alike() -> None:
    scanner = Scanner(select=["FL", "NM"])
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text()
    first = scanner.scan_text(text, "de")
    clone = pickle.loads(pickle.dumps(scanner))
    assert [c.code for c in clone.checks] == [c.code for c in scanner.checks]
    again = clone.prepare().scan_text(text, "de")
    assert again.to_dict() == first.to_dict()
    assert len(pickle.dumps(first)) < 4 * len(text.encode()) + 20_000  # no Document inside


def test_merge_gives_the_cli_report(cli, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.json"
    cli("scan", corpus, "--isolated", "--no-cache", "-f", "json", "-o", out, "--exit-zero")
    scanner = Scanner()
    scanner.cache = False
    run = scanner.merge(scanner.scan_files(jobs_of(corpus)))
    assert json.loads(out.read_text()) == json.loads(json.dumps(report_dict(run)))


def test_reports_are_identical_whatever_the_number_of_workers(
    cli, corpus: Path, tmp_path: Path
) -> None:
    outputs = []
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"r{jobs}.json"
        result = cli(
            "scan", corpus, "--isolated", "--no-cache", "-j", jobs, "-f", "json", "-o", out
        )
        assert result.exit_code == 2  # the broken file: an input error, the rest reported
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(json.loads(outputs[0])["documents"]) == 11


def test_small_batches_stay_in_one_process() -> None:
    assert effective_workers(4, MIN_PARALLEL - 1) == 1
    assert effective_workers(2, 100) == 2
    assert effective_workers(8, 10) == 5  # at least two documents per worker


def test_jsonl_streams_one_line_per_finding_then_the_summary(cli, corpus: Path) -> None:
    result = cli("scan", corpus, "--isolated", "--no-cache", "-f", "jsonl", "--exit-zero")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    kinds = [line["type"] for line in lines]
    assert kinds.count("document") == 11 and kinds[-1] == "summary"
    summary = lines[-1]["summary"]
    assert summary["documents"] == 11 and summary["input_errors"] == 1
    findings = [line for line in lines if line["type"] == "finding"]
    assert summary["findings"] == len(findings) > 0
    # each document's line comes first and counts the finding lines that follow it
    current = None
    for line in lines[:-1]:
        if line["type"] == "document":
            current = line
            current["seen"] = 0
        else:
            assert current is not None and line["path"] == current["path"]
            current["seen"] += 1
    assert all(d["seen"] == d["findings"] for d in lines if d["type"] == "document")
    assert lines[-1]["signature"].startswith("tqcheck:")


def test_the_cache_returns_the_same_results_and_forgets_changed_inputs(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    scanner = Scanner(select=["FL002", "FL003"])
    first = [r.to_dict() for r in scanner.scan_files(jobs_of(corpus))]
    stored = list((tmp_path / "cache" / "results").rglob("*.pickle"))
    assert len(stored) == 10  # the broken file's error is not cached

    calls: list[str] = []
    import tqcheck.scanner as module

    real = module.scan_job

    def counting(job, *args):  # type: ignore[no-untyped-def]
        calls.append(job.target.name)
        return real(job, *args)

    monkeypatch.setattr(module, "scan_job", counting)
    again = [r.to_dict() for r in Scanner(select=["FL002", "FL003"]).scan_files(jobs_of(corpus))]
    assert again == first and calls == ["broken.de.txt"]

    edited = corpus / "a0.de.txt"
    edited.write_text(edited.read_text() + "\nDas ist ist neu.\n")
    calls.clear()
    changed = [r.to_dict() for r in Scanner(select=["FL002", "FL003"]).scan_files(jobs_of(corpus))]
    assert sorted(calls) == ["a0.de.txt", "broken.de.txt"]
    assert any(f["text"] == "ist ist" for f in changed[0]["findings"])

    calls.clear()  # other rules: other results
    list(Scanner(select=["FL002"]).scan_files(jobs_of(corpus)))
    assert len(calls) == 11


def test_a_rescan_decodes_only_what_changed_and_follows_the_batch(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first pass (lines that recur across the batch) reads each unchanged file's
    lines back from the cache; a line that starts to recur elsewhere still re-checks
    the unchanged file that holds it."""
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    edited = corpus / "a0.de.txt"
    edited.write_text(edited.read_text() + "\nAlle Kurse wie immer ohne Gewähr notiert.\n")
    list(Scanner(select=["FL003"]).scan_files(jobs_of(corpus)))

    import tqcheck.engine as engine
    import tqcheck.scanner as module

    decoded: list[str] = []
    scanned: list[str] = []
    real_load, real_scan = engine.load_bytes, module.scan_job

    def loading(data, path, *args):  # type: ignore[no-untyped-def]
        decoded.append(path.name)
        return real_load(data, path, *args)

    def scanning(job, *args):  # type: ignore[no-untyped-def]
        scanned.append(job.target.name)
        return real_scan(job, *args)

    monkeypatch.setattr(engine, "load_bytes", loading)
    monkeypatch.setattr(module, "scan_job", scanning)
    list(Scanner(select=["FL003"]).scan_files(jobs_of(corpus)))
    assert decoded == ["broken.de.txt"] and scanned == ["broken.de.txt"]

    decoded.clear()
    scanned.clear()
    (corpus / "c.de.txt").write_text(
        "Ein kurzer Bericht.\nAlle Kurse wie immer ohne Gewähr notiert.\n"
    )
    list(Scanner(select=["FL003"]).scan_files(jobs_of(corpus)))
    assert sorted(decoded) == ["broken.de.txt", "c.de.txt"]
    assert sorted(scanned) == ["a0.de.txt", "broken.de.txt", "c.de.txt"]


def test_reports_are_identical_under_any_hash_seed(corpus: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "tqcheck", "scan", str(corpus), "--isolated"]
        subprocess.run(
            [*command, "--no-cache", "-f", "json", "-o", str(out), "--exit-zero"],
            env=env,
            capture_output=True,
            check=False,
            timeout=300,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_no_document_outlives_its_scan(corpus: Path) -> None:
    """Every rule runs (caches keyed by document included) and the results are
    consumed: no Document stays alive, so memory stays flat however large the corpus (a
    weak-keyed cache whose value held its key once kept every document alive)."""
    import gc

    from tqcheck.model import Document

    gc.collect()
    before = sum(isinstance(o, Document) for o in gc.get_objects())
    scanner = Scanner()
    results = list(scanner.scan_files(jobs_of(corpus), workers=1))
    assert len(results) == 11 and sum(r.words for r in results) > 1000
    del results
    gc.collect()
    assert sum(isinstance(o, Document) for o in gc.get_objects()) == before
