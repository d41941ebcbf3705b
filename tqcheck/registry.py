"""The rule registry: every check declares itself once, with code, name and docs.

Registration is explicit (``@check`` on a function in a module that
``tqcheck.checks`` imports by name), never discovery by reflection.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tqcheck.model import Category, Document, Finding, Severity
from tqcheck.readers.errors import IO_ERRORS

if TYPE_CHECKING:
    from tqcheck.context import Context

CheckFunc = Callable[[Document, "Context"], Iterable[Finding]]

# "batch": the check reads statistics over every document of the scan (lines that recur
# across documents); always met, empty for a single document.
# "findings": the check runs after all others, on what they found (unused suppressions).
NEEDS = frozenset({"source", "glossary", "names", "model", "batch", "findings"})
_CODE_RE = re.compile(r"^(FL|NM|GL|AC|IO)\d{3}$")
_NAME_RE = re.compile(r"^[a-z]+(?:-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it finds", "Why it matters", "Example")


@dataclass(frozen=True)
class CheckSpec:
    """A check's identity and requirements; the engine reads nothing else."""

    code: str
    name: str
    category: Category
    severity: Severity
    func: CheckFunc
    languages: frozenset[str] | None = None  # None: every language
    needs: frozenset[str] = frozenset()
    preview: bool = False
    # matches words as the reader sees them: run on the text without invisible characters
    # ("Scho\u200blz"), findings placed back in the original
    visible: bool = False

    @property
    def doc(self) -> str:
        return _dedent_doc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    def supports(self, lang: str) -> bool:
        return self.languages is None or lang in self.languages


class RegistryError(ValueError):
    pass


_REGISTRY: dict[str, CheckSpec] = {}


def check(
    *,
    code: str,
    name: str,
    category: Category,
    severity: Severity,
    languages: Iterable[str] | None = None,
    needs: Iterable[str] = (),
    preview: bool = False,
    visible: bool = False,
) -> Callable[[CheckFunc], CheckFunc]:
    """Register a check function under a code; rejects malformed or clashing metadata."""

    def register(func: CheckFunc) -> CheckFunc:
        if not _CODE_RE.match(code):
            raise RegistryError(f"{code}: codes are a family prefix and three digits")
        if code[:2] != category.prefix:
            raise RegistryError(f"{code}: prefix does not match category {category.value}")
        if not _NAME_RE.match(name):
            raise RegistryError(f"{code}: name {name!r} is not kebab-case")
        unknown = set(needs) - NEEDS
        if unknown:
            raise RegistryError(f"{code}: unknown needs {sorted(unknown)}")
        for other in _REGISTRY.values():
            if other.code == code and other.func is not func:
                raise RegistryError(f"duplicate check code {code}")
            if other.name == name and other.code != code:
                raise RegistryError(f"duplicate check name {name}")
        _REGISTRY[code] = CheckSpec(
            code=code,
            name=name,
            category=category,
            severity=severity,
            func=func,
            languages=frozenset(languages) if languages is not None else None,
            needs=frozenset(needs),
            preview=preview,
            visible=visible,
        )
        return func

    return register


def all_checks() -> list[CheckSpec]:
    """Every registered check, sorted by code.

    The registry sits below the checks: ``tqcheck.checks`` (imported by ``tqcheck.config``
    and everything above it) holds the explicit registration list.
    """
    if not _REGISTRY:
        raise RegistryError("no checks registered: import tqcheck.checks first")
    return sorted(_REGISTRY.values(), key=lambda s: s.code)


def get(code_or_name: str) -> CheckSpec | None:
    key = code_or_name.strip()
    for spec in all_checks():
        if spec.code == key.upper() or spec.name == key.lower():
            return spec
    return None


def matches(spec: CheckSpec, selector: str) -> bool:
    """A selector is a code, a code prefix, a check name, or a category name."""
    sel = selector.strip()
    if sel.lower() == spec.name or sel.lower() == spec.category.value:
        return True
    if sel.lower() == "all":
        return True
    return bool(re.fullmatch(r"[A-Za-z]{2}\d{0,3}", sel)) and spec.code.startswith(sel.upper())


def input_code_matches(code: str, selector: str) -> bool:
    """An input problem's code (IO001-IO007) against a selector: the code, a prefix of it,
    its name or "input"."""
    sel = selector.strip()
    name = IO_ERRORS.get(code, ("", ""))[0]
    if sel.lower() in (name, "input", "all"):
        return True
    return bool(re.fullmatch(r"[A-Za-z]{2}\d{0,3}", sel)) and code.startswith(sel.upper())


def did_you_mean(value: str, choices: Iterable[str], n: int = 1) -> str:
    """ "; did you mean 'x'?" (or "'x' or 'y'") for the closest choices, "" when none is
    close: the one suggestion every option and selector error uses."""
    near = difflib.get_close_matches(str(value), [str(c) for c in choices], n=n)
    return f"; did you mean {' or '.join(repr(c) for c in near)}?" if near else ""


def validate_selectors(selectors: Iterable[str], checks: list[CheckSpec]) -> None:
    for sel in selectors:
        if any(input_code_matches(code, sel) for code in IO_ERRORS):
            continue
        if not any(matches(spec, sel) for spec in checks):
            known = [c.code for c in checks] + [c.name for c in checks] + list(IO_ERRORS)
            probe = sel.upper() if sel[:2].isalpha() and sel[2:].isdigit() else sel.lower()
            hint = did_you_mean(probe, known, n=2)
            raise RegistryError(f"unknown rule selector {sel!r}{hint} (see `tqcheck rules`)")


def select(
    checks: list[CheckSpec],
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    preview: bool = False,
) -> list[CheckSpec]:
    """Apply select/ignore; preview checks run only when asked for by name or --preview."""
    select, ignore = list(select), list(ignore)
    validate_selectors(select + ignore, checks)
    chosen: list[CheckSpec] = []
    for spec in checks:
        explicitly = any(matches(spec, s) and s.upper() == spec.code for s in select)
        if select and not any(matches(spec, s) for s in select):
            continue
        if spec.preview and not (preview or explicitly):
            continue
        if any(matches(spec, s) for s in ignore):
            continue
        chosen.append(spec)
    return chosen


def iter_docs() -> Iterator[tuple[CheckSpec, dict[str, str]]]:
    for spec in all_checks():
        yield spec, doc_sections(spec.doc)


def doc_sections(doc: str) -> dict[str, str]:
    """Split a check docstring into its summary and ``Section:`` blocks."""
    sections: dict[str, str] = {}
    current = "summary"
    lines: list[str] = []
    for line in doc.splitlines():
        head = line.rstrip().rstrip(":")
        if line.rstrip().endswith(":") and head in DOC_SECTIONS:
            sections[current] = "\n".join(lines).strip()
            current, lines = head, []
        else:
            lines.append(line)
    sections[current] = "\n".join(lines).strip()
    return sections


def _dedent_doc(doc: str) -> str:
    import inspect

    return inspect.cleandoc(doc)
