"""A state named again by a word of its own name: "Sudan and South Sudan ... the South".

Wire copy names two states that share a word once in full and then shortens one of them to
the word that sets it apart ("the South" for South Sudan or South Korea, "the North" for
North Korea). Such a word, written as a proper noun with "the", stands for the state the
story named whose name starts with it, when exactly one state it named does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from seismo.model import Actor


def state_by_name_word(
    head: Token, named: Iterable[Actor], compass: frozenset[str]
) -> Actor | None:
    """The one state among `named` (the story's actors, latest first) whose name starts with
    `head`'s word; None if the phrase is not "the South"-like or the story is ambiguous."""
    if head.lower_ not in compass or not head.text[:1].isupper() or head.tag_ != "NNP":
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if any(c.dep_ in ("compound", "amod") for c in head.children):
        return None  # "the Deep South", "the Global South": a region, not a state
    prefix = head.text + " "
    found: dict[str, Actor] = {}
    for actor in named:
        name = actor.name or ""
        if actor.country and len(actor.country) == 3 and name.startswith(prefix):
            found.setdefault(actor.country, actor)
    if len(found) != 1:
        return None
    actor = next(iter(found.values()))
    return replace(actor, code=actor.country or actor.code, sector=None, text=head.text)


def may_name_by_word(tokens: Iterable[Token], compass: frozenset[str]) -> bool:
    """A sentence with no mention may still speak of a state as "the South"."""
    return any(t.lower_ in compass and t.tag_ == "NNP" and t.text[:1].isupper() for t in tokens)
