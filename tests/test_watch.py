"""`seismo watch`: a folder that grows between polls; each story coded once, every outlet kept."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import seismo.cli.extras  # noqa: F401  (registers the commands)
from seismo.cli.app import app
from seismo.errors import SeismoError
from seismo.model import content_hash
from seismo.sources import minhash, sources_of, watch_once
from seismo.store import Store

runner = CliRunner()

# Our own invented wire story, as two outlets print it: another dateline, another last line.
WIRE = (
    "Japan protested to Russia on April 11, 2023 against military drills on islands both "
    "countries claim. The foreign ministry said the exercises on the disputed "
    "islands were unacceptable and lodged a formal protest with Moscow. Russia said the "
    "drills were routine and took place on its own territory. Relations between the two "
    "countries have worsened since Tokyo joined Western sanctions against Moscow, and talks "
    "on a peace treaty have been frozen for more than a year."
)
OUTLET_A = {
    "id": "harbour-times-0412",
    "source": "Harbour Times",
    "url": "https://harbour.example/0412",
    "published": "2023-04-12",
    "text": "TOKYO, April 11 (Wire) - " + WIRE,
}
OUTLET_B = {
    "id": "valley-post-77",
    "source": "Valley Post",
    "url": "https://valley.example/77",
    "published": "2023-04-12",
    "text": "TOKYO - " + WIRE + " Reporting by the Wire desk.",
}
OTHER = (
    "China and Russia held joint naval exercises in the Sea of Japan on July 20, 2023. "
    "The Chinese defence ministry said the drills aimed to safeguard the security of "
    "strategic waterways."
)


def write_jsonl(path: Path, record: dict) -> None:
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")


def test_shingle_similarity_separates_copies_from_other_stories() -> None:
    a, b = minhash.signature(OUTLET_A["text"]), minhash.signature(OUTLET_B["text"])
    assert minhash.similarity(a, b) >= 0.8
    assert minhash.similarity(a, minhash.signature(OTHER)) < 0.2
    assert set(minhash.band_keys(a)) & set(minhash.band_keys(b))
    # signatures are stored: they must not change from one process to the next
    assert list(minhash.signature("one two three four five six")) == list(
        minhash.signature("One two, three four five six.")
    )


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from seismo.nlp import load_pipeline

    return load_pipeline()


def count(db: Path, table: str) -> int:
    with Store(db, read_only=True) as store:
        return store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_growing_folder_codes_each_story_once(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    inbox, db = tmp_path / "inbox", tmp_path / "seismo.duckdb"
    inbox.mkdir()
    write_jsonl(inbox / "a.jsonl", OUTLET_A)
    first = watch_once(str(inbox), str(db), nlp=nlp)
    assert (first.files, first.coded, first.duplicates) == (1, 1, 0)
    assert first.events >= 1

    write_jsonl(inbox / "b.jsonl", OUTLET_B)
    (inbox / "c.txt").write_text(OTHER, encoding="utf-8")
    (inbox / ".c.txt.part").write_text("half a download", encoding="utf-8")
    second = watch_once(str(inbox), str(db), nlp=nlp)
    assert (second.files, second.coded, second.duplicates) == (2, 1, 1)
    assert count(db, "documents") == 2

    with Store(db, read_only=True) as store:
        copies = sources_of(store.con, content_hash(OUTLET_A["text"]))
        events_a = store.con.execute(
            "SELECT count(*) FROM events WHERE doc_id = ?", [OUTLET_A["id"]]
        ).fetchone()[0]
        events_b = store.con.execute(
            "SELECT count(*) FROM events WHERE doc_id = ?", [OUTLET_B["id"]]
        ).fetchone()[0]
    assert {c["source"] for c in copies} == {"Harbour Times", "Valley Post"}
    assert {c["url"] for c in copies} == {OUTLET_A["url"], OUTLET_B["url"]}
    assert events_a >= 1 and events_b == 0

    third = watch_once(str(inbox), str(db), nlp=nlp)
    assert (third.files, third.coded) == (0, 0)

    # a file rewritten with the same story (new mtime) is read again but adds nothing
    write_jsonl(inbox / "a.jsonl", OUTLET_A)
    os.utime(inbox / "a.jsonl", ns=(1, 1))
    fourth = watch_once(str(inbox), str(db), nlp=nlp)
    assert (fourth.files, fourth.coded, fourth.known) == (1, 0, 1)
    assert count(db, "documents") == 2 and count(db, "document_sources") == 3


def test_an_edited_article_is_a_new_version_not_a_copy(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    inbox, db = tmp_path / "inbox", tmp_path / "seismo.duckdb"
    inbox.mkdir()
    write_jsonl(inbox / "a.jsonl", OUTLET_A)
    assert watch_once(str(inbox), str(db), nlp=nlp).coded == 1
    with Store(db, read_only=True) as store:
        before = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    # the outlet adds a sentence with one more event: most of the text is unchanged
    edited = {**OUTLET_A, "text": OUTLET_A["text"] + " Japan summoned the Russian ambassador."}
    write_jsonl(inbox / "a.jsonl", edited)
    os.utime(inbox / "a.jsonl", ns=(2, 2))
    second = watch_once(str(inbox), str(db), nlp=nlp)
    assert (second.coded, second.duplicates) == (1, 0)
    with Store(db, read_only=True) as store:
        hashes = store.con.execute("SELECT content_hash FROM documents").fetchall()
        after = store.con.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM events"
        ).fetchone()
        history = store.con.execute("SELECT content_hash FROM document_history").fetchall()
    assert hashes == [(content_hash(edited["text"]),)]  # one document: the new version
    assert after[0] > before and after[1] == 1  # the new event, and none of the old copies
    assert history == [(content_hash(OUTLET_A["text"]),)]


def test_the_same_text_under_another_name_is_another_source(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    inbox, db = tmp_path / "inbox", tmp_path / "seismo.duckdb"
    inbox.mkdir()
    write_jsonl(inbox / "a.jsonl", OUTLET_A)
    write_jsonl(inbox / "a2.jsonl", {**OUTLET_A, "id": "mirror-1", "source": "Mirror"})
    result = watch_once(str(inbox), str(db), nlp=nlp)
    assert (result.coded, result.duplicates) == (1, 1)
    with Store(db, read_only=True) as store:
        copies = sources_of(store.con, content_hash(OUTLET_A["text"]))
    assert sorted(c["doc_id"] for c in copies) == ["harbour-times-0412", "mirror-1"]


def test_feed_file_that_gains_items(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    feed, db = tmp_path / "wire.rss", tmp_path / "seismo.duckdb"

    def rss(*items: tuple[str, str]) -> str:
        body = "".join(
            f"<item><guid>{guid}</guid><title>{guid}</title><description>{text}</description></item>"
            for guid, text in items
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'

    feed.write_text(rss(("w1", WIRE)), encoding="utf-8")
    assert watch_once(str(feed), str(db), nlp=nlp).coded == 1
    feed.write_text(rss(("w2", OTHER), ("w1", WIRE)), encoding="utf-8")
    second = watch_once(str(feed), str(db), nlp=nlp)
    assert (second.documents, second.coded, second.known) == (2, 1, 1)


def test_cli_once_and_refusing_urls(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "seismo.duckdb"
    inbox.mkdir()
    (inbox / "c.txt").write_text(OTHER, encoding="utf-8")
    result = runner.invoke(app, ["watch", str(inbox), "--db", str(db), "--once"])
    assert result.exit_code == 0, result.output
    assert "1 coded" in result.output
    refused = runner.invoke(
        app, ["watch", "https://example.org/feed.xml", "--db", str(db), "--once"]
    )
    assert refused.exit_code != 0 and "local files only" in refused.output
    with pytest.raises(SeismoError, match="E002"):
        watch_once(str(tmp_path / "missing"), str(db))
