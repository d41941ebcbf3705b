"""Shared, lazily loaded resources for one run: language packs, glossaries, models.

Families register a *provider* per need ("glossary", "names", "model"); the
engine asks ``available(need)`` before running a check that needs it, so a
missing model costs one notice, not a crash.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tqcheck.text.langpack import LangPack, load_pack

if TYPE_CHECKING:
    from tqcheck.config import Config

# need -> function(resources) -> (resource or None, reason when None)
Provider = Callable[["Resources"], tuple[Any, str]]
PROVIDERS: dict[str, Provider] = {}


def provider(need: str) -> Callable[[Provider], Provider]:
    def register(func: Provider) -> Provider:
        PROVIDERS[need] = func
        return func

    return register


BATCH_LINE_WORDS = 30  # longer lines are prose, never boilerplate of a batch


def line_key(line: str) -> str:
    """The key under which a line is compared across the documents of a batch."""
    return " ".join(line.lower().split())


def batch_keys(text: str) -> set[str]:
    """The keys of a text's short lines (what a batch counts per document)."""
    return {
        line_key(line)
        for line in text.splitlines()
        if line.strip() and len(line.split()) <= BATCH_LINE_WORDS
    }


class Resources:
    def __init__(self, config: Config) -> None:
        self.config = config
        self._loaded: dict[str, tuple[Any, str]] = {}
        self._prepared: set[str] = set()
        self._batch: frozenset[str] = frozenset()
        self._held: dict[str, frozenset[str]] = {}

    def set_batch(
        self, line_documents: Counter[str], held: dict[str, frozenset[str]] | None = None
    ) -> None:
        """Lines counted once per document of the scan; those in two or more documents
        are the batch's boilerplate (the idea behind jusText and trafilatura). ``held``:
        each document's short lines, by its path (of which the recurring ones are kept)."""
        self._batch = frozenset(k for k, n in line_documents.items() if n >= 2)
        self._held = {
            path: common for path, keys in (held or {}).items() if (common := keys & self._batch)
        }

    def batch_lines_in(self, path: str) -> frozenset[str]:
        """The batch's recurring lines that the document at ``path`` holds."""
        return self._held.get(path, frozenset())

    def set_batch_keys(self, keys: frozenset[str]) -> None:
        """The batch's recurring lines as computed elsewhere (a worker gets its parent's)."""
        self._batch = frozenset(keys)

    def batch_lines(self) -> frozenset[str]:
        """Keys of the short lines that recur in several documents of this scan."""
        return self._batch

    def langpack(self, lang: str) -> LangPack:
        return load_pack(lang)

    def get(self, need: str) -> Any:
        """The resource for a need, or None; loaded once per run."""
        return self._load(need)[0]

    def available(self, need: str) -> tuple[bool, str]:
        """Whether a need can be met, and why not. A resource with a ``prepare()`` method
        (a model that loads lazily) is prepared here, once, so a failing load is one
        reason for the engine's notice instead of an error in every check that uses it."""
        value, reason = self._load(need)
        if value is not None and need not in self._prepared:
            self._prepared.add(need)
            prepare = getattr(value, "prepare", None)
            if callable(prepare):
                try:
                    prepare()
                except Exception as exc:
                    reason = f"{getattr(value, 'name', need)} failed to load: {exc}"
                    value = None
                    self._loaded[need] = (None, reason)
        return value is not None, reason

    def _load(self, need: str) -> tuple[Any, str]:
        if need not in self._loaded:
            make = PROVIDERS.get(need)  # the check families register their providers
            self._loaded[need] = make(self) if make else (None, f"no provider for {need!r}")
        return self._loaded[need]

    def fingerprints(self) -> dict[str, str]:
        """Short identities of what was loaded (glossary hashes, model id) for signatures."""
        out = {}
        for need, (value, _reason) in self._loaded.items():
            ident = getattr(value, "fingerprint", None)
            if ident:
                out[need] = str(ident)
        return out
