"""Errors as RFC 9457 problem details, never as stack traces.

A client of the API gets `application/problem+json` with type, title, status and detail
for every failure (bad parameters, unknown document, a busy database, a bug), so scripts
can branch on `status` and people can read `detail`. A browser asking for a dashboard
page gets the same facts as a small HTML page instead.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

# Error pages extend the dashboard's base template, so a reader who lands on one keeps the
# site navigation; a plain environment (not routes_web's) keeps this module free of routes.
_PAGES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent.parent / "web" / "templates"),
    autoescape=True,
)

log = logging.getLogger("seismo.api")

PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(Exception):
    """A failure the API reports as a problem document; raise it from any route."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        kind: str = "about:blank",
        title: str | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind
        self.title = title or HTTPStatus(status).phrase
        self.headers = headers or {}
        self.extra = extra or {}


def not_found(detail: str) -> Problem:
    return Problem(404, detail)


def bad_request(detail: str) -> Problem:
    return Problem(422, detail, kind="/problems/invalid-parameter", title="Invalid parameter")


def database_unavailable(detail: str) -> Problem:
    """The store is locked by a writer or missing: worth retrying, so say when."""
    return Problem(
        503,
        detail,
        kind="/problems/database-unavailable",
        title="Database unavailable",
        headers={"Retry-After": "2"},
    )


def _wants_html(request: Request) -> bool:
    """Dashboard pages answer in HTML; the JSON API and programs get problem+json."""
    if request.url.path.startswith("/api/"):
        return False
    return "text/html" in request.headers.get("accept", "")


def problem_response(request: Request, problem: Problem) -> Response:
    body: dict[str, Any] = {
        "type": problem.kind,
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
        "instance": request.url.path,
        **problem.extra,
    }
    if _wants_html(request):
        page = _PAGES.get_template("problem.html").render(
            status=problem.status, title=problem.title, detail=problem.detail, current=None
        )
        return HTMLResponse(page, status_code=problem.status, headers=problem.headers)
    return JSONResponse(
        body, status_code=problem.status, headers=problem.headers, media_type=PROBLEM_MEDIA_TYPE
    )


def _describe_validation(exc: RequestValidationError) -> tuple[str, list[dict[str, str]]]:
    """One readable sentence plus a list of {where, message}; the input is not echoed back."""
    errors = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()))
        errors.append({"where": where, "message": str(error.get("msg", "invalid"))})
    if not errors:
        return "The request is invalid.", errors
    first = errors[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{first['where']}: {first['message']}{more}.", errors


def install_problem_handlers(app: FastAPI) -> None:
    """Route every error through `problem_response`, including the ones FastAPI raises itself."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> Response:
        return problem_response(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"Nothing at {request.url.path}."
        headers = dict(exc.headers or {})
        return problem_response(request, Problem(exc.status_code, detail, headers=headers))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        detail, errors = _describe_validation(exc)
        problem = Problem(
            422,
            detail,
            kind="/problems/invalid-parameter",
            title="Invalid parameter",
            extra={"errors": errors},
        )
        return problem_response(request, problem)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        problem = Problem(500, "The server failed to answer this request; the error was logged.")
        return problem_response(request, problem)
