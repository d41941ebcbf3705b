"""An on-disk cache of compiled language data, so a new process does not rebuild it.

Building some data costs more than reading it back: pyspellchecker's German list is a
gzipped JSON file turned into a dictionary (0.45 s), its pickle loads in 0.11 s. Entries
are pickles under ``$TQCHECK_CACHE_DIR`` (default ``$XDG_CACHE_HOME/tqcheck`` or
``~/.cache/tqcheck``; ``off`` turns the cache off), named by what built them (library
versions, language, Python), so an upgrade never reads a stale entry. A pickle runs code
when loaded, so only files owned by this user and writable by no one else are read; any
problem (unwritable folder, damaged file) falls back to building, silently: the cache is
an optimisation, never a requirement.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import stat
import sys
from collections.abc import Callable
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from tqcheck import __version__

T = TypeVar("T")
CACHE_ENV = "TQCHECK_CACHE_DIR"
_OFF = frozenset({"", "0", "off", "none", "no", "false"})


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return None if env.strip().lower() in _OFF else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tqcheck"


def entry_path(name: str, key: str, suffix: str = ".pickle") -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    full = f"{key}|tqcheck {__version__}|python {sys.version_info[:2]}"
    digest = hashlib.sha256(full.encode("utf-8")).hexdigest()[:20]
    return folder / f"{name}-{digest}{suffix}"


def _trusted(path: Path) -> bool:
    """Owned by this user and writable by nobody else (the file and its folder)."""
    getuid = getattr(os, "getuid", None)
    own = path.stat()
    for st in (own, path.parent.stat()):
        if getuid is not None and st.st_uid != getuid():
            return False
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
    return stat.S_ISREG(own.st_mode)


def load_or_build(name: str, key: str, build: Callable[[], T]) -> T:
    """The cached value for (name, key), built and stored when there is none."""
    path = entry_path(name, key)
    if path is None:
        return build()
    found = load(path)
    if found is not None:
        return found  # type: ignore[return-value]
    value = build()
    store(path, value)
    return value


def load(path: Path) -> object | None:
    """A stored entry, or None when there is none or it cannot be trusted or read."""
    try:
        if _trusted(path):
            with path.open("rb") as fh:
                return pickle.load(fh)  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception:  # a damaged or foreign entry: rebuild it
        pass
    return None


def store(path: Path, value: object) -> None:
    """Write an entry atomically (0600, in a 0700 folder); a failure is silent."""

    def write(tmp: Path) -> None:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)

    store_file(path, write, (pickle.PicklingError, TypeError, AttributeError))


def store_file(
    path: Path, write: Callable[[Path], None], errors: tuple[type[BaseException], ...] = ()
) -> bool:
    """Have ``write`` make the entry under a temporary name (0600, in a 0700 folder),
    then move it into place atomically; False, and nothing left behind, on failure."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    caught: tuple[type[BaseException], ...] = (OSError, *errors)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write(tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
        return True
    except caught:
        try:
            tmp.unlink()
        except OSError:
            pass
        return False


def trusted(path: Path) -> bool:
    """An existing entry owned by this user and writable by nobody else."""
    try:
        return _trusted(path)
    except OSError:
        return False


def source_key(*modules: ModuleType, data: tuple[str, ...] = ()) -> str:
    """A digest of the modules' source files and of ``data`` (the versions of the
    libraries and the contents of the data files the code reads): what is derived by that
    code is keyed to it, so an edit to the code or the data (not only a new release)
    builds the entry again."""
    digest = hashlib.sha256()
    for module in modules:
        path = getattr(module, "__file__", None)
        digest.update(Path(path).read_bytes() if path else module.__name__.encode())
    for item in data:
        digest.update(item.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


class ProcessLocal(dict[str, object]):
    """A memo of this process's own handles (SQLite connections): a child forked after
    the parent filled it starts with it empty, since a connection must not cross a fork."""

    def __init__(self) -> None:
        super().__init__()
        self.pid = os.getpid()

    def fresh(self) -> ProcessLocal:
        if self.pid != os.getpid():
            self.clear()
            self.pid = os.getpid()
        return self


def sqlite_entry(
    name: str,
    key: str,
    build: Callable[[Path], None],
    probe: str,
    errors: tuple[type[BaseException], ...] = (),
) -> tuple[sqlite3.Connection, dict[str, str]] | None:
    """A read-only connection to the SQLite entry (name, key) and its ``meta`` table as a
    dict; ``build`` writes the file on first use (atomically; a failure raising one of
    ``errors`` leaves no entry), and an entry where ``probe`` (a query of its data table)
    fails is damaged and built again. None when the cache is off or there is no entry."""
    path = entry_path(name, key, suffix=".sqlite")
    if path is None:
        return None
    found = _connect(path, probe)
    if found is None:  # none yet, or damaged: (re)build it
        store_file(path, build, (sqlite3.Error, *errors))
        found = _connect(path, probe)
    return found


def _connect(path: Path, probe: str) -> tuple[sqlite3.Connection, dict[str, str]] | None:
    if not trusted(path):
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        conn.execute(probe).fetchall()
        return conn, meta
    except sqlite3.Error:
        return None


def parsed_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, read back from the cache when the same text was parsed
    before (a language pack parses in 5–15 ms with the pure-Python tomllib)."""
    import tomllib

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return load_or_build("toml", digest, lambda: tomllib.loads(text))


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of tqcheck's own code and packaged data: a result cached by one build is
    never read by another, released or not."""
    h = hashlib.sha256()
    root = importlib_resources.files("tqcheck")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.is_file() and path.suffix in (".py", ".toml", ".txt", ".json", ".tbx"):
            h.update(str(path.relative_to(Path(str(root)))).encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()
