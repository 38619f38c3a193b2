"""Who protests when the sentence names only where: "protests erupted in Bamako".

A protest (CAMEO root 14) whose sentence names no protester, but the town or state it
happens in, is the act of that state's public (CVL), as CAMEO codes an unnamed crowd; the
home target (codes.yaml: home_target_roots) then aims it at that state's government. Only
the place of the protest itself counts (its own "in"/"at" phrase, or its verb's when the
protest noun is the verb's subject), never another place of the sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from seismo.actors.entries import ISO3
from seismo.coding.arguments import Phrase, children, phrase
from seismo.coding.discourse import SentenceScope
from seismo.coding.places import geo_place_target
from seismo.model import Actor

# Prepositions of where a crowd gathers: a closed class, kept in Python.
GATHERING_PREPS = frozenset({"in", "at", "across", "throughout"})


def _places(tok: Token) -> list[Token]:
    holders = [tok]
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        holders.append(tok.head)  # "protests erupted in Bamako"
    return [o for h in holders for p in children(h, "prep") if p.lower_ in GATHERING_PREPS
            for o in children(p, "pobj")]  # fmt: skip


def place_public(
    tok: Token, scope: SentenceScope, resolve: Callable[[Phrase, SentenceScope], list[Actor]]
) -> list[Actor]:
    """The public of the state a protest happens in, or nothing. `resolve` reads a phrase's
    actors (Discourse.actors_of). A protest named in a phrase of another act ("a force
    behind the 2011 protests in X") is background, not news: it gets no public."""
    if tok.dep_ == "pobj":
        return []
    for place in _places(tok):
        found = resolve(phrase(place, "locative"), scope) or geo_place_target([], place, set())
        for actor in found:
            if actor.country in ISO3:
                return [actor.in_sector("CVL", text=place.text)]
    return []
