"""Scanning what outgrows one machine, on Dask (the optional ``tqcheck[dask]`` extra).

Two shapes of work:

- files (``scan_jobs``): a ``dask.bag`` of the CLI's jobs, one partition per few files;
  the merged report is the CLI's, byte for byte (same order, totals, notices, signature);
- rows (``scan_frame``): a Dask DataFrame of target (and source) segments, one row per
  segment, as a TMS export is (``map_partitions`` over the rows); findings come back as a
  pandas DataFrame, one row per finding, beside the merged report.

Each worker process keeps one prepared Scanner per configuration: the glossary, names
data and any model load once per worker, not once per task.

    from tqcheck.dask_scan import scan_frame
    findings, run = scan_frame(Scanner(), frame, lang="de", source_lang="en")
"""

from __future__ import annotations

import hashlib
import pickle
from typing import TYPE_CHECKING, Any

from tqcheck.engine import RunResult, scan_job
from tqcheck.model import DocumentResult
from tqcheck.scanner import Scanner

if TYPE_CHECKING:
    from tqcheck.inputs import Job

FILES_PER_PARTITION = 8
FINDING_COLUMNS = (
    "row",
    "path",
    "rule",
    "name",
    "category",
    "severity",
    "start",
    "end",
    "line",
    "column",
    "text",
    "message",
    "suggestion",
)
_WORKER_SCANNERS: dict[str, Scanner] = {}


def missing() -> str | None:
    """Why Dask cannot be used here, or None when it can."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        return "Dask is not installed: pip install 'tqcheck[dask]'"
    return None


def client_for(address: str | None) -> Any:
    """A client of the scheduler at ``address``, or of a new LocalCluster ("local")."""
    from distributed import Client, LocalCluster

    if address in (None, "", "local"):
        cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None)
        return Client(cluster)
    return Client(address)


def scan_jobs(scanner: Scanner, jobs: list[Job], client: Any) -> RunResult:
    """The CLI's scan of ``jobs`` on a Dask cluster: the same report, byte for byte."""
    import dask.bag as db
    from dask import config as dask_config

    scanner.use_batch(jobs)  # the lines that recur across the files travel with it
    if not jobs:
        return scanner.merge([])
    partitions = max(1, -(-len(jobs) // FILES_PER_PARTITION))
    bag = db.from_sequence(jobs, npartitions=partitions)
    blob = pickle.dumps(scanner)
    with dask_config.set(scheduler=client.get):
        results = bag.map_partitions(_scan_files, blob).compute()
    return scanner.merge(results)


def scan_frame(
    scanner: Scanner,
    frame: Any,
    lang: str,
    source_lang: str = "en",
    target: str = "target",
    source: str | None = "source",
    row_id: str | None = None,
    client: Any = None,
) -> tuple[Any, RunResult]:
    """Findings (a pandas DataFrame, one row per finding) and the merged report for a
    (Dask or pandas) DataFrame of segments: ``target`` text, ``source`` text if given."""
    import dask.dataframe as dd
    import pandas as pd

    if isinstance(frame, pd.DataFrame):
        frame = dd.from_pandas(frame, npartitions=max(1, len(frame) // 5000))
    blob = pickle.dumps(scanner)
    columns = [c for c in (row_id, target, source) if c]
    parts = frame[columns].to_delayed()
    from dask import compute, delayed

    tasks = [
        delayed(_scan_rows)(part, blob, lang, source_lang, target, source, row_id) for part in parts
    ]
    if client is not None:
        chunks = client.compute(tasks, sync=True)
    else:
        chunks = compute(*tasks, scheduler="processes")
    results = [r for chunk in chunks for r in chunk]
    rows = [
        {
            "row": r.path,
            "path": r.path,
            **{k: v for k, v in f.to_dict().items() if k in FINDING_COLUMNS},
        }
        for r in results
        for f in r.findings
    ]
    findings = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    return findings, scanner.merge(results)


def _worker_scanner(blob: bytes) -> Scanner:
    """One prepared Scanner per configuration in this worker process."""
    key = hashlib.sha256(blob).hexdigest()
    found = _WORKER_SCANNERS.get(key)
    if found is None:
        found = pickle.loads(blob)
        _WORKER_SCANNERS[key] = found
    return found


def _scan_files(jobs: list[Job], blob: bytes) -> list[DocumentResult]:
    scanner = _worker_scanner(blob)
    return [scan_job(job, scanner.config, scanner.checks, scanner.resources) for job in jobs]


def _scan_rows(
    part: Any,
    blob: bytes,
    lang: str,
    source_lang: str,
    target: str,
    source: str | None,
    row_id: str | None,
) -> list[DocumentResult]:
    scanner = _worker_scanner(blob)
    out = []
    for index, row in part.iterrows():
        name = str(row[row_id]) if row_id else str(index)
        text = row[target]
        src = row[source] if source else None
        out.append(
            scanner.scan_text(
                "" if text is None else str(text),
                lang,
                source=None if src is None else str(src),
                source_lang=source_lang,
                path=name,
            )
        )
    return out
