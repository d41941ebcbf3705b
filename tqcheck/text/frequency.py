"""Word frequencies (wordfreq's Zipf scale) for every check that asks "is this a common word?".

One cached lookup: the language tag is reduced to its primary subtag ("de-AT" -> "de"),
and a language wordfreq has no list for ("und", an undetermined document) answers 0.0,
"unknown", instead of raising inside a check.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """The word's frequency in the language, as written (callers lower-case if they
    want to); 0.0 for a word or language wordfreq does not know."""
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, lang.split("-")[0].lower()))
    except (LookupError, ValueError):
        return 0.0
