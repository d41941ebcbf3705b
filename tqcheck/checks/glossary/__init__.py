"""Glossary checks (GL…): the target against the loaded term bases.

Importing this package registers the ``glossary`` resource provider: the
shipped NATO term base plus ``--glossary`` / ``glossaries`` files, merged, with
one automaton per language built once per process (see tqcheck.glossary).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tqcheck.resources_loader import provider

if TYPE_CHECKING:
    from tqcheck.resources_loader import Resources


@provider("glossary")
def _glossary(resources: Resources) -> tuple[Any, str]:
    from tqcheck.glossary.runtime import provide

    return provide(resources.config)
