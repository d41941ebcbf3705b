"""Baselines: gate only the findings a legacy corpus did not already have.

``tqcheck scan … --write-baseline FILE`` records every finding of a run;
``--baseline FILE`` then hides the findings it records and gates on the rest.

A finding is recorded by a fingerprint of its rule, its text and the text around it
(the sentence window of the report's excerpt, white space collapsed), never by line or
offset: a paragraph inserted above a finding leaves it matched, and an edit of the
sentence itself makes it new. Matching is a multiset (a finding recorded twice hides two
findings), first within the same path, then, for a file that was moved or renamed,
against entries whose path is not among the files scanned now. Recorded findings that
are no longer found are counted ("fixed since the baseline").
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tqcheck.config import PROFILES, Config
from tqcheck.engine import RunResult
from tqcheck.model import DocumentResult
from tqcheck.scoring import passes, score

FORMAT = "tqcheck-baseline"
VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read."""


class Recorder:
    """Records the findings of results as they stream past (their fingerprints only)."""

    def __init__(self) -> None:
        self.entries: list[dict[str, object]] = []

    def watch(self, results: Iterable[DocumentResult]) -> Iterator[DocumentResult]:
        for d in results:
            self.entries.extend(
                {
                    "path": d.path,
                    "rule": f.rule,
                    "fingerprint": d.fingerprint(i, with_path=False)[:20],
                    "text": f.text[:200],
                    "line": f.line,
                }
                for i, f in enumerate(d.findings)
            )
            yield d

    def write(self, out: TextIO) -> None:
        out.write(self.dumps())

    def dumps(self) -> str:
        """The baseline file's text: entries sorted, so the file diffs well in review."""
        entries = sorted(
            self.entries, key=lambda e: (str(e["path"]), e["line"], e["rule"], e["fingerprint"])
        )
        data = {"format": FORMAT, "version": VERSION, "findings": entries}
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@dataclass
class Baseline:
    """The recorded findings, consumed as the run's findings match them."""

    by_path: dict[str, Counter[str]]
    matched: int = 0
    new: int = 0
    moved: int = 0
    scanned: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise BaselineError(f"cannot read baseline {path}: {exc.strerror}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"baseline {path} is not JSON: {exc}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BaselineError(
                f"{path} is not a tqcheck baseline (write one with --write-baseline)"
            )
        if data.get("version") != VERSION:
            raise BaselineError(
                f"baseline {path}: version {data.get('version')!r} is not {VERSION}"
            )
        by_path: dict[str, Counter[str]] = defaultdict(Counter)
        for k, entry in enumerate(data.get("findings", [])):
            try:
                by_path[str(entry["path"])][str(entry["fingerprint"])] += 1
            except (KeyError, TypeError):
                raise BaselineError(
                    f"baseline {path}: entry {k + 1} lacks path or fingerprint"
                ) from None
        return cls(dict(by_path))

    def filter(
        self, results: Iterable[DocumentResult], scanned: Iterable[str], config: Config
    ) -> Iterator[DocumentResult]:
        """Each result without its recorded findings, score and gate computed again."""
        self.scanned = {str(p) for p in scanned}
        for d in results:
            yield self._apply(d, config)

    def _apply(self, d: DocumentResult, config: Config) -> DocumentResult:
        if not d.findings:
            return d
        own = self.by_path.get(d.path, Counter())
        keep: list[int] = []
        prints = [d.fingerprint(i, with_path=False)[:20] for i in range(len(d.findings))]
        for i, fp in enumerate(prints):
            if own[fp] > 0:
                own[fp] -= 1
                self.matched += 1
            else:
                keep.append(i)
        still: list[int] = []
        for i in keep:  # a moved or renamed file: entries of paths not scanned now
            donor = next(
                (p for p, c in self.by_path.items() if c[prints[i]] > 0 and p not in self.scanned),
                None,
            )
            if donor is None:
                still.append(i)
                continue
            self.by_path[donor][prints[i]] -= 1
            self.matched += 1
            self.moved += 1
        self.new += len(still)
        if len(still) == len(d.findings):
            return d
        findings = [d.findings[i] for i in still]
        excerpts = [d.excerpts[i] for i in still if i < len(d.excerpts)]
        floor = PROFILES[d.profile].score_floor_words if d.profile in PROFILES else 0
        doc_score = score(findings, max(d.words, floor), config.weights())
        return dataclasses.replace(
            d,
            findings=findings,
            excerpts=excerpts,
            score=doc_score,
            passed=not d.errors
            and passes(findings, doc_score, config.threshold, config.fail_on_severity()),
        )

    @property
    def fixed(self) -> int:
        """Recorded findings no finding of this run matched (for the scanned paths and
        the paths that no longer exist among them)."""
        return sum(
            n
            for p, counts in self.by_path.items()
            if p in self.scanned or not Path(p).exists()
            for n in counts.values()
            if n > 0
        )

    def notice(self) -> str:
        moved = f" ({self.moved} in moved or renamed files)" if self.moved else ""
        return (
            f"baseline: {self.matched} known findings hidden{moved}, {self.new} new; "
            f"{self.fixed} recorded findings no longer found"
        )

    def note(self, run: RunResult) -> None:
        """Add the baseline's counts to the run's notices (they reach every report)."""
        text = self.notice()
        run.notices.append(text)
        run.totals.notices[text] = None
