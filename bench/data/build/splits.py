"""The split of a development set by origin: decided by the origin's name alone.

Per language (and per kind of origin: ``site:``, ``own:``, ``doc:`` …), origins are
sorted by the SHA-1 of their name and alternate tune / heldout, so each half holds about
half of every language's origins of every kind, and no origin is in both halves.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable


def sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def assign(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(lang, origin) pairs -> "tune" or "heldout"."""
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for lang, origin in pairs:
        groups[(lang, origin.split(":", 1)[0])].add(origin)
    split: dict[tuple[str, str], str] = {}
    for (lang, _kind), origins in groups.items():
        for i, origin in enumerate(sorted(origins, key=sha)):
            split[(lang, origin)] = "tune" if i % 2 == 0 else "heldout"
    return split
