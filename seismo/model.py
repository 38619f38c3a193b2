"""The records seismo passes between stages: documents in, events and stances out.

These dataclasses are the schema, written once. `Event.to_dict()` is the JSON record of
../shared/EVENT-SCHEMA.md; the store, the API and the exports all start from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

CODER_VERSION = "seismo 0.1.0"


def content_hash(text: str) -> str:
    """Key a document by what it says, so the same text under another name is not coded twice."""
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]


def stable_id(*parts: object) -> str:
    """A short, stable identifier from the parts that make a record unique."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:20]


@dataclass
class Document:
    """One article as read from its source, before any language processing."""

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    # where `published` came from: "flag", "metadata", "dateline", or None
    published_source: str | None = None
    source: str | None = None  # the outlet, when known
    path: str | None = None  # the file it was read from
    content_hash: str = ""
    # Who gave `doc_id`: "record" (a JSONL id, a feed entry's id or link, a WARC URI: the
    # same id with a new text is a corrected version), "file" (the file's name: a new text
    # at the same path is a new version), None (a position in a container: never a version).
    named_by: str | None = None
    # Something the reader had to repair, for the run's report (e.g. bytes not valid UTF-8).
    warning: str | None = None

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)


@dataclass(frozen=True)
class Actor:
    """Who acts or is acted upon, as of the event's date.

    `country` is ISO 3166-1 alpha-3 for states (historical states mapped to their successor,
    the historical name kept in `name`), a CAMEO regional code for collectives (WST, EUR, ...),
    or IGO for international organisations (then `code` says which one, e.g. IGONAT).
    """

    code: str
    country: str | None
    sector: str | None
    name: str
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "text": self.text,
        }

    def in_sector(self, sector: str | None, text: str | None = None) -> Actor:
        """The same state in another sector ("JPN" -> "JPNGOV"), or as a whole (None): an
        actor read off a place, a role or a coup keeps the state's name; `text` replaces the
        words it was read from."""
        country = self.country or ""
        return Actor(code=f"{country}{sector or ''}", country=self.country, sector=sector,
                     name=self.name, text=self.text if text is None else text)  # fmt: skip

    @property
    def key(self) -> str:
        """The unit analytics group by: the country, or the organisation for IGOs (the UN's
        agencies and missions, IGOUNO + a suffix, count as the UN, as the shared scorer counts
        them); international militarised groups (IMG) count each by its code too."""
        if self.country in (None, "IGO", "IMG"):
            return "IGOUNO" if self.code.startswith("IGOUNO") else self.code
        return self.country


@dataclass(frozen=True)
class Location:
    """Where an event happened (seismo.geo): `feature` is city, region, sea or country;
    `basis` what placed it: clause, dateline or actor (see docs/geocoding.md)."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    basis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "feature": self.feature, "basis": self.basis}  # fmt: skip


@dataclass(frozen=True)
class EventDate:
    """When something happened, at the precision the text gives, and the words that said so."""

    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: str | None  # year, month, day
    text: str | None = None
    warning: str | None = None
    # the last year/month/day of a period ("the 1990s": value 1990, end 1999), else None
    end: str | None = None
    # where the date comes from (vocabulary.DATE_BASES): the event's own words, the story
    # it belongs to, or the publication date of a report of the day's news; None if undated
    basis: str | None = None

    @property
    def start(self) -> dt.date | None:
        """The first day of the period, for sorting and grouping."""
        if not self.value:
            return None
        parts = [int(p) for p in self.value.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return dt.date(parts[0], parts[1], parts[2])


NO_DATE = EventDate(None, None, None)


@dataclass
class Event:
    """One coded event with the sentence that proves it (EVENT-SCHEMA.md)."""

    doc_id: str
    sentence_index: int
    sentence: str
    source: Actor
    target: Actor | None
    cameo: str
    goldstein: float
    quad_class: int
    plover: dict[str, str | None]
    date: EventDate = NO_DATE
    modality: str = "asserted"
    location: Location | None = None
    confidence: float = 0.5
    trigger: str = ""  # the words that carry the event ("imposed sanctions")
    content_hash: str = ""
    coder: str = CODER_VERSION
    event_id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = stable_id(
                self.doc_id,
                self.sentence_index,
                self.source.code,
                self.target.code if self.target else None,
                self.cameo,
            )

    @property
    def root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": dict(self.plover),
            "date": self.date.value,
            "date_precision": self.date.precision,
            "date_text": self.date.text,
            "date_basis": self.date.basis if self.date.value else None,
            "modality": self.modality,
            "location": self.location.to_dict() if self.location else None,
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
            "trigger": self.trigger,
        }
        if self.date.end:
            record["date_end"] = self.date.end
        if self.date.warning:
            record["date_warning"] = self.date.warning
        return record


@dataclass
class Stance:
    """A state's stated view of another: "Japan calls Russia a challenge"."""

    doc_id: str
    sentence_index: int
    sentence: str
    holder: Actor
    subject: Actor
    stance: str  # one of vocabulary.STANCE_KINDS
    date: EventDate = NO_DATE
    modality: str = "asserted"
    evidence: str = ""
    content_hash: str = ""
    coder: str = CODER_VERSION
    stance_id: str = ""

    def __post_init__(self) -> None:
        if not self.stance_id:
            self.stance_id = stable_id(
                self.doc_id, self.sentence_index, self.holder.code, self.subject.code, self.stance
            )

    def to_dict(self) -> dict[str, Any]:
        return {
            "stance_id": self.stance_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "holder": self.holder.to_dict(),
            "subject": self.subject.to_dict(),
            "stance": self.stance,
            "date": self.date.value,
            "date_precision": self.date.precision,
            "date_text": self.date.text,
            "date_basis": self.date.basis if self.date.value else None,
            "modality": self.modality,
            "evidence": self.evidence,
            "coder": self.coder,
        }


@dataclass
class Skipped:
    """A document that could not be read or coded, and why: reported, never fatal."""

    where: str
    reason: str


@dataclass
class CodedDocument:
    """What the coder makes of one document."""

    document: Document
    events: list[Event]
    stances: list[Stance]
