"""The one pure function at the heart of seismo: documents in, coded documents out.

The CLI, the API and the Spark job all call `code_documents`; it parses with one spaCy
pipeline in batches (`nlp.pipe`) and never touches storage. A document that fails is
reported as `Skipped` and the others go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from seismo.errors import Skips
from seismo.model import CodedDocument, Document, Skipped

if TYPE_CHECKING:
    from spacy.language import Language

    from seismo.coding.coder import Coder

T = TypeVar("T")

BATCH_SIZE = 32
# Very long documents are parsed in pieces: spaCy's memory grows with document length.
MAX_DOC_CHARS = 200_000


def build_coder(dictionaries: Sequence[Path] = ()) -> Coder:
    """The coder with our actor tables and rules, plus the user's overlays.

    One overlay file may teach both: its actor sections (`bodies:`, `roles:`, `people:`,
    ...) go to the actor tables, its rule sections (`verbs:`, `stances:`, `territories:`,
    ...) to the coder's lexicon (seismo.vocabulary lists both)."""
    from seismo.actors import ActorBase, default_actor_base
    from seismo.coding.coder import Coder
    from seismo.coding.lexicon import default_lexicon, load_lexicon
    from seismo.vocabulary import RULE_SECTIONS

    if not dictionaries:
        return Coder(default_actor_base(), default_lexicon())
    sections = {Path(p): _sections_of(Path(p)) for p in dictionaries}
    rule_files = [p for p, found in sections.items() if found is None or found & set(RULE_SECTIONS)]
    actor_files = [
        p for p, found in sections.items() if found is None or found - set(RULE_SECTIONS)
    ]
    kb = ActorBase.load(actor_files) if actor_files else default_actor_base()
    lex = load_lexicon(rule_files) if rule_files else default_lexicon()
    return Coder(kb, lex)


def _sections_of(path: Path) -> set[str] | None:
    """The top-level sections of a dictionary file; None when it cannot be read as a mapping
    (both loaders then see it and report the problem with the file and line)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if isinstance(data, list):
        return {"people"}  # a bare list is a people file
    return {str(k) for k in data} if isinstance(data, dict) else None


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last shorter), read lazily: a stream of
    documents is never held whole."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _clip(doc: Document) -> str:
    text = doc.text
    if len(text) > MAX_DOC_CHARS:
        cut = text.rfind("\n", 0, MAX_DOC_CHARS)
        text = text[: cut if cut > MAX_DOC_CHARS // 2 else MAX_DOC_CHARS]
    return text


def code_documents(
    docs: Iterable[Document | Skipped],
    nlp: Language | None = None,
    coder: Coder | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[CodedDocument | Skipped]:
    """Code documents into events and stances, in the order given; skips pass through."""
    from seismo.nlp import load_pipeline

    nlp = nlp or load_pipeline()
    coder = coder or build_coder()
    pending: list[Document] = []

    def flush() -> Iterator[CodedDocument | Skipped]:
        texts = [_clip(d) for d in pending]
        for doc, parsed in zip(pending, nlp.pipe(texts, batch_size=batch_size), strict=True):
            try:
                events, stances = coder.code(doc, parsed)
            except Exception as exc:  # one bad document must not lose the others' work
                yield Skipped(doc.path or doc.doc_id, Skips.S010.format(reason=repr(exc)[:200]))
                continue
            yield CodedDocument(doc, events, stances)
        pending.clear()

    for item in docs:
        if isinstance(item, Skipped):
            yield from flush()
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
