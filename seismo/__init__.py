"""seismo: political events (CAMEO, Goldstein, QuadClass, PLOVER) coded from news, dated by
when they happened, each with the sentence it was read from.

The public API, for scripts and notebooks: the same path the `seismo` command takes.

    from seismo import Document, Store, build_coder, code_documents

    docs = [Document(doc_id="a1", text="...", published=datetime.date(2024, 5, 2))]
    coded = list(code_documents(docs, coder=build_coder()))
    with Store("events.duckdb") as store:
        store.write([c for c in coded if not isinstance(c, Skipped)])

Names are imported on first use, so `import seismo` (and `seismo --help`) loads neither
spaCy nor DuckDB.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Where each public name lives.
_PUBLIC = {
    "code_documents": "seismo.pipeline",
    "build_coder": "seismo.pipeline",
    "Store": "seismo.store",
    "Document": "seismo.model",
    "Event": "seismo.model",
    "Stance": "seismo.model",
    "Actor": "seismo.model",
    "CodedDocument": "seismo.model",
    "Skipped": "seismo.model",
    "read_inputs": "seismo.ingest",
    "load_pipeline": "seismo.nlp",
    "SeismoError": "seismo.errors",
}
__all__ = [
    "Actor",
    "CodedDocument",
    "Document",
    "Event",
    "SeismoError",
    "Skipped",
    "Stance",
    "Store",
    "build_coder",
    "code_documents",
    "load_pipeline",
    "read_inputs",
]

if TYPE_CHECKING:
    from seismo.errors import SeismoError
    from seismo.ingest import read_inputs
    from seismo.model import Actor, CodedDocument, Document, Event, Skipped, Stance
    from seismo.nlp import load_pipeline
    from seismo.pipeline import build_coder, code_documents
    from seismo.store import Store


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'seismo' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups do not come back here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
