"""tqcheck: translation-quality checks for translated documents."""

__version__ = "0.1.0"
