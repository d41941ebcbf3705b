"""The loaded glossary of a run: merged term bases, cached automata, cached matches.

Loading goes through ``tqcheck.resources_loader`` (the ``glossary`` provider in
``tqcheck.checks.glossary``). The shipped NATO term base is always loaded first
(unless ``shipped_glossary = false``), then each ``--glossary`` / ``glossaries``
file; later files override earlier concepts by id. A loaded glossary is cached
per process by the files' paths, sizes and mtimes, so the automata are built
once however many runs or documents use them.
"""

from __future__ import annotations

import gc
import weakref
from collections import OrderedDict
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from tqcheck.glossary import load_termbases
from tqcheck.glossary.model import GlossaryError, TermBase

if TYPE_CHECKING:
    from tqcheck.config import Config
    from tqcheck.glossary.matcher import Match, Matcher
    from tqcheck.model import Document

T = TypeVar("T")
SHIPPED = ("nato.tbx",)  # what the glossary checks load; names.tbx feeds the name checks
ALL_SHIPPED = ("nato.tbx", "names.tbx")  # what the maintainers' commands look at
_CACHE: OrderedDict[tuple[object, ...], Glossary] = OrderedDict()
_CACHE_SIZE = 4


class Glossary:
    """What glossary checks see: the merged term base plus matching, cached."""

    def __init__(self, base: TermBase) -> None:
        self.base = base
        self.fingerprint = base.fingerprint
        self._matchers: dict[str, Matcher] = {}
        self._memo: dict[str, object] = {}
        self._found: weakref.WeakKeyDictionary[Document, list[Match]] = weakref.WeakKeyDictionary()

    def memo(self, key: str, factory: Callable[[], T]) -> T:
        """Something derived from the term base (an index), computed once per glossary."""
        if key not in self._memo:
            self._memo[key] = factory()
        return cast(T, self._memo[key])

    @property
    def paths(self) -> tuple[str, ...]:
        return self.base.paths

    def matcher(self, lang: str) -> Matcher:
        key = lang.lower()
        if key not in self._matchers:
            from tqcheck.glossary.matcher import Matcher

            self._matchers[key] = Matcher(self.base, key)
        return self._matchers[key]

    def find(self, doc: Document) -> list[Match]:
        """Every term of ``doc.lang`` in ``doc.text``, computed once per document."""
        if doc not in self._found:
            self._found[doc] = self.find_text(doc.text, doc.lang)
        return self._found[doc]

    def find_text(self, text: str, lang: str) -> list[Match]:
        return self.matcher(lang).find(text)


def shipped_paths(names: tuple[str, ...] = SHIPPED) -> list[Path]:
    """The shipped term bases: the checkout's ``glossaries/`` folder, else the copy a
    wheel carries inside the package (``tqcheck/glossaries``, via hatch force-include)."""
    out = []
    for name in names:
        candidates = [
            Path(__file__).resolve().parents[2] / "glossaries" / name,
            Path(str(resources.files("tqcheck") / "glossaries" / name)),
        ]
        found = next((p for p in candidates if p.is_file()), None)
        if found is not None:
            out.append(found)
    return out


def glossary_paths(config: Config) -> list[Path]:
    shipped = shipped_paths() if config.shipped_glossary else []
    return [*shipped, *(Path(p) for p in config.glossaries)]


def load_glossary(paths: list[Path]) -> Glossary:
    """The merged glossary of ``paths``, from the process cache when the files are unchanged."""
    return load_cached(paths, Glossary)


G = TypeVar("G", bound=Glossary)


def load_cached(paths: list[Path], kind: type[G], what: str = "glossary") -> G:
    """``kind`` (a Glossary or a subclass such as the names data) built on the merged
    term bases of ``paths``; cached per process by kind and the files' paths, sizes and
    mtimes, so indexes and automata are built once however many runs use them."""
    key = (kind.__qualname__, *(_stat(p, what) for p in paths))
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return cast(G, _CACHE[key])
    glossary = kind(load_termbases(list(paths)))
    # A big term base is hundreds of thousands of long-lived objects; without this the
    # cyclic GC re-walks them on every collection and scans slow down with glossary size.
    gc.freeze()
    _CACHE[key] = glossary
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return glossary


def _stat(path: Path, what: str = "glossary") -> tuple[str, int, int]:
    try:
        st = path.stat()
    except OSError:
        raise GlossaryError(str(path), f"no such {what} file") from None
    return str(path.resolve()), st.st_mtime_ns, st.st_size


def provide(config: Config) -> tuple[Glossary | None, str]:
    paths = glossary_paths(config)
    if not paths:
        return None, "no glossary loaded (the shipped one is off or missing; use --glossary)"
    try:
        glossary = load_glossary(paths)
    except GlossaryError as exc:
        return None, str(exc)
    if not len(glossary.base):
        return None, "the loaded glossaries hold no concepts"
    return glossary, ""


def validate_config(config: Config) -> None:
    """Fail early (exit 2) on a glossary file that cannot be read or a profile that no
    loaded glossary defines; a typo must not quietly switch the glossary checks off."""
    if not config.glossaries and not config.glossary_profile:
        return
    glossary = load_glossary(glossary_paths(config))
    profile = config.glossary_profile
    if profile and profile not in glossary.base.profiles():
        known = ", ".join(glossary.base.profiles()) or "none"
        raise GlossaryError("", f"unknown glossary_profile {profile!r} (defined: {known})")
