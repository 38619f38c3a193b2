"""Data shipped with seismo: the sample corpus used by ``seismo demo`` and the tests.

The corpus is a set of JSON Lines files under ``seismo/data/corpus/``. Each line is one short
news brief written for this project::

    {"id": "...", "title": "...", "published": "YYYY-MM-DD", "source": "seismo sample corpus",
     "event_year": 2016, "text": "..."}

``published`` is the brief's own publication date (a day or two after the event it reports);
``event_year`` is the year of that event.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["sample_corpus_paths"]

_CORPUS_DIR = "corpus"
_SUFFIX = ".jsonl"


def sample_corpus_paths() -> list[Path]:
    """Return the sample corpus files (``*.jsonl``), sorted by path.

    The files are located through ``importlib.resources``, so this works from a source checkout
    and from an installed wheel (the package must be installed as files on disk, not zipped).
    """
    root = resources.files(__name__).joinpath(_CORPUS_DIR)
    paths = [
        Path(str(entry))
        for entry in root.iterdir()
        if entry.is_file() and entry.name.endswith(_SUFFIX)
    ]
    return sorted(paths)
