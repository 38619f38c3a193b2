"""Coding commands: `seismo code`, `ingest`, `eval`, `demo` and `dictionary check`.

They share one loop: read the inputs (`seismo.ingest.read_inputs`), code them
(`seismo.pipeline.code_documents`, or `seismo.scale.workers` with --workers), report every
skipped document on standard error with its reason, and go on. spaCy, DuckDB and rich load
inside the commands so `seismo --help` stays instant.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from seismo import vocabulary
from seismo.cli.app import app, default_db, fail, parse_day
from seismo.errors import Errors, SeismoError

if TYPE_CHECKING:  # seismo.model is imported by the commands: `seismo --help` needs none of it
    from seismo.model import CodedDocument, Document, Skipped

CODE_FORMATS = ("jsonl", "csv", "table")
DEFAULT_MODALITIES = ",".join(vocabulary.DEFAULT_MODALITIES)
DEMO_DB = "seismo-demo.duckdb"
# How long a write waits for readers (a running `seismo serve`) to let go of the file.
STORE_WAIT = 30.0
SENTENCE_WIDTH = 90
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


# -- the shared loop ---------------------------------------------------------------------------


@dataclass
class Tally:
    """What a run did, for the progress bar and the closing summary."""

    documents: int = 0
    events: int = 0
    stances: int = 0
    already: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def read_anything(self) -> bool:
        return self.documents + self.already > 0

    def summary(self) -> str:
        skipped = sum(self.skipped.values())
        reasons = "; ".join(f"{n}× {reason}" for reason, n in self.skipped.most_common(3))
        if len(self.skipped) > 3:
            reasons += "; …"
        skip_text = f"skipped {skipped} ({reasons})" if skipped else "skipped 0"
        return (
            f"coded {self.documents} documents, {self.events} events, {self.stances} stances; "
            f"{skip_text}, already stored {self.already}"
        )


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

    def tick(self) -> None:
        t = self.tally
        elapsed = max(time.monotonic() - self.started, 1e-6)
        stats = (
            f"{t.documents} docs, {t.events} events · "
            f"{t.documents / elapsed:.1f} docs/s, {t.events / elapsed:.1f} events/s"
        )
        self.progress.update(self.task, stats=stats)

    def say(self, text: str) -> None:
        self.console.print(text, markup=False, highlight=False, soft_wrap=True)


def parse_modalities(value: str) -> tuple[str, ...] | None:
    """`asserted,intended` as a tuple; `all` as None (no filter)."""
    from seismo.vocabulary import MODALITIES

    names = tuple(m.strip() for m in value.split(",") if m.strip())
    if "all" in names:
        return None
    for name in names:
        if name not in MODALITIES:
            choices = ", ".join((*MODALITIES, "all"))
            fail(Errors.E009.format(value=name, choices=choices))
    return names


def check_dictionaries(paths: Sequence[Path]) -> list[Path]:
    for path in paths:
        if not Path(path).is_file():
            fail(Errors.E002.format(path=path))
    return [Path(p) for p in paths]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _parallel_coder(meter: Meter) -> Callable[..., Iterator[CodedDocument | Skipped]] | None:
    """`seismo.scale.workers.code_in_parallel`, or None (with a warning) while it is absent."""
    try:
        from seismo.scale.workers import code_in_parallel
    except ImportError as exc:
        if exc.name not in ("seismo.scale.workers", "seismo.scale"):
            raise
        meter.say("seismo: warning: parallel coding is not available; using 1 worker")
        return None
    return code_in_parallel


def _coder_stream(
    items: Iterable[Document | Skipped],
    model: str | None,
    dictionaries: Sequence[Path],
    workers: int,
    meter: Meter,
) -> Iterator[CodedDocument | Skipped]:
    count = workers if workers > 0 else (os.cpu_count() or 1)
    if count > 1:
        parallel = _parallel_coder(meter)
        if parallel is not None:
            return parallel(items, count, model, list(dictionaries))
    from seismo.nlp import load_pipeline
    from seismo.pipeline import build_coder, code_documents

    # Loaded here, before the first document, so a bad model or overlay fails at once.
    nlp = load_pipeline(model)
    coder = build_coder(dictionaries)
    return code_documents(items, nlp=nlp, coder=coder)


def coded_documents(
    items: Iterable[Document | Skipped],
    tally: Tally,
    meter: Meter,
    *,
    model: str | None = None,
    dictionaries: Sequence[Path] = (),
    workers: int = 1,
) -> Iterator[CodedDocument]:
    """Code a stream of documents; each skip is reported on stderr and counted, never fatal."""
    from seismo.model import Skipped

    try:
        for item in _coder_stream(items, model, dictionaries, workers, meter):
            if isinstance(item, Skipped):
                tally.skipped[item.reason] += 1
                meter.say(f"seismo: skipped {item.where}: {item.reason}")
                continue
            tally.documents += 1
            tally.events += len(item.events)
            tally.stances += len(item.stances)
            meter.tick()
            yield item
    except SeismoError as exc:
        fail(str(exc))


def read_documents(inputs: Sequence[str], published: dt.date | None) -> Iterator[Any]:
    from seismo.ingest import read_inputs

    return read_inputs(list(inputs), published=published)


def nothing_read(tally: Tally) -> None:
    reasons = "; ".join(tally.skipped) or "no documents found"
    fail(Errors.E016.format(reasons=reasons))


# -- seismo code -------------------------------------------------------------------------------


def _short(text: str | None, width: int = SENTENCE_WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _event_name(cameo: str) -> str:
    from seismo.coding.cameo import lookup

    try:
        return f"{cameo} {lookup(cameo).name}"
    except SeismoError:
        return cameo


class Printer:
    """Writes records to stdout as they come (jsonl, csv) or at the end (a rich table)."""

    def __init__(self, fmt: str, stances: bool) -> None:
        self.fmt, self.stances = fmt, stances
        self.rows: list[dict[str, Any]] = []
        self.writer: csv.DictWriter | None = None

    def add(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            print(json.dumps(record, ensure_ascii=False))
        elif self.fmt == "csv":
            self._csv(record)
        else:
            self.rows.append(record)

    def _csv(self, record: dict[str, Any]) -> None:
        if self.stances:
            row = _flat_stance(record)
        else:
            from seismo.export.flat import flat_row

            row = flat_row(record)
        if self.writer is None:
            self.writer = csv.DictWriter(sys.stdout, fieldnames=list(row), lineterminator="\n")
            self.writer.writeheader()
        self.writer.writerow({k: "" if v is None else v for k, v in row.items()})

    def close(self) -> None:
        if self.fmt == "csv" and self.writer is None:  # a header even when nothing was found
            from seismo.export.flat import CSV_COLUMNS

            names = STANCE_COLUMNS if self.stances else CSV_COLUMNS
            csv.writer(sys.stdout, lineterminator="\n").writerow(names)
        if self.fmt == "table":
            self._table()

    def _table(self) -> None:
        from rich.console import Console
        from rich.table import Table

        if self.stances:
            table = Table("date", "holder", "stance", "subject", "modality", "sentence")
            for r in self.rows:
                table.add_row(r["date"] or "", r["holder"]["code"], r["stance"],
                              r["subject"]["code"], r["modality"], _short(r["sentence"]))  # fmt: skip
        else:
            table = Table("date", "source", "event", "target", "modality", "sentence")
            for r in self.rows:
                target = r["target"]["code"] if r["target"] else ""
                table.add_row(r["date"] or "", r["source"]["code"], _event_name(r["cameo"]),
                              target, r["modality"], _short(r["sentence"]))  # fmt: skip
        Console().print(table)


STANCE_COLUMNS = (
    "stance_id", "doc_id", "sentence_index", "date", "date_precision", "date_text",
    "holder_code", "holder_country", "holder_name", "stance", "subject_code",
    "subject_country", "subject_name", "modality", "evidence", "sentence", "coder",
)  # fmt: skip


def _flat_stance(record: dict[str, Any]) -> dict[str, Any]:
    row = {name: record.get(name) for name in STANCE_COLUMNS}
    for role in ("holder", "subject"):
        for key in ("code", "country", "name"):
            row[f"{role}_{key}"] = (record.get(role) or {}).get(key)
    return row


@app.command()
def code(
    inputs: list[str] = InputsArgument,
    published: str = PublishedOption,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="Output: jsonl, csv or table."),
    modality: str = typer.Option(
        DEFAULT_MODALITIES,
        "--modality",
        help="Modalities to print, comma-separated (asserted, intended, hypothetical, "
        "negated) or all. Negated and hypothetical events are left out by default; "
        "`seismo ingest` stores them all.",
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
    keep = parse_modalities(modality)
    day = parse_day(published)
    overlays = check_dictionaries(dictionary)
    tally = Tally()
    printer = Printer(fmt, stances)
    with Meter(tally) as meter:
        docs = read_documents(inputs, day)
        for coded in coded_documents(docs, tally, meter, model=model, dictionaries=overlays):
            for record in coded.stances if stances else coded.events:
                if keep is None or record.modality in keep:
                    printer.add(record.to_dict())
            sys.stdout.flush()
    printer.close()
    if not tally.read_anything:
        nothing_read(tally)


# -- seismo ingest -----------------------------------------------------------------------------


def _open_store(db: str) -> Any:
    from seismo.store import Store

    try:
        return Store(db, wait=STORE_WAIT)
    except SeismoError as exc:
        fail(str(exc))


def _not_yet_stored(
    items: Iterable[Document | Skipped], db: str, batch_size: int, tally: Tally, recode: bool
) -> Iterator[Document | Skipped]:
    """Drop documents this coder version already stored, before any parsing.

    The store is opened once per batch of read documents and closed again, so a server can
    read between batches. A text seen twice in one run is coded once.
    """
    from seismo.model import CODER_VERSION, Document

    seen: set[str] = set()
    for chunk in _chunks(items, batch_size):
        docs = [d for d in chunk if isinstance(d, Document)]
        stored: set[str] = set()
        if docs and not recode:
            with _open_store(db) as store:
                stored = {d.content_hash for d in docs if store.is_coded(d.content_hash, CODER_VERSION)}  # fmt: skip
        for item in chunk:
            if isinstance(item, Document):
                if item.content_hash in stored or item.content_hash in seen:
                    tally.already += 1
                    continue
                seen.add(item.content_hash)
            yield item


def _write(db: str, batch: list[CodedDocument]) -> None:
    """One transaction on a short-lived connection: the file is locked only while it writes."""
    if not batch:
        return
    with _open_store(db) as store:
        try:
            store.write(batch)
        except SeismoError as exc:
            fail(str(exc))
    batch.clear()


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
    """Code the inputs into the database, a transaction per `batch_size` documents.

    An interrupted run keeps every batch already committed, and writes the documents it had
    finished coding before it stops.
    """
    tally = Tally()
    pending: list[CodedDocument] = []
    with Meter(tally, "ingesting") as meter:
        fresh = _not_yet_stored(read_documents(inputs, published), db, batch_size, tally, recode)
        try:
            for coded in coded_documents(
                fresh, tally, meter, model=model, dictionaries=dictionaries, workers=workers
            ):
                pending.append(coded)
                if len(pending) >= batch_size:
                    _write(db, pending)
        except KeyboardInterrupt:
            _write(db, pending)
            meter.say(f"seismo: interrupted; {tally.summary()}")
            raise typer.Exit(130) from None
        _write(db, pending)
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
        "(after changing a dictionary).",
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
    keep = parse_modalities(DEFAULT_MODALITIES) or ()
    events: list[dict[str, Any]] = []
    stances: list[dict[str, Any]] = []
    tally = Tally()
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
    _print_scores(result, stance_result, show_misses)


def _print_scores(result: dict, stance_result: dict | None, show_misses: bool) -> None:
    if show_misses:
        for miss in result["misses"]:
            print(f"miss {miss['doc']}: {miss['source']}->{miss.get('target')} "
                  f"{miss['root']} | {miss['evidence']}")  # fmt: skip
    print(f"gold {result['gold']}  predicted {result['predicted']}  matched {result['matched']}")
    print(f"date accuracy {result['date_accuracy']}  strict F1 {result['strict_f1']}")
    print(f"F1 {result['f1']} P {result['precision']} R {result['recall']}")
    if stance_result is None:
        return
    if show_misses:
        for miss in stance_result["misses"]:
            print(f"miss stance {miss['doc']}: {miss['holder']} {miss['stance']} "
                  f"{miss['about']} | {miss['evidence']}")  # fmt: skip
    s = stance_result
    print(f"stances: gold {s['gold']}  predicted {s['predicted']}  matched {s['matched']}  "
          f"F1 {s['f1']} P {s['precision']} R {s['recall']}")  # fmt: skip


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
        print(
            f"  {shift['date']}: {shift['direction']}{kind} ({shift['size']:+} {shift['metric']})"
        )
        for event in shift["events"][:2]:
            print(f"    {event['date']} {event['cameo']} {_short(event['sentence'], 80)}")


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


# -- seismo dictionary check -------------------------------------------------------------------

dictionary_app = typer.Typer(
    help="Check user dictionary overlays (actors or event patterns) before coding with them.",
    no_args_is_help=True,
)
app.add_typer(dictionary_app, name="dictionary")


@dictionary_app.command("check")
def dictionary_check(
    file: Path = typer.Argument(..., help="The overlay YAML file to check."),
) -> None:
    """Validate a dictionary file: its rule sections (`verbs:`, `nouns:`, `words:`, `codes:`,
    `stances:`, `territories:`) against the schema and the CAMEO codes, its actor sections
    against the built-in actors. Prints each problem with the file and line; exits 1 if
    there is an error."""
    from seismo.coding.overlays import check_dictionary

    if not file.is_file():
        fail(Errors.E002.format(path=file))
    errors, notes = check_dictionary(file)
    for line in errors:
        print(f"error: {line}")
    for line in notes:
        print(f"note: {line}")
    if errors:
        fail(Errors.E018.format(path=file, count=len(errors)))
    print(f"ok: {file} is a valid dictionary overlay ({len(notes)} note(s))")
