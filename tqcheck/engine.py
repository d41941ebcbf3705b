"""Run checks over documents and score them. Pure: never prints, never exits."""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import itertools
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources

from tqcheck import __version__, split
from tqcheck.align import document_alignment
from tqcheck.budget import BudgetSpent, budget, seconds_for
from tqcheck.config import PROFILES, Config
from tqcheck.context import Context
from tqcheck.inputs import InputProblem, Job, job_bytes, load_bytes, load_job
from tqcheck.model import (
    Also,
    Document,
    DocumentResult,
    Excerpt,
    Finding,
    InputError,
    Severity,
    Suppression,
)
from tqcheck.registry import CheckSpec, input_code_matches
from tqcheck.resources_loader import Resources, batch_keys
from tqcheck.scoring import passes, score
from tqcheck.text import cache
from tqcheck.text.invisible import visible

CONTEXT_CHARS = 70  # characters of context kept on either side of a finding's span
NEED_HINTS = {
    "model": "the semantic checks were skipped",
    "glossary": "the glossary checks were skipped",
    "names": "the name checks that need the names data were skipped",
}


@dataclass
class Totals:
    """Running totals over document results: what a report's summary says, kept without
    the results themselves (a streamed scan keeps no list of documents)."""

    documents: int = 0
    passed: int = 0
    input_errors: int = 0
    words: int = 0
    findings: int = 0
    severities: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    notices: dict[str, None] = field(default_factory=dict)  # ordered, unique
    prints: dict[str, str] = field(default_factory=dict)  # resource fingerprints
    langs: set[str] = field(default_factory=set)

    def add(self, d: DocumentResult) -> None:
        self.documents += 1
        self.passed += d.passed
        self.input_errors += len(d.errors)
        self.words += d.words
        self.findings += len(d.findings)
        for f in d.findings:
            self.severities[f.severity.label] += 1
            self.categories[f.category.value] += 1
            self.rules[f.rule] += 1
        self.notices.update(dict.fromkeys(d.notices))
        self.prints.update(d.resources)
        if not d.errors and d.target_lang != "und":
            self.langs.add(f"{d.source_lang or 'none'}-{d.target_lang}")

    def summary(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "passed": self.passed,
            "failed": self.documents - self.passed,
            "input_errors": self.input_errors,
            "words": self.words,
            "findings": self.findings,
            "by_severity": {s.label: self.severities[s.label] for s in Severity},
            "by_category": dict(sorted(self.categories.items())),
            "by_rule": dict(sorted(self.rules.items())),
            "notices": list(self.notices),
        }


@dataclass
class RunResult:
    """A run's documents (empty when they were streamed out), totals and signature."""

    documents: list[DocumentResult]
    checks: list[CheckSpec]
    config: Config
    signature: str = ""
    notices: list[str] = field(default_factory=list)
    totals: Totals = field(default_factory=Totals)

    @property
    def has_input_errors(self) -> bool:
        return self.totals.input_errors > 0

    @property
    def all_passed(self) -> bool:
        return self.totals.passed == self.totals.documents

    def summary(self) -> dict[str, object]:
        return self.totals.summary()


def merge(
    results: Iterable[DocumentResult],
    checks: list[CheckSpec],
    config: Config,
    keep: bool = True,
    on_document: Callable[[DocumentResult], None] | None = None,
) -> RunResult:
    """The run's result from its documents' results, in their order: totals, notices and
    signature as one process would give them. ``keep=False`` keeps totals only."""
    totals = Totals()
    kept: list[DocumentResult] = []
    for d in results:
        totals.add(d)
        if keep:
            kept.append(d)
        if on_document:
            on_document(d)
    out = RunResult(kept, checks, config, notices=list(totals.notices), totals=totals)
    out.signature = signature(out)
    return out


def batch_resources(
    jobs: list[Job], config: Config, checks: list[CheckSpec], cached: bool = False
) -> Resources:
    """Resources for a run over ``jobs``: with the lines that recur across them when a
    check asks for them (a first, light pass over the files; with ``cached``, each
    file's lines are kept in the disk cache, keyed by its bytes)."""
    resources = Resources(config)
    if len(jobs) > 1 and any("batch" in c.needs for c in checks):
        held = {str(job.target): _line_keys(job, config, cached) for job in jobs}
        counts: Counter[str] = Counter()
        for keys in held.values():
            counts.update(keys)
        resources.set_batch(counts, held)
    return resources


BUDGET_CODE = "IO009"


def scan_job(
    job: Job, config: Config, checks: list[CheckSpec], resources: Resources, cores: int = 1
) -> DocumentResult:
    """Load one job and check it; an input problem is that document's result."""
    try:
        size = job.target.stat().st_size
    except OSError:
        size = 0  # reading it reports why
    seconds = seconds_for(config.work_budget_seconds, size)
    try:
        with budget(seconds):
            doc = load_job(job, config.lang, config.source_lang, config.encoding)
    except InputProblem as exc:
        error = InputError(exc.code, exc.message, str(job.target))
        return _failed_result(str(job.target), error, config)
    except BudgetSpent:
        message = f"reading took more than its work budget of {seconds:g} s"
        return _failed_result(
            str(job.target), InputError(BUDGET_CODE, message, str(job.target)), config
        )
    return scan_document(doc, checks, config, resources, cores)


def scan_document(
    doc: Document,
    checks: list[CheckSpec],
    config: Config,
    resources: Resources,
    cores: int = 1,
) -> DocumentResult:
    """Check one document; its result carries the notices it raised and the identities
    of the resources that checked it (for the run's signature)."""
    notices: dict[str, str] = {}
    result = check_document(doc, checks, config, resources, notices, cores)
    if doc.units and doc.lang_origin == "detected":
        notices[f"lang:{doc.path}"] = (
            f"{doc.path}: the file names no target language (header, locale path or file "
            f"name); read as {doc.lang} by identification: set it with --lang"
        )
    if doc.unchecked_units:
        n = doc.unchecked_units
        notices[f"untranslated:{doc.path}"] = (
            f"{doc.path}: {n} unit{'s' if n != 1 else ''} without a translation not checked"
        )
    result.notices = list(notices.values())
    result.resources = resources.fingerprints()
    return result


def iter_results(
    jobs: Iterable[Job],
    config: Config,
    checks: list[CheckSpec],
    resources: Resources,
    upfront_errors: Iterable[InputError] = (),
) -> Iterator[DocumentResult]:
    """Each document's result as it is done, in the order of the jobs."""
    for err in upfront_errors:
        yield _failed_result(err.path, err, config)
    for job in jobs:
        yield scan_job(job, config, checks, resources)


def run(
    jobs: list[Job],
    config: Config,
    checks: list[CheckSpec],
    upfront_errors: Iterable[InputError] = (),
    on_document: Callable[[DocumentResult], None] | None = None,
) -> RunResult:
    """Load each job, run the checks on it, score it; one bad input never stops the batch."""
    resources = batch_resources(jobs, config, checks)
    results = iter_results(jobs, config, checks, resources, upfront_errors)
    return merge(results, checks, config, on_document=on_document)


def _line_keys(job: Job, config: Config, cached: bool) -> frozenset[str]:
    """The keys of a job's short lines; read back from the disk cache when the same
    bytes were read the same way before (a re-scan of an unchanged corpus then decodes
    nothing twice: this pass was a quarter of it)."""
    try:
        target, source = job_bytes(job)
    except InputProblem:
        return frozenset()  # reported by the main pass
    entry = None
    if cached:
        h = hashlib.sha256()
        for part in (cache.code_fingerprint(), str(job.target), repr(_reading(config))):
            h.update(part.encode("utf-8", "surrogateescape") + b"\0")
        h.update(target + b"\0" + (source or b""))
        entry = cache.entry_path("lines", h.hexdigest())
        found = cache.load(entry) if entry is not None else None
        if isinstance(found, frozenset):
            return found
    try:
        doc = load_bytes(target, job.target, *_reading(config), source, job.source)
    except InputProblem:
        return frozenset()
    keys = frozenset(batch_keys(doc.text))
    if entry is not None:
        cache.store(entry, keys)
    return keys


def _reading(config: Config) -> tuple[str | None, str | None, str]:
    """What decides how a file's bytes become a document's text."""
    return config.lang, config.source_lang, config.encoding


def check_document(
    doc: Document,
    checks: list[CheckSpec],
    config: Config,
    resources: Resources,
    notices: dict[str, str] | None = None,
    cores: int = 1,
) -> DocumentResult:
    """Run the checks on one document and score it; with ``cores`` > 1 a large document's
    checks are shared out between processes (``tqcheck.split``), the result unchanged."""
    notices = notices if notices is not None else {}
    findings: list[Finding] = []
    errors: list[InputError] = []
    ran: set[str] = set()
    profile = PROFILES[config.profile_for(doc.path, bool(doc.units))]
    checks = [spec for spec in checks if spec.code not in profile.off]
    late = [spec for spec in checks if "findings" in spec.needs]
    overflow: list[str] = []
    running = ""  # the check the work budget caught, if it runs out
    spent = suppressed = False
    seconds = seconds_for(config.work_budget_seconds, len(doc.text))
    first = [spec for spec in checks if "findings" not in spec.needs]
    parts = split.groups(first, doc, cores) if split.worth_sharing(doc, cores) else [first]
    try:
        with budget(seconds):
            out = split.Outcome(
                findings=findings, errors=errors, overflow=overflow, ran=ran, notices=notices
            )
            if len(parts) > 1:
                running = _run_shared(parts, first, doc, config, resources, out, seconds)
                if running:
                    raise BudgetSpent
            else:
                for spec in first:
                    running = spec.code
                    _run_check(spec, doc, config, resources, out)
            running = ""
            findings, used = _settled(findings, doc, config)
            suppressed = True
            for spec in late:
                running = spec.code
                ctx = Context(doc, spec, config, resources, frozenset(ran), used)
                try:
                    findings.extend(spec.func(doc, ctx))
                except Exception as exc:
                    errors.append(
                        InputError(spec.code, f"check {spec.name} failed: {exc!r}", doc.path)
                    )
            running = ""
    except BudgetSpent:
        spent = True
        where = f" in {running}" if running else ""
        errors.append(
            InputError(
                BUDGET_CODE,
                f"checking took more than its work budget of {seconds:g} s{where}: "
                "the document's remaining checks did not run (work_budget_seconds)",
                doc.path,
            )
        )
        if not suppressed:  # the reviewers' directives and merges hold for what was found
            findings, _used = _settled(findings, doc, config)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
    if late:
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
    for code in overflow:
        notices[f"overflow:{doc.path}:{code}"] = (
            f"{doc.path}: over {config.max_findings_per_rule} {code} findings; the first "
            f"{config.max_findings_per_rule} are listed, the document fails (a systematic "
            "defect: fix its cause, or raise max_findings_per_rule)"
        )
    # with the budget spent, segmentation may be what ran away: count and quote plainly
    words = len(doc.text.split()) if spent else doc.word_count
    doc_score = score(findings, max(words, profile.score_floor_words), config.weights())
    return DocumentResult(
        path=doc.path,
        target_lang=doc.lang,
        source_path=doc.source.path if doc.source else None,
        source_lang=doc.source.lang if doc.source else None,
        words=words,
        findings=findings,
        errors=errors,
        score=doc_score,
        passed=not errors
        and not overflow
        and passes(findings, doc_score, config.threshold, config.fail_on_severity()),
        excerpts=[excerpt(doc, f, plain=spent) for f in findings],
        profile=profile.name,
    )


def _run_shared(
    parts: list[list[CheckSpec]],
    first: list[CheckSpec],
    doc: Document,
    config: Config,
    resources: Resources,
    out: split.Outcome,
    seconds: float,
) -> str:
    """The checks in ``parts`` run side by side (``tqcheck.split``), their additions put
    back in the order of ``first``, as the serial loop makes them; the code of a check the
    work budget stopped, or ''."""
    # groundwork the forked children inherit rather than redo: the segmentation, the
    # resources in the order the serial loop would load them, and the alignment
    doc.sentences  # noqa: B018  (cached properties, computed here once)
    if doc.source is not None:
        doc.source.sentences  # noqa: B018
    scratch: dict[str, str] = {}
    usable = [s for s in first if s.supports(doc.lang) and _needs_met(s, doc, resources, scratch)]
    if doc.source is not None and any("source" in s.needs for s in usable):
        document_alignment(doc, resources)

    def run_one(spec: CheckSpec, outcome: split.Outcome) -> None:
        _run_check(spec, doc, config, resources, outcome)

    results = split.run_shared(parts, run_one, seconds)
    by_code = {o.code: o for result in results for o in result.outcomes}
    for spec in first:
        outcome = by_code.get(spec.code)
        if outcome is None:
            continue  # its group's budget ran out before it
        out.findings.extend(outcome.findings)
        out.errors.extend(outcome.errors)
        out.overflow.extend(outcome.overflow)
        out.ran |= outcome.ran
        for key, text in outcome.notices.items():
            out.notices.setdefault(key, text)
    return next((r.spent_in for r in results if r.spent_in), "")


def _settled(
    findings: list[Finding], doc: Document, config: Config
) -> tuple[list[Finding], frozenset[int]]:
    """Findings deduplicated, suppressed by the reviewers' directives, merged into one
    per defect, tagged with their unit; and which directives were used."""
    kept, used = suppress(_dedupe(findings), doc.suppressions)
    if config.merge_defects:
        kept = merge_defects(kept)
    if doc.units:
        kept = [_with_unit(doc, f) for f in kept]
    return kept, used


def _run_check(
    spec: CheckSpec, doc: Document, config: Config, resources: Resources, out: split.Outcome
) -> None:
    """Run one check on the document (as the reader sees it, for name and glossary
    checks), its findings bounded by max_findings_per_rule; a failing check is an error
    line, never the batch's end."""
    if not spec.supports(doc.lang) or not _needs_met(spec, doc, resources, out.notices):
        return
    out.ran.add(spec.code)
    view = visible(doc) if spec.visible else None
    seen = view.doc if view is not None else doc
    ctx = Context(seen, spec, config, resources)
    try:
        found = (
            f if view is None else view.finding(f)
            for f in spec.func(seen, ctx)
            if not seen.skipped(f.start, f.end)
        )
        kept = list(itertools.islice(found, config.max_findings_per_rule + 1))
        if len(kept) > config.max_findings_per_rule:
            kept.pop()
            out.overflow.append(spec.code)  # the rest is not generated: bounded work
        out.findings.extend(kept)
    except Exception as exc:  # a broken check must not lose the batch
        out.errors.append(InputError(spec.code, f"check {spec.name} failed: {exc!r}", doc.path))


def excerpt(doc: Document, f: Finding, plain: bool = False) -> Excerpt:
    """The sentence around a finding, trimmed to a window, and where the span ends
    (``plain``: the window alone, without segmenting the document)."""
    sentence = None if plain else doc.sentence_at(f.start)
    if plain:
        lo, hi = max(0, f.start - CONTEXT_CHARS), min(len(doc.text), f.end + CONTEXT_CHARS)
    else:
        lo, hi = (sentence.start, sentence.end) if sentence else (f.start, f.end)
    lo, hi = min(lo, f.start), max(hi, f.end)
    lo = max(lo, f.start - CONTEXT_CHARS)
    hi = min(hi, f.end + CONTEXT_CHARS)
    end_line, end_column = doc.line_col(f.end)
    return Excerpt(
        before=_unmasked(doc, lo, f.start),
        span=_unmasked(doc, f.start, f.end),
        after=_unmasked(doc, f.end, hi),
        more_before=bool(lo > 0 and sentence and lo > sentence.start),
        more_after=bool(sentence and hi < sentence.end),
        end_line=end_line,
        end_column=end_column,
    )


PAD_RUN_RE = re.compile("\u2002+")
SHOWN_MARKUP = 40  # characters of masked markup shown in a context, at most


def _unmasked(doc: Document, start: int, end: int) -> str:
    """``doc.text[start:end]`` with masked markup shown as written (``<g id="1">``), not
    as the blank padding that stands for it in the masked text."""
    text = doc.text[start:end]
    if doc.raw is None or "\u2002" not in text:
        return text

    def markup(m: re.Match[str]) -> str:
        shown = " ".join(doc.raw[start + m.start() : start + m.end()].split())  # type: ignore[index]
        if "<" not in shown and "&" not in shown:
            return ""  # a format's own syntax (the quotes that join PO string lines)
        return shown if len(shown) <= SHOWN_MARKUP else shown[: SHOWN_MARKUP - 1] + "…"

    return PAD_RUN_RE.sub(markup, text)


def _needs_met(
    spec: CheckSpec, doc: Document, resources: Resources, notices: dict[str, str]
) -> bool:
    # The source first: a document without one never asks for (or loads) a model.
    for need in sorted(spec.needs, key=lambda n: (n != "source", n)):
        if need == "source":
            if doc.source is None:
                return False
            continue
        if need == "batch":
            continue
        ok, reason = resources.available(need)
        if not ok:
            hint = NEED_HINTS.get(need, f"checks needing {need} were skipped")
            notices.setdefault(need, f"{hint}: {reason}")
            return False
    return True


def suppress(
    findings: list[Finding], suppressions: tuple[Suppression, ...]
) -> tuple[list[Finding], frozenset[int]]:
    """The findings no directive silences, and the indexes of the directives that
    silenced at least one."""
    if not suppressions:
        return findings, frozenset()
    kept: list[Finding] = []
    used: set[int] = set()
    for f in findings:
        hits = [k for k, s in enumerate(suppressions) if s.covers(f.rule, f.start, f.end)]
        used.update(hits)
        if not hits:
            kept.append(f)
    return kept, frozenset(used)


@dataclass(frozen=True)
class DefectPolicy:
    """Which findings are one defect (``resources/defects.toml``)."""

    rank: dict[str, int]  # rule -> precedence, most specific first
    groups: tuple[frozenset[str], ...]

    def compatible(self, a: str, b: str) -> bool:
        return a != b and any(a in g and b in g for g in self.groups)


@lru_cache(maxsize=1)
def defect_policy() -> DefectPolicy:
    path = importlib_resources.files("tqcheck.resources") / "defects.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rank = {rule: k for k, rule in enumerate(data["precedence"])}
    groups = tuple(frozenset(rules) for rules in data["groups"].values())
    return DefectPolicy(rank, groups)


def merge_defects(findings: list[Finding]) -> list[Finding]:
    """One defect, one finding: of overlapping findings whose rules can report one defect,
    the most specific stands and lists the others as ``also`` (they are not scored)."""
    if len(findings) < 2:
        return findings
    policy = defect_policy()
    last = len(policy.rank)
    order = sorted(
        range(len(findings)),
        key=lambda i: (policy.rank.get(findings[i].rule, last), findings[i].start, i),
    )
    hosts: list[tuple[int, int]] = []  # (start, index) of the findings that stand, by start
    longest = 0
    absorbed: dict[int, list[int]] = {}
    for i in order:
        f = findings[i]
        lo = bisect.bisect_left(hosts, (f.start - longest, -1))
        host = next(
            (
                j
                for _, j in hosts[lo : bisect.bisect_left(hosts, (max(f.end, f.start + 1), -1))]
                if _overlap(findings[j], f) and policy.compatible(findings[j].rule, f.rule)
            ),
            None,
        )
        if host is None:
            bisect.insort(hosts, (f.start, i))
            longest = max(longest, f.end - f.start)
        else:
            absorbed.setdefault(host, []).append(i)
    out = []
    for _, j in sorted(
        hosts, key=lambda h: (findings[h[1]].start, findings[h[1]].end, findings[h[1]].rule)
    ):
        f = findings[j]
        if j in absorbed:
            also = tuple(
                Also(findings[k].rule, findings[k].message, findings[k].start, findings[k].end)
                for k in sorted(absorbed[j], key=lambda k: (findings[k].start, findings[k].rule))
            )
            f = dataclasses.replace(f, also=f.also + also)
        out.append(f)
    return out


def _with_unit(doc: Document, f: Finding) -> Finding:
    unit = doc.unit_at(f.start)
    return dataclasses.replace(f, unit=unit.id) if unit is not None and unit.id else f


def _overlap(a: Finding, b: Finding) -> bool:
    return a.start < max(b.end, b.start + 1) and b.start < max(a.end, a.start + 1)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and span. Findings of one rule on one span with other
    messages (two numbers missing from one sentence, two names dropped from it) become one
    whose message says each, so none is lost; a suggestion stays only if all agree."""
    by_key: dict[tuple[str, int, int], Finding] = {}
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        key = (f.rule, f.start, f.end)
        kept = by_key.get(key)
        if kept is None:
            by_key[key] = f
        elif f.message not in kept.message.split("; "):
            by_key[key] = dataclasses.replace(
                kept,
                message=f"{kept.message}; {f.message}",
                suggestion=kept.suggestion if kept.suggestion == f.suggestion else None,
            )
    return list(by_key.values())


def _failed_result(path: str, error: InputError, config: Config | None = None) -> DocumentResult:
    """The result of a file that could not be checked; an input code the config ignores
    (``--ignore IO003``) makes it a notice on a passing entry, never a silent drop."""
    ignored = config is not None and any(input_code_matches(error.code, s) for s in config.ignore)
    return DocumentResult(
        path=path,
        target_lang="und",
        source_path=None,
        source_lang=None,
        words=0,
        errors=[] if ignored else [error],
        score=100.0 if ignored else 0.0,
        passed=ignored,
        notices=[f"{path}: not checked, {error.code} {error.message} (ignored)"] if ignored else [],
    )


def checks_fingerprint(checks: list[CheckSpec], config: Config) -> str:
    text = ",".join(f"{c.code}:{config.severity_for(c).label}" for c in checks)
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def signature(result: RunResult) -> str:
    """sacrebleu-style identity of what produced a result, so two runs can be compared."""
    pairs = sorted(result.totals.langs)
    prints = result.totals.prints
    parts = [
        f"tqcheck:{__version__}",
        f"langs:{','.join(pairs) or 'none'}",
        f"checks:{len(result.checks)}:{checks_fingerprint(result.checks, result.config)}",
        f"score:{result.config.score_profile}:t{result.config.threshold:g}:{result.config.fail_on}",
        f"glossary:{prints.get('glossary', 'none')}",
        f"names:{prints.get('names', 'none')}",
        f"model:{prints.get('model', 'none')}",
    ]
    return "|".join(parts)
