"""Coups: a state's own forces taking its power ("soldiers seized power in Guinea", "the
coup which overthrew President X").

CAMEO codes a coup from the plotters to their own state (gold: NER->NER). Two things keep
the general rules from printing it: a target that is the plotters' own country with no role
reads as the plotters themselves, and a coup noun as the subject ("the coup toppled X")
names no actor. For the codes of `coup_codes` (rules/codes.yaml), the state whose power is
taken is its government, and a coup with no named author is its own military's.
"""

from __future__ import annotations

from spacy.tokens import Token

from seismo.coding.arguments import subject_of
from seismo.coding.lexicon import Lexicon
from seismo.model import Actor

PLOTTER_SECTORS = frozenset({"MIL", "REB", None})


def coup_parties(
    verb: Token, code: str, sources: list[Actor], targets: list[Actor], lex: Lexicon
) -> tuple[list[Actor], list[Actor]]:
    """The plotters and the government they take power from, for a coup code; otherwise
    the parties unchanged."""
    if code not in lex.word_set("codes", "coup_codes") or not targets:
        return sources, targets
    if not sources:
        found = subject_of(verb)
        if found is None or found.head.lemma_.lower() not in lex.words("coup_nouns"):
            return sources, targets
        # "the coup which overthrew President X": X's own military took power
        sources = [t.in_sector("MIL") for t in targets[:1] if t.country]
    plotters = {s.country for s in sources if s.sector in PLOTTER_SECTORS}
    targets = [
        t.in_sector("GOV") if t.country and t.sector is None and t.country in plotters
        else t
        for t in targets
    ]  # fmt: skip
    return sources, targets
