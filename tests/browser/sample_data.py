"""A small invented news history for the API and dashboard tests, built from seismo.model records.

Japan and Russia talk, visit and sign agreements from 2016 until January 2022, then turn to
sanctions, expulsions and accusations from February 2022. China and Russia draw closer every
year. Japan and the United States stay allies. Every document is a few sentences of prose;
each event points at the sentence it was read from, so the document page can highlight it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from seismo.model import Actor, CodedDocument, Document, Event, EventDate, Location, Stance
from seismo.store import Store

JAPAN = Actor("JPNGOV", "JPN", "GOV", "Japan", "Tokyo")
RUSSIA = Actor("RUSGOV", "RUS", "GOV", "Russia", "the Kremlin")
CHINA = Actor("CHNGOV", "CHN", "GOV", "China", "Beijing")
USA = Actor("USAGOV", "USA", "GOV", "United States", "Washington")
ACTORS = {"JPN": JAPAN, "RUS": RUSSIA, "CHN": CHINA, "USA": USA}


@dataclass(frozen=True)
class Code:
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    phrase: str


# CAMEO codes with GDELT Goldstein values, QuadClass and the CAMEO2PLOVER crosswalk.
CODES: dict[str, Code] = {
    "036": Code(4.0, 1, "CONSULT", None, "proposed new talks with"),
    "042": Code(1.9, 1, None, None, "made a state visit to"),
    "057": Code(8.0, 1, "AGREE", None, "signed an economic agreement with"),
    "061": Code(6.4, 2, "COOPERATE", "economic", "expanded energy trade with"),
    "062": Code(7.4, 2, "COOPERATE", "military", "held joint naval exercises with"),
    "111": Code(-2.0, 3, "DISAPPROVE", "criticize", "criticised"),
    "112": Code(-2.0, 3, "ACCUSE", None, "accused"),
    "163": Code(-8.0, 4, "COERCE", "restrict", "imposed sanctions on"),
    "1246": Code(-5.0, 3, "REJECT", None, "withdrew from peace treaty talks with"),
    "1711": Code(-7.0, 4, "COERCE", "seize", "confiscated property of"),
}

# Where each side's acts happen: its capital; joint exercises at sea; seizures on the
# disputed islands (coordinates are facts, rounded).
CAPITALS = {
    "JPN": Location("Tokyo", "JPN", 35.69, 139.69, "city", "clause"),
    "RUS": Location("Moscow", "RUS", 55.75, 37.62, "city", "clause"),
    "CHN": Location("Beijing", "CHN", 39.91, 116.40, "city", "clause"),
    "USA": Location("Washington", "USA", 38.90, -77.04, "city", "clause"),
}
SEA_OF_JAPAN = Location("Sea of Japan", None, 40.0, 135.0, "sea", "clause")
KURILS = Location("Kuril Islands", "RUS", 44.5, 146.5, "region", "clause")


def _where(source: str, cameo: str) -> Location:
    if cameo == "062":
        return SEA_OF_JAPAN
    if cameo == "1711":
        return KURILS
    return CAPITALS[source]


FILLER = (
    "Officials described the meeting as long and detailed.",
    "Analysts in both capitals watched the talks closely.",
    "The announcement came after weeks of preparation.",
)


def _event(
    doc_id: str,
    index: int,
    sentence: str,
    source: str,
    target: str,
    cameo: str,
    when: str,
    modality: str = "asserted",
) -> Event:
    code = CODES[cameo]
    precision = {4: "year", 7: "month", 10: "day"}[len(when)]
    return Event(
        doc_id=doc_id,
        sentence_index=index,
        sentence=sentence,
        source=ACTORS[source],
        target=ACTORS[target],
        cameo=cameo,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        plover={"event_type": code.plover_type, "mode": code.plover_mode},
        date=EventDate(when, precision, _spoken(when)),
        modality=modality,
        location=_where(source, cameo),
        confidence=0.8,
        trigger=code.phrase,
    )


def brief(
    doc_id: str,
    published: dt.date,
    happenings: list[tuple[str, str, str, str]],
    modality: str = "asserted",
) -> CodedDocument:
    """A document whose odd sentences are filler and whose even sentences hold the events.

    `happenings` are (source, cameo, target, when) with actor keys such as "JPN".
    """
    sentences: list[str] = []
    events: list[Event] = []
    for n, (source, cameo, target, when) in enumerate(happenings):
        sentences.append(FILLER[n % len(FILLER)])
        verb = CODES[cameo].phrase
        if modality == "intended":
            verb = "announced plans to impose further sanctions on"
        sentence = f"{_spoken(when)}, {ACTORS[source].name} {verb} {ACTORS[target].name}."
        sentences.append(sentence)
        events.append(
            _event(doc_id, len(sentences) - 1, sentence, source, target, cameo, when, modality)
        )
    text = " ".join(sentences)
    document = Document(
        doc_id=doc_id,
        text=text,
        title=f"Brief {doc_id.replace('-', ' ')}",
        published=published,
        source="Test Wire",
    )
    return CodedDocument(document, events, [])


def _stance_doc(doc_id: str, when: str, holder: str, subject: str, kind: str) -> CodedDocument:
    sentence = f"{_spoken(when)}, {ACTORS[holder].name} called {ACTORS[subject].name} a {kind}."
    stance = Stance(
        doc_id=doc_id,
        sentence_index=0,
        sentence=sentence,
        holder=ACTORS[holder],
        subject=ACTORS[subject],
        stance=kind,
        date=EventDate(when, "year" if len(when) == 4 else "month", f"in {when}"),
        evidence=f"a {kind}",
    )
    document = Document(doc_id=doc_id, text=sentence, title=f"Stance {doc_id}")
    return CodedDocument(document, [], [stance])


def _spoken(when: str) -> str:
    """'2022-02' as a newspaper writes it: 'In February 2022'."""
    day = dt.date.fromisoformat((when + "-01-01")[:10])
    if len(when) == 4:
        return f"In {day.year}"
    if len(when) == 7:
        return f"In {day:%B} {day.year}"
    return f"On {day.day} {day:%B} {day.year}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def history() -> list[CodedDocument]:
    """The whole invented corpus: about sixty documents and a hundred and twenty events."""
    docs: list[CodedDocument] = []
    friendly = ("042", "036", "057", "061")
    for year in range(2016, 2022):
        for n, month in enumerate((2, 6, 10)):
            when = _month(year, month)
            cameo = friendly[(year + n) % len(friendly)]
            docs.append(
                brief(
                    f"jpn-rus-{when}",
                    dt.date(year, month, 20),
                    [("JPN", cameo, "RUS", when), ("RUS", "036", "JPN", when)],
                )
            )
    hostile = ("163", "112", "1246", "163", "1711", "111")
    for n, (year, month) in enumerate(
        [(2022, 2), (2022, 3), (2022, 4), (2022, 6), (2022, 9), (2023, 1), (2023, 6), (2024, 3)]
    ):
        when = _month(year, month)
        docs.append(
            brief(
                f"jpn-rus-{when}",
                dt.date(year, month, 25),
                [
                    ("JPN", hostile[n % len(hostile)], "RUS", when),
                    ("RUS", hostile[(n + 1) % len(hostile)], "JPN", when),
                ],
            )
        )
    # China and Russia: a visit a year at first, then more and closer each year.
    for year in range(2016, 2025):
        closeness = ("042", "036", "057", "061", "062")
        for k in range(1 + (year - 2016) // 2):
            month = 1 + (k * 2 + year) % 12
            when = _month(year, month)
            cameo = closeness[min(len(closeness) - 1, (year - 2016) // 2 + k % 2)]
            docs.append(
                brief(
                    f"chn-rus-{when}-{k}",
                    dt.date(year, month, 15),
                    [("CHN", cameo, "RUS", when), ("RUS", "042", "CHN", when)],
                )
            )
    for year in range(2017, 2025, 2):
        when = _month(year, 5)
        docs.append(
            brief(
                f"jpn-usa-{when}",
                dt.date(year, 5, 10),
                [("JPN", "062", "USA", when), ("USA", "057", "JPN", f"{when}-12")],
            )
        )
    docs.append(
        brief(
            "jpn-rus-plans-2023",
            dt.date(2023, 11, 2),
            [("JPN", "163", "RUS", "2023-11")],
            modality="intended",
        )
    )
    docs.append(_stance_doc("white-paper-2022", "2022", "JPN", "RUS", "threat"))
    docs.append(_stance_doc("joint-statement-2023", "2023-03", "CHN", "RUS", "partner"))
    return docs


def asserted_event_count(docs: list[CodedDocument]) -> int:
    return sum(1 for d in docs for e in d.events if e.modality == "asserted")


def write_sample_db(folder: Path, name: str = "sample.duckdb") -> str:
    """A DuckDB file in `folder` holding the whole history; its path."""
    path = folder / name
    with Store(path) as store:
        store.write(history())
    return str(path)
