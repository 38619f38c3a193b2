"""Query commands: `seismo events`, `dyad`, `shifts`, `network`, `stances`.

Each parses options, opens the database read-only (or a Parquet folder), calls one function
of seismo.store / seismo.analytics and prints the answer: a rich table by default, or
json, jsonl or csv for other programs. DuckDB and the analytics load inside the commands so
`seismo --help` stays instant.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer

from seismo.cli.app import MODALITY_HELP, app, default_db, fail, modality_list, parse_day
from seismo.errors import Errors, SeismoError
from seismo.vocabulary import PERIODS

FORMATS = ("table", "json", "jsonl", "csv")

DbOption = typer.Option(None, "--db", help="DuckDB file (default: $SEISMO_DB or seismo.duckdb).")
ParquetOption = typer.Option(
    None, "--parquet", help="Query a folder of Parquet events (from `seismo spark`) instead."
)
FormatOption = typer.Option("table", "--format", "-f", help="Output: table, json, jsonl or csv.")
SinceOption = typer.Option(None, "--since", help="First event date to include (YYYY-MM-DD).")
UntilOption = typer.Option(None, "--until", help="Last event date to include (YYYY-MM-DD).")
ModalityOption = typer.Option(
    ["asserted"],
    "--modality",
    help=f"Modalities to count: {MODALITY_HELP}.",
)


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        fail(Errors.E009.format(value=fmt, choices=", ".join(FORMATS)))
    return fmt


def resolve_actor(value: str, con: Any = None) -> str:
    """The actor key for what a user typed ("JPN", "Japan", "the Kremlin"), or exit with E010."""
    from seismo.analytics.names import actor_key

    key = actor_key(value, con)
    if key is None:
        fail(Errors.E010.format(value=value))
    return key


@contextmanager
def connection(db: str | None, parquet: str | None) -> Iterator[Any]:
    """A read-only DuckDB connection over the database file or a Parquet folder."""
    try:
        if parquet:
            import duckdb

            from seismo.store import open_events_view

            con = duckdb.connect()
            try:
                open_events_view(con, parquet)
                yield con
            finally:
                con.close()
        else:
            from seismo.store import Store

            with Store(db or default_db(), read_only=True, wait=5.0) as store:
                yield store.con
    except SeismoError as exc:
        fail(str(exc))
    except ValueError as exc:
        fail(str(exc))


def _flat(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested records as flat columns (source.code -> source_code) for csv and tables."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and key not in ("roots",):
            out.update(_flat(value, f"{name}_"))
        elif isinstance(value, dict | list):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def emit(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str], title: str) -> None:
    """Print rows as a rich table (the given columns) or as json, jsonl or csv (all fields)."""
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        flat_rows = [_flat(r) for r in rows]
        names = list(dict.fromkeys(k for r in flat_rows for k in r))
        writer = csv.DictWriter(sys.stdout, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat_rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        for column in columns:
            table.add_column(column)
        for row in rows:
            flat = _flat(row)
            table.add_row(*("" if flat.get(c) is None else str(flat.get(c)) for c in columns))
        Console().print(table)


@app.command()
def events(
    db: str = DbOption,
    parquet: str = ParquetOption,
    actor: str = typer.Option(None, "--actor", help="Actor on either side: JPN or Japan."),
    dyad: tuple[str, str] | None = typer.Option(
        None, "--dyad", help="Two actors, either direction: --dyad JPN RUS."
    ),
    directed: bool = typer.Option(
        False, "--directed", help="Only events from the first actor of --dyad to the second."
    ),
    since: str = SinceOption,
    until: str = UntilOption,
    root: str = typer.Option(None, "--root", help="CAMEO root code, e.g. 16 (reduce relations)."),
    quad_class: int = typer.Option(None, "--quad-class", min=1, max=4, help="QuadClass 1-4."),
    modality: list[str] = ModalityOption,
    doc: str = typer.Option(None, "--doc", help="Only events of this document id."),
    limit: int = typer.Option(50, "--limit", min=1, help="Maximum number of events."),
    cursor: str = typer.Option(None, "--cursor", help="Continue after a previous page."),
    full: bool = typer.Option(False, "--full", help="Whole sentences (default: one line each)."),
    fmt: str = FormatOption,
) -> None:
    """Stored events in time order, with the sentence each was read from."""
    check_format(fmt)
    from seismo.store.queries import query_events

    with connection(db, parquet) as con:
        pair = None
        if dyad and dyad[0] is not None:
            pair = (resolve_actor(dyad[0], con), resolve_actor(dyad[1], con))
        try:
            rows, next_cursor = query_events(
                con,
                actor=resolve_actor(actor, con) if actor else None,
                dyad=pair,
                directed=directed,
                since=parse_day(since),
                until=parse_day(until),
                root=root,
                quad_class=quad_class,
                modalities=modality_list(modality),
                doc_id=doc,
                limit=limit,
                cursor=cursor,
            )
        except ValueError as exc:
            fail(str(exc))
    if fmt == "table":
        from seismo.cli.output import event_lines, terminal_width

        print("\n".join(event_lines(rows, terminal_width(), full)) if rows else "No events.")
    else:
        emit(rows, fmt, (), "events")
    if next_cursor:
        print(f"seismo: more events: --cursor {next_cursor}", file=sys.stderr)


@app.command()
def dyad(
    a: str = typer.Argument(..., help="First actor: a code (JPN) or a name (Japan)."),
    b: str = typer.Argument(..., help="Second actor."),
    db: str = DbOption,
    parquet: str = ParquetOption,
    period: str = typer.Option("month", "--period", help="day, week, month, quarter or year."),
    directed: bool = typer.Option(False, "--directed", help="Only events from A to B."),
    since: str = SinceOption,
    until: str = UntilOption,
    modality: list[str] = ModalityOption,
    by_publication: bool = typer.Option(
        False, "--by-publication", help="Count undated events at their document's publication date."
    ),
    fmt: str = FormatOption,
) -> None:
    """Relations between two actors per period: events, QuadClass counts, Goldstein."""
    check_format(fmt)
    if period not in PERIODS:
        fail(Errors.E009.format(value=period, choices=", ".join(PERIODS)))
    from seismo.analytics.dyads import dyad_series

    with connection(db, parquet) as con:
        rows = dyad_series(
            con,
            resolve_actor(a, con),
            resolve_actor(b, con),
            period=period,
            directed=directed,
            modalities=modality_list(modality),
            since=parse_day(since),
            until=parse_day(until),
            undated="by_publication" if by_publication else "exclude",
        )
    columns = (
        "period",
        "events",
        "quad1",
        "quad2",
        "quad3",
        "quad4",
        "goldstein_sum",
        "goldstein_mean",
    )
    emit(rows, fmt, columns, f"{a} – {b} by {period}")


@app.command()
def shifts(
    dyad: tuple[str, str] = typer.Option(..., "--dyad", help="The two actors: --dyad JPN RUS."),
    db: str = DbOption,
    parquet: str = ParquetOption,
    period: str = typer.Option("month", "--period", help="day, week, month, quarter or year."),
    metric: str = typer.Option(
        "balance",
        "--metric",
        help="What to segment: balance (share of cooperative events) or goldstein (scores).",
    ),
    penalty: float = typer.Option(
        None,
        "--penalty",
        help="Change-point penalty; higher finds fewer shifts (default: BIC, 2 ln N).",
    ),
    since: str = SinceOption,
    until: str = UntilOption,
    fmt: str = FormatOption,
) -> None:
    """When relations between two actors changed course, with the events that explain it."""
    check_format(fmt)
    if period not in PERIODS:
        fail(Errors.E009.format(value=period, choices=", ".join(PERIODS)))
    from seismo.analytics.shifts import METRICS, detect_shifts

    if metric not in METRICS:
        fail(Errors.E009.format(value=metric, choices=", ".join(METRICS)))
    with connection(db, parquet) as con:
        found = detect_shifts(
            con,
            resolve_actor(dyad[0], con),
            resolve_actor(dyad[1], con),
            period=period,
            metric=metric,
            penalty=penalty,
            since=parse_day(since),
            until=parse_day(until),
        )
    if fmt != "table":
        emit(found, fmt, (), "")
        return
    for shift in found:
        shift["evidence"] = "\n".join(
            f"{e['date']} {e['cameo']} ({e['goldstein']:+}) {e['sentence']} [{e['doc_id']}]"
            for e in shift["events"]
        )
    columns = ("date", "direction", "kind", "summary", "evidence")
    emit(found, fmt, columns, f"shifts {dyad[0]} – {dyad[1]} ({metric} by {period})")


@app.command()
def network(
    db: str = DbOption,
    parquet: str = ParquetOption,
    at: str = typer.Option(None, "--at", help="Relations as of this date (YYYY-MM-DD)."),
    window: int = typer.Option(
        365, "--window", min=1, help="Days of events before --at that count."
    ),
    since: str = SinceOption,
    until: str = UntilOption,
    min_events: int = typer.Option(1, "--min-events", min=1, help="Hide pairs with fewer events."),
    fmt: str = FormatOption,
) -> None:
    """The network of relations: per pair, cooperation minus conflict, stances, alliances."""
    check_format(fmt)
    from seismo.analytics.network import network as relations

    with connection(db, parquet) as con:
        graph = relations(
            con,
            at=parse_day(at),
            window_days=window,
            since=parse_day(since),
            until=parse_day(until),
            min_events=min_events,
        )
    if fmt == "json":
        print(json.dumps(graph, ensure_ascii=False, indent=2, default=str))
        return
    for edge in graph["edges"]:
        edge["stances"] = "; ".join(
            f"{s['holder']}→{s['subject']}: {s['stance']}" for s in edge["stances"]
        )
    columns = (
        "a",
        "b",
        "n",
        "weight",
        "goldstein_sum",
        "dominant_quad_class",
        "alliance",
        "stances",
    )
    window_text = f"{graph['since'] or '…'} to {graph['until'] or '…'}"
    emit(graph["edges"], fmt, columns, f"relations {window_text}")


@app.command()
def stances(
    db: str = DbOption,
    holder: str = typer.Option(None, "--holder", help="Who states the view: JPN or Japan."),
    subject: str = typer.Option(None, "--subject", help="Whom the view is about."),
    since: str = SinceOption,
    until: str = UntilOption,
    fmt: str = FormatOption,
) -> None:
    """Stated views of one state about another (ally, partner, challenge, threat, ...)."""
    check_format(fmt)
    from seismo.store.queries import query_stances

    with connection(db, None) as con:
        rows = query_stances(
            con,
            resolve_actor(holder, con) if holder else None,
            resolve_actor(subject, con) if subject else None,
            parse_day(since),
            parse_day(until),
        )
    columns = ("date", "holder_code", "stance", "subject_code", "doc_id", "sentence")
    emit(rows, fmt, columns, "stances")
