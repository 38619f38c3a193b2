"""Builders of seismo.model records for the store and analytics tests.

The synthetic history is ours: Japan and Russia cooperate from 2016 to January 2022 and turn
to confrontation from February 2022; China and Russia cooperate throughout; Japan and the
United States are allies.
"""

from __future__ import annotations

import datetime as dt
import random

from seismo.model import Actor, CodedDocument, Document, Event, EventDate, Stance

JAPAN = Actor("JPNGOV", "JPN", "GOV", "Japan", "the government of Japan")
RUSSIA = Actor("RUSGOV", "RUS", "GOV", "Russia", "the Kremlin")
CHINA = Actor("CHNGOV", "CHN", "GOV", "China", "Beijing")
USA = Actor("USAGOV", "USA", "GOV", "United States", "Washington")

# cameo -> (goldstein, quad_class, PLOVER event_type, PLOVER mode, verb for the sentence)
CODES: dict[str, tuple[float, int, str | None, str | None, str]] = {
    "042": (1.9, 1, None, None, "visited"),
    "036": (4.0, 1, "CONSULT", None, "offered talks to"),
    "057": (8.0, 1, "AGREE", None, "signed an agreement with"),
    "062": (7.4, 2, "COOPERATE", "military", "held joint exercises with"),
    "112": (-2.0, 3, "ACCUSE", None, "accused"),
    "163": (-8.0, 4, "COERCE", "restrict", "imposed sanctions on"),
    "190": (-10.0, 4, "ASSAULT", None, "fought"),
}


def event(
    source: Actor,
    target: Actor | None,
    cameo: str,
    when: str | None,
    doc_id: str = "doc",
    index: int = 0,
    modality: str = "asserted",
) -> Event:
    goldstein, quad, ptype, pmode, verb = CODES[cameo]
    target_name = target.name if target else "someone"
    precision = None if when is None else {4: "year", 7: "month", 10: "day"}[len(when)]
    return Event(
        doc_id=doc_id,
        sentence_index=index,
        sentence=f"{source.name} {verb} {target_name}.",
        source=source,
        target=target,
        cameo=cameo,
        goldstein=goldstein,
        quad_class=quad,
        plover={"event_type": ptype, "mode": pmode},
        date=EventDate(when, precision, f"in {when}" if when else None, basis="text"),
        modality=modality,
        confidence=0.8,
        trigger=verb,
    )


def coded(
    doc_id: str,
    events: list[Event],
    stances: list[Stance] | None = None,
    text: str | None = None,
    published: dt.date | None = None,
) -> CodedDocument:
    body = text if text is not None else f"{doc_id}: " + " ".join(e.sentence for e in events)
    return CodedDocument(
        Document(doc_id=doc_id, text=body, title=f"Brief {doc_id}", published=published),
        events,
        stances or [],
    )


def stance(holder: Actor, subject: Actor, kind: str, when: str, doc_id: str) -> Stance:
    return Stance(
        doc_id=doc_id,
        sentence_index=0,
        sentence=f"{holder.name} called {subject.name} a {kind}.",
        holder=holder,
        subject=subject,
        stance=kind,
        date=EventDate(when, {4: "year", 7: "month", 10: "day"}[len(when)]),
        evidence=kind,
    )


def months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    year, month = first
    out = []
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def japan_russia_history(seed: int = 7) -> list[CodedDocument]:
    """One brief per month, 2016-01 to 2022-12; the turn to conflict comes in 2022-02."""
    rng = random.Random(seed)
    docs: list[CodedDocument] = []
    for year, month in months((2016, 1), (2022, 12)):
        doc_id = f"jr-{year}-{month:02d}"
        turned = (year, month) >= (2022, 2)
        pool = ["112", "163", "190"] if turned else ["042", "036", "042", "057"]
        events = []
        for i in range(rng.randint(2, 4)):
            day = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
            src, tgt = (JAPAN, RUSSIA) if i % 2 == 0 else (RUSSIA, JAPAN)
            events.append(event(src, tgt, rng.choice(pool), day, doc_id, i))
        # China and Russia keep cooperating, whatever happens between Japan and Russia.
        events.append(event(CHINA, RUSSIA, "062", f"{year}-{month:02d}-15", doc_id, 9))
        docs.append(coded(doc_id, events, published=dt.date(year, month, 28)))
    return docs
