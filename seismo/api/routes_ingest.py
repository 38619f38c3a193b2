"""POST /api/v1/ingest: code JSONL documents sent by a client and store their events.

The only route that writes, so it exists only when the server was given a write token, and
answers 401 unless the request carries it as `Authorization: Bearer <token>`. The body is
bounded; documents go through the same loop as `seismo ingest`
(`seismo.store.ingest.ingest_documents`).
"""

from __future__ import annotations

import io
import secrets
from typing import Any

from fastapi import APIRouter, Request

from seismo.api.models import IngestResult
from seismo.api.problems import Problem
from seismo.errors import SeismoError
from seismo.model import Skipped

MAX_BODY_BYTES = 20 * 1024 * 1024
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
WRITE_LOCK_WAIT = 10.0


def _authorised(request: Request, token: str) -> bool:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and secrets.compare_digest(given.strip(), token)


def ingest_router(write_token: str) -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["ingest"])

    @router.post(
        "/ingest",
        response_model=IngestResult,
        summary="Code and store JSONL documents (needs the write token)",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            }
        },
    )
    async def ingest(request: Request) -> dict[str, Any]:
        """One JSON document per line: `{"id", "text" | "html", "title", "url", "published",
        "source"}`. Bad lines are reported in `skipped`; the others are stored."""
        if not _authorised(request, write_token):
            raise Problem(
                401,
                "This endpoint needs `Authorization: Bearer <token>` with the server's write token.",
                headers={"WWW-Authenticate": 'Bearer realm="seismo"'},
            )
        declared = request.headers.get("content-length")
        if (
            declared
            and declared.isascii()
            and declared.isdigit()
            and int(declared) > MAX_BODY_BYTES
        ):
            raise _too_large()
        body = await read_bounded(request, MAX_BODY_BYTES)
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_code_and_store, request.app.state.database, body)

    return router


def _too_large() -> Problem:
    return Problem(413, f"The body is larger than {MAX_BODY_BYTES} bytes; send it in parts.")


async def read_bounded(request: Request, limit: int) -> bytes:
    """The request body, read chunk by chunk and refused (413) as soon as it passes `limit`.

    A chunked body has no Content-Length to check first; reading it whole before counting
    would let one client make the server hold any amount of memory.
    """
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise _too_large()
    return bytes(received)


def _code_and_store(database: Any, body: bytes) -> dict[str, Any]:
    from seismo.ingest.jsonl import read_jsonl_stream
    from seismo.store.ingest import ingest_documents

    db_path = database.db_path
    if not db_path:
        raise Problem(409, "The server reads Parquet only; there is no database to write to.")
    skipped: list[dict[str, str]] = []

    def skip(item: Skipped) -> None:
        skipped.append({"where": item.where, "reason": item.reason})

    documents = read_jsonl_stream(io.BytesIO(body), "body", "request", None, MAX_DOCUMENT_BYTES)
    try:
        tally = ingest_documents(documents, db_path, wait=WRITE_LOCK_WAIT, on_skip=skip)
    except SeismoError as exc:
        raise Problem(
            503,
            database.redact(str(exc)),
            kind="/problems/database-unavailable",
            title="Database unavailable",
            headers={"Retry-After": "5"},
        ) from exc
    return {
        "documents": tally.documents,
        "events": tally.events,
        "stances": tally.stances,
        "already": tally.already,
        "redated": tally.redated,
        "no_published": tally.no_published,
        "skipped": skipped,
    }
