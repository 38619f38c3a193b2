"""Saved web pages: the article's main text, title and publication date.

trafilatura finds the main text and drops menus, cookie banners and footers; our line filters
then drop what it keeps (CMS shortcodes). Dates come from the page's metadata only
(`article:published_time`, `<time datetime>`, JSON-LD): trafilatura's "extensive" search
guesses from any year in the page, and takes "© 2022" in a footer for 1 January 2022, which
would anchor every relative date of the article on the wrong day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from seismo.errors import Skips
from seismo.ingest.text import document_from_text, unreadable_file
from seismo.model import Document, Skipped


@dataclass(frozen=True)
class ExtractedPage:
    """What a page yields before it becomes a Document."""

    text: str
    title: str | None
    published: str | None
    url: str | None


def extract_page(html: str | bytes, url: str | None = None) -> ExtractedPage | None:
    """Main text and metadata of a page, or None when there is no article text in it.

    Raises only what trafilatura or lxml raise on hostile input (RecursionError on deep
    nesting, parser errors); `document_from_html` turns those into a Skipped.
    """
    import trafilatura
    from trafilatura.settings import Document as Extraction
    from trafilatura.settings import set_date_params

    result = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        date_extraction_params=set_date_params(extensive=False),
    )
    if not isinstance(result, Extraction) or not (result.text or "").strip():
        return None
    return ExtractedPage(
        text=_paragraphs(result.text or ""),
        title=result.title or None,
        published=result.date or None,
        url=result.url or url,
    )


def _paragraphs(extracted: str) -> str:
    """trafilatura puts one block per line; the coder reads paragraphs as blank-line separated."""
    return "\n\n".join(line.strip() for line in extracted.splitlines() if line.strip())


_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def fragment_text(html: str) -> str:
    """All text of an HTML fragment (a feed summary), one paragraph per block element.

    trafilatura looks for an article in a page and finds none in a two-line summary; a
    fragment is all content, so we keep all of it, minus scripts and styles.
    """
    import lxml.html

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.xpath("//script|//style"):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


def document_from_html(
    html: str | bytes,
    doc_id: str,
    published: dt.date | None = None,
    *,
    where: str,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
    metadata_published: object = None,
    crawled: object = None,
    path: str | None = None,
    named_by: str | None = None,
) -> Document | Skipped:
    """A Document from a page; a page without article text, or one that breaks the parser,
    becomes a Skipped naming `where`.

    `title`, `metadata_published` come from the container (a JSONL record, a feed entry) and
    win over what the page says; `crawled` (a WARC-Date) is used only when nothing else dates
    the document.
    """
    try:
        page = extract_page(html, url=url)
    except RecursionError:
        return Skipped(where, Skips.S011)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        return Skipped(where, Skips.S012.format(reason=_one_line(error)))
    if page is None:
        return Skipped(where, Skips.S004)
    return document_from_text(
        page.text,
        doc_id,
        published,
        where=where,
        title=title or page.title,
        url=url or page.url,
        source=source,
        metadata_published=metadata_published or page.published,
        crawled=crawled,
        path=path,
        named_by=named_by,
    )


def read_html_file(path: Path, published: dt.date | None, max_bytes: int) -> Document | Skipped:
    """One saved page as one Document; the caller has checked that it exists."""
    if skipped := unreadable_file(path, max_bytes):
        return skipped
    # Bytes, not str: trafilatura honours the page's own <meta charset>.
    return document_from_html(
        path.read_bytes(), path.stem, published, where=str(path), named_by="file"
    )


def _one_line(error: BaseException) -> str:
    message = " ".join(str(error).split()) or type(error).__name__
    return message[:200]


def document_from_markup(html: str, **fields: object) -> Document | Skipped:
    """A page, or a fragment of one: feed entries and JSONL records often carry a single
    `<p>` that has no "main text" for trafilatura to find, yet is the whole story."""
    document = document_from_html(html, **fields)  # type: ignore[arg-type]
    if isinstance(document, Skipped) and document.reason == Skips.S004:
        try:
            return document_from_text(fragment_text(html), **fields)  # type: ignore[arg-type]
        except Exception as error:  # lxml on markup it cannot read at all
            return Skipped(str(fields.get("where")), Skips.S012.format(reason=_one_line(error)))
    return document
