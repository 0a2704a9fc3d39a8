"""``fraudlink ingest``: load report files into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

from fraudlink.cli.common import DbOption, JsonOption, console, database, err_console, print_jsonl

Files = Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help=".jsonl or .csv")]
MapOption = Annotated[
    list[str] | None,
    typer.Option("--map", metavar="COLUMN=FIELD", help="CSV column to report field; repeatable."),
]

EncodingOption = Annotated[
    str | None,
    typer.Option(help="Encoding of files without a BOM that are not UTF-8, e.g. latin-1."),
]
DateFormatOption = Annotated[
    str | None,
    typer.Option(
        "--date-format",
        metavar="STRPTIME",
        help="How a CSV's reported_at is written when not ISO 8601, e.g. '%d/%m/%Y %H:%M'.",
    ),
]
NoExtract = Annotated[
    bool, typer.Option("--no-extract", help="Store reports without reading their narratives.")
]


def ingest(
    ctx: typer.Context,
    files: Files,
    db: DbOption = None,
    map_: MapOption = None,
    no_extract: NoExtract = False,
    encoding: EncodingOption = None,
    date_format: DateFormatOption = None,
    json_: JsonOption = False,
) -> None:
    """Load reports; bad lines are listed with their line number, good lines still load."""
    from fraudlink.ingest import ingest_files
    from fraudlink.ingest.readers import parse_mapping

    store = database(ctx, db)
    mapping = parse_mapping(map_ or [])
    total = sum(path.stat().st_size for path in files)
    columns = (
        *Progress.get_default_columns()[:1],
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, transient=True, disable=total < 1 << 20) as bar:
        task = bar.add_task("ingesting", total=total)
        summary = ingest_files(
            store,
            files,
            mapping,
            extract=not no_extract,
            progress=lambda n: bar.advance(task, n),
            encoding=encoding,
            date_format=date_format,
        )
    for rejected in summary.rejected:
        err_console.print(f"rejected {rejected}", highlight=False, soft_wrap=True)
    if json_:
        print_jsonl([summary.as_json()])
    else:
        console.print(
            f"loaded {summary.loaded}, updated {summary.updated}, "
            f"unchanged duplicates {summary.unchanged}, rejected {len(summary.rejected)}"
        )
    if not summary.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command(name="ingest")(ingest)
