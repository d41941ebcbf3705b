"""Plain text: the whole file is the target text; ``tqcheck: off/on`` lines fence regions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.readers import ReadHints, ReadResult

DIRECTIVE_RE = re.compile(r"tqcheck:\s*(off|on)\b", re.IGNORECASE)


def directive_zones(text: str) -> tuple[tuple[int, int], ...]:
    """Regions between a ``tqcheck: off`` and the next ``tqcheck: on`` (or the end)."""
    zones: list[tuple[int, int]] = []
    off_at: int | None = None
    for m in DIRECTIVE_RE.finditer(text):
        if m.group(1).lower() == "off" and off_at is None:
            off_at = m.start()
        elif m.group(1).lower() == "on" and off_at is not None:
            zones.append((off_at, m.end()))
            off_at = None
    if off_at is not None:
        zones.append((off_at, len(text)))
    return tuple(zones)


class PlainTextReader:
    name = "text"
    extensions = (".txt",)

    def read(self, path: Path, text: str, hints: ReadHints | None = None) -> ReadResult:
        from tqcheck.readers import ReadResult

        return ReadResult(text=text, skip=directive_zones(text))
