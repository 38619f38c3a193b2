"""Run the API and the dashboard under uvicorn: what `seismo serve` calls."""

from __future__ import annotations

from collections.abc import Sequence

import uvicorn

from seismo.api.app import create_app


def serve(
    db_path: str | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    parquet_dir: str | None = None,
    write_token: str | None = None,
    hold_open: bool = False,
    allowed_hosts: Sequence[str] = (),
) -> None:
    """Serve until interrupted. Binds to loopback by default: the write endpoint and the
    data are meant for this machine unless the user chooses a public host on purpose."""
    app = create_app(
        db_path=db_path,
        parquet_dir=parquet_dir,
        write_token=write_token,
        hold_open=hold_open,
        allowed_hosts=allowed_hosts,
    )
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
