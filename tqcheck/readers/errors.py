"""The one exception input handling raises; turned into an InputError at the boundary."""

from __future__ import annotations

# Input codes: a problem with a file (not a check's finding). `--ignore IO003` turns that
# kind of problem into a notice instead of an error.
IO_ERRORS = {
    "IO001": ("binary-file", "The file is binary (NUL bytes or control characters), not text."),
    "IO002": ("undecodable-text", "The file is not valid in the expected encoding (UTF-8)."),
    "IO003": ("empty-file", "The file is empty or holds only white space."),
    "IO004": ("unreadable-file", "The file does not exist or cannot be read."),
    "IO005": ("unsupported-format", "No reader handles this file type."),
    "IO006": ("source-unusable", "The paired source document could not be read."),
    "IO007": ("malformed-input", "A structured input (XML, glossary) is malformed or hostile."),
    "IO009": (
        "work-budget-spent",
        "Reading or checking the document used up its time budget (work_budget_seconds).",
    ),
}


class InputProblem(Exception):
    """Raised inside input handling only, turned into an InputError at the boundary."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
