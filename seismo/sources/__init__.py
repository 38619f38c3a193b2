"""Sources that keep arriving: watched folders and feed files, and stories told twice.

`watch_once` reads what is new in a folder or feed file, sets aside stories already stored
(exactly, or nearly: the same wire copy from another outlet, found by MinHash), codes the
rest and stores every outlet's copy in `document_sources`.
"""

from seismo.sources.dedupe import DEFAULT_THRESHOLD, plan_batch
from seismo.sources.tables import ensure_tables, sources_of
from seismo.sources.watch import WatchResult, watch, watch_once

__all__ = [
    "DEFAULT_THRESHOLD",
    "WatchResult",
    "ensure_tables",
    "plan_batch",
    "sources_of",
    "watch",
    "watch_once",
]
