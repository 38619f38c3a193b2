"""Who acted when the story, not the sentence, names the attacker (story_attacker_roots).

"Two soldiers were killed in the shelling", "the embassy was attacked": a passive of assault
with no "by" names no source. The last actor named is often the victim's own state or a
bystander, so such a passive takes its source only from the story's last act of force
against the same side (and, when its own victims name no state, that act's target too);
with no such act it stays uncoded: a wrong shooter is worse than a missed event. Other
agentless passives ("was invited to speak in the Diet") take the host the place names.
"""

from __future__ import annotations

from spacy.tokens import Token

from seismo.coding.arguments import Phrase, locative_phrases
from seismo.coding.discourse import PERSON_KINDS, Discourse, SentenceScope
from seismo.model import Actor, Event


def last_force(events: list[Event], force_roots: frozenset[str]) -> list[Event]:
    """The story's asserted acts of force with a target, latest first."""
    return [e for e in reversed(events)
            if e.modality == "asserted" and e.target is not None and e.root in force_roots]  # fmt: skip


def agentless_force(
    verb: Token, tgt_phrases: list[Phrase], scope: SentenceScope, discourse: Discourse
) -> tuple[list[Actor], list[Actor]]:
    """The source of an agentless passive of force, and its target when the sentence names
    none of its own: "two soldiers were killed" after "Russian troops shelled Ukrainian
    positions" is Russia's act on Ukraine. A victim named by its state ("a Lebanese
    soldier was killed") takes the attacker of the last act of force on that state."""
    lex = discourse.lex
    places = locative_phrases(verb)
    named: list[Actor] = []
    for ph in tgt_phrases:
        if ph.head.i in {p.head.i for p in places}:
            continue  # "killed in Gaza": where, not whom
        if scope.mentions_in(ph.tokens):  # a state the sentence itself names
            named += discourse.actors_of(ph, scope)
    countries = {a.country for a in named if a.country is not None}
    for ph in places:
        # "killed in Israeli shelling": the attack's own author; "Russian soldiers were
        # killed in Ukraine": the state whose ground it was, when not the victims' own
        is_attack = ph.head.lemma_.lower() in lex.nouns
        found = [a for a in discourse.actors_of(ph, scope)
                 if is_attack or (a.country is not None and a.country not in countries)]  # fmt: skip
        if found:
            return found[:1], []
    fights = last_force(scope.ctx.events, lex.word_set("codes", "force_roots"))
    if not fights:
        return [], []
    if not countries:
        last = fights[0]
        assert last.target is not None
        return [last.source], [last.target]
    for event in fights:
        assert event.target is not None
        if event.target.country in countries and event.source.country not in countries:
            return [event.source], named
    return [], []


def agentless_source(
    verb: Token, tgt_phrases: list[Phrase], scope: SentenceScope, discourse: Discourse
) -> list[Actor]:
    """Who acted in a passive without "by": the host named by the place ("invited to
    speak in the Diet"), else the last actor named before that is not the target."""
    for ph in locative_phrases(verb):
        found = discourse.actors_of(ph, scope)
        if found:
            return found[:1]
    target_keys = set()
    for ph in tgt_phrases:
        target_keys |= {a.key for a in discourse.actors_of(ph, scope)}
    for mention, actor in reversed(scope.ctx.recent):
        if actor.key not in target_keys and mention.kind not in PERSON_KINDS:
            return [actor]
    return []
