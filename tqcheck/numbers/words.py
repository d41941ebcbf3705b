"""Numbers written as words: "twenty", "zweiundzwanzig", "quatre-vingt-dix", "two hundred".

Driven by the ``[numbers]`` data of each language pack: ``words`` and
``ordinal_words`` (value of each word), ``word_suffixes`` (endings that keep the
value: "zehnmal", "zehnten", "dixième"), ``compound_joiners`` ("und", "-"),
``multipliers`` (hundred, hundert, cent) and ``one_words`` (articles that mean 1
only before a scale: "a million").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tqcheck.numbers import Quantity

_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_CONNECTORS = frozenset({"and", "und", "et"})


@dataclass(frozen=True)
class WordNumbers:
    words: dict[str, float]
    joiners: tuple[str, ...]
    multipliers: dict[str, float]
    one_words: frozenset[str]
    scales: dict[str, float]
    suffixes: tuple[str, ...] = ()
    half_suffixes: tuple[str, ...] = ()  # "zweieinhalb" = 2.5
    half_phrases: tuple[tuple[str, ...], ...] = ()  # "three and a half", "trois et demi"

    @classmethod
    def from_data(cls, data: dict[str, Any], scales: dict[str, float]) -> WordNumbers:
        return cls(
            words={
                k.lower(): float(v)
                for table in ("words", "ordinal_words")
                for k, v in data.get(table, {}).items()
            },
            joiners=tuple(sorted(data.get("compound_joiners", ()), key=len, reverse=True)),
            multipliers={k.lower(): float(v) for k, v in data.get("multipliers", {}).items()},
            one_words=frozenset(w.lower() for w in data.get("one_words", ())),
            scales=scales,
            suffixes=tuple(
                sorted((x.lower() for x in data.get("word_suffixes", ())), key=len, reverse=True)
            ),
            half_suffixes=tuple(x.lower() for x in data.get("half_suffixes", ())),
            half_phrases=tuple(tuple(x.lower().split()) for x in data.get("half_phrases", ())),
        )

    def __post_init__(self) -> None:
        # value() tries suffixes, multipliers and joiners recursively for every word of
        # every text; a word's answer never changes, so it is remembered (bounded)
        object.__setattr__(self, "_value", lru_cache(maxsize=65_536)(self._compute))

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_value"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def value(self, word: str) -> float | None:
        """The value of one written word, compounds included; None when it is no number."""
        return self._value(word.lower())  # type: ignore[attr-defined,no-any-return]

    def _compute(self, w: str) -> float | None:
        if w in self.words:
            return self.words[w]
        for half in self.half_suffixes:  # "zweieinhalb", "dreieinhalb": n + 0.5
            if w.endswith(half) and len(w) > len(half):
                whole = self.value(w[: -len(half)])
                if whole is not None:
                    return whole + 0.5
        for suffix in self.suffixes:  # "zehnmal", "tenfold", "zehnten", "seizième" (seize)
            if w.endswith(suffix) and len(w) > len(suffix):
                for stem in (w[: -len(suffix)], w[: -len(suffix)] + "e"):
                    value = self.value(stem) if len(stem) < len(w) else None
                    if value is not None:
                        return value
        for mult, factor in sorted(self.multipliers.items(), key=lambda kv: -len(kv[0])):
            i = w.find(mult)
            if i > 0 or (i == 0 and len(w) > len(mult)):
                left = self.value(w[:i]) if i > 0 else 1.0
                right = self.value(w[i + len(mult) :]) if i + len(mult) < len(w) else 0.0
                if left is not None and right is not None and left < factor:
                    return left * factor + right
        for joiner in self.joiners:
            if joiner in w:
                parts = self._merge(w.split(joiner), joiner)
                values = [self.value(p) for p in parts]
                if len(values) > 1 and all(v is not None for v in values):
                    return float(sum(v for v in values if v is not None))
        return None

    def _half_phrase(
        self, tokens: list[re.Match[str]], j: int, masked: str, end: int
    ) -> tuple[float, int]:
        """0.5 and the token after "and a half" / "et demi" when it follows the run at ``j``."""
        for phrase in self.half_phrases:
            k = j + len(phrase)
            if k <= len(tokens) and [t.group().lower() for t in tokens[j:k]] == list(phrase):
                if re.fullmatch(r"[\s-]+", masked[end : tokens[j].start()]) and all(
                    re.fullmatch(r"[\s-]+", masked[tokens[i].end() : tokens[i + 1].start()])
                    for i in range(j, k - 1)
                ):
                    return 0.5, k
        return 0.0, j

    def _merge(self, parts: list[str], joiner: str) -> list[str]:
        """Re-join parts that form a known word: "quatre-vingt-dix" -> quatre-vingt, dix."""
        out: list[str] = []
        i = 0
        while i < len(parts):
            for k in range(len(parts) - i, 1, -1):
                joined = joiner.join(parts[i : i + k])
                if joined in self.words:
                    out.append(joined)
                    i += k
                    break
            else:
                out.append(parts[i])
                i += 1
        return out

    def find(self, masked: str, text: str, taken: list[bool]) -> list[Quantity]:
        """Runs of number words, with a following scale word: "zwei Milliarden" = 2e9."""
        from tqcheck.numbers import Quantity

        if not self.words:
            return []
        tokens = [m for m in _WORD_RE.finditer(masked) if not any(taken[m.start() : m.end()])]
        out: list[Quantity] = []
        i = 0
        while i < len(tokens):
            run: list[tuple[re.Match[str], float]] = []
            j = i
            while j < len(tokens):
                word = tokens[j].group()
                v = self.value(word)
                if v is None and word.lower() in self.one_words:
                    v = 1.0
                if run and v is None and word.lower() in _CONNECTORS and j + 1 < len(tokens):
                    nxt = self.value(tokens[j + 1].group())
                    prev = run[-1][1]
                    if nxt is not None and prev >= 20 and prev % 10 == 0 and nxt < 10:
                        j += 1  # "vingt et un", "hundred and five"
                        continue
                if v is None:
                    break
                if run:
                    gap = masked[tokens[j - 1].end() : tokens[j].start()]
                    prev = run[-1][1]
                    composes = v < prev or v in self.multipliers.values() or v == 1000
                    if not composes or not re.fullmatch(r"\s+|-|\s+\w+\s+", gap):
                        break
                run.append((tokens[j], v))
                j += 1
            if not run:
                i += 1
                continue
            scale, end = 1.0, run[-1][0].end()
            half, j = self._half_phrase(tokens, j, masked, end)
            if half:
                end = tokens[j - 1].end()
            if (
                j < len(tokens)
                and tokens[j].group().lower() in self.scales
                and re.fullmatch(r"\s+", masked[end : tokens[j].start()])
            ):
                scale, end = self.scales[tokens[j].group().lower()], tokens[j].end()
                j += 1
            if not half and scale != 1.0:  # "deux millions et demi"
                half, j = self._half_phrase(tokens, j, masked, end)
                if half:
                    end = tokens[j - 1].end()
            first = run[0][0].group().lower()
            if (
                len(run) == 1
                and first in self.one_words
                and scale == 1.0
                and not half
                and not (run[0][1] >= 100)
            ):
                i = j if j > i else i + 1
                continue
            total = (_combine([v for _, v in run], self.multipliers) + half) * scale
            start = run[0][0].start()
            out.append(Quantity(total, start, end, text[start:end], False))
            i = j
        return out


def _combine(values: list[float], multipliers: dict[str, float]) -> float:
    """ "two hundred fifty" -> 250; "deux cent" -> 200; "twenty two" -> 22."""
    factors = set(multipliers.values()) | {1000.0}
    total = current = 0.0
    for v in values:
        if v in factors and v >= 100:
            if v >= 1000:
                total += max(current, 1.0) * v
                current = 0.0
            else:
                current = max(current, 1.0) * v
        else:
            current += v
    return total + current
