"""The server's outer wall: one ASGI middleware that every request passes first.

- Host allow-list. A loopback server is reachable from any web page the user opens through
  DNS rebinding (evil.example resolves to 127.0.0.1 and its script reads our answers as
  same-origin). Checking `Host:` against the names the user serves under stops that; the
  loopback names are allowed by default, others with `seismo serve --allowed-host NAME`.
- Security headers on every answer: a Content-Security-Policy (scripts, styles and images
  from this server only, no framing), `X-Content-Type-Options: nosniff`, `X-Frame-Options`
  and `Referrer-Policy`. The dashboard needs nothing from elsewhere (plotly is bundled).
- HEAD on every GET route: answered as GET without the body (FastAPI routes are GET only).
- A failure no handler caught becomes a 500 problem here, answered like any other response,
  so the client's keep-alive connection survives (Starlette's last-resort handler re-raises,
  and the server then drops the connection).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

log = logging.getLogger("seismo.api")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)
# /docs and /redoc load their scripts from a CDN (FastAPI's defaults): they keep working
# with a policy that allows that CDN and nothing else beyond this server.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "font-src https://fonts.gstatic.com; worker-src blob:; object-src 'none'; "
    "frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")


def host_name(header: str) -> str:
    """The name part of a Host header value: `[::1]:8000` -> `::1`, `Example.org.` ->
    `example.org`."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def allowed_host_set(extra: Iterable[str] = ()) -> frozenset[str]:
    """The loopback names plus the user's; `*` in `extra` turns the check off."""
    return frozenset((*LOOPBACK_HOSTS, *(host_name(h) for h in extra if h)))


def _problem(status: int, title: str, detail: str, path: str) -> tuple[bytes, list]:
    body = json.dumps(
        {
            "type": "about:blank",
            "title": title,
            "status": status,
            "detail": detail,
            "instance": path,
        }  # fmt: skip
    ).encode()
    headers = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
    ]
    return body, headers


class Guard:
    """Host check, security headers, HEAD, and the last-resort 500 (module docstring)."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = ()) -> None:
        self.app = app
        self.hosts = allowed_host_set(allowed_hosts)
        self.any_host = "*" in self.hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        headers = dict(scope.get("headers") or [])
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if not self.any_host and host not in self.hosts:
            await self._answer(
                send, 421, "Misdirected Request",
                "This server does not answer for that host name; start it with "
                "`seismo serve --allowed-host NAME` to serve under another name.", path,
            )  # fmt: skip
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        csp = DOCS_CSP if path in DOCS_PATHS else CSP
        started = finished = False

        async def send_guarded(message: Message) -> None:
            nonlocal started, finished
            if message["type"] == "http.response.body" and not message.get("more_body"):
                finished = True
            if message["type"] == "http.response.start":
                started = True
                extra = [(k, v) for k, v in SECURITY_HEADERS if k != b"content-security-policy"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"content-security-policy", csp.encode()),
                    *extra,
                ]
            elif message["type"] == "http.response.body" and head:
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        try:
            await self.app(scope, receive, send_guarded)
        except Exception:
            if finished:  # answered (and logged) by the app's own 500 handler: keep the
                return  # connection, which re-raising would make the server close
            log.exception("unhandled error on %s", path)
            if started:  # the answer is under way: nothing sensible can follow it
                raise
            from starlette.requests import Request

            from seismo.api.problems import Problem, problem_response

            problem = Problem(
                500, "The server failed to answer this request; the error was logged."
            )
            await problem_response(Request(scope), problem)(scope, receive, send_guarded)

    @staticmethod
    async def _answer(send: Send, status: int, title: str, detail: str, path: str) -> None:
        body, headers = _problem(status, title, detail, path)
        headers = [*headers, *SECURITY_HEADERS]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
