"""Work grows linearly with the input: a long paragraph, long runs of spaces (what readers
make of markup), a bilingual file with long cells. Asserted as growth ratios between two
sizes in one run (linear: about 4 for 4x the input; quadratic: about 16), never as times."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from tqcheck.scanner import Scanner

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LINEAR_BOUND = 8.0  # for 4x the input; quadratic work gives about 16


def paragraphs() -> list[str]:
    return [
        p
        for s in sorted(SEEDS.glob("*.txt"))
        for p in s.read_text(encoding="utf-8").split("\n")
        if len(p.split()) > 8
    ]


def cpu(func: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        func()
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


def growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    small, large = make(n), make(4 * n)
    small()  # warm: resources load on the first document
    return cpu(large) / cpu(small)


def test_one_long_paragraph_is_linear() -> None:
    scanner = Scanner(model="none")
    scanner.cache = False
    rng = random.Random(5)
    texts = paragraphs()

    def make(n: int) -> Callable[[], object]:
        text = " ".join(rng.choice(texts) for _ in range(n))
        return lambda: scanner.scan_text(text, "de")

    assert growth(make, 60) < LINEAR_BOUND


def test_long_runs_of_spaces_are_linear() -> None:
    scanner = Scanner(select=["FL"], model="none")
    scanner.cache = False

    def make(n: int) -> Callable[[], object]:
        text = "\n".join(f"Zeile {i}" + " " * (n * 500) + "weiter." for i in range(5))
        return lambda: scanner.scan_text(text, "de")

    assert growth(make, 20) < LINEAR_BOUND


def test_a_long_line_of_doubled_spaces_is_linear() -> None:
    # FL018 counted every run of its line for every run: quadratic in the line's length
    scanner = Scanner(select=["FL018"], model="none")
    scanner.cache = False

    def make(n: int) -> Callable[[], object]:
        text = "Die Minister  trafen sich. " * (n * 40) + "\n"
        return lambda: scanner.scan_text(text, "de")

    assert growth(make, 20) < LINEAR_BOUND


def test_many_quotations_in_one_long_document_are_linear() -> None:
    # FL008 and FL020 looked at every quotation of the document for every sentence
    scanner = Scanner(select=["FL008", "FL020"], model="none")
    scanner.cache = False

    def make(n: int) -> Callable[[], object]:
        text = "Er sagte „ja“ und ging nach Hause. " * (n * 400)
        return lambda: scanner.scan_text(text, "de")

    assert growth(make, 8) < LINEAR_BOUND


def test_a_bilingual_file_with_long_cells_is_linear() -> None:
    scanner = Scanner(model="none")
    scanner.cache = False

    def make(n: int) -> Callable[[], object]:
        rows = ["source\ttarget"] + [
            "The house is big. " * (n * 20) + "\t" + "Das Haus ist groß. " * (n * 20)
            for _ in range(4)
        ]
        data = ("\n".join(rows) + "\n").encode()
        return lambda: scanner.scan_bytes(data, "rows.en-de.tsv")

    assert growth(make, 6) < LINEAR_BOUND


def test_an_unclosed_html_tag_costs_linear_time() -> None:
    """An unclosed tag with a run of letters: 2^n ways to split the run into attribute
    names made a 62-byte file hang the scan. 12 and 18 letters: linear work grows ~1.5×,
    the old exponential pattern 64×."""
    from tqcheck.readers.html import _TOKEN_RE

    def make(letters: int) -> Callable[[], object]:
        text = "<p>Hallo Welt.</p><a " + "x" * letters + '"'
        return lambda: [list(_TOKEN_RE.finditer(text)) for _ in range(300)]

    small, large = make(12), make(18)
    small()
    assert cpu(large) / cpu(small) < LINEAR_BOUND


def test_a_long_line_without_spaces_is_linear() -> None:
    """A line of Chinese (no spaces) inside a German text: the masks of FL008/FL020 once
    retried an address pattern from every character of it."""
    scanner = Scanner(select=["FL008", "FL020"], model="none")
    scanner.cache = False

    def make(n: int) -> Callable[[], object]:
        text = "Das ist ein Satz. " + "中文字符" * n + "。"
        return lambda: scanner.scan_text(text, "de")

    assert growth(make, 400) < LINEAR_BOUND


def test_comment_thread_pattern_is_linear_on_a_run_of_spaces() -> None:
    """A masked <script> becomes a long run of padding: the reply-line pattern of FL007
    retried every split of it (an 80 KB page took 16 s, a 500 KB one never ended)."""
    from tqcheck.checks.fluency.furniture import structure

    pattern = structure.REPLY_RE

    def make(n: int) -> Callable[[], object]:
        text = "Kommentare\n" + " " * (n * 5000) + "kein Antwortkopf\n"  # no match: all splits
        return lambda: pattern.search(text)

    assert growth(make, 4) < LINEAR_BOUND


def test_many_units_cost_linear_alignment() -> None:
    """Each unit's sentences were found by a scan of all sentences: units x sentences."""
    from tqcheck.align import sentence_pieces
    from tqcheck.model import Document, Unit

    def make(n: int) -> Callable[[], object]:
        parts, units, pos = [], [], 0
        for i in range(n):
            target = f"Der Bericht {i} kam an."
            units.append(Unit(f"The report {i} arrived.", pos, pos + len(target), str(i)))
            parts.append(target)
            pos += len(target) + 2
        doc = Document("u.tsv", "\n\n".join(parts), "de", units=tuple(units))
        _ = doc.sentences
        return lambda: [sentence_pieces(doc, u.start, u.end) for u in doc.units]

    assert growth(make, 1500) < LINEAR_BOUND


def invented_names(seed: int) -> Callable[[], str]:
    """Names no names data knows, three syllables each, from a seeded generator."""
    rng = random.Random(seed)
    syllables = ["kar", "vel", "dro", "min", "tes", "jor", "quan", "bel", "sto", "wek"]
    return lambda: "".join(rng.choice(syllables) for _ in range(3)).capitalize()


def bilingual_rows(scanner: Scanner, rows: list[str]) -> Callable[[], object]:
    """A scan of the rows as one bilingual TSV file (one document)."""
    data = ("\n".join(["source\ttarget", *rows]) + "\n").encode()
    return lambda: scanner.scan_bytes(data, "rows.en-de.tsv")


def test_source_names_that_do_not_arrive_cost_linear_time() -> None:
    """Each row names someone no names data knows, and the target names someone else:
    checking whether the target spells a name right elsewhere once read every word of the
    whole file for every such name (a bilingual file is one document)."""
    scanner = Scanner(select=["NM005", "NM006"], model="none", preview=True)
    scanner.cache = False
    name = invented_names(9)

    def make(n: int) -> Callable[[], object]:
        rows = [
            f"Officer {name()} said the road near the harbour was closed.\t"
            f"Beamter {name()} sagte, die Straße am Hafen sei gesperrt."
            for _ in range(n)
        ]
        return bilingual_rows(scanner, rows)

    assert growth(make, 150) < LINEAR_BOUND


def test_near_misses_beside_a_source_name_cost_linear_time() -> None:
    """Each row's target misspells one word of a two-word source name beside the other:
    finding the near miss's neighbours once searched the list of every capitalised word
    of the file for it (a bilingual file is one document)."""
    scanner = Scanner(select=["NM005"], model="none")
    scanner.cache = False
    name = invented_names(11)

    def make(n: int) -> Callable[[], object]:
        rows = []
        for _ in range(n):
            first, last = name(), name()
            rows.append(
                f"Mayor {first} {last} opened the new bridge on Monday.\t"
                f"Bürgermeister {first} {last[:-1]}{'x' if last[-1] != 'x' else 'y'} "
                "eröffnete am Montag die neue Brücke."
            )
        return bilingual_rows(scanner, rows)

    assert growth(make, 200) < LINEAR_BOUND
