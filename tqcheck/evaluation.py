"""``tqcheck eval``: scan labelled text and measure the rules against the labels.

Input is JSON lines in the shape of the shared MQM benchmarks (``target``, optional
``source``, ``errors`` with category, severity and code-point span) plus tqcheck's own
development fields (``lang``, ``origin``, ``split``, ``negatives``; see
``bench/data/README.md``). Which rule answers which category is data
(``resources/mqm_categories.toml``).

Figures, per group of rows (all rows, then per ``--by`` value):

- per rule: findings, precision (share of findings that overlap a labelled span of a
  category the rule answers), findings on error-free rows per 1000 of their words, and
  findings on labelled negatives (false alarms by construction);
- per labelled category (and per ``kind`` where labels have one): spans, span recall (a
  span overlapped by a finding of a rule that answers the category), and segment-level
  precision and recall (a row has the category / a row has a finding of such a rule);
- overall: segment precision and recall, findings per 1000 words on error-free rows.

Rows that share a ``unit_id`` (one text, several raters) are one unit: their spans are
merged and the unit is error-free only when no rater marked anything.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from tqcheck.config import Config
from tqcheck.engine import check_document
from tqcheck.model import Document, Finding
from tqcheck.registry import CheckSpec
from tqcheck.resources_loader import Resources

GROUP_FIELDS = ("lang", "split", "origin", "dataset", "system")
_QUALIFIER_RE = re.compile(r"\s*\([^)]*\)$")


class EvalDataError(ValueError):
    """A data file or row that cannot be evaluated."""


@dataclass(frozen=True)
class Span:
    category: str
    start: int
    end: int
    text: str = ""
    severity: str = ""
    kind: str = ""


@dataclass
class Row:
    id: str
    target: str
    lang: str
    errors: list[Span]
    source: str | None = None
    source_lang: str | None = None
    source_errors: list[Span] = field(default_factory=list)
    negatives: list[Span] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    raters: int = 1
    clean_raters: int = 0

    @property
    def error_free(self) -> bool:
        return self.clean_raters == self.raters

    @property
    def categories(self) -> set[str]:
        return {s.category for s in self.errors} | {s.category for s in self.source_errors}


@lru_cache(maxsize=1)
def category_map() -> dict[str, tuple[str, ...]]:
    """Rule code -> the labelled categories it answers (``resources/mqm_categories.toml``)."""
    path = importlib_resources.files("tqcheck.resources") / "mqm_categories.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {code: tuple(cats) for code, cats in data.get("rules", {}).items()}


def answers(rule: str, category: str) -> bool:
    """Whether a rule's findings count for a labelled category (equal or below an entry;
    a rater's qualifier in parentheses is ignored: "Accuracy/Omission (Translation)")."""
    base = _QUALIFIER_RE.sub("", category)
    return any(base == c or base.startswith(c + "/") for c in category_map().get(rule, ()))


def overlaps(start: int, end: int, span: Span) -> bool:
    """A finding overlaps a span; a zero-width span counts when the finding is within one
    character of it."""
    if span.start == span.end:
        return start - 1 <= span.start <= end + 1
    return start < span.end and span.start < end


# -- reading -----------------------------------------------------------------------------


def _span(obj: Any, text: str, where: str, default_category: str = "") -> Span:
    if not isinstance(obj, dict):
        raise EvalDataError(f"{where}: a span must be an object")
    try:
        start, end = int(obj["start"]), int(obj["end"])
    except (KeyError, TypeError, ValueError):
        raise EvalDataError(f"{where}: a span needs integer 'start' and 'end'") from None
    if not 0 <= start <= end <= len(text):
        raise EvalDataError(f"{where}: span {start}-{end} outside the text ({len(text)} chars)")
    if "text" in obj and text[start:end] != obj["text"]:
        raise EvalDataError(
            f"{where}: text[{start}:{end}] is {text[start:end]!r}, the label says {obj['text']!r}"
        )
    return Span(
        category=str(obj.get("category", default_category)),
        start=start,
        end=end,
        text=text[start:end],
        severity=str(obj.get("severity", "")),
        kind=str(obj.get("kind", "")),
    )


def _row(obj: Any, where: str, default_lang: str | None) -> Row:
    if not isinstance(obj, dict):
        raise EvalDataError(f"{where}: a row must be a JSON object")
    target = obj.get("target")
    if not isinstance(target, str):
        raise EvalDataError(f"{where}: 'target' must be a string")
    lang = obj.get("lang") or default_lang
    if not lang:
        raise EvalDataError(f"{where}: no 'lang' in the row and no --lang given")
    source = obj.get("source")
    if source is not None and not isinstance(source, str):
        raise EvalDataError(f"{where}: 'source' must be a string")
    errors = obj.get("errors", [])
    if not isinstance(errors, list):
        raise EvalDataError(f"{where}: 'errors' must be a list")
    spans = [_span(e, target, f"{where}: errors[{i}]") for i, e in enumerate(errors)]
    src_spans = [
        _span(e, source or "", f"{where}: source_errors[{i}]")
        for i, e in enumerate(obj.get("source_errors") or [])
    ]
    negatives = [
        _span(e, target, f"{where}: negatives[{i}]", default_category="negative")
        for i, e in enumerate(obj.get("negatives") or [])
    ]
    meta = {"id": str(obj.get("id", where))}
    meta["origin"] = str(obj.get("origin") or obj.get("doc") or meta["id"])
    for key in ("split", "dataset", "system"):
        if obj.get(key) is not None:
            meta[key] = str(obj[key])
    meta["lang"] = str(lang)
    clean = not spans and not src_spans
    return Row(
        id=meta["id"],
        target=target,
        lang=str(lang),
        errors=spans,
        source=source,
        source_lang=obj.get("source_lang") or ("en" if source is not None else None),
        source_errors=src_spans,
        negatives=negatives,
        meta=meta,
        clean_raters=int(clean),
    )


def _unit_key(obj: dict[str, Any]) -> str | None:
    unit = obj.get("unit_id")
    if not unit:
        return None
    system, base = obj.get("system"), obj.get("base_system")
    if system and base and system != base:
        unit = str(unit).replace(f"/{system}/", f"/{base}/")
    return str(unit)


def read_rows(path: Path, default_lang: str | None = None) -> tuple[list[Row], list[str]]:
    """The rows of a JSONL file, units merged; and one message per unusable line."""
    rows: dict[str, Row] = {}
    problems: list[str] = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvalDataError(f"{path}: cannot read: {exc.strerror}") from None
    with handle:
        try:
            lines = list(handle)
        except UnicodeDecodeError as exc:
            raise EvalDataError(f"{path}: not UTF-8 ({exc.reason})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            obj = json.loads(line)
            row = _row(obj, where, default_lang)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not JSON ({exc.msg})")
            continue
        except EvalDataError as exc:
            problems.append(str(exc))
            continue
        key = _unit_key(obj) or f"{row.id}#{n}"
        seen = rows.get(key)
        if seen is None:
            rows[key] = row
        elif seen.target == row.target:
            seen.errors.extend(row.errors)
            seen.source_errors.extend(row.source_errors)
            seen.raters += 1
            seen.clean_raters += row.clean_raters
    return list(rows.values()), problems


# -- scoring -----------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts for one group of rows; figures are derived in ``to_dict``."""

    rows: int = 0
    words: int = 0
    clean_rows: int = 0
    clean_words: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    on_any_span: Counter[str] = field(default_factory=Counter)
    on_clean: Counter[str] = field(default_factory=Counter)
    on_negative: Counter[str] = field(default_factory=Counter)
    negatives: int = 0
    negatives_hit: int = 0
    spans: Counter[str] = field(default_factory=Counter)
    spans_found: Counter[str] = field(default_factory=Counter)
    kind_spans: Counter[tuple[str, str]] = field(default_factory=Counter)
    kind_found: Counter[tuple[str, str]] = field(default_factory=Counter)
    seg_true: Counter[str] = field(default_factory=Counter)
    seg_pred: Counter[str] = field(default_factory=Counter)
    seg_hit: Counter[str] = field(default_factory=Counter)
    any_true: int = 0
    any_pred: int = 0
    any_hit: int = 0
    rules: tuple[str, ...] = ()

    def add(self, row: Row, words: int, findings: list[Finding], rules: Iterable[str]) -> None:
        self.rules = tuple(rules)
        self.rows += 1
        self.words += words
        if row.error_free:
            self.clean_rows += 1
            self.clean_words += words
        for f in findings:
            self.findings[f.rule] += 1
            if any(overlaps(f.start, f.end, s) for s in row.errors):
                self.on_any_span[f.rule] += 1
            if any(overlaps(f.start, f.end, s) and answers(f.rule, s.category) for s in row.errors):
                self.correct[f.rule] += 1
            if row.error_free:
                self.on_clean[f.rule] += 1
            if any(overlaps(f.start, f.end, s) for s in row.negatives):
                self.on_negative[f.rule] += 1
        self.negatives += len(row.negatives)
        self.negatives_hit += sum(
            any(overlaps(f.start, f.end, s) for f in findings) for s in row.negatives
        )
        for s in row.errors:
            hit = any(overlaps(f.start, f.end, s) and answers(f.rule, s.category) for f in findings)
            self.spans[s.category] += 1
            self.spans_found[s.category] += hit
            if s.kind:
                self.kind_spans[(s.category, s.kind)] += 1
                self.kind_found[(s.category, s.kind)] += hit
        fired = {f.rule for f in findings}
        labelled = row.categories
        for category in labelled | {c for r in self.rules for c in category_map().get(r, ())}:
            truth = category in labelled
            pred = any(answers(r, category) for r in fired)
            self.seg_true[category] += truth
            self.seg_pred[category] += pred
            self.seg_hit[category] += truth and pred
        truth_any, pred_any = bool(labelled), bool(findings)
        self.any_true += truth_any
        self.any_pred += pred_any
        self.any_hit += truth_any and pred_any

    def to_dict(self) -> dict[str, Any]:
        per_rule = {}
        for rule in sorted(set(self.findings) | set(self.on_clean)):
            n = self.findings[rule]
            per_rule[rule] = {
                "findings": n,
                "correct": self.correct[rule],
                "precision": _ratio(self.correct[rule], n),
                "on_any_span": self.on_any_span[rule],
                "on_error_free_rows": self.on_clean[rule],
                "per_1000_words_error_free": _per_k(self.on_clean[rule], self.clean_words),
                "on_negatives": self.on_negative[rule],
            }
        per_category = {}
        for cat in sorted(set(self.spans) | {c for c, v in self.seg_true.items() if v}):
            kinds = {
                kind: {
                    "spans": self.kind_spans[(c, kind)],
                    "found": self.kind_found[(c, kind)],
                    "recall": _ratio(self.kind_found[(c, kind)], self.kind_spans[(c, kind)]),
                }
                for c, kind in sorted(self.kind_spans)
                if c == cat
            }
            per_category[cat] = {
                "answered": any(answers(r, cat) for r in self.rules),
                "spans": self.spans[cat],
                "found": self.spans_found[cat],
                "recall": _ratio(self.spans_found[cat], self.spans[cat]),
                "segments": self.seg_true[cat],
                "segment_precision": _ratio(self.seg_hit[cat], self.seg_pred[cat]),
                "segment_recall": _ratio(self.seg_hit[cat], self.seg_true[cat]),
                **({"kinds": kinds} if kinds else {}),
            }
        total = sum(self.findings.values())
        clean = sum(self.on_clean.values())
        return {
            "rows": self.rows,
            "words": self.words,
            "error_free_rows": self.clean_rows,
            "error_free_words": self.clean_words,
            "findings": total,
            "precision": _ratio(sum(self.correct.values()), total),
            "findings_on_error_free_rows": clean,
            "per_1000_words_error_free": _per_k(clean, self.clean_words),
            "negatives": self.negatives,
            "negatives_hit": self.negatives_hit,
            "segment_precision": _ratio(self.any_hit, self.any_pred),
            "segment_recall": _ratio(self.any_hit, self.any_true),
            "rules": per_rule,
            "categories": per_category,
        }


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def _per_k(n: int, words: int) -> float | None:
    return round(1000 * n / words, 3) if words else None


def row_document(row: Row) -> Document:
    source = None
    if row.source is not None:
        source = Document(f"{row.id}#source", row.source, row.source_lang or "en")
    return Document(row.id, row.target, row.lang, lang_origin="given", source=source)


def scan_rows(
    rows: list[Row], checks: list[CheckSpec], config: Config
) -> Iterator[tuple[Row, int, list[Finding], list[str]]]:
    """Each row with its word count, findings and check errors (one resource set). Every
    rule's findings count on their own: eval measures detectors, so one defect's findings
    are not merged here as a scan merges them."""
    config = dataclasses.replace(config, merge_defects=False)
    resources = Resources(config)
    notices: dict[str, str] = {}
    for row in rows:
        result = check_document(row_document(row), checks, config, resources, notices)
        yield row, result.words, result.findings, [e.message for e in result.errors]


def evaluate(
    rows: list[Row],
    checks: list[CheckSpec],
    config: Config,
    by: Iterable[str] = (),
) -> dict[str, Any]:
    """Scan every row and return the figures, overall and per ``by`` group."""
    by = [b for b in by if b]
    for b in by:
        if b not in GROUP_FIELDS:
            raise EvalDataError(f"cannot group by {b!r} (choose from {', '.join(GROUP_FIELDS)})")
    rules = [c.code for c in checks]
    groups: dict[str, Tally] = defaultdict(Tally)
    check_errors: list[str] = []
    for row, words, findings, errors in scan_rows(rows, checks, config):
        check_errors.extend(f"{row.id}: {e}" for e in errors)
        groups["all"].add(row, words, findings, rules)
        for b in by:
            groups[f"{b}={row.meta.get(b, '-')}"].add(row, words, findings, rules)
    ordered = ["all", *sorted(k for k in groups if k != "all")]
    return {
        "rules_run": rules,
        "groups": {k: groups[k].to_dict() for k in ordered if k in groups},
        "check_errors": check_errors,
    }
