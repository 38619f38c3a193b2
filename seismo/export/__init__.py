"""Exports of coded events for other tools: GDELT 2.0 rows, PLOVER JSONL, CSV, GraphML.

Every exporter takes the plain event dicts of `Event.to_dict()` (EVENT-SCHEMA.md).
"""

from seismo.export._records import ExportError
from seismo.export.flat import CSV_COLUMNS, write_csv
from seismo.export.gdelt import GDELT_COLUMNS, to_gdelt_rows, write_gdelt
from seismo.export.graphml import network_graph, write_graphml
from seismo.export.plover import to_plover, write_plover

__all__ = [
    "CSV_COLUMNS",
    "GDELT_COLUMNS",
    "ExportError",
    "network_graph",
    "to_gdelt_rows",
    "to_plover",
    "write_csv",
    "write_gdelt",
    "write_graphml",
    "write_plover",
]
