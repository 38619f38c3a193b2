"""Named periods as dates: "during World War II" is 1939-1945, "at the end of the Second
World War" is 1945, "since the Cold War" is since 1991.

The periods are data (data/eras.yaml), so an analyst adds one without touching code. A
bare mention ("Cold War rhetoric") or "after"/"before" an era dates nothing: the finder
keeps an era only after a preposition of time or with a part ("the end of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from seismo.dates.calendar import format_value
from seismo.dates.candidates import Candidate, Context, Recognizer, span

_END_PARTS = ("end", "close", "last", "final", "closing")
_START_PARTS = ("start", "beginning", "outbreak", "first", "eve", "early", "opening")

_PART = (
    r"(?P<part>(?i:the\s+(?:very\s+)?(?:end|close|start|beginning|outbreak|eve|height|middle"
    r"|(?:last|final|closing|first|early|opening)\s+(?:days|weeks|months|year|stages?)))\s+of\s+)"
)


@dataclass(frozen=True)
class Era:
    id: str
    names: tuple[str, ...]
    start: int
    end: int


def _key(name: str) -> str:
    """One spelling per era name: lower case, no article, single spaces, hyphens as spaces."""
    words = re.sub(r"[-–\s]+", " ", name.lower()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def load_eras() -> tuple[Era, ...]:
    """The era table, read once and checked: a bad entry is an error, not a silent skip."""
    raw = yaml.safe_load(resources.files("seismo.dates").joinpath("data/eras.yaml").read_text())
    eras = []
    for entry in raw:
        era = Era(entry["id"], tuple(entry["names"]), int(entry["start"]), int(entry["end"]))
        if era.start > era.end or not era.names:
            raise ValueError(f"data/eras.yaml: era {era.id} has no names or ends before it starts")
        eras.append(era)
    return tuple(eras)


@lru_cache(maxsize=1)
def _eras_by_name() -> dict[str, Era]:
    return {_key(name): era for era in load_eras() for name in era.names}


def _name_pattern(name: str) -> str:
    words = _key(name).split()
    return r"[-–\s]+".join(re.escape(w) for w in words)


def _era(m: re.Match[str], ctx: Context) -> Candidate | None:
    era = _eras_by_name().get(_key(m.group("era")))
    if era is None:
        return None
    part = " ".join((m.group("part") or "").lower().split())
    part_word = part.split()[1] if part.startswith("the ") else ""
    if part_word == "very":
        part_word = part.split()[2]
    if part_word in _END_PARTS:
        year = format_value(era.end)
        found = span(m, year, year, "year", "era")
    elif part_word in _START_PARTS:
        year = format_value(era.start)
        found = span(m, year, year, "year", "era")
    else:
        found = span(m, format_value(era.start), format_value(era.end), "year", "era")
        found.since_value = format_value(era.end)
    found.needs_context = not part
    return found


def _compile() -> re.Pattern[str]:
    names = sorted(
        {_name_pattern(n) for era in load_eras() for n in era.names}, key=len, reverse=True
    )
    return re.compile(rf"{_PART}?(?:(?i:the)\s+)?(?P<era>(?i:{'|'.join(names)}))(?![\w-])")


def _gate() -> tuple[str, ...]:
    """The longest word of each era name: one of them is in any sentence naming an era."""
    return tuple(sorted({max(_key(n).split(), key=len) for era in load_eras() for n in era.names}))


RECOGNIZERS = [Recognizer(_compile(), _era, _gate())]
