"""Rendering of ``tqcheck eval`` figures: a plain-text report or JSON."""

from __future__ import annotations

from typing import Any, TextIO

from tqcheck.formats.json_report import dump


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:5.1f}%"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _table(out: TextIO, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        cells = [r[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)
        ]
        out.write("  " + "  ".join(cells).rstrip() + "\n")


def render_text(
    report: dict[str, Any], out: TextIO, kinds: bool = False, all_categories: bool = False
) -> None:
    """Per group: totals, then categories some selected rule answers (all with
    ``all_categories``), then rules."""
    for name, g in report["groups"].items():
        out.write(
            f"\n== {name}: {g['rows']} rows, {g['words']} words; {g['error_free_rows']} error-free "
            f"rows ({g['error_free_words']} words)\n"
        )
        out.write(
            f"  findings {g['findings']}, precision {_pct(g['precision'])}, "
            f"segment P {_pct(g['segment_precision'])} R {_pct(g['segment_recall'])}, "
            f"on error-free rows {g['findings_on_error_free_rows']} "
            f"({_num(g['per_1000_words_error_free'])} per 1000 words)"
        )
        if g["negatives"]:
            out.write(f", labelled negatives hit {g['negatives_hit']} of {g['negatives']}")
        out.write("\n")
        if g["categories"]:
            out.write("  categories:\n")
            rows = []
            for cat, c in g["categories"].items():
                if not c["answered"] and not all_categories:
                    continue
                rows.append(
                    [
                        cat,
                        str(c["spans"]),
                        str(c["found"]),
                        _pct(c["recall"]),
                        _pct(c["segment_precision"]),
                        _pct(c["segment_recall"]),
                    ]
                )
                if kinds:
                    for kind, k in c.get("kinds", {}).items():
                        rows.append(
                            [
                                f"  {kind}",
                                str(k["spans"]),
                                str(k["found"]),
                                _pct(k["recall"]),
                                "",
                                "",
                            ]
                        )
            _table(out, ["category", "spans", "found", "recall", "seg P", "seg R"], rows)
        if g["rules"]:
            out.write("  rules:\n")
            rows = [
                [
                    rule,
                    str(r["findings"]),
                    _pct(r["precision"]),
                    str(r["on_error_free_rows"]),
                    _num(r["per_1000_words_error_free"]),
                    str(r["on_negatives"]),
                ]
                for rule, r in g["rules"].items()
            ]
            _table(
                out,
                ["rule", "findings", "precision", "on clean", "per 1000w", "on negatives"],
                rows,
            )
    for problem in report.get("problems", []):
        out.write(f"problem: {problem}\n")


def render_json(report: dict[str, Any], out: TextIO) -> None:
    dump(report, out)
    out.write("\n")
