"""What a check sees besides the document: its own spec, the config, shared resources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tqcheck.model import Document, Finding

if TYPE_CHECKING:
    from tqcheck.config import Config
    from tqcheck.registry import CheckSpec
    from tqcheck.resources_loader import Resources
    from tqcheck.text.langpack import LangPack


@dataclass(frozen=True)
class Context:
    """Per (document, check) context; ``finding`` fills code, name and effective severity."""

    doc: Document
    spec: CheckSpec
    config: Config
    resources: Resources
    # For checks that run after the others (needs "findings"): the rules that ran on the
    # document and the indexes of its suppressions that silenced a finding.
    ran: frozenset[str] = frozenset()
    used_suppressions: frozenset[int] = frozenset()

    @property
    def pack(self) -> LangPack:
        return self.resources.langpack(self.doc.lang)

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
    ) -> Finding:
        """Build a finding for ``doc.text[start:end]``; checks never set severity themselves."""
        if not 0 <= start <= end <= len(self.doc.text):
            raise ValueError(f"{self.spec.code}: span {start}-{end} outside the document")
        line, column = self.doc.line_col(start)
        return Finding(
            rule=self.spec.code,
            name=self.spec.name,
            category=self.spec.category,
            severity=self.config.severity_for(self.spec),
            message=message,
            start=start,
            end=end,
            line=line,
            column=column,
            text=self.doc.text[start:end],
            suggestion=suggestion,
        )
