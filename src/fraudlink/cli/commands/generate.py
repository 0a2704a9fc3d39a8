"""``fraudlink generate``: write synthetic reports (and their ground truth) for tests and demos."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from fraudlink.cli.common import err_console


def generate(
    out: Annotated[
        Path, typer.Argument(metavar="OUT.jsonl", help="Report JSON Lines file to write.")
    ],
    reports: Annotated[int, typer.Option("--reports", min=0, help="How many reports.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same bytes.")] = 0,
    truth: Annotated[
        Path | None, typer.Option("--truth", metavar="TRUTH.json", help="Also write the networks.")
    ] = None,
) -> None:
    """Generate realistic synthetic fraud reports with a known network structure."""
    from fraudlink.generate import write_dataset

    columns = (
        *Progress.get_default_columns()[:1],
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, disable=reports < 20_000) as progress:
        task = progress.add_task("generating", total=reports)
        count = write_dataset(out, reports, seed, truth, lambda n: progress.advance(task, n))
    err_console.print(
        f"wrote {count} reports to {out}" + (f" and truth to {truth}" if truth else "")
    )


def register(app: typer.Typer) -> None:
    app.command()(generate)
