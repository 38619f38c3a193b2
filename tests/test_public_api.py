"""The public API: what scripts and notebooks import from `seismo` itself."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_documented_names_import() -> None:
    from seismo import Document, Event, Store, build_coder, code_documents
    from seismo.model import Document as ModelDocument
    from seismo.model import Event as ModelEvent
    from seismo.pipeline import build_coder as pipeline_build_coder
    from seismo.pipeline import code_documents as pipeline_code_documents
    from seismo.store import Store as StoreClass

    assert (Document, Event, Store) == (ModelDocument, ModelEvent, StoreClass)
    assert (build_coder, code_documents) == (pipeline_build_coder, pipeline_code_documents)


def test_an_unknown_name_is_an_attribute_error() -> None:
    import seismo

    try:
        seismo.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("seismo.no_such_thing should not exist")


def test_importing_seismo_loads_no_heavy_library() -> None:
    code = (
        "import sys, seismo; heavy = [m for m in ('spacy', 'duckdb', 'fastapi', 'pyarrow') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_from_text_to_stored_events_in_python(tmp_path: Path, nlp, coder) -> None:
    """The quickstart's Python example, end to end."""
    from seismo import CodedDocument, Document, Store, code_documents

    text = "On 3 May 2024, Portugal expelled two Venezuelan diplomats."
    docs = [Document(doc_id="note-1", text=text, published=dt.date(2024, 5, 4))]
    coded = [c for c in code_documents(docs, nlp, coder) if isinstance(c, CodedDocument)]
    assert ("PRT", "VEN", "16") in {
        (e.source.country, e.target.country, e.root) for e in coded[0].events if e.target
    }
    with Store(str(tmp_path / "events.duckdb")) as store:
        written = store.write(coded)
        rows, _ = store.query_events(dyad=("PRT", "VEN"))
    assert written.events == len(coded[0].events) >= 1
    assert rows and rows[0]["sentence"] == text


def test_all_names_exactly_the_lazy_table() -> None:
    import seismo

    assert sorted(seismo.__all__) == sorted(seismo._PUBLIC)
    for name in seismo.__all__:
        assert getattr(seismo, name) is not None
