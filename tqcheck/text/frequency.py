"""Word frequencies (wordfreq's Zipf scale) for every check that asks "is this a common word?".

One cached lookup: the language tag is reduced to its primary subtag ("de-AT" -> "de"),
and a language wordfreq has no list for ("und", an undetermined document) answers 0.0,
"unknown", instead of raising inside a check.
"""

from __future__ import annotations

import enum
from functools import lru_cache

_NO_TOKENIZER: set[str] = set()  # languages whose wordfreq tokenizer is not installed


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """The word's frequency in the language, as written (callers lower-case if they
    want to); 0.0 for a word or language wordfreq does not know, and for Chinese or
    Japanese when wordfreq's optional tokenizer (jieba, MeCab) is not installed."""
    from wordfreq import zipf_frequency

    primary = lang.split("-")[0].lower()
    if primary in _NO_TOKENIZER:
        return 0.0
    try:
        return float(zipf_frequency(word, primary))
    except (LookupError, ValueError):
        return 0.0
    except ImportError:  # wordfreq's zh/ja tokenizers are optional extras
        _NO_TOKENIZER.add(primary)
        return 0.0


# A word leans foreign when it is a common word there (Zipf >= FOREIGN_MIN) and STRONG
# (or WEAK) Zipf points more frequent there than in the target language; it leans local
# when it is LOCAL_MARGIN points more frequent in the target language.
FOREIGN_MIN = 3.0
STRONG = 1.5
WEAK = 0.8
LOCAL_MARGIN = 0.5


class Lean(enum.Enum):
    """Which way a word leans between a target language and other languages."""

    LOCAL = "local"
    NEUTRAL = "neutral"
    WEAK = "weak"
    STRONG = "strong"


@lru_cache(maxsize=100_000)
def lean(word: str, lang: str, foreign: tuple[str, ...]) -> Lean:
    """How a lower-cased word leans between the target language and the foreign ones."""
    local = zipf(word, lang)
    best = max((zipf(word, f) for f in foreign), default=0.0)
    if local - best >= LOCAL_MARGIN and local > 0:
        return Lean.LOCAL
    if best >= FOREIGN_MIN:
        if best - local >= STRONG:
            return Lean.STRONG
        if best - local >= WEAK:
            return Lean.WEAK
    return Lean.NEUTRAL
