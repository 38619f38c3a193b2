"""The DuckDB store: idempotent writes, whole-document replacement, pagination, filters."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from seismo.errors import SeismoError
from seismo.store import Store, events_table, open_events_view
from seismo.store.queries import query_events
from tests.store_factories import (
    CHINA,
    JAPAN,
    RUSSIA,
    USA,
    coded,
    event,
    japan_russia_history,
    stance,
)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "seismo.duckdb") as opened:
        yield opened


def counts(store: Store) -> tuple[int, int, int]:
    return tuple(
        store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "events", "stances")
    )


def sanctions_brief() -> object:
    return coded(
        "sanctions",
        [
            event(JAPAN, RUSSIA, "163", "2022-03", "sanctions", 0),
            event(RUSSIA, JAPAN, "112", "2022-03-21", "sanctions", 1),
        ],
        [stance(JAPAN, RUSSIA, "threat", "2022-12", "sanctions")],
    )


def test_writing_the_same_document_twice_adds_nothing(store):
    first = store.write([sanctions_brief()])
    store.write([sanctions_brief()])
    assert (first.documents, first.events, first.stances) == (1, 2, 1)
    assert counts(store) == (1, 2, 1)


def test_recoding_a_document_replaces_all_its_events(store):
    store.write([sanctions_brief()])
    recoded = sanctions_brief()
    recoded.events = [event(JAPAN, RUSSIA, "190", "2022-04", "sanctions", 0)]
    recoded.stances = []
    store.write([recoded])
    assert counts(store) == (1, 1, 0)
    rows, _ = store.query_events(doc_id="sanctions")
    assert [r["cameo"] for r in rows] == ["190"]


def test_a_failed_batch_leaves_the_database_as_it_was(store):
    store.write([sanctions_brief()])
    recoded = sanctions_brief()
    recoded.events = []
    nameless = coded("nameless", [event(JAPAN, USA, "057", "2020-01", "nameless")])
    nameless.document.doc_id = None  # type: ignore[assignment]  (violates NOT NULL on insert)
    with pytest.raises(SeismoError) as caught:  # E019, the database error as its cause
        store.write([recoded, nameless])
    assert caught.value.code == "E019"
    assert isinstance(caught.value.__cause__, duckdb.ConstraintException)
    assert counts(store) == (1, 2, 1)
    assert store.con.execute("SELECT count(*) FROM events WHERE doc_id = 'sanctions'").fetchone()


def test_is_coded_knows_the_text_and_the_coder_version(store):
    brief = sanctions_brief()
    assert not store.is_coded(brief.document.content_hash, "seismo 0.1.0")
    store.write([brief])
    assert store.is_coded(brief.document.content_hash, "seismo 0.1.0")
    assert not store.is_coded(brief.document.content_hash, "seismo 9.9.9")


def test_pages_cover_every_event_exactly_once_in_time_order(store):
    store.write(japan_russia_history())
    undated = coded("undated", [event(JAPAN, CHINA, "036", None, "undated", i) for i in range(3)])
    store.write([undated])
    total = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    seen, cursor, pages = [], None, 0
    while True:
        rows, cursor = store.query_events(limit=17, cursor=cursor)
        seen += rows
        pages += 1
        if cursor is None:
            break
    assert len(seen) == total == len({(r["event_id"], r["doc_id"]) for r in seen})
    dated = [r["event_date"] for r in seen if r["event_date"]]
    assert dated == sorted(dated)
    assert all(r["event_date"] is None for r in seen[-3:])
    assert pages == -(-total // 17)


def test_date_filters_drop_undated_events_and_keep_the_window(store):
    store.write(japan_russia_history())
    store.write([coded("undated", [event(JAPAN, RUSSIA, "036", None, "undated")])])
    rows, _ = store.query_events(
        dyad=("JPN", "RUS"), since=dt.date(2022, 2, 1), until=dt.date(2022, 3, 31), limit=1000
    )
    assert rows and all("2022-02-01" <= r["event_date"] <= "2022-03-31" for r in rows)
    assert {r["quad_class"] for r in rows} <= {3, 4}


def test_directed_dyad_keeps_one_direction(store):
    store.write([sanctions_brief()])
    both, _ = store.query_events(dyad=("JPN", "RUS"))
    one, _ = store.query_events(dyad=("JPN", "RUS"), directed=True)
    assert len(both) == 2 and [r["source"]["country"] for r in one] == ["JPN"]


def test_modalities_filter_defaults_to_what_happened(store):
    brief = coded(
        "plans",
        [
            event(JAPAN, RUSSIA, "163", "2022-03", "plans", 0, modality="intended"),
            event(JAPAN, RUSSIA, "112", "2022-03", "plans", 1),
        ],
    )
    store.write([brief])
    asserted, _ = store.query_events()
    everything, _ = store.query_events(modalities=None)
    assert [r["cameo"] for r in asserted] == ["112"] and len(everything) == 2


def test_an_actor_filter_that_looks_like_sql_is_just_a_value(store):
    store.write([sanctions_brief()])
    rows, _ = store.query_events(actor="JPN' OR '1'='1")
    assert rows == []
    assert store.search_actors("%' OR 1=1 --") == []
    assert counts(store) == (1, 2, 1)


def test_rows_have_the_shape_of_the_event_record(store):
    brief = sanctions_brief()
    store.write([brief])
    rows, _ = store.query_events(dyad=("JPN", "RUS"), directed=True)
    expected = brief.events[0].to_dict()
    assert {k: rows[0][k] for k in expected} == expected


def test_get_document_brings_its_events_and_stances(store):
    store.write([sanctions_brief()])
    doc = store.get_document("sanctions")
    assert doc["title"] == "Brief sanctions" and len(doc["events"]) == 2
    assert doc["stances"][0]["stance"] == "threat"
    assert store.get_document("nothing-here") is None


def test_stances_search_and_summary(store):
    store.write([sanctions_brief(), *japan_russia_history()])
    assert [s["subject"]["country"] for s in store.query_stances(holder="JPN")] == ["RUS"]
    assert store.query_stances(holder="RUS") == []
    found = store.search_actors("russ")
    assert found[0]["key"] == "RUS" and found[0]["n_events"] > 0
    summary = store.summary()
    assert summary["documents"] == 85 and summary["first_event_date"].startswith("2016-01")
    assert {summary["top_dyads"][0]["a"], summary["top_dyads"][0]["b"]} == {"JPN", "RUS"}


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(SeismoError) as caught:
        Store(path)
    assert caught.value.code == "E007" and "not a DuckDB database" in str(caught.value)


def test_read_only_on_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(SeismoError, match="does not exist"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_parquet_export_answers_the_same_queries(store, tmp_path):
    store.write(japan_russia_history())
    store.write([coded("undated", [event(JAPAN, RUSSIA, "036", None, "undated")])])
    out = store.export_parquet(tmp_path / "parquet")
    assert (out / "year=2022" / "month=3").is_dir()
    con = duckdb.connect()
    open_events_view(con, out)
    from_db, _ = store.query_events(dyad=("JPN", "RUS"), limit=50, modalities=None)
    from_parquet, _ = query_events(con, dyad=("JPN", "RUS"), limit=50, modalities=None)
    assert from_parquet == from_db


def test_events_table_columns_match_the_database(store):
    table = events_table([sanctions_brief()])
    columns = [r[0] for r in store.con.execute("DESCRIBE events").fetchall()]
    assert table.column_names == columns


def test_a_reader_waits_for_the_writer_to_let_go(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "busy.duckdb"
    Store(path).close()
    holder = (
        "import sys, time; sys.path.insert(0, sys.argv[2])\n"
        "from seismo.store import Store\n"
        "s = Store(sys.argv[1]); print('ready', flush=True); time.sleep(1.5); s.close()\n"
    )
    root = str(Path(__file__).resolve().parents[1])
    writer = subprocess.Popen(
        [sys.executable, "-c", holder, str(path), root], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "ready"
        with pytest.raises(SeismoError, match="another process holds it"):
            Store(path, read_only=True)
        with Store(path, read_only=True, wait=20) as reader:
            assert reader.summary()["events"] == 0
    finally:
        writer.wait(timeout=30)


def test_a_schema_1_file_gains_date_basis_when_opened(tmp_path):
    """Files written before `date_basis` existed are migrated on open, old rows NULL."""
    path = tmp_path / "old.duckdb"
    with Store(str(path)) as store:
        store.write([sanctions_brief()])
        store.con.execute("ALTER TABLE events DROP COLUMN date_basis")
        store.con.execute("ALTER TABLE stances DROP COLUMN date_basis")
        store.con.execute("UPDATE seismo_meta SET value = '1' WHERE key = 'schema_version'")
    with Store(str(path)) as store:
        columns = [r[0] for r in store.con.execute("DESCRIBE events").fetchall()]
        assert columns[-1] == "date_basis"
        version = store.con.execute(
            "SELECT value FROM seismo_meta WHERE key = 'schema_version'"
        ).fetchall()
        assert version == [("2",)]
        old = store.con.execute("SELECT count(*) FROM events WHERE date_basis IS NULL")
        assert old.fetchall()[0][0] > 0
        store.write([sanctions_brief()])  # rewriting the document fills the new column
        page, _ = store.query_events(limit=50)
        assert any(e["date_basis"] for e in page)
