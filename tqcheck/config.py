"""Typed configuration: ``tqcheck.toml`` or ``[tool.tqcheck]``; CLI > file > defaults.

Unknown keys are an error, not a silent no-op: a typo in a CI gate's config
must not quietly turn a check off.
"""

from __future__ import annotations

import codecs
import dataclasses
import fnmatch
import tomllib
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import tqcheck.checks  # noqa: F401  (registers every check and resource provider)
from tqcheck.glossary.runtime import validate_config as validate_glossaries
from tqcheck.model import Severity
from tqcheck.names.runtime import validate_config as validate_names
from tqcheck.registry import (
    CheckSpec,
    RegistryError,
    all_checks,
    did_you_mean,
    matches,
    validate_selectors,
)
from tqcheck.text.langcodes import is_valid

CONFIG_FILES = ("tqcheck.toml", ".tqcheck.toml")
FAIL_ON = ("minor", "major", "critical", "none")
BUILTIN_SCORE_PROFILES: dict[str, dict[str, float]] = {
    "mqm": {"minor": 1.0, "major": 5.0, "critical": 25.0},
}


@dataclass(frozen=True)
class Profile:
    name: str
    off: frozenset[str]
    score_floor_words: int


def _load_profiles() -> dict[str, Profile]:
    path = importlib_resources.files("tqcheck.resources") / "profiles.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        name: Profile(name, frozenset(p.get("off", ())), int(p.get("score_floor_words", 0)))
        for name, p in data.items()
    }


PROFILES = _load_profiles()


class ConfigError(ValueError):
    """A config file or option that cannot be used; exit code 2."""


class UnusableFile(ConfigError):
    """A glossary or names file that cannot be read (missing, malformed, hostile XML).

    Like a bad input document it is reported in one line and makes the exit code 2,
    but the scan goes on without it: the checks that do not need it still run.
    """

    def __init__(self, message: str, key: str, path: str) -> None:
        super().__init__(message)
        self.key = key  # "glossaries" or "names"
        self.path = path

    def without(self, config: Config) -> Config:
        """The config minus the unusable file (or minus the shipped file it is)."""
        glossary = self.key == "glossaries"
        files = config.glossaries if glossary else config.names
        listed = [p for p in files if Path(p) != Path(self.path)]
        if len(listed) < len(files):
            if glossary:
                return dataclasses.replace(config, glossaries=listed)
            return dataclasses.replace(config, names=listed)
        if glossary and config.shipped_glossary:
            return dataclasses.replace(config, shipped_glossary=False)
        if not glossary and config.shipped_names:
            return dataclasses.replace(config, shipped_names=False)
        raise ConfigError(str(self))


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    preview: bool = False
    threshold: float = 95.0
    fail_on: str = "critical"
    score_profile: str = "mqm"
    score_profiles: dict[str, dict[str, float]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    lang: str | None = None
    source_lang: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    glossaries: list[str] = field(default_factory=list)
    glossary_profile: str | None = None
    shipped_glossary: bool = True  # load glossaries/nato.tbx before `glossaries`
    names: list[str] = field(default_factory=list)  # extra names files after the shipped one
    shipped_names: bool = True  # load glossaries/names.tbx before `names`
    names_profile: str = "none"  # place-name house style; "none": report only a mix
    model: str | None = None
    # one defect, one finding: overlapping findings of one defect are merged
    # (resources/defects.toml); False reports every rule's finding on its own
    merge_defects: bool = True
    max_file_mb: float = 64.0  # a larger input is an IO004 error, not read
    max_findings_per_rule: int = 1000  # per document: more is a systematic defect (fails)
    # seconds a document may take to read and check (per MB beyond the first); a
    # runaway input or check is stopped for that document (IO009); 0: no budget
    work_budget_seconds: float = 60.0
    # what kind of text: "article", "ui", or "auto" (bilingual unit files ui, the rest
    # article); content_profiles maps path globs to a profile (resources/profiles.toml)
    content_profile: str = "auto"
    content_profiles: dict[str, str] = field(default_factory=dict)
    # folders are walked without what their .gitignore files ignore (build/, node_modules/)
    respect_gitignore: bool = True
    path: str | None = None  # where this config came from
    cli_keys: frozenset[str] = field(default=frozenset(), compare=False)  # set by options
    file_keys: frozenset[str] = field(default=frozenset(), compare=False)  # set by the file

    # -- derived -------------------------------------------------------------
    def weights(self) -> dict[Severity, float]:
        profiles = {**BUILTIN_SCORE_PROFILES, **self.score_profiles}
        chosen = profiles[self.score_profile]
        return {s: float(chosen[s.label]) for s in Severity}

    def severity_for(self, spec: CheckSpec) -> Severity:
        """Most specific override wins: code, then name, then prefix, then category."""
        best: tuple[int, Severity] | None = None
        for selector, value in self.severity.items():
            if not matches(spec, selector):
                continue
            if selector.upper() == spec.code or selector == spec.name:
                rank = 100
            elif selector.lower() in (spec.category.value, "all"):
                rank = 0
            else:
                rank = len(selector)  # a longer code prefix is more specific
            if best is None or rank >= best[0]:
                best = (rank, Severity.parse(value))
        return best[1] if best else spec.severity

    def fail_on_severity(self) -> Severity | None:
        return None if self.fail_on == "none" else Severity.parse(self.fail_on)

    def validate(self) -> Config:
        where = self.path or "options"
        if self.fail_on not in FAIL_ON:
            raise ConfigError(
                f"{self.origin('fail_on')}: fail_on must be one of {', '.join(FAIL_ON)}"
                + did_you_mean(self.fail_on.lower(), FAIL_ON)
            )
        if self.max_findings_per_rule < 1:
            raise ConfigError(
                f"{self.origin('max_findings_per_rule')}: max_findings_per_rule must be at least 1"
            )
        if self.work_budget_seconds < 0:
            raise ConfigError(
                f"{self.origin('work_budget_seconds')}: work_budget_seconds must be 0 or more"
            )
        if not self.max_file_mb > 0:
            raise ConfigError(f"{self.origin('max_file_mb')}: max_file_mb must be above 0")
        if not 0 <= self.threshold <= 100:
            raise ConfigError(f"{self.origin('threshold')}: threshold must be between 0 and 100")
        profiles = {**BUILTIN_SCORE_PROFILES, **self.score_profiles}
        if self.score_profile not in profiles:
            raise ConfigError(
                f"{self.origin('score_profile')}: unknown score_profile {self.score_profile!r} "
                f"(defined: {', '.join(sorted(profiles))})"
                + did_you_mean(self.score_profile.lower(), profiles)
            )
        for name, weights in self.score_profiles.items():
            missing = {s.label for s in Severity} - set(weights)
            extra = set(weights) - {s.label for s in Severity}
            if missing or extra:
                raise ConfigError(
                    f"{where}: score_profiles.{name} needs exactly minor, major, critical"
                )
            if any(not isinstance(v, (int, float)) or v < 0 for v in weights.values()):
                raise ConfigError(f"{where}: score_profiles.{name} weights must be numbers >= 0")
        for key in ("lang", "source_lang"):
            value = getattr(self, key)
            if value and not is_valid(value) and value.strip().lower() != "und":
                raise ConfigError(
                    f"{self.origin(key)}: unknown language {value!r} "
                    "(a BCP-47 code: de, fr, en, pt-BR …)"
                )
        known = (*PROFILES, "auto")
        for key, value in [("content_profile", self.content_profile)] + [
            ("content_profiles", v) for v in self.content_profiles.values()
        ]:
            if value not in known:
                raise ConfigError(
                    f"{self.origin(key)}: unknown content profile {value!r} "
                    f"(choose from {', '.join(known)})" + did_you_mean(value.lower(), known)
                )
        try:
            codecs.lookup(self.encoding)
        except LookupError:
            common = ("utf-8", "utf-16", "latin-1", "cp1252", "iso-8859-15", "ascii")
            raise ConfigError(
                f"{self.origin('encoding')}: unknown encoding {self.encoding!r}"
                + did_you_mean(self.encoding.lower(), common)
            ) from None
        checks = all_checks()
        for key, selectors in (
            ("select", self.select),
            ("ignore", self.ignore),
            ("severity", list(self.severity)),
        ):
            try:  # blamed on where the value came from: the option or the file
                validate_selectors(selectors, checks)
            except RegistryError as exc:
                raise ConfigError(f"{self.origin(key)}: {exc}") from None
        for selector, value in self.severity.items():
            try:
                Severity.parse(value)
            except ValueError as exc:
                raise ConfigError(f"{where}: severity.{selector}: {exc}") from None
        if self.glossaries or self.glossary_profile:  # a bad glossary is exit 2, not a skip
            try:
                validate_glossaries(self)
            except ValueError as exc:  # GlossaryError names the file at fault
                if getattr(exc, "path", ""):
                    raise UnusableFile(str(exc), "glossaries", exc.path) from None  # type: ignore[attr-defined]
                where_ = self.origin("glossary_profile" if self.glossary_profile else "glossaries")
                raise ConfigError(f"{where_}: {exc}") from None
        if self.names or self.names_profile != Config.names_profile:
            try:
                validate_names(self)
            except ValueError as exc:
                if getattr(exc, "path", ""):
                    raise UnusableFile(str(exc), "names", exc.path) from None  # type: ignore[attr-defined]
                where_ = self.origin("names_profile" if self.names_profile else "names")
                raise ConfigError(f"{where_}: {exc}") from None
        return self

    def merged(self, **overrides: Any) -> Config:
        """A copy with CLI values applied; ``None`` means "not given on the command line"."""
        given = {k: v for k, v in overrides.items() if v is not None and v != [] and v != ()}
        return dataclasses.replace(self, **given, cli_keys=self.cli_keys | set(given))

    def profile_for(self, path: str, bilingual: bool) -> str:
        """The content profile of a document: a matching ``content_profiles`` glob, else
        ``content_profile``, where "auto" is ui for bilingual unit files."""
        for pattern, profile in self.content_profiles.items():
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                return profile
        if self.content_profile != "auto":
            return self.content_profile
        return "ui" if bilingual else "article"

    def settings(self) -> list[tuple[str, object, str]]:
        """Every setting with its effective value and where it came from: an option, the
        config file, or the default."""
        out = []
        for name in _FIELDS:
            if name in self.cli_keys:
                origin = f"option --{name.replace('_', '-')}"
            elif name in self.file_keys:
                origin = self.path or "config file"
            else:
                origin = "default"
            out.append((name, getattr(self, name), origin))
        return out

    def origin(self, key: str) -> str:
        """Where a key's value came from, for error messages: the option or the file."""
        if key in self.cli_keys:
            return f"option --{key.replace('_', '-')}"
        return self.path or "options"


BOOKKEEPING = ("path", "cli_keys", "file_keys")  # where values came from, not settings
_FIELDS = {f.name: f for f in dataclasses.fields(Config) if f.name not in BOOKKEEPING}


def from_mapping(data: dict[str, Any], where: str) -> Config:
    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        raise ConfigError(
            f"{where}: unknown key{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(k) for k in unknown)} (known: {', '.join(sorted(_FIELDS))})"
        )
    _check_types(data, where)
    cfg = Config(**data, path=where, file_keys=frozenset(data))
    base = Path(where).parent
    cfg.glossaries = [
        str((base / g).resolve()) if not Path(g).is_absolute() else g for g in cfg.glossaries
    ]
    cfg.names = [str((base / g).resolve()) if not Path(g).is_absolute() else g for g in cfg.names]
    return cfg


def _check_types(data: dict[str, Any], where: str) -> None:
    expected: dict[str, type | tuple[type, ...]] = {
        "select": list,
        "ignore": list,
        "include": list,
        "exclude": list,
        "glossaries": list,
        "names": list,
        "preview": bool,
        "threshold": (int, float),
        "fail_on": str,
        "score_profile": str,
        "score_profiles": dict,
        "severity": dict,
        "lang": str,
        "source_lang": str,
        "encoding": str,
        "glossary_profile": str,
        "names_profile": str,
        "model": str,
        "shipped_glossary": bool,
        "shipped_names": bool,
    }
    for key, value in data.items():
        want = expected.get(key)
        if want and not isinstance(value, want):
            name = want.__name__ if isinstance(want, type) else "number"
            raise ConfigError(f"{where}: {key} must be a {name}, not {type(value).__name__}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key} must be a list of strings")


def find_config(start: Path) -> Path | None:
    """The nearest tqcheck.toml, or pyproject.toml with [tool.tqcheck], upward from start."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if (
            pyproject.is_file()
            and "tool" in _read_toml(pyproject)
            and "tqcheck" in _read_toml(pyproject).get("tool", {})
        ):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def load(path: Path | None = None, start: Path | None = None) -> Config:
    """Load an explicit config file, or discover one from ``start``; defaults otherwise."""
    if path is None and start is not None:
        path = find_config(start)
    if path is None:
        return Config().validate()
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("tqcheck", {})
    config = from_mapping(data, str(path))
    try:
        return config.validate()
    except UnusableFile:
        return config  # the caller's validate() reports the file and goes on without it
