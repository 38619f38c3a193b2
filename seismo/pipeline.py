"""The one pure function at the heart of seismo: documents in, coded documents out.

The CLI, the API and the Spark job all call `code_documents`; it parses with one spaCy
pipeline in batches (`nlp.pipe`) and never touches storage. A document that fails is
reported as `Skipped` and the others go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from seismo.errors import Skips
from seismo.model import CodedDocument, Document, Skipped

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from seismo.coding.coder import Coder

T = TypeVar("T")

BATCH_SIZE = 32
# Long documents are parsed in pieces (spaCy's memory per call grows with the text) and the
# parsed pieces joined again, so the coder reads one story. A document is coded whole up to
# MAX_CODED_CHARS (about 85,000 words, a long report); past that parsing and coding take
# many minutes, so the rest is left out with a warning
# that says what (docs/reliability.md has the figures).
PIECE_CHARS = 100_000
MAX_CODED_CHARS = 500_000


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


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


def _cut(text: str, start: int, end: int) -> int:
    """Where the piece text[start:...] should end, at most `end`: after the last paragraph
    break in its second half, else after the last sentence end, else after a space."""
    floor = start + (end - start) // 2
    newline = text.rfind("\n", floor, end)
    if newline >= 0:
        return newline + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, end)]
    if ends:
        return ends[-1]
    space = max(text.rfind(" ", floor, end), text.rfind("\t", floor, end))
    return space + 1 if space >= 0 else end


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` as consecutive pieces of at most `size` characters that join back to exactly
    `text`, each cut after a paragraph, a sentence or at least a word."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = _cut(text, start, start + size)
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def coded_part(doc: Document) -> str:
    """The text that is coded: all of it up to `MAX_CODED_CHARS`; past that the document
    gets a warning that says exactly which characters were left out."""
    text = doc.text
    if len(text) <= MAX_CODED_CHARS:
        return text
    cut = _cut(text, 0, MAX_CODED_CHARS)
    left = len(text) - cut
    start = " ".join(text[cut : cut + 60].split())
    doc.warning = (
        f"coded the first {cut:,} of {len(text):,} characters; the last {left:,} (from "
        f"'{start}…') were left out: the limit is {MAX_CODED_CHARS:,} characters per "
        "document, split longer ones"
    )
    return text[:cut]


def _merge(parts: list[Doc]) -> Doc:
    """One parsed document from its parsed pieces: tokens, sentences and entities kept, so
    the coder reads it as one story (who was named last, the story's date) across cuts."""
    if len(parts) == 1:
        return parts[0]
    from spacy.tokens import Doc

    return Doc.from_docs(parts, ensure_whitespace=False)


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
        cut = [pieces(coded_part(d), PIECE_CHARS) for d in pending]
        # Short documents are parsed together in batches; a long one piece by piece at its
        # turn, so at most one piece of it is being parsed at a time (memory stays flat).
        short = nlp.pipe((parts[0] for parts in cut if len(parts) == 1), batch_size=batch_size)
        for doc, parts in zip(pending, cut, strict=True):
            parsed = next(short) if len(parts) == 1 else _merge([nlp(p) for p in parts])
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
