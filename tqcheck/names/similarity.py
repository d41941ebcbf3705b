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


def nearest(word: str, vocab: list[str], cutoff: float = NEAR, limit: int = 25) -> list[str]:
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


_SKELETON = str.maketrans({"z": "s", "c": "k", "q": "k", "v": "f", "w": "f", "y": "i"})
_SILENT = frozenset("aeiouhj")
_SOFT_C = re.compile(r"c(?=[eiy])")


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """The consonants of a word as heard, doubles merged: "Scholz" and "Schales" -> "skls",
    "Kahl" and "Kall" -> "kl", but "Merck" "mrk" and "Mercer" "mrkr". A near miss with
    several edits must keep the skeleton to count as the same name."""
    # a soft "c" is an "s": "Cylons" / "Zylonen", "Cecilia" / "Cäzilia"
    w = _SOFT_C.sub("s", fold(word).replace("ph", "f").replace("ks", "x")).translate(_SKELETON)
    out = w[:1]
    for ch in w[1:]:
        if ch not in _SILENT and ch != out[-1:]:
            out += ch
    return out


def sounds_alike(a: str, b: str) -> bool:
    """Same consonant skeleton, or one letter doubled, dropped or swapped: the
    corruptions of a name. A changed consonant ("Orman" / "Orbán") is another name."""
    if skeleton(a) == skeleton(b):
        return True
    from rapidfuzz.distance import Levenshtein

    fa, fb = fold(a), fold(b)
    substitution = len(fa) == len(fb) and Levenshtein.distance(fa, fb) == 1
    return edits(a, b) == 1 and not substitution


def close(a: str, b: str) -> bool:
    """Spellings close enough to be one name: one edit, or the same consonant skeleton,
    or two edits on a very similar word; always the same first letter."""
    if not same_initial(a, b) or abs(len(a) - len(b)) > 3:
        return False
    jw = jaro_winkler(a, b)
    if jw < 0.80:
        return False
    dist = edits(a, b)
    return dist <= 1 or skeleton(a) == skeleton(b) or (dist == 2 and jw >= 0.93)
