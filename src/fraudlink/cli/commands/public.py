"""``fraudlink public``: publish the public index, serve it, and review disputes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.common import DbOption, JsonOption, console, database, print_jsonl

public_app = typer.Typer(
    help="The public check: a minimised index, its server, and disputes.", no_args_is_help=True
)


@public_app.command("publish")
def publish_command(
    ctx: typer.Context,
    out_file: Annotated[Path, typer.Argument(help="Index file to write (replaced atomically).")],
    db: DbOption = None,
    min_reports: Annotated[int, typer.Option("--min-reports", min=1)] = 3,
    min_victims: Annotated[int, typer.Option("--min-victims", min=1)] = 2,
    json_: JsonOption = False,
) -> None:
    """Write the aggregated public index: identifiers reported often enough, and official ones."""
    from fraudlink.public.publish import Thresholds, publish

    summary = publish(database(ctx, db), out_file, Thresholds(min_reports, min_victims))
    if json_:
        print_jsonl([summary.as_json()])
    else:
        console.print(" ".join(f"{k}={v}" for k, v in summary.as_json().items()), highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(public_app, name="public")
