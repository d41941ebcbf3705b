"""The explicit list of check modules; importing one registers its checks."""

from tqcheck.checks import suppressions  # noqa: F401
from tqcheck.checks.accuracy import (  # noqa: F401
    codes,
    copied,
    leftover,
    length,
    polarity,
    quantities,
    repeated,
    semantic,
    verbatim,
)
from tqcheck.checks.fluency import (  # noqa: F401
    fragments,
    furniture,
    invisible,
    punctuation,
    quotes,
    repetition,
    sentences,
    spelling,
    untranslated,
)
from tqcheck.checks.glossary import gender, style, terms  # noqa: F401
from tqcheck.checks.names import consistency, known, source, typo  # noqa: F401
