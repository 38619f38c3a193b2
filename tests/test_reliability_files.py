"""Issue 15, rows B, D and E: files that were misread, took forever, or vanished unreported.

B: a UTF-8 file with one stray byte was decoded whole as Mac-Roman (0 events, no warning).
D: a small `.warc.gz` that expands to gigabytes took time quadratic in its size.
E: unreadable folders, symbolic link loops, named pipes and dangling links were passed over
in silence.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from seismo.errors import Skips
from seismo.ingest import read_inputs
from seismo.ingest.text import decode_report, read_text_file
from seismo.model import Document, Skipped
from tests.reliability_helpers import cli_env, run_cli

UTF8_STORY = "Türkiye’s foreign minister met Russia’s envoy in Ankara on 3 May 2022. "


# -- B: mostly UTF-8 stays UTF-8 --------------------------------------------------------------


def test_one_stray_byte_keeps_the_file_utf8_and_is_reported(tmp_path: Path) -> None:
    data = UTF8_STORY.encode() + b"Price: 30\xa3. " + UTF8_STORY.encode()
    path = tmp_path / "stray.txt"
    path.write_bytes(data)
    doc = read_text_file(path, None, 1_000_000)
    assert isinstance(doc, Document)
    assert "Türkiye’s" in doc.text and "√" not in doc.text
    assert "\ufffd" in doc.text
    assert doc.warning and doc.warning.startswith("1 byte(s) not valid UTF-8")


def test_a_legacy_code_page_is_still_detected() -> None:
    """No valid multi-byte character at all: the stray bytes are the encoding, not errors."""
    text, bad = decode_report("The minister’s “visit” to Türkiye. ".encode("cp1252") * 20)
    assert text is not None and "minister’s “visit”" in text and bad == 0


def test_the_warning_reaches_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(UTF8_STORY.encode() + b"\xff" + UTF8_STORY.encode())
    done = run_cli("code", str(path))
    assert done.returncode == 0, done.stderr
    assert "note:" in done.stderr and "1 byte(s) not valid UTF-8" in done.stderr


# -- D: decompression bombs -------------------------------------------------------------------

# Peak memory from VmHWM, this process's own high-water mark: ru_maxrss after fork and exec
# can report the parent's size (here pytest's, with spaCy loaded).
MEASURE = """
import sys, time
from seismo.ingest import read_inputs
started = time.monotonic()
found = list(read_inputs([sys.argv[1]]))
seconds = time.monotonic() - started
status = open("/proc/self/status").read().split("VmHWM:")[1]
peak_mb = int(status.split()[0]) / 1024
print(repr([getattr(f, "reason", "document") for f in found]))
print(f"{seconds:.2f} {peak_mb:.0f}")
"""


def gzip_bomb(path: Path, head: bytes, compressed_mb: int = 4) -> Path:
    """`head` then gigabytes of zeros, as concatenated gzip members (valid gzip, fast to make)."""
    member = gzip.compress(b"\0" * (64 << 20), compresslevel=9)
    with path.open("wb") as out:
        out.write(gzip.compress(head))
        while out.tell() < compressed_mb << 20:
            out.write(member)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("name, head", [("bomb.warc.gz", b"WARC/1.0\r\n"), ("bomb.jsonl.gz", b"")])
def test_a_gzip_bomb_is_skipped_fast_and_small(tmp_path: Path, name: str, head: bytes) -> None:
    bomb = gzip_bomb(tmp_path / name, head)
    assert bomb.stat().st_size >= 4 << 20  # expands to about 4 GB
    script = tmp_path / "measure.py"
    script.write_text(MEASURE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(bomb)], capture_output=True, text=True,
        env=cli_env(), timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    reasons, figures = done.stdout.splitlines()[-2:]
    seconds, peak_mb = (float(x) for x in figures.split())
    assert "expands beyond the limit" in reasons and "ratio over" in reasons
    assert seconds < 10 and peak_mb < 300, figures


def test_an_honest_archive_is_not_mistaken_for_a_bomb(tmp_path: Path) -> None:
    lines = [
        f'{{"id": "n{i}", "text": "Japan and Russia held talks, round {i}."}}' for i in range(20000)
    ]
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    found = list(read_inputs([str(path)]))
    assert len(found) == 20000 and all(isinstance(f, Document) for f in found)


def test_a_broken_gzip_is_still_reported_as_corrupt(tmp_path: Path) -> None:
    data = gzip.compress(b'{"id": "a", "text": "Japan met Russia."}\n' * 1000)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    found = list(read_inputs([str(path)]))
    assert isinstance(found[-1], Skipped) and "corrupt" in found[-1].reason
    assert zlib  # the error kinds the reader maps stay those of gzip and zlib


# -- E: what a folder walk meets --------------------------------------------------------------


def walk_report(folder: Path) -> dict[str, str]:
    return {
        Path(item.where).name: item.reason
        for item in read_inputs([str(folder)])
        if isinstance(item, Skipped)
    }


def test_special_entries_get_one_line_each(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "story.txt").write_text("Japan met Russia.", encoding="utf-8")
    os.symlink(folder, folder / "sub" / "back-to-top")  # a loop through a folder link
    os.symlink(folder / "self-loop", folder / "self-loop")  # a link to itself
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    report = walk_report(folder)
    assert report["back-to-top"] == Skips.S020
    assert report["self-loop"] == Skips.S020
    assert report["dangling.txt"] == Skips.S021
    assert report["pipe.txt"] == Skips.S022.format(kind="a named pipe")
    documents = [d for d in read_inputs([str(folder)]) if isinstance(d, Document)]
    assert [d.doc_id for d in documents] == ["story"]  # read once, the loop not followed


def test_a_pipe_given_by_name_is_never_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "feed.jsonl"
    os.mkfifo(pipe)
    assert list(read_inputs([str(pipe)])) == [
        Skipped(str(pipe), Skips.S022.format(kind="a named pipe"))
    ]


def test_an_unreadable_folder_is_reported(tmp_path: Path, monkeypatch) -> None:
    """Root reads any folder, so the refusal is simulated where the walk meets it."""
    folder = tmp_path / "inbox"
    (folder / "locked").mkdir(parents=True)
    (folder / "open.txt").write_text("Japan met Russia.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = walk_report(folder)
    assert report == {"locked": Skips.S019.format(reason="Permission denied")}
