"""Issue 15, row C: a document over 200,000 characters was cut there, silently.

Long documents are now parsed in sentence-aligned pieces and the pieces joined into one
parsed document, so the coder reads one story: an event after the old cut is found, and
what the story established before a cut (who "he" is, the story's date) still holds after
it. Past the whole-document limit the warning says exactly what was left out.
"""

from __future__ import annotations

import datetime as dt

import pytest

from seismo import pipeline
from seismo.model import Document

FILLER = "Markets in the region were calm and the weather was mild for the season.\n"
OPENING = (
    "Tokyo, 3 March 2022. Japanese Prime Minister Fumio Kishida spoke to reporters.\n"
    "He condemned Russia for the attack on Ukraine.\n"
)
LATER = "On 8 March 2022, Japan imposed sanctions on Russian banks.\n"


def events_of(doc: Document, nlp, coder) -> list[tuple[str, str | None, str, str | None]]:
    (coded,) = pipeline.code_documents([doc], nlp=nlp, coder=coder)
    return sorted(
        (e.source.code, e.target.code if e.target else None, e.cameo, e.date.value)
        for e in coded.events
    )


def test_pieces_join_back_to_the_text_and_end_at_sentences() -> None:
    text = (FILLER * 40) + ("One long line without breaks. " * 300) + ("x" * 5000)
    parts = pipeline.pieces(text, 1000)
    assert "".join(parts) == text and all(len(p) <= 1000 for p in parts)
    assert all(p.endswith(("\n", ". ", " ")) for p in parts[:-6])


@pytest.mark.slow
def test_an_event_after_two_hundred_thousand_characters_is_coded(nlp, coder) -> None:
    text = OPENING + FILLER * 3000 + LATER  # about 220,000 characters
    assert len(text) > 200_000
    doc = Document("long", text, published=dt.date(2022, 3, 10))
    found = events_of(doc, nlp, coder)
    assert any(cameo.startswith("16") and date == "2022-03-08" for _, _, cameo, date in found)
    assert doc.warning is None


def test_memory_carries_over_the_cuts(nlp, coder, monkeypatch) -> None:
    """The same story coded whole and in pieces of 300 characters gives the same events."""
    text = OPENING + FILLER * 6 + "He also met the Ukrainian ambassador.\n" + LATER
    whole = events_of(Document("story", text, published=dt.date(2022, 3, 10)), nlp, coder)
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 300)
    assert len(pipeline.pieces(text, 300)) >= 3  # "He also met" opens a piece
    cut = events_of(Document("story", text, published=dt.date(2022, 3, 10)), nlp, coder)
    assert cut == whole and whole


def test_past_the_limit_the_warning_says_what_was_left_out(nlp, coder, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_CODED_CHARS", 2_000)
    text = OPENING + FILLER * 40 + LATER
    doc = Document("too-long", text, published=dt.date(2022, 3, 10))
    found = events_of(doc, nlp, coder)
    assert doc.warning is not None
    assert f"of {len(text):,} characters" in doc.warning and "were left out" in doc.warning
    assert "2,000 characters per document" in doc.warning
    assert not any(date == "2022-03-08" for _, _, _, date in found)  # LATER was cut
