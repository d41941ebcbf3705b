"""Accuracy checks (AC…): what only a comparison with the source can show.

All of them work on the shared sentence alignment (``tqcheck.align``). The
semantic ones (AC001-AC003) need the embedding model; the rest are rule-based
and run without one, over an alignment by length and shared anchors.
"""

import tqcheck.embed  # noqa: F401  (registers the "model" resource provider)
