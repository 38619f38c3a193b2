"""`seismo spark`: code a large corpus with Apache Spark and write partitioned Parquet.

A thin layer over `seismo.scale.spark.run_spark_job`; pyspark and the JVM start only when
the command runs, so `seismo --help` stays instant.
"""

from __future__ import annotations

from pathlib import Path

import typer

from seismo.cli.app import app, fail, parse_day
from seismo.errors import Errors, SeismoError


@app.command()
def spark(
    source: str = typer.Argument(
        ...,
        metavar="INPUT",
        help="JSONL (.jsonl, .jsonl.gz, .ndjson), .txt or Parquet (id, text) files, or a folder.",
    ),
    output: str = typer.Argument(
        ..., metavar="OUTPUT", help="Folder for the Parquet datasets (events/, stances/)."
    ),
    model: str = typer.Option(
        None,
        "--model",
        help="spaCy pipeline to parse with (default: $SEISMO_MODEL or the bundled one).",
    ),
    partitions: int = typer.Option(
        0, "--partitions", min=0, help="Tasks to split the documents into (0: twice the cores)."
    ),
    master: str = typer.Option(
        "local[*]", "--master", help="Spark master URL: local[*] (every core here) or a cluster's."
    ),
    dictionary: list[Path] = typer.Option(
        [], "--dictionary", help="Actor or pattern overlay (YAML); repeat for several."
    ),
    published: str = typer.Option(
        None, "--published", help="Publication date of every input (YYYY-MM-DD)."
    ),
) -> None:
    """Code documents with Spark; write events and stances as Parquet by year and month.

    Query the result with `seismo events --parquet OUTPUT/events` or serve it with
    `seismo serve --parquet OUTPUT/events`.
    """
    if not Path(source).exists():
        fail(Errors.E002.format(path=source))
    day = parse_day(published or None)

    from seismo.scale.spark import run_spark_job

    try:
        result = run_spark_job(
            [source],
            output,
            model=model,
            dictionaries=dictionary,
            partitions=partitions,
            master=master,
            published=day,
        )
    except SeismoError as exc:
        fail(str(exc))
    for skip in result.skips:
        typer.echo(f"seismo: skipped {skip.where}: {skip.reason}", err=True)
    rate = result.documents / result.seconds if result.seconds else 0.0
    typer.echo(
        f"seismo: coded {result.documents} documents into {result.events} events and "
        f"{result.stances} stances ({result.skipped} skipped) in {result.seconds:.1f} s "
        f"({rate:.1f} documents/s, Spark start-up included)"
    )
    typer.echo(f"seismo: events in {result.output / 'events'}; query them with")
    typer.echo(f"  seismo events --parquet {result.output / 'events'}")
    if result.documents == 0:
        raise typer.Exit(1)
