"""The words seismo's parts share: modalities, QuadClass names, periods, dictionary sections.

Each is defined here once; the CLI, the API, the dashboard, the brief and the loaders
import them, so a period or a modality cannot mean one thing in one place and another
elsewhere.
"""

from __future__ import annotations

# Did it happen? The modality of an event or a stance (EVENT-SCHEMA.md).
MODALITIES = ("asserted", "intended", "hypothetical", "negated")
# What is shown and stored unless asked otherwise: what happened and what was announced.
DEFAULT_MODALITIES = ("asserted", "intended")

# Where an event's date comes from (EVENT-SCHEMA.md `date_basis`): its own words, the
# story it belongs to, or the publication date of a report of the day's news.
DATE_BASES = ("text", "story", "published")

# How one state says it sees another.
STANCE_KINDS = ("ally", "partner", "challenge", "threat", "adversary", "unfriendly")

# GDELT's QuadClass of a CAMEO root (cameo.quad_class computes it).
QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# Time buckets of counts and averages, with the SQL interval of each. Every command, route
# and page offers a subset of these (a dyad's weekly bars are too thin to read).
PERIOD_INTERVALS = {
    "day": "INTERVAL 1 DAY",
    "week": "INTERVAL 7 DAY",
    "month": "INTERVAL 1 MONTH",
    "quarter": "INTERVAL 3 MONTH",
    "year": "INTERVAL 1 YEAR",
}
PERIODS = tuple(PERIOD_INTERVALS)
# Periods of the dashboard, the API's dyad series and the brief's tables.
CHART_PERIODS = ("month", "quarter", "year")
# The brief also lets the span of the data choose ("auto").
BRIEF_PERIODS = ("auto", *CHART_PERIODS)

# The sections a `--dictionary` overlay may have. Actor sections teach the resolver who is
# named; rule sections teach the coder what is done and how it is said. One file may mix them.
ACTOR_SECTIONS = ("states", "historical_states", "bodies", "collectives", "roles", "titles",
                  "after_name", "people")  # fmt: skip
RULE_SECTIONS = ("verbs", "nouns", "grammar", "words", "codes", "stances", "territories")
