"""The command line: exit codes, formats, selection, config, bad inputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from tqcheck.formats.json_report import SCHEMA_VERSION

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "tqcheck/resources/report.schema.json").read_text()
)
BAD = "Das sagte der Sprecher des Ministeriums .\n"
GOOD = "Das sagte der Sprecher des Ministeriums am Freitag in Berlin.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "bad.de.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.de.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def report(result) -> dict:
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    return data


def test_json_report_shape_and_spans(cli, seeds_dir: Path) -> None:
    result = cli("scan", seeds_dir, "--format", "json", "--exit-zero", "--isolated")
    assert result.exit_code == 0, result.output
    data = report(result)
    assert data["tool"] == "tqcheck" and data["summary"]["schema_version"] == SCHEMA_VERSION
    assert data["signature"].startswith("tqcheck:")
    docs = {Path(d["path"]).name: d for d in data["documents"]}
    for doc in data["documents"]:
        text = Path(doc["path"]).read_text(encoding="utf-8")
        for f in doc["findings"]:
            assert text[f["start"] : f["end"]] == f["text"]
    spaced = [f for f in docs["004_b7c2c7400b05af13.txt"]["findings"] if f["rule"] == "FL001"]
    assert any(f["text"] == " ." and f["suggestion"] == "." for f in spaced)


def test_rich_report_shows_space_before_full_stop(cli, seeds_dir: Path) -> None:
    result = cli("scan", seeds_dir, "--isolated")
    assert "NATO-Diplomat» .«" in result.stdout
    assert "tqcheck summary" in result.stdout


def test_exit_codes(cli, corpus: Path) -> None:
    assert cli("scan", corpus / "good.de.txt", "--isolated").exit_code == 0
    # one minor finding in 7 words: score far below 95 -> fails
    assert cli("scan", corpus / "bad.de.txt", "--isolated").exit_code == 1
    assert cli("scan", corpus / "bad.de.txt", "--isolated", "--exit-zero").exit_code == 0
    assert cli("scan", corpus, "--isolated", "--threshold", "0").exit_code == 0
    assert (
        cli("scan", corpus, "--isolated", "--threshold", "0", "--fail-on", "minor").exit_code == 1
    )
    assert cli("scan", corpus / "nope.txt", "--isolated").exit_code == 2
    assert cli("scan", corpus, "--format", "yaml").exit_code == 2
    assert cli("scan", corpus, "--select", "XX999").exit_code == 2
    assert cli("scan").exit_code == 2


def test_select_and_ignore(cli, corpus: Path) -> None:
    result = cli("scan", corpus, "--isolated", "--ignore", "FL001", "-f", "json")
    assert result.exit_code == 0
    assert report(result)["summary"]["findings"] == 0
    result = cli("scan", corpus, "--isolated", "--select", "doubled-word", "-f", "json")
    assert report(result)["summary"]["findings"] == 0
    result = cli("scan", corpus, "--isolated", "--select", "fluency", "-f", "json")
    assert report(result)["summary"]["by_rule"] == {"FL001": 1}


def test_bad_inputs_are_reported_and_the_batch_continues(cli, corpus: Path) -> None:
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "latin1.de.txt").write_bytes(
        "Die Außenminister trafen sich in Brüssel.".encode("latin-1")
    )
    (corpus / "empty.de.txt").write_bytes(b"")
    result = cli("scan", corpus, "--isolated", "-f", "json")
    assert result.exit_code == 2
    data = report(result)
    by_name = {Path(d["path"]).name: d for d in data["documents"]}
    assert by_name["image.txt"]["errors"][0]["code"] == "IO001"
    assert by_name["latin1.de.txt"]["errors"][0]["code"] == "IO002"
    assert "Latin-1" in by_name["latin1.de.txt"]["errors"][0]["message"]
    assert by_name["empty.de.txt"]["errors"][0]["code"] == "IO003"
    assert by_name["bad.de.txt"]["findings"], "good files are still scanned"
    assert "Traceback" not in result.output
    # the same Latin-1 file reads fine when its encoding is named
    ok = cli("scan", corpus / "latin1.de.txt", "--isolated", "--encoding", "latin-1")
    assert ok.exit_code == 0


def test_output_file_written_atomically(cli, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "r.json"
    result = cli("scan", corpus, "--isolated", "-f", "json", "-o", out, "--exit-zero")
    assert result.exit_code == 0
    jsonschema.validate(json.loads(out.read_text()), SCHEMA)
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


def test_report_to_a_file_prints_one_totals_line_off_a_terminal(
    cli, corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.sarif"
    result = cli("scan", corpus, "--isolated", "-f", "sarif", "-o", out, "--exit-zero")
    data = json.loads(out.read_text())
    results = sum(len(run["results"]) for run in data["runs"])
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "┃" not in result.stdout, result.stdout
    assert f" {results} findings" in lines[0] and "documents" in lines[0]


@pytest.mark.parametrize("fmt", ["sarif", "junit"])
def test_other_formats(cli, corpus: Path, fmt: str) -> None:
    result = cli("scan", corpus, "--isolated", "-f", fmt, "--exit-zero")
    assert result.exit_code == 0
    if fmt == "sarif":
        sarif = json.loads(result.stdout)
        res = sarif["runs"][0]["results"]
        assert (
            res[0]["ruleId"] == "FL001"
            and res[0]["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == " ."
        )
    else:
        assert "<testsuite" in result.stdout and "<failure" in result.stdout


def test_quiet_prints_only_summary(cli, corpus: Path) -> None:
    result = cli("scan", corpus, "--isolated", "--quiet")
    assert "tqcheck summary" in result.stdout and "suggestion" not in result.stdout


def test_no_color_has_no_escape_codes(cli, corpus: Path) -> None:
    result = cli("scan", corpus, "--isolated", env={"NO_COLOR": "1", "FORCE_COLOR": ""})
    assert "\x1b[" not in result.stdout


def test_rules_list_and_explain(cli) -> None:
    listing = cli("rules")
    assert listing.exit_code == 0 and "FL001" in listing.stdout and "IO002" in listing.stdout
    one = cli("rules", "FL001")
    assert one.exit_code == 0 and "Why it matters" in one.stdout
    assert cli("rules", "doubled-word").exit_code == 0
    assert cli("rules", "ZZ123").exit_code == 2
    rows = json.loads(cli("rules", "--format", "json").stdout)
    assert {r["code"] for r in rows} >= {"FL001", "FL002"}


def test_language_from_option_name_and_detection(cli, tmp_path: Path) -> None:
    (tmp_path / "a.fr.txt").write_text("Le ministre a parlé : oui.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Der Minister sagte am Freitag in Berlin, die Allianz werde die Ukraine unterstützen.\n",
        encoding="utf-8",
    )
    data = report(cli("scan", tmp_path, "--isolated", "-f", "json"))
    langs = {Path(d["path"]).name: d["target_lang"] for d in data["documents"]}
    assert langs == {"a.fr.txt": "fr", "b.txt": "de"}
    data = report(cli("scan", tmp_path / "b.txt", "--isolated", "--lang", "en", "-f", "json"))
    assert data["documents"][0]["target_lang"] == "en"


def test_source_pairing_by_name_and_option(cli, tmp_path: Path) -> None:
    (tmp_path / "art.en.txt").write_text("The minister spoke.\n", encoding="utf-8")
    (tmp_path / "art.de.txt").write_text("Der Minister sprach.\n", encoding="utf-8")
    data = report(cli("scan", tmp_path, "--isolated", "-f", "json"))
    assert len(data["documents"]) == 1, "the source is not scanned as a target"
    doc = data["documents"][0]
    assert doc["source_path"].endswith("art.en.txt") and doc["source_lang"] == "en"
    other = tmp_path / "other.txt"
    other.write_text("The minister spoke.\n", encoding="utf-8")
    data = report(
        cli("scan", tmp_path / "art.de.txt", "--source", other, "--isolated", "-f", "json")
    )
    assert data["documents"][0]["source_path"].endswith("other.txt")


def test_include_exclude(cli, corpus: Path) -> None:
    data = report(
        cli("scan", corpus, "--isolated", "-f", "json", "--exclude", "bad*", "--exit-zero")
    )
    assert [Path(d["path"]).name for d in data["documents"]] == ["good.de.txt"]
    data = report(
        cli("scan", corpus, "--isolated", "-f", "json", "--include", "bad*", "--exit-zero")
    )
    assert [Path(d["path"]).name for d in data["documents"]] == ["bad.de.txt"]


def test_profile_options_change_what_is_reported(cli, seeds_dir: Path) -> None:
    seed = next(seeds_dir.glob("002_*.txt"))
    default = report(cli("scan", seed, "--select", "NM004", "-f", "json", "--isolated"))
    kyjiw = report(
        cli(
            "scan",
            seed,
            "--select",
            "NM004",
            "-f",
            "json",
            "--isolated",
            "--names-profile",
            "kyjiw-ukrainian",
        )
    )
    assert {f["text"] for f in default["documents"][0]["findings"]} == {"Kyjiw"}
    assert "Kiew" in {f["text"] for f in kyjiw["documents"][0]["findings"]}
    caps = report(
        cli(
            "scan",
            next(seeds_dir.glob("004_*.txt")),
            "--select",
            "GL004",
            "-f",
            "json",
            "--isolated",
            "--glossary-profile",
            "nato-title",
            "--exit-zero",
        )
    )
    assert all(f["suggestion"].startswith("Nato") for f in caps["documents"][0]["findings"])
    assert len(caps["documents"][0]["findings"]) >= 15


@pytest.mark.parametrize(
    "option, value",
    [("--names-profile", "bogus"), ("--glossary-profile", "bogus"), ("--fail-on", "bogus")],
)
def test_bad_option_value_names_the_option(cli, seeds_dir: Path, option: str, value: str) -> None:
    result = cli("scan", seeds_dir, option, value, "--isolated")
    assert result.exit_code == 2
    assert f"option {option}" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    "bad", ["malformed.tbx", "billion_laughs.tbx", "external_entity.tbx", "missing.tbx"]
)
def test_unusable_glossary_is_one_error_and_the_scan_goes_on(cli, corpus: Path, bad: str) -> None:
    data = Path(__file__).parent / "glossary" / "data"
    result = cli(
        "scan",
        corpus,
        "--glossary",
        data / bad,
        "--glossary",
        data / "mini.tbx",
        "-f",
        "json",
        "--isolated",
    )
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("tqcheck: error:")]
    assert len(errors) == 1 and bad in errors[0] and "Traceback" not in result.output
    docs = {Path(d["path"]).name: d for d in report(result)["documents"]}
    assert any(f["rule"] == "FL001" for f in docs["bad.de.txt"]["findings"])  # the rest still ran
    assert "glossary:none" not in report(result)["signature"]  # mini.tbx is still loaded


def test_unusable_names_file_is_one_error_and_the_scan_goes_on(
    cli, corpus: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "names.tbx"
    bad.write_text("<martif><text><body><termEntry>", encoding="utf-8")
    config = tmp_path / "tqcheck.toml"
    config.write_text(f'names = ["{bad}"]\n', encoding="utf-8")
    result = cli("scan", corpus, "--config", config, "-f", "json")
    assert result.exit_code == 2 and "names.tbx" in result.stderr
    assert report(result)["summary"]["documents"] == 2


def test_reports_are_world_readable_written_through_symlinks_and_devices_kept(
    cli, corpus: Path, tmp_path: Path
) -> None:
    import os
    import stat

    out = tmp_path / "r.json"
    cli("scan", corpus, "--isolated", "-f", "json", "-o", out, "--exit-zero")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    cli("scan", corpus, "--isolated", "-f", "json", "-o", link, "--exit-zero")
    assert link.is_symlink() and json.loads(real.read_text())["documents"]
    cli("scan", corpus, "--isolated", "-f", "json", "-o", "/dev/null", "--exit-zero")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_unknown_language_and_rule_are_blamed_on_the_option_with_a_hint(cli, corpus: Path) -> None:
    bad_lang = cli("scan", corpus, "--isolated", "--lang", "german")
    assert bad_lang.exit_code == 2 and "option --lang: unknown language 'german'" in bad_lang.stderr
    bad_rule = cli("scan", corpus, "--isolated", "--select", "FL0022")
    assert bad_rule.exit_code == 2
    assert "option --select" in bad_rule.stderr and "did you mean 'FL022'" in bad_rule.stderr


def test_ignoring_an_input_code_turns_the_error_into_a_notice(cli, tmp_path: Path) -> None:
    (tmp_path / "empty.de.txt").write_text("", encoding="utf-8")
    (tmp_path / "good.de.txt").write_text(GOOD, encoding="utf-8")
    strict = cli("scan", tmp_path, "--isolated", "--model", "none", "--format", "json")
    assert strict.exit_code == 2
    for selector in ("IO003", "empty-file"):
        relaxed = cli(
            "scan",
            tmp_path,
            "--isolated",
            "--model",
            "none",
            "--format",
            "json",
            "--ignore",
            selector,
        )
        assert relaxed.exit_code == 0, relaxed.output
        data = report(relaxed)
        assert [d["errors"] for d in data["documents"]] == [[], []]
        assert any("empty.de.txt" in n and "IO003" in n for n in data["summary"]["notices"])


def test_ignoring_an_unknown_input_code_is_refused(cli, tmp_path: Path) -> None:
    (tmp_path / "good.de.txt").write_text(GOOD, encoding="utf-8")
    result = cli("scan", tmp_path, "--isolated", "--ignore", "IO099")
    assert result.exit_code == 2
    assert "unknown rule selector 'IO099'" in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["scan"],
        ["eval"],
        ["rules"],
        ["score"],
        ["align"],
        ["glossary", "lint"],
        ["glossary", "search"],
    ],
)
def test_help_shows_metavars_not_python_types(cli, command: list[str]) -> None:
    result = cli(*command, "--help")
    assert result.exit_code == 0, result.output
    assert not re.search(r"<(list\[|str>|path>|int>|float>)", result.output), result.output


def test_shell_completion_is_offered(cli) -> None:
    result = cli("--help")
    assert "--show-completion" in result.output and "--install-completion" in result.output


def test_statistics_counts_findings_by_rule(cli, tmp_path: Path) -> None:
    (tmp_path / "a.de.txt").write_text(
        "Der der Rat tagte . Die die Kommission schwieg .\n", encoding="utf-8"
    )
    result = cli(
        "scan", tmp_path, "--isolated", "--model", "none", "--statistics", "--select", "FL001,FL002"
    )
    lines = result.stdout.splitlines()
    assert re.match(r"^2  FL001  space-before-punctuation\s+minor$", lines[0]), lines
    assert re.match(r"^2  FL002  doubled-word\s+minor$", lines[1]), lines
    assert lines[-1].startswith("tqcheck: 1 documents")
    refused = cli("scan", tmp_path, "--isolated", "--statistics", "--format", "json")
    assert refused.exit_code == 2 and "--statistics" in refused.output


def test_show_settings_names_the_origin_of_each_value(cli, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.tqcheck]\nthreshold = 90\nexclude = ['drafts']\n", encoding="utf-8"
    )
    (tmp_path / "a.fr.txt").write_text("Bonjour.\n", encoding="utf-8")
    result = cli("scan", tmp_path, "--show-settings", "--fail-on", "major")
    assert result.exit_code == 0, result.output
    settings = {line.split(" = ")[0].strip(): line for line in result.stdout.splitlines()}
    assert settings["threshold"].endswith(f"# {tmp_path / 'pyproject.toml'}")
    assert "90" in settings["threshold"]
    assert settings["fail_on"].endswith("# option --fail-on")
    assert settings["encoding"].endswith("# default")
    assert "FL001" in settings["rules"]


def test_a_model_that_cannot_be_had_is_an_error_but_the_scan_goes_on(cli, corpus: Path) -> None:
    result = cli("scan", corpus, "--isolated", "--model", "usem", "--format", "json")
    assert result.exit_code == 2
    assert "option --model" in result.stderr and "did you mean 'use" in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 2


@pytest.mark.parametrize(
    "command",
    [
        ["scan", "{dir}"],
        ["rules"],
        ["glossary", "stats"],
        ["glossary", "lint"],
        ["glossary", "coverage", "{dir}"],
        ["align", "{dir}/a.en.txt", "{dir}/a.de.txt"],
        ["score", "{dir}/a.de.txt", "--ref", "{dir}/a.de.txt"],
        ["eval", "{dir}/rows.jsonl"],
    ],
)
def test_an_unknown_format_is_an_error_in_every_command(cli, tmp_path: Path, command) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.en.txt").write_text("The council met.\n", encoding="utf-8")
    (tmp_path / "a.de.txt").write_text("Der Rat tagte.\n", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text(
        '{"id": "1", "lang": "de", "target": "Der Rat tagte.", "errors": []}\n', encoding="utf-8"
    )
    args = [a.replace("{dir}", str(tmp_path)) for a in command]
    result = cli(*args, "--format", "yaml")
    assert result.exit_code == 2, result.output
    assert "unknown format 'yaml'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("option", "value", "blamed", "hint"),
    [
        ("--fail-on", "majr", "option --fail-on", "did you mean 'major'?"),
        ("--format", "jsn", "option --format", "did you mean 'json'?"),
        ("--encoding", "utf9", "option --encoding", "did you mean 'utf-8'?"),
        ("--score-profile", "mqn", "option --score-profile", "did you mean 'mqm'?"),
        ("--select", "FL0022", "option --select", "did you mean"),
    ],
)
def test_option_values_are_checked_and_blamed_on_the_option(  # type: ignore[no-untyped-def]
    cli, corpus: Path, option: str, value: str, blamed: str, hint: str
) -> None:
    result = cli("scan", corpus, "--isolated", option, value)
    assert result.exit_code == 2
    assert blamed in result.output and hint in result.output
