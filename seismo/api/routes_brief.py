"""The brief in the dashboard: /brief (HTML), /brief.pdf, and its JSON twin /api/v1/brief.

The page is the very HTML `seismo brief` writes to a file (seismo.report, one template), with
links into the dashboard's document pages; the JSON is the data the page is rendered from.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response

from seismo.api.params import DateParam, ModalityParam, actor_key, parse_range
from seismo.api.problems import Problem, bad_request
from seismo.api.ranges import clamp_to_data
from seismo.api.routes_api import StoreDep
from seismo.api.views import modalities_for
from seismo.errors import Errors, SeismoError
from seismo.vocabulary import BRIEF_PERIODS

router = APIRouter()
ActorQuery = Annotated[
    str,
    Query(
        min_length=2,
        max_length=40,
        description="Actor: a code such as JPN or a name such as Japan.",
    ),
]
PeriodQuery = Annotated[
    str,
    Query(
        pattern="^(" + "|".join(BRIEF_PERIODS) + ")$",
        description="Resolution of the trajectory and shifts; auto chooses by the span.",
    ),
]


def brief_data(
    store: StoreDep,
    a: ActorQuery,
    b: ActorQuery,
    since: DateParam = None,
    until: DateParam = None,
    period: PeriodQuery = "auto",
    modality: ModalityParam = None,
) -> dict[str, Any]:
    """The brief a request asks for, its parameters checked: what all three routes serve."""
    from seismo.report import build_brief

    first, second = actor_key(a, store.con), actor_key(b, store.con)
    if not first or not second:
        raise bad_request(Errors.E024.format(what="brief"))
    start, end = clamp_to_data(store.con, *parse_range(since, until))
    return build_brief(
        store.con,
        first,
        second,
        since=start,
        until=end,
        period=period,
        modalities=modalities_for(modality),
    )


BriefData = Annotated[dict[str, Any], Depends(brief_data)]


@router.get("/brief", response_class=HTMLResponse, include_in_schema=False)
def brief_page(data: BriefData) -> HTMLResponse:
    from seismo.report import render_brief

    return HTMLResponse(render_brief(data, dashboard=True))


@router.get("/brief.pdf", include_in_schema=False)
def brief_pdf(data: BriefData) -> Response:
    import tempfile
    from pathlib import Path

    from seismo.report import render_brief, write_pdf

    with tempfile.TemporaryDirectory(prefix="seismo-brief-") as scratch:
        target = Path(scratch) / "brief.pdf"
        try:
            write_pdf(render_brief(data), target)
        except SeismoError as exc:  # WeasyPrint or pango not installed on the server
            raise Problem(501, str(exc), title="PDF not available") from exc
        content = target.read_bytes()
    name = f"brief-{data['a']}-{data['b']}.pdf"
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{name}"'},
    )


@router.get("/api/v1/brief", tags=["events"], summary="Brief on a dyad")
def brief_json(data: BriefData) -> dict[str, Any]:
    """What the /brief page shows, as data: trajectory summary (counts by QuadClass, mean
    Goldstein before and after the largest shift), the series, the shifts with their
    explaining events, key events by year or quarter, stances and cited documents."""
    data.pop("documents_by_id")
    return data
