"""Who acted when the story, not the sentence, names the attacker (story_attacker_roots).

"Two soldiers were killed in the shelling", "the embassy was attacked": a passive of assault
with no "by" names no source. The last actor named is often the victim's own state or a
bystander, so such a passive takes its source only from the story's last act of force
against the same side (and, when its own victims name no state, that act's target too);
with no such act it stays uncoded: a wrong shooter is worse than a missed event.

It also holds the places that stand for a target when the sentence names no actor ("an air
strike near Damascus", "struck the port of Odesa").
"""

from __future__ import annotations

from spacy.tokens import Token

from seismo.actors.entries import ISO3
from seismo.coding.arguments import Phrase, children, locative_phrases
from seismo.coding.constructions import place_heads
from seismo.coding.discourse import Discourse, SentenceScope
from seismo.coding.triggers import Trigger
from seismo.geo.gazetteer import default_gazetteer
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
    defender = _defender(verb, scope, discourse)
    if defender and defender[0].country not in countries:
        return defender, []  # "shot down for violating Turkish airspace": Turkey fired
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


def _defender(verb: Token, scope: SentenceScope, discourse: Discourse) -> list[Actor]:
    """The state whose airspace, waters or border the victim of an agentless passive had
    entered ("was shot down for violating / after entering Turkish airspace"): the state
    that defended it acted (words.yaml: intrusion_verbs, sovereign_spaces)."""
    lex = discourse.lex
    for prep in children(verb, "prep"):
        if prep.lower_ not in ("for", "after"):
            continue
        for act in children(prep, "pcomp"):
            space = next(iter(children(act, "dobj")), None)
            if (
                act.lemma_.lower() not in lex.words("intrusion_verbs")
                or space is None
                or space.lemma_.lower() not in lex.words("sovereign_spaces")
            ):
                continue
            for owner in children(space, "poss", "amod", "compound"):
                found = discourse.actors_of(Phrase(owner, [owner], "owner"), scope)
                if found:
                    return found[:1]
    return []


# How much more likely the first reading of a place name must be than the first one in
# another state ("Odesa" in Ukraine over Texas, not "Tripoli" in Libya over Lebanon).
PLACE_MARGIN = 1.0


def geo_place_target(
    holders: list[Token], obj: Token | None, source_countries: set[str]
) -> list[Actor]:
    """ "struck the port of Odesa", "attacked a police station in Peshawar": a town the act
    hit, or happened in, that no actor table names stands for its state (seismo.geo's
    gazetteer), unless the name is as likely in another state or is the source's own."""
    heads = place_heads(*holders)
    if obj is not None:
        heads = [obj, *heads]
        heads += [o for p in children(obj, "prep") if p.lower_ in ("of", "in", "at", "near")
                  for o in children(p, "pobj")]  # fmt: skip
    gazetteer = default_gazetteer()
    for head in heads:
        names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if head.pos_ == "PROPN":
            names.append(head)
        if not names:
            continue
        text = head.doc[names[0].i : names[-1].i + 1].text
        places = [p for p in gazetteer.candidates(text) if p.country is not None]
        if not places:
            continue
        top, country = places[0], places[0].country
        if country is None or country in source_countries or country not in ISO3:
            continue
        rivals = [p for p in places if p.country != country]
        if rivals and top.importance - rivals[0].importance < PLACE_MARGIN:
            continue
        return [Actor(code=country, country=country, sector=None, name=top.name, text=text)]
    return []


def place_targets(
    trig: Trigger, scope: SentenceScope, discourse: Discourse, source_keys: frozenset[str]
) -> list[Actor]:
    """ "an air strike near Damascus", "clashes in Goma": the state a military act took
    place in is its target when nothing else is; the place stays a place (no sector)."""
    holders = [trig.token] + ([trig.light_verb] if trig.light_verb is not None else [])
    for head in place_heads(*holders):
        mention = scope.by_token.get(head.i)
        if mention is None or not mention.is_place:
            continue
        actor = discourse.resolve(mention, scope.on)
        if actor is None or actor.country in (None, "IGO") or actor.key in source_keys:
            continue
        return [Actor(code=actor.country, country=actor.country, sector=None,
                      name=actor.name, text=actor.text)]  # fmt: skip
    return []
