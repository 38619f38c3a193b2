"""What a story is about, geographically: its dateline and the countries it keeps naming.

A reader takes "Tripoli" in a story about Lebanon for the Lebanese city, and "Georgia" in a
story about Atlanta for the US state. `Story` holds the weights that make that choice: the
countries of the events' actors, of the places named unambiguously, and of the dateline.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from seismo.dateline import match_dateline
from seismo.geo.gazetteer import Gazetteer, Place

# Where a dateline may sit: the opening of one of the first paragraphs.
DATELINE_PARAGRAPHS = 3


@dataclass
class Story:
    """The geography of one document."""

    dateline: Place | None = None
    dateline_name: str | None = None
    weights: Counter[str] = field(default_factory=Counter)

    def bonus(self, country: str | None) -> float:
        """How much the story favours a place in `country`: 0 (never named) to 1 (most)."""
        if not country or not self.weights:
            return 0.0
        return self.weights.get(country, 0) / max(self.weights.values())


def find_dateline(text: str, gazetteer: Gazetteer) -> tuple[str, Place] | None:
    """The dateline's place (its name as written, and where it is), if the story has one."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()][:DATELINE_PARAGRAPHS]
    for paragraph in paragraphs:
        dateline = match_dateline(paragraph)
        # a mixed-case "Smallvillage, Chile -" is a dateline only with a known country after it
        if dateline is None or not (dateline.capitals or _countries(dateline.region, gazetteer)):
            continue
        found = _dateline_place(dateline.place, dateline.region, gazetteer)
        if found is not None:
            return found
    return None


def _countries(name: str | None, gazetteer: Gazetteer) -> list[Place]:
    if not name:
        return []
    return [p for p in gazetteer.candidates(name) if p.feature in ("country", "region")]


def _dateline_place(
    place: str, region: str | None, gazetteer: Gazetteer
) -> tuple[str, Place] | None:
    """The first place of the dateline, in the country after the comma when one is given."""
    name = " ".join(place.split()).strip(" ,")
    within = _countries(region, gazetteer)
    candidates = gazetteer.candidates(name)
    if within:
        wanted = {p.country for p in within}
        inside = [p for p in candidates if p.country in wanted]
        if inside:
            return name.title(), inside[0]
        # a village too small for the gazetteer: the country (or state) it is in
        return " ".join(region.split()), within[0]  # type: ignore[union-attr]
    if candidates:
        return name.title(), candidates[0]
    return None


def story_of(text: str, actor_countries: list[str], named: list[list[Place]],
             gazetteer: Gazetteer) -> Story:  # fmt: skip
    """Weigh the countries a story is about: its actors, its unambiguous places, its dateline."""
    story = Story()
    story.weights.update(c for c in actor_countries if c)
    for candidates in named:
        countries = {p.country for p in candidates if p.country}
        top = candidates[0] if candidates else None
        rivals = [p for p in candidates[1:] if p.feature in ("country", "region")]
        if top is not None and top.feature == "country" and top.country and not rivals:
            story.weights[top.country] += 1  # "Lebanon", whatever small towns share it
        elif len(countries) == 1:
            story.weights[countries.pop()] += 1
    found = find_dateline(text, gazetteer)
    if found is not None:
        story.dateline_name, story.dateline = found
        if story.dateline.country:
            story.weights[story.dateline.country] += 2
    return story
