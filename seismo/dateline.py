"""The wire dateline that opens a paragraph: "CAIRO (Reuters) -", "QUITO, Ecuador -".

Two readers need it, for different ends: the sentence splitter cuts the dateline off, so its
place does not become the first sentence's subject ("CAIRO ... Sudan reopened" would have no
subject), and the geocoder places the story where the dateline says. One pattern serves
both, so the line the splitter cuts is the line the geocoder reads.

Shapes, as wire services write them:
- a place in capitals, perhaps several ("OSLO/GENEVA"), perhaps its country or state after a
  comma ("QUITO, Ecuador", "ACCRA, GHANA"), perhaps a day ("Jan 9") and an agency in
  brackets, then a dash: "HARARE —", "LIMA, Peru (AP) —", "OSLO/GENEVA, Jan 9 (AP) -";
- a place in capitals and a day with no dash, the story starting at once:
  "KINSHASA, Nov 21 The United Nations ...";
- a place in mixed case and its country, then a dash: "Smallvillage, Chile – ..." (only
  short capitalised names: a sentence's first words rarely look like that before a dash).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# How far into a paragraph a dateline can reach.
DATELINE_HEAD = 120

_AGENCY = r"(?:\s*\([^)\n]{1,40}\))?"
_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?!\d)"
_DASH = r"(?:[—–]|--?)"
_CAPS = r"[A-Z][A-Z.'’\- ]{1,40}?"

_CAPS_DATELINE = re.compile(
    rf"(?P<place>{_CAPS})(?:/{_CAPS})*"
    rf"(?:,\s*(?P<region>[A-Z][A-Za-z.’' ]{{1,30}}?))?"
    rf"(?P<day>,\s*{_DAY}(?:,\s*\d{{4}})?)?,?{_AGENCY}"
    rf"(?:\s*{_DASH}\s*|(?(day)\s+(?=[A-Z])|(?!)))"
)
_MIXED_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s*(?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    rf"{_AGENCY}\s*[—–]\s*"
)


@dataclass(frozen=True)
class Dateline:
    """A dateline at the head of a paragraph: its place, its region, where the text starts."""

    place: str
    region: str | None
    end: int
    capitals: bool

    @property
    def shouted(self) -> bool:
        """A place in capitals that is a place ("WARSAW", "ADDIS ABABA"), not a shouted
        first word of two letters."""
        return sum(c.isalpha() for c in self.place) >= 3 and self.place.isupper()


def match_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens `paragraph`, if it opens with one."""
    head = paragraph[:DATELINE_HEAD]
    match = _CAPS_DATELINE.match(head)
    if match is not None:
        dateline = Dateline(
            place=" ".join(match.group("place").split()).strip(" ,"),
            region=_clean(match.group("region")),
            end=match.end(),
            capitals=True,
        )
        if dateline.shouted:
            return dateline
    match = _MIXED_DATELINE.match(head)
    if match is None:
        return None
    return Dateline(match.group("place"), _clean(match.group("region")), match.end(), False)


def _clean(region: str | None) -> str | None:
    return " ".join(region.split()).strip(" ,") or None if region else None
