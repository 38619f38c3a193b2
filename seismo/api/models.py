"""The shapes the JSON API answers with, so /docs and /openapi.json tell the truth.

Event and stance records follow EVENT-SCHEMA.md (`Event.to_dict()` plus `event_date`, the
first day of the event's period, which is what filters and sorting use).
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class ActorOut(BaseModel):
    code: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    text: str | None = None


class PloverOut(BaseModel):
    event_type: str | None = None
    mode: str | None = None


class LocationOut(BaseModel):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # city, region, sea, country
    basis: str | None = None  # clause, dateline, actor


class EventOut(BaseModel):
    event_id: str
    doc_id: str
    sentence_index: int | None = None
    sentence: str | None = None
    source: ActorOut | None = None
    target: ActorOut | None = None
    cameo: str
    root: str
    goldstein: float | None = None
    quad_class: int | None = None
    plover: PloverOut
    date: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD as the text gives it")
    date_precision: str | None = None
    date_text: str | None = None
    date_warning: str | None = None
    date_basis: str | None = Field(
        None, description="text, story or published: where the date comes from"
    )
    event_date: str | None = Field(None, description="First day of the event's period")
    modality: str | None = None
    location: LocationOut | None = None
    confidence: float | None = None
    coder: str | None = None
    trigger: str | None = None


class EventPage(BaseModel):
    items: list[EventOut]
    next_cursor: str | None = Field(
        None, description="Pass as `cursor` for the next page; null on the last page"
    )


class StanceOut(BaseModel):
    stance_id: str
    doc_id: str
    sentence_index: int | None = None
    sentence: str | None = None
    holder: ActorOut | None = None
    subject: ActorOut | None = None
    stance: str
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    date_basis: str | None = None
    stance_date: str | None = None
    modality: str | None = None
    evidence: str | None = None
    coder: str | None = None


class SeriesPoint(BaseModel):
    period: str = Field(description="First day of the period, YYYY-MM-DD")
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_sum: float
    goldstein_mean: float | None = None
    cooperation: int
    conflict: int
    roots: dict[str, int] | None = None


class DyadSeries(BaseModel):
    a: str
    b: str
    period: str
    directed: bool
    points: list[SeriesPoint]


class NetworkNode(BaseModel):
    id: str = Field(description="Actor key")
    label: str | None = Field(None, description="Short name for charts: JPN, NATO, EU, G7")
    name: str | None = None
    degree: int
    events: int


class StanceInForce(BaseModel):
    holder: str
    subject: str
    stance: str
    date: str | None = None
    doc_id: str | None = None
    sentence: str | None = None


class NetworkEdge(BaseModel):
    a: str
    b: str
    n: int = Field(description="Events between a and b in the window, either direction")
    cooperation: int
    conflict: int
    weight: int = Field(description="cooperation minus conflict, in events")
    goldstein_sum: float | None = None
    goldstein_mean: float | None = None
    dominant_quad_class: int | None = None
    stances: list[StanceInForce] = Field(default_factory=list)
    alliance: bool = False
    alliance_basis: str | None = None


class Network(BaseModel):
    at: str | None = None
    window_days: int
    since: str | None = Field(None, description="First day the edges count events from")
    until: str | None = Field(None, description="Last day the edges count events to")
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class ShiftWindow(BaseModel):
    since: str
    until: str


class ShiftOut(BaseModel):
    date: str = Field(description="First day of the period the new run of events starts in")
    direction: str = Field(description="'toward cooperation' or 'toward conflict'")
    kind: str | None = Field(None, description="reversal, escalation, de-escalation, ...")
    size: float = Field(description="Mean after minus mean before, per event, in `metric`")
    before_mean: float | None = None
    after_mean: float | None = None
    events_before: int | None = Field(None, description="Events of the run before the shift")
    events_after: int | None = Field(None, description="Events of the run after it")
    summary: str | None = Field(None, description="Both sides in words, as the pages show it")
    metric: str | None = Field(None, description="balance (+1/-1 per event) or goldstein")
    period: str | None = None
    window: ShiftWindow | None = Field(None, description="Where its evidence is taken from")
    evidence_count: int | None = Field(
        None, description="Events in the window that agree with the direction"
    )
    events: list[EventOut] = Field(
        default_factory=list,
        description="The strongest events in the window agreeing with the direction",
    )


class Shifts(BaseModel):
    a: str
    b: str
    period: str
    shifts: list[ShiftOut]


class ActorMatch(BaseModel):
    key: str = Field(description="What analytics group by: the country, or the organisation")
    code: str | None = None
    country: str | None = None
    name: str | None = None
    n_events: int


class EvidenceRange(BaseModel):
    sentence_index: int | None = None
    start: int = Field(description="Character offset into `text` where the sentence starts")
    end: int = Field(description="Character offset just past the sentence")
    event_ids: list[str]


class DocumentOut(BaseModel):
    doc_id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    text: str
    evidence: list[EvidenceRange]
    events: list[EventOut]


class Health(BaseModel):
    status: str
    database: str
    version: str


class IngestResult(BaseModel):
    documents: int
    events: int
    stances: int
    already: int = 0
    redated: int = Field(0, description="Stored documents coded again for a new publication date")
    no_published: int = Field(
        0, description="Documents with no publication date: their undated events stay undated"
    )
    skipped: list[dict[str, str]]


class TopDyad(BaseModel):
    a: str
    b: str
    events: int
    goldstein_mean: float | None = None


class Summary(BaseModel):
    documents: int | None = None
    events: int
    stances: int | None = None
    undated_events: int
    first_event_date: str | None = None
    last_event_date: str | None = None
    top_dyads: list[TopDyad]


class StanceList(BaseModel):
    items: list[StanceOut]


class ActorList(BaseModel):
    items: list[ActorMatch]


class Window(BaseModel):
    since: str
    until: str


class Mover(BaseModel):
    a: str
    b: str
    events_before: int
    events_after: int
    before_mean: float | None = None
    after_mean: float | None = None
    change: float
    direction: str
    window: Window
    previous_window: Window


class Movers(BaseModel):
    items: list[Mover]
