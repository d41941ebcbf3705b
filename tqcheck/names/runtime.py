"""The loaded names data of a run: shipped ``glossaries/names.tbx`` plus ``names`` files.

Loading goes through ``tqcheck.resources_loader`` (the ``names`` provider that
``tqcheck.checks.names`` registers). The files are the same TBX/CSV term bases
as the terminology glossary (``tqcheck.glossary``); later files override
earlier concepts by id. A loaded ``NamesData`` is cached per process by the
files' paths, sizes and mtimes, so its indexes and automata are built once
however many runs or documents use them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.glossary.model import GlossaryError
from tqcheck.glossary.runtime import load_cached, shipped_paths
from tqcheck.names.data import NamesData

if TYPE_CHECKING:
    from tqcheck.config import Config

SHIPPED = "names.tbx"
NO_PROFILE = ("", "none")


def shipped_path() -> Path | None:
    """The shipped names data: the checkout's ``glossaries/``, else the wheel's copy."""
    return next(iter(shipped_paths((SHIPPED,))), None)


def names_paths(config: Config) -> list[Path]:
    shipped = shipped_path() if config.shipped_names else None
    return [*([shipped] if shipped else []), *(Path(p) for p in config.names)]


def load_names(paths: list[Path]) -> NamesData:
    """The merged names data of ``paths``, from the process cache when unchanged."""
    return load_cached(paths, NamesData, "names")


def provide(config: Config) -> tuple[NamesData | None, str]:
    paths = names_paths(config)
    if not paths:
        return None, "no names data (glossaries/names.tbx is missing or off; use `names`)"
    try:
        data = load_names(paths)
    except GlossaryError as exc:
        return None, str(exc)
    if not len(data.base):
        return None, "the loaded names files hold no entries"
    return data, ""


def validate_config(config: Config) -> None:
    """Fail early (exit 2) on a names file that cannot be read, or a profile that the
    loaded data does not define: a typo must not quietly switch the house style off."""
    paths = names_paths(config)
    if not paths:
        return
    data = load_names(paths)
    profile = config.names_profile
    known = data.profiles()
    if profile not in NO_PROFILE and known and profile not in known:
        raise GlossaryError(
            "", f"unknown names_profile {profile!r} (defined: {', '.join(known)}, or none)"
        )


def profile_of(config: Config) -> str | None:
    """The configured place-name house style, or None for "report mixes only"."""
    profile = (config.names_profile or "").strip()
    return None if profile in NO_PROFILE else profile
