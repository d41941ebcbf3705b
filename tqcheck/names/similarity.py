"""How close a written word is to a known name, and in what way it differs.

Closeness is rapidfuzz's Jaro-Winkler similarity and OSA edit distance (a swap
of two letters counts once) on folded words. The *way* it differs matters as
much: "Sibiga" is no typo of "Sybiha" but its Russian-based transliteration;
``russian_variants`` generates those spellings from the Ukrainian-based one with
the rules in ``names.toml`` (y->i, h->g, -yj->-ij, -iw->-ow, ...), so any
Ukrainian name in the data is covered, not only the listed wrong forms.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from tqcheck.names.text import fold, language_data

NEAR = 0.78  # Jaro-Winkler floor for any candidate


def jaro_winkler(a: str, b: str) -> float:
    from rapidfuzz.distance import JaroWinkler

    return float(JaroWinkler.similarity(fold(a), fold(b)))


def edits(a: str, b: str) -> int:
    """Optimal string alignment distance: insert, delete, substitute, or swap neighbours."""
    from rapidfuzz.distance import OSA

    return int(OSA.distance(fold(a), fold(b)))


def nearest(word: str, vocab: list[str], cutoff: float = NEAR, limit: int = 5) -> list[str]:
    """Folded vocabulary words at least ``cutoff`` Jaro-Winkler-similar to ``word``."""
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    hits = process.extract(
        fold(word), vocab, scorer=JaroWinkler.similarity, score_cutoff=cutoff, limit=limit
    )
    return [h[0] for h in hits]


@lru_cache(maxsize=1)
def _rule_groups() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    groups: dict[str, list[str]] = {}
    for pattern, replacement in language_data()["russian_patterns"]["rules"]:
        groups.setdefault(pattern, []).append(replacement)
    return tuple((re.compile(p), tuple(r)) for p, r in groups.items())


@lru_cache(maxsize=50_000)
def russian_variants(word: str) -> frozenset[str]:
    """Russian-based spellings of a Ukrainian-based (German or English) word, folded:
    "Sybiha" -> {"sibiga", "sybiga", "sibiha", ...}; the word itself excluded."""
    base = fold(word)
    variants = {base}
    for pattern, replacements in _rule_groups():
        grown = set(variants)
        for v, r in itertools.product(variants, replacements):
            grown.add(pattern.sub(r, v))
        variants = grown
    for name, others in language_data()["russian_first_names"].items():
        if fold(name) == base:
            variants.update(fold(o) for o in others)
    variants.discard(base)
    return frozenset(variants)


def same_initial(a: str, b: str) -> bool:
    return fold(a)[:1] == fold(b)[:1]
