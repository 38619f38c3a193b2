"""From what a user types to the actor key analytics group by: "Japan" → JPN.

The one lookup of user input: the CLI (`resolve_actor`), the API and the dashboard
(`seismo.api.params.actor_key`) all call `actor_key` here, so "Japan", "japan", "JPN" and
"jpn" mean the same everywhere. Codes pass through; names go through ISO 3166 (pycountry), a few names people use that the
standard spells otherwise ("Russia", "the UK"), and last the actor names already seen in
the database ("the Kremlin" if the coder stored it as a name).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from seismo.store.queries import search_actors

ALIASES = {
    "russia": "RUS",
    "soviet union": "RUS",
    "ussr": "RUS",
    "uk": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "england": "GBR",
    "america": "USA",
    "us": "USA",
    "south korea": "KOR",
    "north korea": "PRK",
    "vietnam": "VNM",
    "syria": "SYR",
    "iran": "IRN",
    "taiwan": "TWN",
    "laos": "LAO",
    "moldova": "MDA",
    "venezuela": "VEN",
    "bolivia": "BOL",
    "tanzania": "TZA",
}
CODE = re.compile(r"^[A-Z][A-Z0-9]{2,7}$")


def actor_key(text: str, con: Any = None) -> str | None:
    """The actor key for a code or a name, or None when nothing matches.

    Upper-case codes ("JPN", "IGONAT", "WST") are taken as given; `con`, when passed, lets
    names stored with events resolve too.
    """
    value = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    if CODE.match(value):
        return value
    if con is not None and CODE.match(value.upper()) and in_database(con, value.upper()):
        return value.upper()  # a code typed in lower case: "jpn", "igonat"
    if value.lower() in ALIASES:
        return ALIASES[value.lower()]
    import pycountry

    try:
        return str(pycountry.countries.lookup(value).alpha_3)
    except LookupError:
        pass
    if con is not None:
        for actor in search_actors(con, value, limit=50):
            if value.lower() in (str(actor["name"]).lower(), str(actor["code"]).lower()):
                return str(actor["key"])
    return None


def in_database(con: Any, key: str) -> bool:
    """Whether any stored event involves the actor, by key, code or country."""
    row = con.execute(
        "SELECT 1 FROM events WHERE ? IN (source_key, source_code, source_country, "
        "target_key, target_code, target_country) LIMIT 1",
        [key],
    ).fetchone()
    return row is not None


ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9-]{1,6}$")


@functools.cache
def _organisations() -> dict[str, str]:
    """IGO code -> the short name readers use (NATO, EU, G7), from collectives.yaml."""
    import yaml

    path = Path(__file__).resolve().parents[1] / "actors" / "data" / "collectives.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    labels: dict[str, str] = {}
    for entry in data.get("collectives") or []:
        code = str(entry.get("code") or "")
        if not entry.get("igo") or code in labels:
            continue
        short = [n for n in entry.get("names") or [] if ABBREVIATION.match(str(n))]
        labels[code] = str(short[0] if short else entry.get("name") or code)
    return labels


def display_label(key: str) -> str:
    """What a chart writes for an actor: its code for a state (JPN), the short name for an
    organisation (NATO, EU, G7 instead of IGONAT, IGOEUREEC, IGOG7)."""
    return _organisations().get(key, key)
