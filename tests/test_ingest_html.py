"""Saved web pages: main text without furniture, title and date from the page's metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from seismo.errors import Skips
from seismo.ingest import read_inputs
from seismo.model import Document, Skipped

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Wellington and Suva sign a maritime pact | Pacific Ledger</title>
{meta}
</head><body>
<nav><a href="/">Home</a> <a href="/archive">Articles</a> <a href="/m">Menu</a></nav>
<article>
<h1>Wellington and Suva sign a maritime pact</h1>
{time}
<p>New Zealand and Fiji signed an agreement on Tuesday to patrol their fishing zones
together, officials in Suva said after a two-day meeting.</p>
<p>[ledger_promo slot=\u201cmid\u201d size=\u201dwide\u201d]</p>
<p>The pact lets vessels of either navy board suspected poachers and share radar data,
according to the text published by the foreign ministry in Wellington.</p>
</article>
<div class="consent">This website uses cookies to remember your reading preferences.</div>
<footer><p>\u00a9 2019 Pacific Ledger. All rights reserved.</p></footer>
</body></html>
"""


def write_page(tmp_path: Path, name: str = "pact.html", meta: str = "", time: str = "") -> Path:
    path = tmp_path / name
    path.write_text(ARTICLE.format(meta=meta, time=time), encoding="utf-8")
    return path


def read_one(path: Path, **options) -> Document | Skipped:
    results = list(read_inputs([str(path)], **options))
    assert len(results) == 1, results
    return results[0]


def test_main_text_without_menus_shortcodes_cookies_or_footer(tmp_path: Path) -> None:
    document = read_one(write_page(tmp_path))
    assert isinstance(document, Document)
    assert document.doc_id == "pact"
    assert "New Zealand and Fiji signed an agreement" in document.text
    assert "share radar data" in document.text
    for furniture in ("ledger_promo", "cookies", "All rights reserved", "Menu"):
        assert furniture not in document.text
    assert "\n\n" in document.text, "paragraphs stay separated by blank lines"


def test_title_comes_from_the_page(tmp_path: Path) -> None:
    document = read_one(write_page(tmp_path))
    assert isinstance(document, Document)
    assert document.title is not None
    assert "Wellington and Suva sign a maritime pact" in document.title


def test_published_time_meta_property(tmp_path: Path) -> None:
    meta = '<meta property="article:published_time" content="2019-11-05T08:30:00+12:00">'
    document = read_one(write_page(tmp_path, meta=meta))
    assert isinstance(document, Document)
    assert (document.published, document.published_source) == (dt.date(2019, 11, 5), "metadata")


def test_time_element_datetime(tmp_path: Path) -> None:
    time = '<time datetime="2019-11-06">6 November 2019</time>'
    document = read_one(write_page(tmp_path, time=time))
    assert isinstance(document, Document)
    assert (document.published, document.published_source) == (dt.date(2019, 11, 6), "metadata")


def test_copyright_year_is_not_taken_for_a_publication_date(tmp_path: Path) -> None:
    document = read_one(write_page(tmp_path))
    assert isinstance(document, Document)
    assert document.published != dt.date(2019, 1, 1)


def test_flag_wins_over_page_metadata(tmp_path: Path) -> None:
    meta = '<meta property="article:published_time" content="2019-11-05">'
    document = read_one(write_page(tmp_path, meta=meta), published=dt.date(2020, 1, 2))
    assert isinstance(document, Document)
    assert (document.published, document.published_source) == (dt.date(2020, 1, 2), "flag")


def test_htm_suffix_is_html(tmp_path: Path) -> None:
    assert isinstance(read_one(write_page(tmp_path, name="pact.htm")), Document)


def test_html_with_no_body_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "head-only.html"
    path.write_text("<html><head><title>Nothing here</title></head></html>", encoding="utf-8")
    assert read_one(path) == Skipped(str(path), Skips.S004)


def test_empty_html_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_bytes(b"")
    assert read_one(path) == Skipped(str(path), Skips.S001)


def test_ten_thousand_nested_divs_do_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    inner = "<p>Quito and Lima reopened their border crossing on Thursday.</p>"
    path.write_text(
        "<html><body>" + "<div>" * 10_000 + inner + "</div>" * 10_000 + "</body></html>",
        encoding="utf-8",
    )
    result = read_one(path)
    # Either outcome is acceptable; raising is not.
    assert isinstance(result, Document | Skipped)
    if isinstance(result, Skipped):
        assert result.where == str(path) and result.reason


def test_page_in_a_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    page = ARTICLE.format(meta="", time="").replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("two-day meeting", "two-day meeting at the caf\u00e9")
    path.write_bytes(page.encode("cp1252"))
    document = read_one(path)
    assert isinstance(document, Document)
    assert "caf\u00e9" in document.text


def test_html_over_the_limit_is_skipped(tmp_path: Path) -> None:
    result = read_one(write_page(tmp_path), max_bytes=100)
    assert isinstance(result, Skipped)
    assert "100" in result.reason
