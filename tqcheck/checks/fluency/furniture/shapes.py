"""Line and pattern helpers shared by the structural furniture detectors."""

from __future__ import annotations

import re

from tqcheck.checks.fluency.furniture.lexicon import words_of

Hit = tuple[int, int, str]
CAP_RE = re.compile(r"[A-ZÄÖÜÀÂÉÈÊÎÔÛÇ]")
TOKEN_RE = re.compile(r"[^\s/|,;()\[\]]+")


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    le_n, le_r = text.find("\n", end), text.find("\r", end)
    ends = [x for x in (le_n, le_r) if x != -1]
    le = min(ends) if ends else len(text)
    line = text[ls:le]
    lead = len(line) - len(line.lstrip())
    return ls + lead, ls + len(line.rstrip())


def alternation(words: tuple[str, ...]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


def first_chars(*words: str, digits: bool = False) -> str:
    """A lookahead for the characters a match can start with (both cases): a pattern that
    opens with a long alternation is otherwise tried in full at every position."""
    chars = {c for w in words if w for c in (w[0].lower(), w[0].upper())}
    if digits:
        chars.update("0123456789")
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def short_line_or(text: str, start: int, end: int) -> tuple[int, int]:
    ls, le = line_bounds(text, start, end)
    return (ls, le) if len(words_of(text[ls:le])) <= 12 else (start, end)
