"""The line filters: page furniture goes, article text and paragraph breaks stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seismo.ingest.boilerplate import is_boilerplate, strip_boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "This website uses cookies so that the comment form remembers you.",
        "We use cookies to measure which briefings readers open.",
        "Accept all cookies",
        '[vc_banner layout="two-up" slot="sidebar"]',
        "[vc_banner layout=\u201ctwo-up\u201d slot=\u201dsidebar\u201d]",
        '[newsletter_box list="weekly"][/newsletter_box]',
        "[/vc_column]",
        "Share this article",
        "Share on Twitter",
        "Subscribe to our newsletter",
        "Sign up for our newsletter",
        "Articles",
        "Menu",
        "HOME",
        "Read more \u00bb",
        "\u00a9 2023 Northern Desk Media. All rights reserved.",
        "Copyright 2019 The Harbour Gazette",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Moscow said the sanctions would not change its course.",
        "Japan's foreign minister shared the concern of the G7 partners.",
        "The committee's home affairs report [published in May] was critical.",
        "[Photo]",
        "Seoul and Tokyo agreed to share intelligence on missile launches.",
        "Officials said the company uses cookies and trackers on its state-run portal.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_paragraph_breaks_survive_and_removed_lines_leave_no_gap() -> None:
    raw = (
        "Home\n"
        "Menu\n"
        "\n"
        "Canberra announced new export rules on Friday.\n"
        'We use cookies to tailor what you see. [cookie_bar theme="dark"]\n'
        '[cookie_bar theme="dark"]\n'
        "\n"
        "\n"
        "Beijing responded within hours.\n"
        "Share this article\n"
        "\n"
        "\u00a9 2021 Coastline Press\n"
    )
    assert strip_boilerplate(raw) == (
        "Canberra announced new export rules on Friday.\n\nBeijing responded within hours."
    )


def test_windows_line_endings_are_normalised() -> None:
    assert strip_boilerplate("First.\r\n\r\nMenu\r\nSecond.\r\n") == "First.\n\nSecond."


def test_long_lines_are_never_dropped() -> None:
    line = "Copyright law was debated in the Diet " + "at length " * 60
    assert strip_boilerplate(line) == line.rstrip()


@given(st.text())
def test_filter_never_raises_and_never_adds_text(text: str) -> None:
    cleaned = strip_boilerplate(text)
    assert isinstance(cleaned, str)
    assert len(cleaned) <= len(text) + text.count("\r")
    assert "\n\n\n" not in cleaned
