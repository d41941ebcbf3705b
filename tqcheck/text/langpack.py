"""Language packs: per-language data (abbreviations, phrases, typography) as TOML files.

A new language is a new file in ``tqcheck/resources/langs/``, not new code. A
language without a pack gets the empty pack, so language-independent checks run.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class LangPack:
    lang: str
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def exists(self) -> bool:
        return bool(self.data)

    def get(self, section: str, key: str, default: Any = None) -> Any:
        return self.data.get(section, {}).get(key, default)

    def section(self, section: str) -> dict[str, Any]:
        return dict(self.data.get(section, {}))

    def words(self, section: str, key: str) -> frozenset[str]:
        return frozenset(self.get(section, key, ()))

    def lower_set(self, section: str, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in self.get(section, key, ()))


def available() -> list[str]:
    folder = resources.files("tqcheck.resources") / "langs"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


@lru_cache(maxsize=64)
def load_pack(lang: str) -> LangPack:
    base = lang.split("-")[0].lower()
    path = resources.files("tqcheck.resources") / "langs" / f"{base}.toml"
    if not path.is_file():
        return LangPack(base)
    return LangPack(base, tomllib.loads(path.read_text(encoding="utf-8")))
