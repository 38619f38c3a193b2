"""A town that stands for its state: "struck the port of Odesa" is a strike on Ukraine.

No actor table names every town, but the gazetteer (seismo.geo) knows where they are. A
place stands for its state only when its name clearly belongs to one state, and never for
the source's own state (an attack inside one's own country names no foreign target). A
place an actor table names ("an air strike near Damascus") is the target first.
"""

from __future__ import annotations

from spacy.tokens import Token

from seismo.actors.entries import ISO3
from seismo.coding.arguments import children
from seismo.coding.constructions import place_heads
from seismo.coding.discourse import Discourse, SentenceScope
from seismo.coding.triggers import Trigger
from seismo.geo.gazetteer import default_gazetteer
from seismo.model import Actor

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
        return [actor.in_sector(None)]
    return []
