"""The one word-frequency lookup every check shares."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tqcheck.text.frequency import zipf


def test_known_words_and_region_tags() -> None:
    assert zipf("haus", "de") > 4.0
    assert zipf("haus", "de-AT") == zipf("haus", "de")
    assert zipf("xqzvkw", "en") == 0.0


def test_language_without_a_list_is_unknown_not_an_error() -> None:
    assert zipf("juma", "und") == 0.0
    assert zipf("juma", "xx") == 0.0


def test_doubled_word_check_runs_on_an_undetermined_document(cli, tmp_path) -> None:
    import json

    path = tmp_path / "doc.txt"
    path.write_text("Xq zv Juma Juma kl.\n", encoding="utf-8")
    result = cli(
        "scan",
        path,
        "--lang",
        "und",
        "--select",
        "FL002",
        "-f",
        "json",
        "--isolated",
        "--exit-zero",
    )
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["errors"] == []  # a name-like double in an unknown language is left alone
    assert doc["findings"] == []


def test_a_language_whose_tokenizer_is_missing_answers_unknown(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """wordfreq tokenizes Chinese with jieba, an optional extra: a check must not fail."""
    import builtins

    from tqcheck.text import frequency

    real_import = builtins.__import__

    def no_jieba(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name in ("jieba", "wordfreq.chinese"):
            raise ModuleNotFoundError("No module named 'jieba'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_jieba)
    frequency.zipf.cache_clear()
    monkeypatch.setattr(frequency, "_NO_TOKENIZER", set())
    assert frequency.zipf("天气", "zh") == 0.0
    assert frequency.zipf("Wetter", "de") > 3.0
    frequency.zipf.cache_clear()


def test_the_disk_table_answers_as_wordfreq_does(tmp_path, monkeypatch) -> None:
    """Every plain word looked up in the SQLite table gets wordfreq's own Zipf value, to
    the last digit: list words (every 97th), capitalised and upper-cased forms, German
    sharp s, accents, decomposed accents, misspellings, Greek and Cyrillic words."""
    import random
    import unicodedata

    import wordfreq

    from tqcheck.text import cache, frequency

    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(frequency, "_STORES", cache.ProcessLocal())
    rng = random.Random(7)
    for lang in ("de", "en", "fr"):
        listed = [w for w in wordfreq.iter_wordlist(lang)][::97]
        words = [w for w in listed if w.isalpha()][:3000]
        extra = ["Straße", "STRASSE", "Übermorgen", "ÉTÉ", "cafe\u0301", "Αθήνα", "Москва"]
        extra += ["text-to-speech", "e-mail", "NATO-Gipfel", "Xqz-haus", "-", "a--b", "haus-"]
        extra += ["don't", "editor’s", "geht's", "l'homme", "qu'il", "aujourd'hui", "'s", "o''k"]
        extra += ["o'clock", "rock'n'roll", "xyz'abc", "Haven't", "d'Artagnan"]
        extra += ["leser:innen", "Leser*innen", "z.B.", "COVID-19", "2023", "100%", "C++", "3D"]
        extra += ["ok!", "#tag", "x@y", "Bürger·innen", "Leser_innen", "1.5", "", "!!", "東京"]
        extra += ["a:b:c", "x·y", "Ärzt:innen", ":innen", "innen:", "a::b", "haus_", "a:b-c"]
        typos = ["".join(rng.sample(w, len(w))) for w in words[:300]]
        for word in [*words, *(w.title() for w in words[:300]), *extra, *typos]:
            expected = wordfreq.zipf_frequency(word, lang)
            assert frequency.zipf.__wrapped__(word, lang) == expected, (word, lang)
        assert frequency._STORES[lang] is not None  # the table was used, not wordfreq
    assert unicodedata.is_normalized("NFC", "Straße")


def test_without_a_cache_folder_wordfreq_answers(monkeypatch) -> None:
    from tqcheck.text import cache, frequency

    monkeypatch.setenv("TQCHECK_CACHE_DIR", "off")
    monkeypatch.setattr(frequency, "_STORES", cache.ProcessLocal())
    assert frequency.zipf.__wrapped__("haus", "de") > 4.0
    assert frequency._STORES["de"] is None


def test_a_damaged_table_is_rebuilt_and_a_forked_worker_opens_its_own(
    tmp_path, monkeypatch
) -> None:
    from tqcheck.text import cache, frequency

    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(frequency, "_STORES", cache.ProcessLocal())
    expected = frequency.zipf.__wrapped__("haus", "de")
    conn = frequency._STORES["de"][0]
    tables = list((tmp_path / "cache").glob("wordfreq-*.sqlite"))
    assert len(tables) == 1
    tables[0].write_bytes(b"not a database at all" * 100)  # damaged on disk
    tables[0].chmod(0o600)
    monkeypatch.setattr(frequency._STORES, "pid", -1)  # as in a process forked later
    assert frequency.zipf.__wrapped__("haus", "de") == expected  # rebuilt, same answer
    assert frequency._STORES["de"][0] is not conn
    assert cache.trusted(tables[0]) and tables[0].read_bytes()[:15] == b"SQLite format 3"


_ODD = "abcdeäöüßéçñABÄÉİıςΣﬁǅⅣ²ªĳŉʼˈºµΩÅǰẞﬀſ" + "\u0301\u0308\u00ad\u200d-'’:·_1209."


@settings(max_examples=300, deadline=None)
@example("cŉ", "en")
@example("Daŉ", "fr")
@given(st.text(alphabet=_ODD, min_size=1, max_size=9), st.sampled_from(["de", "en", "fr"]))
def test_any_word_gets_wordfreqs_answer(word: str, lang: str) -> None:
    """Ligatures, modifier letters, combining marks, digits and punctuation: the table's
    answer is wordfreq's ("ŉ" becomes "ʼn" under NFKC, which wordfreq splits)."""
    import wordfreq

    from tqcheck.text import frequency

    assert frequency.zipf.__wrapped__(word, lang) == wordfreq.zipf_frequency(word, lang)
