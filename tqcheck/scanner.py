"""The library API: a Scanner built once, used for one text, one file's bytes, or a corpus.

    from tqcheck.scanner import Scanner

    scanner = Scanner(select=["FL", "NM"])
    result = scanner.scan_text("Die USA sind der der größte Geldgeber.", "de")
    for f in result.findings:
        print(f.rule, f.line, f.column, f.message)
    result.to_dict()                       # the JSON report's document entry
    run = scanner.merge([result])          # summary, notices, signature as the CLI gives them

A Scanner holds the config, the selected checks and the resources they load (glossary,
names data, language packs, a model). It pickles without its resources: a worker process
(``scan_files(jobs=N)``, Dask) gets the config and checks and loads the resources once,
on ``prepare()`` or its first document. Results are plain values (``DocumentResult``): no
Document inside, so they stream, pickle and cache small.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

import tqcheck.checks  # noqa: F401  (registers every check)
from tqcheck import registry
from tqcheck.config import BOOKKEEPING, Config
from tqcheck.engine import (
    RunResult,
    batch_resources,
    iter_results,
    merge,
    scan_document,
    scan_job,
)
from tqcheck.glossary.runtime import glossary_paths
from tqcheck.inputs import (
    InputProblem,
    Job,
    load_bytes,
    read_bytes,
    set_size_limit,
    sidecar_bytes,
)
from tqcheck.model import Document, DocumentResult, InputError
from tqcheck.names.runtime import names_paths
from tqcheck.registry import CheckSpec
from tqcheck.resources_loader import Resources
from tqcheck.text import cache

MIN_PARALLEL = 8  # fewer documents than this are scanned in one process
CHUNK = 4  # documents per task sent to a worker


class Scanner:
    """Config, checks and resources, built once; scans texts, bytes and files."""

    def __init__(
        self,
        config: Config | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        preview: bool | None = None,
        checks: list[CheckSpec] | None = None,
        **options: Any,
    ) -> None:
        base = config or Config()
        cfg = base.merged(select=select, ignore=ignore, preview=preview, **options)
        self.config = cfg.validate() if (config is None or select or ignore or options) else cfg
        self.checks = (
            checks
            if checks is not None
            else registry.select(
                registry.all_checks(), self.config.select, self.config.ignore, self.config.preview
            )
        )
        self._resources: Resources | None = None
        set_size_limit(self.config.max_file_mb)
        self.cache = True  # results kept on disk, keyed by content, config, rules, data

    # pickling: the config and the checks travel, the loaded resources do not
    def __getstate__(self) -> dict[str, Any]:
        batch = self._resources.batch_lines() if self._resources is not None else frozenset()
        return {"config": self.config, "codes": [c.code for c in self.checks], "batch": batch}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.config = state["config"]
        set_size_limit(self.config.max_file_mb)
        by_code = {c.code: c for c in registry.all_checks()}
        self.checks = [by_code[code] for code in state["codes"]]
        self._resources = Resources(self.config)
        self._resources.set_batch_keys(state["batch"])

    @property
    def resources(self) -> Resources:
        if self._resources is None:
            self._resources = Resources(self.config)
        return self._resources

    def prepare(self, with_source: bool = True) -> Scanner:
        """Load now what the selected checks need (glossary, names data, a model), so the
        first document does not pay for it: a worker's warm-up. ``with_source=False``
        leaves out what only checks of a source need (the model): loaded, it would be
        named in the signature of a run that has no source."""
        needs = {
            n for c in self.checks if with_source or "source" not in c.needs for n in c.needs
        } - {"source", "batch"}
        for need in sorted(needs):
            self.resources.available(need)
        return self

    def scan_text(
        self,
        text: str,
        lang: str,
        source: str | None = None,
        source_lang: str = "en",
        path: str = "<text>",
    ) -> DocumentResult:
        """Check one text in a known language, with its source text when there is one."""
        src = Document(f"{path}#source", source, source_lang) if source is not None else None
        return scan_document(
            Document(path, text, lang, source=src), self.checks, self.config, self.resources
        )

    def scan_bytes(
        self,
        data: bytes,
        name: str,
        source: bytes | None = None,
        source_name: str | None = None,
    ) -> DocumentResult:
        """Check a file's bytes; ``name`` picks the reader (``.po``, ``.xlf``, ``.html`` …)
        and, like a path, may carry the language (``article.de.txt``)."""
        try:
            doc = load_bytes(
                data,
                Path(name),
                self.config.lang,
                self.config.source_lang,
                self.config.encoding,
                source,
                Path(source_name) if source_name else None,
            )
        except InputProblem as exc:
            return DocumentResult(
                path=name,
                target_lang="und",
                source_path=None,
                source_lang=None,
                words=0,
                errors=[InputError(exc.code, exc.message, name)],
            )
        return scan_document(doc, self.checks, self.config, self.resources)

    def use_batch(self, jobs: list[Job]) -> None:
        """Count the short lines of ``jobs`` that recur across them (page furniture of
        the batch), for this scanner and every copy of it sent to a worker."""
        self._resources = batch_resources(jobs, self.config, self.checks, self._cache_on())

    def scan_files(
        self,
        jobs: list[Job],
        workers: int = 1,
        upfront_errors: Iterable[InputError] = (),
    ) -> Iterator[DocumentResult]:
        """Each job's result, in the order of ``jobs``, whatever ``workers`` is: with more
        than one worker (and enough documents) a process pool scans them. A result the
        cache holds (same bytes, config, rules, data and tqcheck) is not computed again."""
        self.use_batch(jobs)
        yield from iter_results([], self.config, self.checks, self.resources, upfront_errors)
        keys: list[str | None] = (
            [self._job_key(job) for job in jobs] if self._cache_on() else [None] * len(jobs)
        )
        cached = [_cached(key) for key in keys]
        todo = [job for job, hit in zip(jobs, cached, strict=True) if hit is None]
        asked = workers
        workers = effective_workers(workers, len(todo))
        if workers <= 1:
            # few documents: a large one has its checks shared out over the cores asked for
            share = min(asked if asked > 0 else (os.cpu_count() or 1), len(self.checks))
            fresh: Iterator[DocumentResult] = (
                scan_job(job, self.config, self.checks, self.resources, share) for job in todo
            )
            yield from self._interleave(cached, keys, fresh)
            return
        method = _start_method()
        if method == "fork":
            self.prepare(with_source=False)  # loaded once here, shared by the forked workers
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(self,)
        ) as pool:
            yield from self._interleave(cached, keys, pool.map(_scan_job, todo, chunksize=CHUNK))

    @staticmethod
    def _interleave(
        cached: list[DocumentResult | None],
        keys: list[str | None],
        fresh: Iterator[DocumentResult],
    ) -> Iterator[DocumentResult]:
        for hit, key in zip(cached, keys, strict=True):
            if hit is not None:
                yield hit
                continue
            result = next(fresh)
            if key is not None and not result.errors:
                path = _entry(key)
                if path is not None:
                    cache.store(path, result)
            yield result

    def _cache_on(self) -> bool:
        return self.cache and cache.cache_dir() is not None

    def _job_key(self, job: Job) -> str | None:
        """What a job's result depends on: its files' bytes and names, the lines of it
        that recur in the batch, the config, the rules, the data files and the code."""
        try:
            target = read_bytes(job.target)
            source = read_bytes(job.source) if job.source is not None else b""
        except InputProblem:
            return None  # the scan reports it; nothing to cache
        h = hashlib.sha256()
        for part in (
            self._run_key(),
            str(job.target),
            str(job.source),
            "\n".join(sorted(self.resources.batch_lines_in(str(job.target)))),
        ):
            h.update(part.encode("utf-8", "surrogateescape") + b"\0")
        h.update(target + b"\0" + source + b"\0" + (sidecar_bytes(job.target) or b""))
        return h.hexdigest()

    @lru_cache(maxsize=1)  # noqa: B019  (one Scanner, one key; the Scanner outlives it)
    def _run_key(self) -> str:
        settings = {
            k: v for k, v in dataclasses.asdict(self.config).items() if k not in BOOKKEEPING
        }
        data = sorted(str(p) for p in glossary_paths(self.config) + names_paths(self.config))
        parts = [
            cache.code_fingerprint(),
            repr(sorted(settings.items())),
            ",".join(f"{c.code}:{self.config.severity_for(c).label}" for c in self.checks),
            *(f"{p}:{_file_hash(Path(p))}" for p in data),
        ]
        return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()

    def merge(
        self,
        results: Iterable[DocumentResult],
        keep: bool = True,
        on_document: Callable[[DocumentResult], None] | None = None,
    ) -> RunResult:
        """The run's result (summary, notices, signature) from document results, in the
        order given; ``keep=False`` keeps the totals only (a streamed report)."""
        return merge(results, self.checks, self.config, keep=keep, on_document=on_document)


def _entry(key: str) -> Path | None:
    folder = cache.cache_dir()
    return None if folder is None else folder / "results" / key[:2] / f"{key}.pickle"


def _cached(key: str | None) -> DocumentResult | None:
    if key is None:
        return None
    path = _entry(key)
    found = cache.load(path) if path is not None else None
    return found if isinstance(found, DocumentResult) else None


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def effective_workers(asked: int, documents: int) -> int:
    """Workers for ``documents``: 0 means one per core; a small batch stays in-process
    (starting a worker and loading its resources costs about a second)."""
    cores = os.cpu_count() or 1
    wanted = cores if asked <= 0 else asked
    if documents < MIN_PARALLEL:
        return 1
    return max(1, min(wanted, documents // 2))


def _start_method() -> str:
    """fork when this process runs no other thread (workers then share the resources
    loaded here, copy-on-write, instead of loading them again); otherwise forkserver
    (clean workers, no inherited locks), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


_WORKER: Scanner | None = None


def _init_worker(scanner: Scanner) -> None:
    global _WORKER
    _WORKER = scanner


def _scan_job(job: Job) -> DocumentResult:
    assert _WORKER is not None, "worker not initialised"
    return scan_job(job, _WORKER.config, _WORKER.checks, _WORKER.resources)
