"""The explicit list of check modules; importing one registers its checks."""

from tqcheck.checks.fluency import punctuation, repetition  # noqa: F401
