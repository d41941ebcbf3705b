"""tqcheck: translation-quality checks for translated documents."""

__version__ = "0.1.0"

# The composition root: Documents segment with the text layer's splitters.
import tqcheck.text.segment  # noqa: F401
