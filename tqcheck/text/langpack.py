"""Language packs: per-language data (abbreviations, phrases, typography) as TOML files.

A new language is a new file in ``tqcheck/resources/langs/``, not new code. A
language without a pack gets the empty pack, so language-independent checks run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from tqcheck.text.cache import parsed_toml


@dataclass(frozen=True, eq=False)
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

    @lru_cache(maxsize=256)  # noqa: B019  (packs are loaded once and live for the run)
    def words(self, section: str, key: str) -> frozenset[str]:
        return frozenset(self.get(section, key, ()))

    @lru_cache(maxsize=256)  # noqa: B019
    def lower_set(self, section: str, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in self.get(section, key, ()))


def available() -> list[str]:
    folder = resources.files("tqcheck.resources") / "langs"
    return sorted({p.name.split(".")[0] for p in folder.iterdir() if p.name.endswith(".toml")})


@lru_cache(maxsize=64)
def load_pack(lang: str) -> LangPack:
    """``de.toml`` plus any ``de.<topic>.toml`` companions, merged section by section.

    A companion adds to the pack: lists are extended (without duplicates), other
    values are set.
    """
    base = lang.split("-")[0].lower()
    folder = resources.files("tqcheck.resources") / "langs"
    files = sorted(
        (
            p
            for p in folder.iterdir()
            if p.name == f"{base}.toml"
            or (p.name.startswith(f"{base}.") and p.name.endswith(".toml"))
        ),
        key=lambda p: (p.name != f"{base}.toml", p.name),
    )
    data: dict[str, Any] = {}
    for path in files:
        for section, values in parsed_toml(path.read_text(encoding="utf-8")).items():
            if not isinstance(values, dict):
                data[section] = values
                continue
            merged = data.setdefault(section, {})
            for key, value in values.items():
                if isinstance(value, list) and isinstance(merged.get(key), list):
                    merged[key] = merged[key] + [v for v in value if v not in merged[key]]
                else:
                    merged[key] = value
    return LangPack(base, data)
