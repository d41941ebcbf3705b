"""Reference-based scores for ``tqcheck score``: BLEU, chrF++ and TER with their sacrebleu
signatures, plus embedding similarity to the reference and to the source.

Inputs are line-aligned segments: corpus files (one segment per line), folders of
paired files (one document per file), or a TSV with a header naming its columns.
sacrebleu and the embedding model are imported only here, only when scoring.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck import __version__

if TYPE_CHECKING:
    from tqcheck.embed import LazyEmbedder

SRC_COLS = ("source", "src")
HYP_COLS = ("hypothesis", "hyp", "target", "tgt", "mt", "translation")
REF_RE = re.compile(r"^(?:reference|ref)\d*$")
DOC_COLS = ("doc", "document", "docid", "doc_id")


class ScoreInputError(ValueError):
    """Inputs that cannot be scored; one precise sentence, exit code 2."""


@dataclass
class ScoreDoc:
    name: str
    hyps: list[str]
    refs: list[list[str]]  # one list per reference, each as long as hyps
    srcs: list[str] | None = None


@dataclass
class Scores:
    segments: int
    bleu: float
    chrf: float
    ter: float
    sim_ref: float | None = None
    sim_src: float | None = None

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "segments": self.segments,
            "bleu": round(self.bleu, 2),
            "chrf": round(self.chrf, 2),
            "ter": round(self.ter, 2),
            "sim_ref": None if self.sim_ref is None else round(self.sim_ref, 4),
            "sim_src": None if self.sim_src is None else round(self.sim_src, 4),
        }


@dataclass
class ScoreReport:
    documents: list[tuple[str, Scores]]
    corpus: Scores
    signatures: dict[str, str | None]
    notices: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "tool": "tqcheck",
            "version": __version__,
            "signatures": self.signatures,
            "documents": [{"name": n, **s.as_dict()} for n, s in self.documents],
            "corpus": self.corpus.as_dict(),
            "notices": self.notices,
        }


def read_lines(path: Path, encoding: str = "utf-8") -> list[str]:
    """The lines of a text file; missing, empty, binary or undecodable files raise one
    precise ScoreInputError (the same tests as ``tqcheck scan`` applies to its inputs)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ScoreInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ScoreInputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise ScoreInputError(f"{path}: cannot read: {exc.strerror}") from None
    if not data.strip():
        raise ScoreInputError(f"{path}: empty file")
    head = data[:4096]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > 0.1 * len(head):
        raise ScoreInputError(f"{path}: binary file, not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ScoreInputError(
            f"{path}: not valid {encoding} at line {line}; convert it or pass --encoding"
        ) from None
    except LookupError:
        raise ScoreInputError(f"unknown encoding {encoding!r}") from None
    lines = text.removeprefix("\ufeff").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def load_inputs(
    hyp: Path, refs: list[Path], src: Path | None, encoding: str = "utf-8"
) -> list[ScoreDoc]:
    """Documents to score from a TSV, a corpus file, or a folder of files."""
    if hyp.is_file() and hyp.suffix.lower() == ".tsv" and not refs:
        return _from_tsv(hyp, encoding)
    if not refs:
        raise ScoreInputError("give at least one --ref (or a TSV with a reference column)")
    if hyp.is_dir():
        return _from_folders(hyp, refs, src, encoding)
    if not hyp.exists():
        raise ScoreInputError(f"{hyp}: no such file or folder")
    doc = ScoreDoc(
        hyp.name,
        read_lines(hyp, encoding),
        [read_lines(r, encoding) for r in refs],
        read_lines(src, encoding) if src else None,
    )
    _check_lengths(doc, [str(r) for r in refs], str(src) if src else None)
    return [doc]


def _check_lengths(doc: ScoreDoc, ref_names: list[str], src_name: str | None) -> None:
    n = len(doc.hyps)
    for name, ref in zip(ref_names, doc.refs, strict=True):
        if len(ref) != n:
            raise ScoreInputError(
                f"{doc.name}: {n} hypothesis lines but {len(ref)} in {name}; segments must be "
                "line-aligned (`tqcheck align` shows a sentence alignment of two articles)"
            )
    if doc.srcs is not None and len(doc.srcs) != n:
        raise ScoreInputError(f"{doc.name}: {n} hypothesis lines but {len(doc.srcs)} in {src_name}")


def _stem(name: str) -> str:
    """``article.de.txt`` -> ``article``: pairs files that differ only in the language tag."""
    parts = name.split(".")
    return ".".join(
        p for i, p in enumerate(parts) if i == 0 or not re.fullmatch(r"[a-z]{2,3}|txt|md", p)
    )


def _from_folders(hyp: Path, refs: list[Path], src: Path | None, encoding: str) -> list[ScoreDoc]:
    docs = []
    for path in sorted(p for p in hyp.rglob("*") if p.is_file() and not p.name.startswith(".")):
        rel = path.relative_to(hyp)
        ref_paths = [_partner(r, rel) for r in refs]
        missing = [str(r) for r, p in zip(refs, ref_paths, strict=True) if p is None]
        if missing:
            raise ScoreInputError(f"{rel}: no matching file in {', '.join(missing)}")
        src_path = _partner(src, rel) if src else None
        if src is not None and src_path is None:
            raise ScoreInputError(f"{rel}: no matching file in {src}")
        doc = ScoreDoc(
            str(rel),
            read_lines(path, encoding),
            [read_lines(p, encoding) for p in ref_paths if p is not None],
            read_lines(src_path, encoding) if src_path else None,
        )
        _check_lengths(doc, [str(p) for p in ref_paths], str(src_path) if src_path else None)
        docs.append(doc)
    if not docs:
        raise ScoreInputError(f"{hyp}: no files to score")
    return docs


def _partner(folder: Path, rel: Path) -> Path | None:
    if not folder.is_dir():
        raise ScoreInputError(f"{folder}: a folder of hypotheses needs folders for --ref/--src")
    exact = folder / rel
    if exact.is_file():
        return exact
    siblings = (
        [
            p
            for p in (folder / rel.parent).glob("*")
            if p.is_file() and _stem(p.name) == _stem(rel.name)
        ]
        if (folder / rel.parent).is_dir()
        else []
    )
    return siblings[0] if len(siblings) == 1 else None


def _from_tsv(path: Path, encoding: str) -> list[ScoreDoc]:
    rows = list(csv.reader(read_lines(path, encoding), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        raise ScoreInputError(f"{path}: empty TSV")
    header = [h.strip().lower() for h in rows[0]]
    hyp_col = next((header.index(c) for c in HYP_COLS if c in header), None)
    ref_cols = [i for i, h in enumerate(header) if REF_RE.match(h)]
    src_col = next((header.index(c) for c in SRC_COLS if c in header), None)
    doc_col = next((header.index(c) for c in DOC_COLS if c in header), None)
    if hyp_col is None or not ref_cols:
        raise ScoreInputError(
            f"{path}: the TSV header must name a hypothesis column ({'/'.join(HYP_COLS)}) and "
            f"at least one reference column (reference, ref, ref2, …); found {rows[0]}"
        )
    docs: dict[str, ScoreDoc] = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise ScoreInputError(
                f"{path}:{line}: {len(row)} columns, the header has {len(header)}"
            )
        name = row[doc_col] if doc_col is not None else path.name
        doc = docs.setdefault(
            name, ScoreDoc(name, [], [[] for _ in ref_cols], [] if src_col is not None else None)
        )
        doc.hyps.append(row[hyp_col])
        for slot, col in zip(doc.refs, ref_cols, strict=True):
            slot.append(row[col])
        if doc.srcs is not None and src_col is not None:
            doc.srcs.append(row[src_col])
    return list(docs.values())


def score(docs: list[ScoreDoc], lang: str | None = None, model: str | None = None) -> ScoreReport:
    """Per-document and corpus scores with signatures; the model is optional."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    nrefs = {len(d.refs) for d in docs}
    if len(nrefs) != 1:
        raise ScoreInputError("every document needs the same number of references")
    bleu = BLEU(trg_lang=lang or "")
    chrf = CHRF(word_order=2)
    ter = TER()
    notices: list[str] = []
    embedder = _embedder(model, notices)

    def measure(hyps: list[str], refs: list[list[str]], srcs: list[str] | None) -> Scores:
        out = Scores(
            len(hyps),
            bleu.corpus_score(hyps, refs).score,
            chrf.corpus_score(hyps, refs).score,
            ter.corpus_score(hyps, refs).score,
        )
        nonlocal embedder
        if embedder is not None and hyps:
            try:
                out.sim_ref = _mean_similarity(embedder, hyps, refs)
                if srcs is not None:
                    out.sim_src = _mean_similarity(embedder, hyps, [srcs])
            except Exception as exc:  # a model that fails to load: scores still print
                notices.append(f"embedding similarity skipped: {embedder.name} failed: {exc!r}")
                embedder = None
        return out

    per_doc = [(d.name, measure(d.hyps, d.refs, d.srcs)) for d in docs]
    all_hyps = [h for d in docs for h in d.hyps]
    all_refs = [[r for d in docs for r in d.refs[i]] for i in range(nrefs.pop())]
    have_src = all(d.srcs is not None for d in docs)
    all_srcs = [s for d in docs for s in (d.srcs or [])] if have_src else None
    corpus = measure(all_hyps, all_refs, all_srcs)
    signatures: dict[str, str | None] = {
        "bleu": str(bleu.get_signature()),
        "chrf": str(chrf.get_signature()),
        "ter": str(ter.get_signature()),
        "embedding": (
            f"emb:{embedder.fingerprint}|nrefs:{len(all_refs)}|agg:mean-cos(max-over-refs)"
            f"|tqcheck:{__version__}"
            if embedder is not None
            else None
        ),
    }
    return ScoreReport(per_doc, corpus, signatures, notices)


def _embedder(model: str | None, notices: list[str]) -> LazyEmbedder | None:
    from tqcheck.embed import ModelUnavailable, get_embedder

    try:
        return get_embedder(model)
    except ModelUnavailable as exc:
        notices.append(f"embedding similarity skipped: {exc}")
        return None


def _mean_similarity(embedder: LazyEmbedder, hyps: list[str], refs: list[list[str]]) -> float:
    """Mean over segments of the best cosine to any reference. A segment empty on both
    sides (a blank line between paragraphs) is left out; empty on one side counts 0."""
    import numpy as np

    eh = embedder.encode(hyps)
    best = np.full(len(hyps), -1.0)
    for ref in refs:
        er = embedder.encode(ref)
        best = np.maximum(best, np.einsum("ij,ij->i", eh, er))
    hyp_empty = np.array([not h.strip() for h in hyps])
    ref_empty = np.array([all(not r[i].strip() for r in refs) for i in range(len(hyps))])
    best[hyp_empty | ref_empty] = 0.0
    keep = ~(hyp_empty & ref_empty)
    return float(best[keep].mean()) if keep.any() else 0.0
