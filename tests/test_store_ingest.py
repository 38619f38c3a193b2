"""The one ingest loop (`seismo.store.ingest`): the CLI, the API and `watch` all call it.

It must raise (never exit) so the API can answer a problem and `watch` can go on polling,
report skips through its callback, and not code a text it already stored.
"""

from __future__ import annotations

import pytest

from seismo.errors import SeismoError
from seismo.model import Document, Skipped
from seismo.store import Store
from seismo.store.ingest import Tally, ingest_documents, printable, skip_line

TEXT = "On 8 March 2022, Japan imposed sanctions on Russian banks."


def test_ingest_stores_reports_skips_and_skips_what_is_stored(tmp_path):
    db = str(tmp_path / "x.duckdb")
    skips: list[Skipped] = []
    written: list = []
    items = [Document("sanctions", TEXT), Skipped("bad.bin", "binary content")]
    tally = ingest_documents(items, db, on_skip=skips.append, on_written=written.extend)
    assert (tally.documents, tally.already) == (1, 0) and tally.events >= 1
    assert [s.where for s in skips] == ["bad.bin"] and len(written) == 1
    again = ingest_documents([Document("sanctions", TEXT)], db)
    assert (again.documents, again.already) == (0, 1)
    with Store(db, read_only=True) as store:
        assert store.summary()["documents"] == 1


def test_ingest_raises_instead_of_exiting(tmp_path):
    folder = tmp_path / "not-a-database"
    folder.mkdir()
    with pytest.raises(SeismoError) as caught:
        ingest_documents([Document("sanctions", TEXT)], str(folder))
    assert caught.value.code == "E007"


def test_summary_and_skip_lines_cannot_be_forged():
    tally = Tally(documents=1)
    tally.skipped["binary\nseismo: coded 999 documents"] += 1
    assert "\n" not in tally.summary()
    line = skip_line(Skipped("a\nseismo: coded 5 documents\udcff.txt", "empty document"))
    assert "\n" not in line and "\\n" in line and "\\xff" in line
    assert printable("Türkiye’s") == "Türkiye’s"
