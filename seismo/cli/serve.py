"""`seismo serve`: the REST API and the dashboard over a DuckDB file or a Parquet folder."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from seismo.cli.app import app, default_db, fail
from seismo.errors import Errors


@app.command()
def serve(
    db: str = typer.Option(
        None, "--db", help="DuckDB file (default: $SEISMO_DB or seismo.duckdb)."
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    parquet: str = typer.Option(
        None, "--parquet", help="Folder of Parquet event files (from `seismo spark`) to query."
    ),
    hold_open: bool = typer.Option(
        False,
        "--hold-open",
        help="Keep one read-only connection open: faster answers, but no `seismo ingest` "
        "can write the file while the server runs. For archives, not live databases.",
    ),
    allowed_host: list[str] = typer.Option(
        [],
        "--allowed-host",
        help="A host name clients may reach the server under (the Host header), besides "
        "127.0.0.1, localhost and ::1; repeat for several, `*` for any. Needed behind a "
        "proxy or on a public interface; the check stops DNS-rebinding attacks.",
    ),
) -> None:
    """Serve the REST API (/api/v1, OpenAPI at /docs) and the dashboard.

    The API is read-only unless $SEISMO_WRITE_TOKEN is set: then POST /api/v1/ingest
    accepts JSONL documents from clients that send `Authorization: Bearer <token>`.
    """
    db_path = db or default_db()
    if parquet and not Path(parquet).is_dir():
        fail(Errors.E002.format(path=parquet))
    token = os.environ.get("SEISMO_WRITE_TOKEN") or None

    from seismo.api.server import serve as run_server
    from seismo.errors import SeismoError

    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"seismo: dashboard at http://{shown_host}:{port}/  (API docs at /docs)")
    if host not in ("127.0.0.1", "localhost", "::1") and not allowed_host:
        print(
            "seismo: note: only the host names 127.0.0.1, localhost and ::1 are answered; "
            "pass --allowed-host NAME for the name other machines use (DNS-rebinding guard)"
        )
    if token:
        print("seismo: POST /api/v1/ingest is enabled (token from $SEISMO_WRITE_TOKEN)")
    try:
        run_server(
            db_path,
            host=host,
            port=port,
            parquet_dir=parquet,
            write_token=token,
            hold_open=hold_open,
            allowed_hosts=allowed_host,
        )
    except SeismoError as exc:
        fail(str(exc))
