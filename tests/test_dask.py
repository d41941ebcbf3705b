"""Dask: a 2-worker LocalCluster gives the CLI's report byte for byte; rows in a DataFrame
give findings per row. Dask is in the dev extra: under CI a missing Dask fails the test."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tqcheck.formats.json_report import report_dict
from tqcheck.inputs import Job
from tqcheck.scanner import Scanner

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

try:
    import dask  # noqa: F401
    import distributed
    import pandas as pd
except ImportError:  # pragma: no cover
    if os.environ.get("CI"):
        raise
    pytest.skip("Dask is not installed (pip install 'tqcheck[dask]')", allow_module_level=True)


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_files_on_two_workers_give_the_cli_report(cli, client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tqcheck import dask_scan

    folder = tmp_path / "c"
    folder.mkdir()
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        for copy in "ab":
            shutil.copy(seed, folder / f"{copy}{i}.de.txt")
    out = tmp_path / "cli.json"
    cli("scan", folder, "--isolated", "--no-cache", "-f", "json", "-o", out, "--exit-zero")
    run = dask_scan.scan_jobs(Scanner(), [Job(p) for p in sorted(folder.iterdir())], client)
    dumped = json.dumps(report_dict(run), ensure_ascii=False, indent=2) + "\n"
    assert dumped == out.read_text(encoding="utf-8")
    assert len(client.scheduler_info()["workers"]) == 2


def test_rows_of_a_frame_give_findings_per_row(client) -> None:  # type: ignore[no-untyped-def]
    from tqcheck import dask_scan

    frame = pd.DataFrame(
        {
            "id": ["u1", "u2", "u3"],
            "source": ["The report is ready.", "Olaf Scholz spoke.", "Nous sommes prêts."],
            "target": ["Der Bericht ist ist fertig.", "Olaf Scholes sprach.", "Wir sind bereit."],
        }
    )
    findings, run = dask_scan.scan_frame(
        Scanner(select=["FL002", "NM001"]), frame, lang="de", row_id="id", client=client
    )
    assert list(zip(findings["row"], findings["rule"], strict=True)) == [
        ("u1", "FL002"),
        ("u2", "NM001"),
    ]
    assert run.summary()["documents"] == 3 and run.summary()["findings"] == 2
