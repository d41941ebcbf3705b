"""Name checks (NM…): person and place names that a translation or a scrape damaged.

Importing this package registers the ``names`` resource provider: the shipped
``glossaries/names.tbx`` plus ``names`` files, merged and indexed once per
process (see tqcheck.names).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tqcheck.resources_loader import provider

if TYPE_CHECKING:
    from tqcheck.resources_loader import Resources


@provider("names")
def _names(resources: Resources) -> tuple[Any, str]:
    from tqcheck.names.runtime import provide

    return provide(resources.config)
