"""Commands for the analyst's world outside seismo: `brief`, `export` and `watch`.

`brief` writes a self-contained report on a dyad (HTML, and PDF with WeasyPrint); `export`
hands the events to tools that read GDELT, PLOVER, CSV, Parquet or GraphML; `watch` keeps a
database current with a folder or feed file that grows. Each parses options and calls
seismo.report, seismo.export or seismo.sources.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from seismo.cli.analytics import (
    DbOption,
    ModalityOption,
    SinceOption,
    UntilOption,
    connection,
    resolve_actor,
)
from seismo.cli.app import app, default_db, fail, modality_list, parse_day
from seismo.errors import Errors, SeismoError
from seismo.vocabulary import BRIEF_PERIODS

EXPORT_FORMATS = ("gdelt", "plover", "csv", "parquet", "graphml")


@app.command()
def brief(
    a: str = typer.Argument(..., help="First actor: a code (JPN) or a name (Japan)."),
    b: str = typer.Argument(..., help="Second actor."),
    db: str = DbOption,
    since: str = SinceOption,
    until: str = UntilOption,
    out: Path = typer.Option(
        None, "--out", "-o", help="HTML file to write (default: brief-A-B.html)."
    ),
    pdf: Path = typer.Option(None, "--pdf", help="Also write the brief as a PDF (WeasyPrint)."),
    period: str = typer.Option(
        "auto",
        "--period",
        help="Resolution of the trajectory and shifts: month, quarter, year, or auto "
        "(by the span of the events).",
    ),
    modality: list[str] = ModalityOption,
) -> None:
    """Write a self-contained HTML brief on two actors: trajectory, shifts, key events with
    their sentences, stances and sources. It opens offline; --pdf also writes a PDF."""
    if period not in BRIEF_PERIODS:
        fail(Errors.E009.format(value=period, choices=", ".join(BRIEF_PERIODS)))
    from seismo.report import build_brief, render_brief, write_pdf

    with connection(db, None) as con:
        first, second = resolve_actor(a, con), resolve_actor(b, con)
        data = build_brief(
            con,
            first,
            second,
            since=parse_day(since),
            until=parse_day(until),
            period=period,
            modalities=modality_list(modality),
        )
    html = render_brief(data)
    target = out or Path(f"brief-{first}-{second}.html")
    try:
        target.write_text(html, encoding="utf-8")
    except OSError as exc:
        fail(Errors.E012.format(reason=f"cannot write {target}: {exc.strerror or exc}."))
    written = [str(target)]
    if pdf:
        try:
            written.append(str(write_pdf(html, pdf)))
        except SeismoError as exc:
            fail(str(exc))
    count = data["summary"]["events"]
    shifts = len(data["shifts"])
    print(
        f"seismo: brief on {first}–{second}: {count} events, {shifts} shift(s) → "
        + ", ".join(written),
        file=sys.stderr,
    )


def _all_events(con: Any, since: Any, until: Any, modalities: Any) -> list[dict[str, Any]]:
    """Every stored event in the window, page by page (the store pages by keyset)."""
    from seismo.store.queries import query_events

    events: list[dict[str, Any]] = []
    cursor = None
    while True:
        page, cursor = query_events(
            con, since=since, until=until, modalities=modalities, limit=10_000, cursor=cursor
        )
        events += page
        if not cursor:
            return events


def _document_urls(con: Any) -> dict[str, str]:
    from seismo.analytics.dyads import has_table

    if not has_table(con, "documents"):
        return {}
    rows = con.execute("SELECT doc_id, url FROM documents WHERE url IS NOT NULL").fetchall()
    return dict(rows)


def _graph_for_export(network: dict[str, Any]) -> dict[str, Any]:
    """The analytics network with edges named the way the GraphML writer expects."""
    edges = []
    for edge in network["edges"]:
        renamed = {"source": edge["a"], "target": edge["b"]}
        renamed.update({k: v for k, v in edge.items() if k not in ("a", "b")})
        edges.append(renamed)
    return {**network, "edges": edges}


@app.command("export")
def export_events(
    fmt: str = typer.Option(..., "--format", "-f", help="gdelt, plover, csv, parquet or graphml."),
    db: str = DbOption,
    out: Path = typer.Option(
        None,
        "--out",
        "-o",
        help="File to write (a folder for parquet); default: standard output, "
        "or ./events-parquet for parquet.",
    ),
    since: str = SinceOption,
    until: str = UntilOption,
    at: str = typer.Option(None, "--at", help="graphml: the network as of this date (YYYY-MM-DD)."),
    window: int = typer.Option(365, "--window", min=1, help="graphml: days of events before --at."),
    header: bool = typer.Option(
        False, "--header", help="gdelt: write the codebook's column names as a first line."
    ),
    modality: list[str] = ModalityOption,
) -> None:
    """Export stored events for other tools: GDELT 2.0 rows (tab-separated), PLOVER JSONL,
    CSV, Hive-partitioned Parquet, or the network of relations as GraphML."""
    if fmt not in EXPORT_FORMATS:
        fail(Errors.E009.format(value=fmt, choices=", ".join(EXPORT_FORMATS)))
    start, end = parse_day(since), parse_day(until)
    if fmt == "parquet":
        _export_parquet(db, out or Path("events-parquet"), since is not None or until is not None)
        return
    import tempfile

    from seismo import export

    scratch = None
    if out is None:  # the writers take a path; stdout gets the file's text afterwards
        scratch = tempfile.TemporaryDirectory(prefix="seismo-export-")
        target = str(Path(scratch.name) / f"export.{fmt}")
    else:
        target = str(out)
    omitted: dict[str, int] = {}
    events: list[dict[str, Any]] = []
    with connection(db, None) as con:
        try:
            if fmt == "graphml":
                from seismo.analytics.network import network

                graph = network(
                    con,
                    at=parse_day(at),
                    window_days=window,
                    since=start,
                    until=end,
                    modalities=modality_list(modality),
                )
                export.write_graphml(_graph_for_export(graph), target)
                count = len(graph["edges"])
            else:
                events = _all_events(con, start, end, modality_list(modality))
                if fmt == "gdelt":
                    count = export.write_gdelt(
                        events, target, header=header, source_urls=_document_urls(con)
                    )
                elif fmt == "plover":
                    count = export.write_plover(events, target)
                    from seismo.export.plover import left_out

                    omitted = left_out(events)
                else:
                    count = export.write_csv(events, target)
        except SeismoError as exc:
            fail(str(exc))
    if scratch is not None:
        sys.stdout.write(Path(target).read_text(encoding="utf-8"))
        sys.stdout.flush()
        scratch.cleanup()
    what = "edges" if fmt == "graphml" else "events"
    chosen = modality_list(modality)
    scope = "every modality" if chosen is None else "modality " + ", ".join(chosen)
    print(
        f"seismo: exported {count} {what} as {fmt} ({scope}) → {out or 'stdout'}", file=sys.stderr
    )
    if fmt == "plover" and omitted:
        print(f"seismo: left out {sum(omitted.values())} of {len(events)} events:", file=sys.stderr)
        for why, n in sorted(omitted.items(), key=lambda item: -item[1]):
            print(f"  {n} {why}", file=sys.stderr)


def _export_parquet(db: str | None, out: Path, windowed: bool) -> None:
    if windowed:
        reason = (
            "--since/--until do not apply to parquet (it holds every event, partitioned by "
            "year and month); filter when you read it."
        )
        fail(Errors.E012.format(reason=reason))
    from seismo.store import Store

    try:
        with Store(db or default_db(), read_only=True, wait=5.0) as store:
            store.export_parquet(out)
            row = store.con.execute("SELECT count(*) FROM events").fetchone()
            count = row[0] if row else 0
    except SeismoError as exc:
        fail(str(exc))
    print(f"seismo: exported {count} events as parquet, every modality (filter on the "
          f"`modality` column; other exports default to asserted) → {out}/", file=sys.stderr)  # fmt: skip


@app.command()
def watch(
    target: str = typer.Argument(..., help="A folder, or a feed/JSONL file, on local disk."),
    db: str = DbOption,
    interval: float = typer.Option(300.0, "--interval", min=1.0, help="Seconds between polls."),
    once: bool = typer.Option(False, "--once", help="Poll once and exit (for cron)."),
    similarity: float = typer.Option(
        0.8,
        "--similarity",
        min=0.3,
        max=1.0,
        help="Estimated word-shingle overlap (Jaccard) from which two stories count as one.",
    ),
) -> None:
    """Keep the database current with a folder or feed file: code new or changed documents,
    and keep near-identical stories (the same wire copy from several outlets) as one
    document with all its sources."""
    from seismo.sources import WatchResult, watch_once
    from seismo.sources import watch as poll
    from seismo.store.ingest import skip_line

    db_path = db or default_db()

    def report(result: WatchResult) -> None:
        for skip in result.skipped:
            print(f"seismo: {skip_line(skip)}", file=sys.stderr)
        print(
            f"seismo: {result.files} new or changed file(s), {result.documents} document(s): "
            f"{result.coded} coded ({result.events} events), {result.duplicates} kept as "
            f"another source of a stored story, {result.known} already seen",
            file=sys.stderr,
        )

    try:
        if once:
            report(watch_once(target, db_path, threshold=similarity))
        else:
            print(
                f"seismo: watching {target} every {interval:g} s (Ctrl-C to stop)", file=sys.stderr
            )
            poll(target, db_path, interval, threshold=similarity, report=report)
    except SeismoError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        print("seismo: stopped", file=sys.stderr)
