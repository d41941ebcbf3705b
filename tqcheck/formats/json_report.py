"""The JSON report, schema version 1 (documented in the README)."""

from __future__ import annotations

from json.encoder import encode_basestring as _string
from typing import TYPE_CHECKING, Any, TextIO

from tqcheck import __version__

if TYPE_CHECKING:
    from tqcheck.engine import RunResult

SCHEMA_VERSION = 1


def report_dict(result: RunResult) -> dict[str, Any]:
    return {
        "tool": "tqcheck",
        "version": __version__,
        "signature": result.signature,
        "documents": [d.to_dict() for d in result.documents],
        "summary": {"schema_version": SCHEMA_VERSION, **result.summary()},
    }


CHUNK = 1 << 16  # characters gathered per write


def dump(obj: Any, out: TextIO) -> None:
    """``obj`` as JSON indented by two spaces, byte for byte what ``json.dump(obj, out,
    ensure_ascii=False, indent=2)`` writes, in chunks of about 64 K characters.

    ``json`` runs its C encoder only without an indent; with one, every token passes up a
    chain of Python generators (0.9 s of a 1.4 s cached re-scan of a 4 MB corpus, 7 400
    findings). Here each string goes through the C string encoder and the containers are
    laid out by one recursive function (a third of the time). Writing in chunks keeps
    the report from being held in memory a second time."""
    writer = _Writer(out)
    writer.value(obj, "\n")
    writer.flush()


_SCALARS: dict[Any, str] = {None: "null", True: "true", False: "false"}


class _Writer:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.parts: list[str] = []

    def flush(self) -> None:
        self.out.write("".join(self.parts))
        self.parts.clear()  # in place: the callers up the stack hold this list

    def value(self, obj: Any, newline: str) -> None:
        """Append ``obj``; ``newline`` is a line break and the indent of its level."""
        parts = self.parts
        if isinstance(obj, str):
            parts.append(_string(obj))
        elif isinstance(obj, dict):
            if not obj:
                parts.append("{}")
                return
            inner = newline + "  "
            sep = "{" + inner
            for key, item in obj.items():
                head = sep + _string(key if type(key) is str else _key(key)) + ": "
                sep = "," + inner
                if type(item) is str:  # the common leaves, without a call each
                    parts.append(head + _string(item))
                elif type(item) is int:
                    parts.append(head + int.__repr__(item))
                else:
                    parts.append(head)
                    self.value(item, inner)
            parts.append(newline + "}")
            if len(parts) > 4096:
                self.flush()
        elif isinstance(obj, (list, tuple)):
            if not obj:
                parts.append("[]")
                return
            inner = newline + "  "
            sep = "[" + inner
            for item in obj:
                parts.append(sep)
                self.value(item, inner)
                sep = "," + inner
            parts.append(newline + "]")
        else:
            parts.append(_scalar(obj))


def _scalar(obj: Any) -> str:
    if obj is None or obj is True or obj is False:
        return _SCALARS[obj]
    if isinstance(obj, int):
        return int.__repr__(obj)
    if isinstance(obj, float):
        return _float(obj)
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is None or key is True or key is False or isinstance(key, int):
        return _scalar(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def render(result: RunResult, out: TextIO) -> None:
    dump(report_dict(result), out)
    out.write("\n")
