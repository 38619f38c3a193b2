"""Gapped clauses: one verb shared by several subject-and-place pairs.

"Poland will deploy a brigade in Latvia, Spain in Estonia and Italy in Lithuania" says three
things with one verb: after the first clause, each remnant ("Spain in Estonia") repeats the
verb with its own subject and its own place. spaCy parses the remnants as conjuncts or
appositions of whatever noun comes first, so the parties read off the parse mix them up
(Spain as Poland's target). The remnants are read here off the word order instead, which is
strict: a separator, a named actor, the same preposition as the first clause's, a named
actor, and then the end of the sentence or the next separator.
"""

from __future__ import annotations

from spacy.tokens import Token

from seismo.actors import Mention
from seismo.coding.discourse import Discourse, SentenceScope
from seismo.model import Actor

# Words that separate the remnants of a gapped clause: a closed class, kept in Python.
SEPARATORS = frozenset({",", "and", ";"})
ENDS = frozenset({",", "and", ";", ".", "while", "but"})


def gapped_pairs(
    verb: Token, scope: SentenceScope, discourse: Discourse
) -> list[tuple[Actor, Actor]]:
    """The (subject, place) pairs of the remnants after `verb`'s first clause, in order;
    empty when the sentence is not gapped."""
    doc = verb.doc
    end = scope.sent.end
    starts = {m.start: m for m in scope.mentions}

    def mention_at(i: int) -> Mention | None:
        if i < end and doc[i].lower_ == "the":
            i += 1
        return starts.get(i) if i < end else None

    # the first clause's place: "... in Latvia", the preposition every remnant repeats
    first = None
    for tok in doc[verb.i + 1 : end]:
        if tok.tag_ == "IN" and (m := mention_at(tok.i + 1)) is not None:
            first = (tok.lower_, m)
            break
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ in SEPARATORS:
            return []  # another clause, or a list, before any place
    if first is None:
        return []
    prep, place = first
    pairs: list[tuple[Actor, Actor]] = []
    i = place.end
    while i < end and doc[i].lower_ in SEPARATORS:
        j = i + 1
        if j < end and doc[j].lower_ == "and":  # ", and"
            j += 1
        subject = mention_at(j)
        if subject is None or subject.end >= end or doc[subject.end].lower_ != prep:
            break
        target = mention_at(subject.end + 1)
        if target is None or (target.end < end and doc[target.end].lower_ not in ENDS):
            break
        source_actor = discourse.resolve(subject, scope.on)
        target_actor = discourse.resolve(target, scope.on)
        if source_actor is None or target_actor is None or source_actor.key == target_actor.key:
            break
        pairs.append((source_actor, target_actor))
        i = target.end
    return pairs
