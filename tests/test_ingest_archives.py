"""Feeds and WARC archives: many documents per file, and what is left when a file breaks."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from seismo.errors import Skips
from seismo.ingest import read_inputs
from seismo.model import Document, Skipped

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Steppe Monitor</title><link>https://steppe.example/</link>
<description>Regional briefs</description>
<item>
  <title>Astana and Tashkent agree on water sharing</title>
  <link>https://steppe.example/water</link>
  <guid>https://steppe.example/water</guid>
  <pubDate>Mon, 14 Mar 2016 09:00:00 GMT</pubDate>
  <description>&lt;p&gt;Kazakhstan and Uzbekistan agreed on Monday to share the river's
  water during the summer months.&lt;/p&gt;&lt;p&gt;Share this article&lt;/p&gt;</description>
</item>
<item>
  <title>Bishkek hosts border talks</title>
  <link>https://steppe.example/border</link>
  <pubDate>Tue, 15 Mar 2016 10:00:00 GMT</pubDate>
  <description>Kyrgyz and Tajik officials met in Bishkek to discuss the disputed border.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Andes Desk</title>
  <id>urn:andes-desk</id>
  <updated>2018-06-02T00:00:00Z</updated>
  <entry>
    <title>Quito and Bogota restore flights</title>
    <id>urn:andes-desk:flights</id>
    <link href="https://andes.example/flights"/>
    <published>2018-06-01T12:00:00Z</published>
    <updated>2018-06-02T00:00:00Z</updated>
    <content type="html">&lt;p&gt;Ecuador and Colombia restored direct flights between
    their capitals after a year-long suspension.&lt;/p&gt;</content>
  </entry>
</feed>
"""

EMPTY_RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title>
<link>https://quiet.example/</link><description>nothing</description></channel></rss>"""


def page(number: int, published: str | None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        f"<html><head><title>Brief {number}</title>{meta}</head><body><article>"
        f"<p>Athens and Ankara held round {number} of exploratory talks on the Aegean.</p>"
        "<p>Both delegations described the meeting as constructive and agreed to meet again.</p>"
        "</article></body></html>"
    ).encode()


def warc_bytes(gzip: bool, dates: list[str | None], with_extra_records: bool = False) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for number, published in enumerate(dates, start=1):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://aegean.example/brief-{number}",
            "response",
            payload=io.BytesIO(page(number, published)),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2020-02-03T04:05:06Z"},
        )
        writer.write_record(record)
        if with_extra_records:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://aegean.example/logo-{number}.png",
                    "response",
                    payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)),
                    http_headers=image,
                )
            )
    return buffer.getvalue()


def test_rss_feed_gives_one_document_per_item(tmp_path: Path) -> None:
    path = tmp_path / "steppe.rss"
    path.write_text(RSS, encoding="utf-8")
    documents = list(read_inputs([str(path)]))
    assert [type(d) for d in documents] == [Document, Document]
    first, second = documents
    assert first.doc_id == "https://steppe.example/water"
    assert first.title == "Astana and Tashkent agree on water sharing"
    assert first.source == "Steppe Monitor"
    assert first.text.startswith("Kazakhstan and Uzbekistan agreed")
    assert "Share this article" not in first.text
    assert (first.published, first.published_source) == (dt.date(2016, 3, 14), "metadata")
    assert second.doc_id == "https://steppe.example/border"
    assert second.url == "https://steppe.example/border"
    assert second.published == dt.date(2016, 3, 15)
    assert "disputed border" in second.text


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "andes.atom"
    path.write_text(ATOM, encoding="utf-8")
    [document] = list(read_inputs([str(path)]))
    assert isinstance(document, Document)
    assert document.doc_id == "urn:andes-desk:flights"
    assert document.url == "https://andes.example/flights"
    assert document.published == dt.date(2018, 6, 1)
    assert "restored direct flights" in document.text


def test_feed_with_no_entries_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "quiet.xml"
    path.write_text(EMPTY_RSS, encoding="utf-8")
    assert list(read_inputs([str(path)])) == [Skipped(str(path), Skips.S008)]


def test_xml_that_is_not_a_feed_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text("<settings><colour>blue</colour></settings>", encoding="utf-8")
    assert list(read_inputs([str(path)])) == [Skipped(str(path), Skips.S008)]


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_html_responses_become_documents(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_bytes(gzip, ["2020-01-15", None], with_extra_records=True))
    documents = list(read_inputs([str(path)]))
    assert [type(d) for d in documents] == [Document, Document]
    first, second = documents
    assert first.doc_id == first.url == "https://aegean.example/brief-1"
    assert (first.published, first.published_source) == (dt.date(2020, 1, 15), "metadata")
    assert "round 1 of exploratory talks" in first.text
    assert first.path == str(path)
    # No metadata, no dateline: the crawl date is the last resort, and says so.
    assert (second.published, second.published_source) == (dt.date(2020, 2, 3), "warc-date")


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_warc_yields_what_was_read_then_a_skip(tmp_path: Path, gzip: bool) -> None:
    data = warc_bytes(gzip, ["2020-01-15", "2020-01-16", "2020-01-17"])
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[: len(data) - 40])
    results = list(read_inputs([str(path)]))
    assert [type(r) for r in results] == [Document, Document, Skipped]
    assert [r.doc_id for r in results[:2]] == [
        "https://aegean.example/brief-1",
        "https://aegean.example/brief-2",
    ]
    assert results[2].where == str(path)
    assert results[2].reason.startswith("truncated or corrupt archive")


def test_warc_record_over_the_limit_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "limit.warc"
    path.write_bytes(warc_bytes(False, [None]))
    [result] = list(read_inputs([str(path)], max_bytes=50))
    assert isinstance(result, Skipped)
    assert result.reason == Skips.S015.format(limit=50)


def test_warc_without_html_is_skipped(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(
        writer.create_warc_record("urn:info", "warcinfo", payload=io.BytesIO(b"software: test"))
    )
    path = tmp_path / "info.warc.gz"
    path.write_bytes(buffer.getvalue())
    assert list(read_inputs([str(path)])) == [Skipped(str(path), Skips.S018)]


def test_garbage_with_a_warc_suffix_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "garbage.warc.gz"
    path.write_bytes(b"\x1f\x8b not really gzip at all")
    [result] = list(read_inputs([str(path)]))
    assert isinstance(result, Skipped)
    assert result.reason.startswith("truncated or corrupt archive")
