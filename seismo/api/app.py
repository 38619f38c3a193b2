"""The FastAPI application: the JSON API under /api/v1 and the dashboard pages, one process.

Read-only unless a write token is configured; errors are problem details (problems.py);
the database is opened per request (db.py) so an ingest elsewhere can write in between.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from seismo.api.db import Database
from seismo.api.guard import Guard
from seismo.api.problems import install_problem_handlers, not_found
from seismo.errors import Errors, SeismoError
from seismo.model import CODER_VERSION


def plotly_js_path() -> Path:
    """plotly.js as bundled in the installed `plotly` package: the dashboard works offline."""
    import plotly

    path = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise SeismoError(Errors.E006.format(path=str(path), reason="plotly.min.js is missing"))
    return path


def create_app(
    db_path: str | None = None,
    parquet_dir: str | None = None,
    write_token: str | None = None,
    hold_open: bool = False,
    allowed_hosts: Sequence[str] = (),
) -> FastAPI:
    """Build the app over a DuckDB file, or Parquet events (with the file for documents).

    `write_token` enables POST /api/v1/ingest for clients that send it as a Bearer token;
    without one that route does not exist. `allowed_hosts` are the `Host:` names served
    besides the loopback ones (guard.py); `*` serves any.
    """
    from seismo.api import routes_api, routes_web

    database = Database(db_path, parquet_dir, hold_open=hold_open)
    database.ensure_exists()
    # Swagger UI and ReDoc assets come from the installed fastapi-offline package, not a CDN:
    # /docs renders on a machine with no internet, as the dashboard does.
    app = FastAPIOffline(
        title="seismo",
        version=CODER_VERSION.split()[-1],
        description=(
            "Political events (CAMEO, Goldstein, QuadClass, PLOVER) coded from news and "
            "analysis, with the sentence that proves each one. Errors are "
            "`application/problem+json`."
        ),
    )
    app.state.database = database
    install_problem_handlers(app)
    app.include_router(routes_api.router)
    if write_token:
        from seismo.api.routes_ingest import ingest_router

        app.include_router(ingest_router(write_token))

    plotly_js = plotly_js_path()

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_bundle() -> FileResponse:
        return FileResponse(
            plotly_js,
            media_type="text/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/static/vendor/topojson/{name}.json", include_in_schema=False)
    def world_outlines(name: str) -> JSONResponse:
        """World outlines for plotly's map, from an installed package (seismo.geo.outlines):
        the map page points plotly.js here instead of its CDN."""
        from seismo.geo.outlines import OUTLINE_PACKAGE, plotly_topojson

        topology = plotly_topojson() if name == "world_110m" else None
        if topology is None:
            raise not_found(
                f"No outlines '{name}': the map draws world_110m from the {OUTLINE_PACKAGE} "
                f"package; install it with `pip install {OUTLINE_PACKAGE}`."
            )
        return JSONResponse(topology, headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=routes_web.WEB_DIR / "static"), name="static")
    app.include_router(routes_web.router)
    from seismo.api import routes_brief

    app.include_router(routes_brief.router)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    return app
