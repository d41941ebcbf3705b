"""Property-based tests (hypothesis) over the segmenter, every reader and every check.

Whatever the text, nothing raises, every span lies inside the text with
``text[start:end] == finding.text``, findings come sorted and the same twice. The
examples are derandomized (the same ones in every run, CI included); ``bench/fuzz.py``
runs the same properties far longer. A failure found there becomes a case here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import tqcheck.checks  # noqa: F401  (registers every rule)
from tqcheck import registry
from tqcheck.config import Config
from tqcheck.engine import check_document
from tqcheck.model import Document
from tqcheck.readers import READERS
from tqcheck.readers.errors import InputProblem
from tqcheck.resources_loader import Resources

# Letters of the languages at hand, and what breaks naive code: quotes of three traditions,
# markup and format characters, every kind of line end, invisible and bidi characters.
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüßÄÖÜéèêàçœÉÀ0123456789"
    " \t\n\r.,;:!?-–—'\"„“”«»‹›()[]{}<>/&%#@*_=+$€§°\u00a0\u202f\u200b\u200d\u202e"
    "中文"
)
TEXT = st.text(alphabet=ALPHABET, min_size=0, max_size=400)
# bench/fuzz.py sets these for its long run; the suite runs 40 fixed examples per property
EXAMPLES = int(os.environ.get("TQCHECK_FUZZ_EXAMPLES", "40"))
FAST = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="TQCHECK_FUZZ_RANDOM" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CONFIG = Config(model="none", shipped_glossary=True)
RESOURCES = Resources(CONFIG)
CHECKS = [c for c in registry.all_checks() if "model" not in c.needs]


def assert_findings_sound(doc: Document, langs: str) -> None:
    result = check_document(doc, CHECKS, CONFIG, RESOURCES)
    assert result.errors == [], (langs, result.errors)
    starts = [(f.start, f.end) for f in result.findings]
    assert starts == sorted(starts)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(doc.text)
        assert doc.text[f.start : f.end] == f.text
    again = check_document(doc, CHECKS, CONFIG, RESOURCES)
    assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in result.findings]


@FAST
@given(TEXT)
@example("Der der Satz.\r\nZweiter\u200bSatz „ohne Ende")
@example("\u202e" * 3 + "." * 50 + " " * 40)
def test_segmentation_covers_the_text(text: str) -> None:
    doc = Document("fuzz.txt", text, "de")
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
    assert [s.start for s in doc.sentences] == sorted(s.start for s in doc.sentences)


@FAST
@given(TEXT, st.sampled_from(["de", "en", "fr"]))
@example("Olaf Scho\u200blz sagte , dass „die die NATO“ wächst", "de")
def test_every_check_on_any_text(text: str, lang: str) -> None:
    assert_findings_sound(Document("fuzz.txt", text, lang), lang)


@FAST
@given(TEXT, TEXT, st.sampled_from(["de", "fr"]))
@example("The minister said 3 things.", "Le ministre a dit 4 choses .", "fr")
def test_every_check_with_a_source(source: str, target: str, lang: str) -> None:
    src = Document("src.txt", source, "en")
    assert_findings_sound(Document("fuzz.txt", target, lang, source=src), f"en-{lang}")


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
def test_every_reader_on_any_text(reader) -> None:  # type: ignore[no-untyped-def]
    name = f"fuzz{reader.extensions[0]}"

    @FAST
    @given(TEXT)
    @example('msgid "a"\nmsgstr "b\n')
    @example("<xliff><file><body><trans-unit id='1'><source>a</source>")
    @example("a\tb\n\tc\n<p>x</p>&amp;&#0;")
    def run(text: str) -> None:
        try:
            read = reader.read(Path(name), text, None)
        except InputProblem:
            return  # refused with a message: allowed
        assert len(read.text) == len(text) or reader.name in ("text", "markdown")
        for unit in read.units:
            assert 0 <= unit.start <= unit.end <= len(read.text)
        assert_findings_sound(
            Document(name, read.text, "de", units=read.units, skip=read.skip), reader.name
        )

    run()
