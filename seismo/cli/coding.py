"""Coding commands: `seismo code`, `ingest`, `eval`, `demo` and `dictionary check`.

They share one loop: read the inputs (`seismo.ingest.read_inputs`), code them
(`seismo.pipeline.code_documents`, or `seismo.scale.workers` with --workers), report every
skipped document on standard error with its reason, and go on. spaCy, DuckDB and rich load
inside the commands so `seismo --help` stays instant.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from seismo import vocabulary
from seismo.cli.app import MODALITY_HELP, app, default_db, fail, modality_list, parse_day
from seismo.cli.output import Printer, print_scores, short
from seismo.errors import Errors, SeismoError

if TYPE_CHECKING:  # imported by the commands: `seismo --help` needs none of it
    from seismo.model import CodedDocument, Document, Skipped
    from seismo.store.ingest import Tally

CODE_FORMATS = ("jsonl", "csv", "table")
DEMO_DB = "seismo-demo.duckdb"
SHOWN_SHIFTS = 5

InputsArgument = typer.Argument(
    ..., help="Files (.txt, .html, .jsonl, feeds, WARC), directories, or - for JSONL on stdin."
)
PublishedOption = typer.Option(
    None,
    "--published",
    help="Publication date of every input (YYYY-MM-DD): the anchor for relative dates.",
)
ModelOption = typer.Option(
    None,
    "--model",
    help="spaCy pipeline to parse with (default: $SEISMO_MODEL or the bundled one).",
)
DictionaryOption = typer.Option(
    [],
    "--dictionary",
    help="Actor or pattern overlay (YAML) merged over the built-in data; repeat for several.",
)


# -- the shared loop (seismo.store.ingest) -------------------------------------------------


class Meter:
    """A progress bar on stderr (documents and events per second) and the skip reports.

    The bar only shows when stderr is a terminal: in a pipe or a log it would be noise.
    Reports go through the bar's console so they do not tear it.
    """

    def __init__(self, tally: Tally, label: str = "coding") -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.tally = tally
        self.console = Console(stderr=True)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.fields[stats]}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
            disable=not sys.stderr.isatty(),
        )
        self.task = self.progress.add_task(label, total=None, stats="")
        self.started = time.monotonic()

    def __enter__(self) -> Meter:
        self.progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.progress.stop()

    def tick(self, _: object = None) -> None:
        t = self.tally
        elapsed = max(time.monotonic() - self.started, 1e-6)
        stats = (
            f"{t.documents} docs, {t.events} events · "
            f"{t.documents / elapsed:.1f} docs/s, {t.events / elapsed:.1f} events/s"
        )
        self.progress.update(self.task, stats=stats)

    def say(self, text: str) -> None:
        self.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def skip(self, item: Skipped) -> None:
        from seismo.store.ingest import skip_line

        self.say(f"seismo: {skip_line(item)}")

    def warn(self, doc: Document) -> None:
        from seismo.store.ingest import warning_line

        self.say(f"seismo: {warning_line(doc)}")


def check_dictionaries(paths: Sequence[Path]) -> list[Path]:
    for path in paths:
        if not Path(path).is_file():
            fail(Errors.E002.format(path=path))
    return [Path(p) for p in paths]


def coded_documents(
    items: Iterable[Document | Skipped],
    tally: Tally,
    meter: Meter,
    *,
    model: str | None = None,
    dictionaries: Sequence[Path] = (),
) -> Iterator[CodedDocument]:
    """Code a stream of documents; each skip is reported on stderr and counted, never fatal."""
    from seismo.store.ingest import code_stream

    try:
        yield from code_stream(
            items, tally, on_skip=meter.skip, on_progress=meter.tick, on_warning=meter.warn,
            model=model, dictionaries=dictionaries,
        )  # fmt: skip
    except SeismoError as exc:
        fail(str(exc))


def new_tally() -> Tally:
    from seismo.store.ingest import Tally

    return Tally()


def read_documents(inputs: Sequence[str], published: dt.date | None) -> Iterator[Any]:
    from seismo.ingest import read_inputs

    return read_inputs(list(inputs), published=published)


def nothing_read(tally: Tally) -> None:
    reasons = "; ".join(tally.skipped) or "no documents found"
    fail(Errors.E016.format(reasons=reasons))


# -- seismo code -------------------------------------------------------------------------------


@app.command()
def code(
    inputs: list[str] = InputsArgument,
    published: str = PublishedOption,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="Output: jsonl, csv or table."),
    modality: list[str] = typer.Option(
        list(vocabulary.DEFAULT_MODALITIES),
        "--modality",
        help=f"Modalities to print: {MODALITY_HELP}. Negated and hypothetical events are "
        "left out by default; `seismo ingest` stores them all.",
    ),
    stances: bool = typer.Option(
        False,
        "--stances",
        help="Print the stances (who calls whom a partner, threat, ...) instead of the events.",
    ),  # fmt: skip
    model: str = ModelOption,
    dictionary: list[Path] = DictionaryOption,
) -> None:
    """Code documents and print their events to stdout (one JSON object per line by
    default); nothing is stored. Skipped documents are reported on stderr."""
    if fmt not in CODE_FORMATS:
        fail(Errors.E009.format(value=fmt, choices=", ".join(CODE_FORMATS)))
    keep = modality_list(modality)
    day = parse_day(published)
    overlays = check_dictionaries(dictionary)
    tally = new_tally()
    printer = Printer(fmt, stances)
    with Meter(tally) as meter:
        docs = read_documents(inputs, day)
        for coded in coded_documents(docs, tally, meter, model=model, dictionaries=overlays):
            for record in coded.stances if stances else coded.events:
                if keep is None or record.modality in keep:
                    printer.add(record.to_dict())
            sys.stdout.flush()
    printer.close()
    if warning := tally.undated_warning():
        print(f"seismo: {warning}", file=sys.stderr)
    if not tally.read_anything:
        nothing_read(tally)


# -- seismo ingest -----------------------------------------------------------------------------


def run_ingest(
    inputs: Sequence[str],
    db: str,
    *,
    published: dt.date | None = None,
    workers: int = 1,
    batch_size: int = 50,
    model: str | None = None,
    dictionaries: Sequence[Path] = (),
    recode: bool = False,
) -> Tally:
    """`seismo.store.ingest.ingest_documents` with a progress bar; errors become exits."""
    from seismo.store.ingest import ingest_documents

    tally = new_tally()
    with Meter(tally, "ingesting") as meter:
        try:
            ingest_documents(
                read_documents(inputs, published), db, tally=tally, batch_size=batch_size,
                recode=recode, on_skip=meter.skip, on_progress=meter.tick, on_warning=meter.warn, model=model,
                dictionaries=dictionaries, workers=workers,
            )  # fmt: skip
        except SeismoError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            meter.say(f"seismo: interrupted; {tally.summary()}")
            raise typer.Exit(130) from None
    return tally


@app.command()
def ingest(
    inputs: list[str] = InputsArgument,
    db: str = typer.Option(
        None, "--db", help="DuckDB file (default: $SEISMO_DB or seismo.duckdb)."
    ),
    published: str = PublishedOption,
    workers: int = typer.Option(
        1, "--workers", "-w", min=0, help="Processes that parse in parallel; 0 means all cores."
    ),
    batch_size: int = typer.Option(
        50, "--batch-size", min=1, help="Documents per database transaction."
    ),
    model: str = ModelOption,
    dictionary: list[Path] = DictionaryOption,
    recode: bool = typer.Option(
        False,
        "--recode",
        help="Code documents again even if this coder version stored them "
        "(after changing a dictionary). A stored text given a new --published is coded "
        "again without it.",
    ),  # fmt: skip
) -> None:
    """Code documents and store their events and stances (all modalities) in DuckDB.

    Documents already coded by this coder version are skipped, so re-running adds nothing
    twice. Each batch is one transaction on a short connection, so `seismo serve` can read
    the file between batches and an interrupted run keeps what it committed.
    """
    day = parse_day(published)
    overlays = check_dictionaries(dictionary)
    tally = run_ingest(
        inputs, db or default_db(), published=day, workers=workers, batch_size=batch_size,
        model=model, dictionaries=overlays, recode=recode,
    )  # fmt: skip
    print(f"seismo: {tally.summary()}", file=sys.stderr)
    if warning := tally.undated_warning():
        print(f"seismo: {warning}", file=sys.stderr)
    if not tally.read_anything:
        nothing_read(tally)


# -- seismo eval -------------------------------------------------------------------------------


@app.command(name="eval")
def evaluate_command(
    inputs: list[str] = InputsArgument,
    gold: Path = typer.Option(..., "--gold", help="Gold events, JSONL (see eval/README.md)."),
    published: str = PublishedOption,
    stance_gold: Path = typer.Option(
        None, "--stance-gold", help="Gold stances, JSONL (holder, about, stance), scored too."
    ),
    show_misses: bool = typer.Option(
        False, "--show-misses", help="List the gold events (and stances) nobody found."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    model: str = ModelOption,
    dictionary: list[Path] = DictionaryOption,
) -> None:
    """Code the inputs and score their asserted and intended events against a gold file:
    precision, recall, F1, strict F1 (evidence sentence too) and date accuracy."""
    from seismo.evaluation import GOLD_STANCE_FIELDS, evaluate, load_gold, score_stances

    try:
        gold_events = load_gold(gold)
        gold_stances = load_gold(stance_gold, GOLD_STANCE_FIELDS) if stance_gold else None
    except SeismoError as exc:
        fail(str(exc))
    day = parse_day(published)
    overlays = check_dictionaries(dictionary)
    keep = vocabulary.DEFAULT_MODALITIES
    events: list[dict[str, Any]] = []
    stances: list[dict[str, Any]] = []
    tally = new_tally()
    with Meter(tally) as meter:
        docs = read_documents(inputs, day)
        for coded in coded_documents(docs, tally, meter, model=model, dictionaries=overlays):
            events += [e.to_dict() for e in coded.events if e.modality in keep]
            stances += [s.to_dict() for s in coded.stances if s.modality in keep]
    if not tally.read_anything:
        nothing_read(tally)
    result = evaluate(gold_events, events)
    stance_result = score_stances(gold_stances, stances) if gold_stances is not None else None
    if as_json:
        hidden = {"hits"} if show_misses else {"hits", "misses"}
        out = {k: v for k, v in result.items() if k not in hidden}
        if stance_result is not None:
            out["stances"] = {k: v for k, v in stance_result.items() if k not in hidden}
        print(json.dumps(out, ensure_ascii=False))
        return
    print_scores(result, stance_result, show_misses)


# -- seismo demo -------------------------------------------------------------------------------


def _fresh_database(path: Path, overwrite: bool) -> None:
    """Remove an earlier demo database; refuse to delete another file without --overwrite."""
    if path.exists() and not (overwrite or path.name == DEMO_DB):
        fail(Errors.E017.format(path=path))
    for stale in (path, path.with_name(path.name + ".wal")):
        try:
            stale.unlink(missing_ok=True)
        except OSError as exc:
            fail(Errors.E007.format(path=stale, reason=exc.strerror or exc))


def _demo_summary(db: str, tally: Tally) -> None:
    from seismo.analytics.shifts import detect_shifts
    from seismo.store import Store
    from seismo.store.ingest import STORE_WAIT

    with Store(db, read_only=True, wait=STORE_WAIT) as store:
        info = store.summary()
        shifts = detect_shifts(store.con, "JPN", "RUS")
    print(f"seismo demo: {info['documents']} documents, {info['events']} events, "
          f"{info['stances']} stances in {db} ({sum(tally.skipped.values())} skipped)")  # fmt: skip
    print(f"event dates: {info['first_event_date']} to {info['last_event_date']}")
    print("busiest dyads:")
    for d in info["top_dyads"][:5]:
        print(f"  {d['a']}–{d['b']}: {d['events']} events, mean Goldstein {d['goldstein_mean']}")
    largest = sorted(shifts, key=lambda s: -abs(s["size"]))[:SHOWN_SHIFTS]
    print(f"shifts JPN–RUS: {len(shifts) or 'none found'}", end="")
    print(
        f" (the {len(largest)} largest below; all: `seismo shifts --dyad JPN RUS`)"
        if largest
        else ""
    )
    for shift in sorted(largest, key=lambda s: s["date"]):
        kind = f", {shift['kind']}" if shift.get("kind") else ""
        print(f"  {shift['date'][:7]}: {shift['direction']}{kind}: {shift['summary']}")
        for event in shift["events"][:2]:
            print(f"    {event['date']} {event['cameo']} {short(event['sentence'], 60)}")


@app.command()
def demo(
    db: str = typer.Option(DEMO_DB, "--db", help="DuckDB file to create for the demo."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port of the dashboard."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Stop after the summary."),
    overwrite: bool = typer.Option(
        False, "--overwrite", help="Replace --db even if it is not an earlier demo database."
    ),
) -> None:
    """Code the bundled sample corpus into a fresh database, summarise it and serve the
    dashboard on http://127.0.0.1:PORT/."""
    from seismo.data import sample_corpus_paths

    _fresh_database(Path(db), overwrite)
    tally = run_ingest([str(p) for p in sample_corpus_paths()], db)
    print(f"seismo: {tally.summary()}", file=sys.stderr)
    if not tally.read_anything:
        nothing_read(tally)
    try:
        _demo_summary(db, tally)
    except SeismoError as exc:
        fail(str(exc))
    if no_serve:
        return
    from seismo.api.server import serve

    print(f"seismo: open http://127.0.0.1:{port}/ (Ctrl-C stops the server)")
    sys.stdout.flush()
    try:
        serve(db, host="127.0.0.1", port=port)
    except SeismoError as exc:
        fail(str(exc))
