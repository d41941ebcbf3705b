"""The one exception input handling raises; turned into an InputError at the boundary."""

from __future__ import annotations


class InputProblem(Exception):
    """Raised inside input handling only, turned into an InputError at the boundary."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
