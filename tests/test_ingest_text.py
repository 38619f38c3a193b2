"""Plain-text files in every encoding we meet, and the ones we must refuse."""

from __future__ import annotations

import codecs
import datetime as dt
import os
from pathlib import Path

import pytest

from seismo.errors import Skips
from seismo.ingest import read_inputs
from seismo.ingest.text import decode_bytes
from seismo.model import Document, Skipped


def read_one(path: Path, **options) -> Document | Skipped:
    results = list(read_inputs([str(path)], **options))
    assert len(results) == 1, results
    return results[0]


def test_utf8_text_becomes_a_document_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "summit-notes.txt"
    path.write_text("Vladivostok hosted the summit.\n\nBoth leaders spoke.\n", encoding="utf-8")
    document = read_one(path)
    assert isinstance(document, Document)
    assert document.doc_id == "summit-notes"
    assert document.text == "Vladivostok hosted the summit.\n\nBoth leaders spoke."
    assert document.path == str(path)
    assert document.content_hash


def test_utf8_with_bom_loses_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"Kyiv welcomed the decision.")
    document = read_one(path)
    assert isinstance(document, Document)
    assert document.text == "Kyiv welcomed the decision."


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Ottawa and Canberra signed the accord.".encode("utf-16"))
    document = read_one(path)
    assert isinstance(document, Document)
    assert document.text == "Ottawa and Canberra signed the accord."


def test_cp1252_smart_quotes_are_decoded(tmp_path: Path) -> None:
    text = (
        "The envoy called the talks \u201cfrank and useful\u201d \u2014 a phrase "
        "diplomats reserve for meetings that went badly.\nHe left for the caf\u00e9 after."
    )
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    document = read_one(path)
    assert isinstance(document, Document)
    assert "\u201cfrank and useful\u201d" in document.text
    assert "caf\u00e9" in document.text


def test_shift_jis_japanese_is_decoded(tmp_path: Path) -> None:
    text = (
        "\u65e5\u672c\u653f\u5e9c\u306f\u3001\u30ed\u30b7\u30a2\u306b\u5bfe\u3059\u308b"
        "\u65b0\u305f\u306a\u5236\u88c1\u3092\u767a\u8868\u3057\u307e\u3057\u305f\u3002"
        "\u5916\u52d9\u5927\u81e3\u306f\u8a18\u8005\u4f1a\u898b\u3067\u8aac\u660e\u3057"
        "\u307e\u3057\u305f\u3002"
    )
    path = tmp_path / "tokyo.txt"
    path.write_bytes(text.encode("shift_jis"))
    document = read_one(path)
    assert isinstance(document, Document)
    assert document.text == text


def test_text_in_another_language_is_still_a_document(tmp_path: Path) -> None:
    text = "Le gouvernement fran\u00e7ais a convoqu\u00e9 l'ambassadeur de Russie lundi."
    path = tmp_path / "paris.txt"
    path.write_text(text, encoding="utf-8")
    document = read_one(path)
    assert isinstance(document, Document)
    assert document.text == text


def test_invalid_utf8_in_mostly_ascii_text_is_read_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Manila protested the manoeuvre \xff near the shoal \xc3 on Sunday.")
    document = read_one(path)
    assert isinstance(document, Document)
    assert document.text.startswith("Manila protested the manoeuvre")
    assert document.text.endswith("on Sunday.")


def test_empty_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_one(path) == Skipped(str(path), Skips.S001)


def test_file_of_only_boilerplate_is_skipped_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "furniture.txt"
    path.write_text("Menu\nHome\n\nShare this article\n", encoding="utf-8")
    assert read_one(path) == Skipped(str(path), Skips.S001)


def test_binary_with_nul_bytes_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert read_one(path) == Skipped(str(path), Skips.S002)


def test_random_bytes_without_nul_are_skipped_as_binary(tmp_path: Path) -> None:
    data = os.urandom(20_000).replace(b"\x00", b"\x01")
    assert decode_bytes(data) is None
    path = tmp_path / "noise.txt"
    path.write_bytes(data)
    assert read_one(path) == Skipped(str(path), Skips.S002)


def test_file_over_the_limit_is_skipped_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = b"The ministers met again to discuss fishing quotas in the strait.\n"
    with path.open("wb") as stream:
        for _ in range(50_000_000 // len(line) + 1):
            stream.write(line)
    result = read_one(path)
    assert isinstance(result, Skipped)
    assert "20000000" in result.reason


@pytest.mark.slow
def test_fifty_megabytes_of_text_are_read_under_a_higher_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = b"The ministers met again to discuss fishing quotas in the strait.\n"
    path.write_bytes(line * (50_000_000 // len(line) + 1))
    document = read_one(path, max_bytes=60_000_000)
    assert isinstance(document, Document)
    assert len(document.text) > 49_000_000


def test_a_single_five_megabyte_line(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    sentence = "Delegations from Hanoi and Manila met in Jakarta. "
    path.write_text(sentence * (5_000_000 // len(sentence)), encoding="utf-8")
    document = read_one(path)
    assert isinstance(document, Document)
    assert len(document.text) > 4_900_000
    assert "\n" not in document.text


def test_published_flag_wins(tmp_path: Path) -> None:
    path = tmp_path / "flagged.txt"
    path.write_text("Helsinki applied to join the alliance.", encoding="utf-8")
    document = read_one(path, published=dt.date(2022, 5, 18))
    assert isinstance(document, Document)
    assert (document.published, document.published_source) == (dt.date(2022, 5, 18), "flag")


def test_without_flag_metadata_or_dateline_published_is_unknown(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Helsinki applied to join the alliance.", encoding="utf-8")
    document = read_one(path)
    assert isinstance(document, Document)
    assert (document.published, document.published_source) == (None, None)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0438\u043d\u043e\u0441\u0442\u0440"
            "\u0430\u043d\u043d\u044b\u0445 \u0434\u0435\u043b \u0437\u0430\u044f\u0432\u0438"
            "\u043b, \u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440"
            "\u044b \u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f.",
            "cp1251",
        ),
        (
            # a paragraph, not a line: detection needs a few accented words to tell
            "Minister spraw zagranicznych Polski powiedzia\u0142 w \u015brod\u0119, \u017ce "
            "rozmowy z Litw\u0105 b\u0119d\u0105 kontynuowane w przysz\u0142ym tygodniu. "
            "Wcze\u015bniej obie delegacje spotka\u0142y si\u0119 w Wilnie i uzgodni\u0142y "
            "wsp\u00f3lne stanowisko w sprawie granicy.",
            "cp1250",
        ),
    ],
)
def test_other_legacy_code_pages_are_not_forced_into_cp1252(
    tmp_path: Path, text: str, encoding: str
) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    document = read_one(path)
    assert isinstance(document, Document)
    assert document.text == text
