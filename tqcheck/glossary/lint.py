"""Checks on the glossary data itself: the CI gate of a term base under review.

Errors make ``tqcheck glossary lint`` exit 1; warnings only with ``--strict``.
Every problem names its concept so a reviewer can find it in the file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from tqcheck.glossary.model import Status, TermBase
from tqcheck.text.langcodes import is_valid

ERROR, WARNING = "error", "warning"
_BAD_SPACE_RE = re.compile(r"\s{2,}|[\t\n\r\u00a0]")

# code -> (level, what it means); `tqcheck glossary lint --help` lists them.
RULES = {
    "empty-term": (ERROR, "a term with no text"),
    "stray-whitespace": (ERROR, "leading, trailing, doubled or non-space white space in a term"),
    "invalid-language": (ERROR, "a langSet whose xml:lang is not a BCP-47 tag"),
    "duplicate-term": (ERROR, "the same term twice for one language (in one or two concepts)"),
    "preferred-and-deprecated": (ERROR, "a term both approved and deprecated in one concept"),
    "approved-elsewhere": (WARNING, "a term deprecated in one concept and approved in another"),
    "missing-source": (ERROR, "a concept without a source note"),
    "duplicate-id": (ERROR, "two concepts with the same id in one file"),
    "missing-language": (WARNING, "a concept with no term in one of the term base's languages"),
    "no-approved-term": (WARNING, "a language with only deprecated terms"),
    "deprecated-without-note": (WARNING, "a deprecated term without a note saying why"),
    "unknown-profile-form": (WARNING, "a profile term that is not admitted or preferred"),
    "reader": (WARNING, "something the reader had to guess (unknown status, missing id)"),
}


@dataclass(frozen=True)
class Problem:
    level: str
    code: str
    concept: str
    message: str

    def line(self, path: str = "") -> str:
        where = f"{path}: " if path else ""
        return f"{where}{self.concept}: {self.level}[{self.code}] {self.message}"


def lint(base: TermBase) -> list[Problem]:
    out: list[Problem] = []

    def add(code: str, concept: str, message: str) -> None:
        out.append(Problem(RULES[code][0], code, concept, message))

    for warning in base.warnings:
        add("reader", "-", warning)
    langs = base.languages()
    seen_ids: set[str] = set()
    # (lang, text) -> [(concept id, status)]
    uses: dict[tuple[str, str], list[tuple[str, Status]]] = defaultdict(list)
    for concept in base.concepts:
        cid = concept.id
        if cid in seen_ids:
            add("duplicate-id", cid, f"concept id {cid!r} is used more than once")
        seen_ids.add(cid)
        if not (concept.source or "").strip():
            add("missing-source", cid, 'no source note (<admin type="source">)')
        present = {t.lang for t in concept.terms}
        for lang in langs:
            if lang not in present:
                add("missing-language", cid, f"no {lang} term")
        for lang in sorted(present, key=langs.index):
            if not is_valid(lang):
                add("invalid-language", cid, f"{lang!r} is not a valid language tag")
            terms = [t for t in concept.terms if t.lang == lang]
            if terms and not any(t.approved for t in terms):
                add("no-approved-term", cid, f"{lang}: only deprecated or superseded terms")
        for term in concept.terms:
            if not term.text.strip():
                add("empty-term", cid, f"{term.lang}: empty term")
                continue
            if term.text != term.text.strip() or _BAD_SPACE_RE.search(term.text):
                add("stray-whitespace", cid, f"{term.lang}: {term.text!r}")
            if term.status is Status.DEPRECATED and not (term.note or "").strip():
                add("deprecated-without-note", cid, f"{term.lang}: {term.text!r} has no note")
            if term.profile and not term.approved:
                add(
                    "unknown-profile-form",
                    cid,
                    f"{term.lang}: {term.text!r} "
                    f"has profile {term.profile!r} but status {term.status.value}",
                )
            uses[(term.lang, " ".join(term.text.split()))].append((cid, term.status))
    for (lang, text), owners in uses.items():
        ids = list(dict.fromkeys(cid for cid, _ in owners))
        listing = ", ".join(f"{c}: {s.value}" for c, s in owners)
        if len({s.approved for _, s in owners}) == 2:
            code = "preferred-and-deprecated" if len(ids) == 1 else "approved-elsewhere"
            add(code, ids[0], f"{lang}: {text!r} is both approved and deprecated ({listing})")
        elif len(owners) > 1 and any(s.approved for _, s in owners):
            where = "twice in this concept" if len(ids) == 1 else f"also in {', '.join(ids[1:])}"
            add("duplicate-term", ids[0], f"{lang}: {text!r} {where}")
    return out


def has_errors(problems: list[Problem], strict: bool = False) -> bool:
    return any(p.level == ERROR or strict for p in problems)
