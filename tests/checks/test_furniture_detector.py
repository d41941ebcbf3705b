"""The furniture detector's parts: pack vocabulary, batch repetition, page context."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_doc
from tqcheck import registry
from tqcheck.checks.fluency.furniture.analysis import analyse
from tqcheck.checks.fluency.furniture.lexicon import lexicon, match_words
from tqcheck.config import Config
from tqcheck.engine import run
from tqcheck.inputs import Job

ARTICLE = {
    "de": [
        "Neue Brücke über die Saale eröffnet",
        "Nach drei Jahren Bauzeit ist die neue Brücke am Samstag für den Verkehr freigegeben "
        "worden. Rund 12 000 Fahrzeuge sollen sie täglich nutzen.",
        "Die Baukosten stiegen von 18 auf 26 Millionen Euro, teilte die Stadt mit. Grund "
        "seien höhere Preise für Stahl und Beton gewesen.",
        "Anwohner feierten die Eröffnung mit einem Fest am Ufer.",
    ],
    "fr": [
        "Un nouveau pont sur la Loire ouvert à la circulation",
        "Après trois ans de travaux, le pont a été inauguré samedi. Quelque 12 000 véhicules "
        "devraient l'emprunter chaque jour.",
        "Le coût du chantier est passé de 18 à 26 millions d'euros, selon la mairie, en raison "
        "de la hausse des prix de l'acier.",
        "Les riverains ont fêté l'ouverture par un pique-nique au bord du fleuve.",
    ],
}


def page(lang: str, extra: str, at: int = 2) -> str:
    paras = list(ARTICLE[lang])
    paras.insert(at, extra)
    return "\n\n".join(paras)


def test_english_stems_that_are_everyday_words_here_are_dropped() -> None:
    # English "comment" is French "how": not evidence of a comment form in French text
    assert "comment_form" not in lexicon("fr").kind_hits(
        match_words("Comment le pont a-t-il été financé")
    )
    assert "comment_form" in lexicon("de").kind_hits(match_words("Leave a comment"))


def test_stems_match_inside_german_compounds_when_marked() -> None:
    hits = lexicon("de").kind_hits(match_words("Alle Leserkommentare anzeigen"))
    assert "comment_form" in hits or "comment_section" in hits


def test_structural_credit_needs_names_after_the_label() -> None:
    credit = page("de", "Die Brücke bei Nacht. Foto: Lena Vogt/Zeitungsverlag")
    hits = [h for h in analyse(make_doc(credit, "de")) if h.kind == "photo_credit"]
    assert hits
    prose = page("de", "Ein Foto von der Eröffnung zeigt die Menschenmenge am Ufer.")
    assert not [h for h in analyse(make_doc(prose, "de")) if h.kind == "photo_credit"]
    credit_fr = page("fr", "Le pont au crépuscule. Photo : Jeanne Morel / Agence Ouest")
    assert [h for h in analyse(make_doc(credit_fr, "fr")) if h.kind == "photo_credit"]


def test_a_segment_has_no_page_to_score_lines_in() -> None:
    line = "Mehr vom Bauprojekt in unserem Dossier entdecken!"
    assert analyse(make_doc(page("de", line), "de"))  # a page: the scorer judges the line
    assert not [h for h in analyse(make_doc(line, "de")) if h.score < 1.0]


def test_a_line_repeated_across_the_batch_is_boilerplate(tmp_path: Path) -> None:
    odd = "Regionales aus Sachsen-Anhalt"  # alone a subheading; in every document, boilerplate
    for i, lang in enumerate(["de", "de", "de"]):
        text = page(lang, odd, at=1).replace("Saale", f"Saale{i}", 1)
        (tmp_path / f"a{i}.de.txt").write_text(text, encoding="utf-8")
    cfg = Config(select=["FL003"]).validate()
    checks = registry.select(registry.all_checks(), cfg.select)
    jobs = [Job(p) for p in sorted(tmp_path.glob("*.txt"))]
    batch = run(jobs, cfg, checks)
    assert all(any(f.text == odd for f in d.findings) for d in batch.documents)
    alone = run(jobs[:1], cfg, checks)
    assert not any(f.text == odd for f in alone.documents[0].findings)
