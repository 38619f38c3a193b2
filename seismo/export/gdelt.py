"""Events as rows of the GDELT 2.0 event table, for tools that already read GDELT.

The 61 columns follow the GDELT 2.0 Event Codebook in order. What seismo does not know is
left empty rather than invented: tone (AvgTone), the actor geographies, ethnic and religious
codes. Where seismo's meaning differs from GDELT's, the difference is stated here:

- Dates. GDELT always knows the day; seismo keeps the precision the text gave. By default
  the unknown parts are written as zeros: "2022-03" becomes SQLDATE 20220300 and MonthYear
  202203, "2014" becomes 20140000 and 201400, so no one mistakes "some day in March" for
  1 March. `partial_dates="first"` writes the first day of the period instead (20220301),
  for tools that must parse SQLDATE as a date. FractionDate is the start of the period.
  An undated event gets empty date columns.
- GLOBALEVENTID is an integer made from the first 15 hex digits of `event_id` (stable
  across runs, fits a signed 64-bit column).
- Counts: one event is read from one sentence of one article, so NumMentions, NumSources and
  NumArticles are 1. IsRootEvent is 1 for the first sentence of a document.
- ActionGeo (seismo.geo) follows the codebook: Type 1 country, 2 US state, 3 US city or
  landmark, 4 world city or landmark (seas and straits count as landmarks), 5 a region
  outside the US; CountryCode is the FIPS 10-4 code (empty for open seas); FullName is the
  place and its country; Lat and Long its centre. ADM1Code and FeatureID stay empty.
- SOURCEURL is the document's URL when given (`source_urls` or a `url` field of the record),
  else the document id, so every row still leads back to its text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from seismo.export._records import (
    EventDay,
    ExportError,
    event_day,
    event_records,
    one_line,
    open_for_writing,
)

_ACTOR_COLUMNS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_COLUMNS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR_COLUMNS),
    *(f"Actor2{c}" for c in _ACTOR_COLUMNS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO_COLUMNS),
    *(f"Actor2Geo_{c}" for c in _GEO_COLUMNS),
    *(f"ActionGeo_{c}" for c in _GEO_COLUMNS),
    "DATEADDED",
    "SOURCEURL",
)

PARTIAL_DATE_STYLES = ("zero", "first")


def global_event_id(event_id: str) -> int:
    """A stable integer for GDELT's numeric id column, from seismo's hex event id."""
    text = str(event_id)
    digits = text[:15]
    try:
        return int(digits, 16)
    except ValueError:
        return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:15], 16)


def _date_columns(day: EventDay | None, partial_dates: str) -> dict[str, Any]:
    if day is None:
        return {"SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": ""}
    fill = 1 if partial_dates == "first" else 0
    month = day.month if day.month is not None else fill
    sql_day = day.day if day.day is not None else fill
    start = day.start
    days_in_year = 366 if calendar.isleap(start.year) else 365
    fraction = start.year + (start.timetuple().tm_yday - 1) / days_in_year
    return {
        "SQLDATE": day.year * 10000 + month * 100 + sql_day,
        "MonthYear": day.year * 100 + month,
        "Year": day.year,
        "FractionDate": round(fraction, 4),
    }


def _actor_columns(prefix: str, actor: Mapping[str, Any] | None) -> dict[str, Any]:
    columns: dict[str, Any] = {f"{prefix}{c}": "" for c in _ACTOR_COLUMNS}
    if not actor:
        return columns
    code = one_line(actor.get("code"))
    country = one_line(actor.get("country"))
    columns[f"{prefix}Code"] = code
    columns[f"{prefix}Name"] = one_line(actor.get("name"))
    if country == "IGO":
        # an international body: its own code (IGONAT → NAT) is the known group
        columns[f"{prefix}KnownGroupCode"] = code[3:6] if code.startswith("IGO") else code
    else:
        columns[f"{prefix}CountryCode"] = country
    columns[f"{prefix}Type1Code"] = one_line(actor.get("sector"))
    return columns


def _action_geo(location: Mapping[str, Any] | None) -> dict[str, Any]:
    from seismo.geo import gdelt_geo

    columns: dict[str, Any] = {f"ActionGeo_{c}": "" for c in _GEO_COLUMNS}
    columns["ActionGeo_Type"] = 0
    if not location:
        return columns
    geo = gdelt_geo(location)
    columns["ActionGeo_Type"] = geo["type"]
    columns["ActionGeo_FullName"] = one_line(_full_name(location))
    columns["ActionGeo_CountryCode"] = geo["country"]
    lat, lon = location.get("lat"), location.get("lon")
    if lat is None or lon is None:
        return columns
    try:
        columns["ActionGeo_Lat"], columns["ActionGeo_Long"] = float(lat), float(lon)
    except (TypeError, ValueError):
        raise ExportError(
            f"location '{location.get('name')}' has coordinates that are not numbers"
        ) from None
    return columns


def _full_name(location: Mapping[str, Any]) -> str:
    """GDELT's FullName: the place, then its country ("Goma, Democratic Republic of the Congo")."""
    from seismo.geo import country_name

    name = str(location.get("name") or "")
    country = country_name(location.get("country"))
    if location.get("feature") in ("city", "region") and country and country not in name:
        return f"{name}, {country}"
    return name


def to_gdelt_rows(
    events: Iterable[Any],
    *,
    source_urls: Mapping[str, str] | None = None,
    added: dt.datetime | None = None,
    partial_dates: str = "zero",
) -> list[dict[str, Any]]:
    """One dict per event with the 61 GDELT 2.0 columns, in the codebook's order.

    `added` is DATEADDED (default: now, UTC); `source_urls` maps doc_id to the article's URL.
    """
    if partial_dates not in PARTIAL_DATE_STYLES:
        raise ExportError(
            f"Unknown partial_dates '{partial_dates}': choose one of {', '.join(PARTIAL_DATE_STYLES)}."
        )
    stamp = (added or dt.datetime.now(dt.UTC)).strftime("%Y%m%d%H%M%S")
    urls = source_urls or {}
    rows = []
    for record in event_records(events):
        cameo = one_line(record["cameo"])
        row: dict[str, Any] = {column: "" for column in GDELT_COLUMNS}
        row["GLOBALEVENTID"] = global_event_id(record["event_id"])
        row.update(_date_columns(event_day(record), partial_dates))
        row.update(_actor_columns("Actor1", record["source"]))
        row.update(_actor_columns("Actor2", record.get("target")))
        row["IsRootEvent"] = 1 if record.get("sentence_index") == 0 else 0
        row["EventCode"] = cameo
        row["EventBaseCode"] = cameo[:3]
        row["EventRootCode"] = record.get("root") or cameo[:2]
        row["QuadClass"] = record.get("quad_class", "")
        row["GoldsteinScale"] = record.get("goldstein", "")
        row["NumMentions"] = row["NumSources"] = row["NumArticles"] = 1
        row["Actor1Geo_Type"] = row["Actor2Geo_Type"] = 0
        row.update(_action_geo(record.get("location")))
        row["DATEADDED"] = int(stamp)
        doc_id = str(record["doc_id"])
        row["SOURCEURL"] = one_line(record.get("url") or urls.get(doc_id) or doc_id)
        rows.append(row)
    return rows


def write_gdelt(
    events: Iterable[Any],
    path: str | Path,
    header: bool = False,
    **options: Any,
) -> int:
    """Write the events as GDELT ships them: tab-separated, no header unless asked.

    Returns the number of rows written. `options` go to `to_gdelt_rows`.
    """
    rows = to_gdelt_rows(events, **options)
    with open_for_writing(path, newline="\n") as handle:
        if header:
            handle.write("\t".join(GDELT_COLUMNS) + "\n")
        for row in rows:
            handle.write("\t".join(one_line(row[column]) for column in GDELT_COLUMNS) + "\n")
    return len(rows)
