"""``fraudlink demo``: generate, ingest and summarise a demo dataset."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.amounts import format_totals
from fraudlink.cli.common import DbOption, JsonOption, console, database, err_console, print_jsonl
from fraudlink.cli.render import print_networks, print_summary

Reports = Annotated[int, typer.Option(min=1, help="How many reports to generate.")]
Seed = Annotated[
    int, typer.Option(help="Seed of the generator; the same seed gives the same data.")
]
DataDir = Annotated[Path, typer.Option(help="Where the generated files are written.")]


def demo(
    ctx: typer.Context,
    db: DbOption = None,
    reports: Reports = 3000,
    seed: Seed = 7,
    data_dir: DataDir = Path("demo-data"),
    json_: JsonOption = False,
) -> None:
    """Generate a realistic dataset, run every pipeline stage on it and print a summary.

    The demo writes into ./fraudlink-demo.db unless --db names a database (never
    $FRAUDLINK_DB), and refuses a database that holds reports it did not write.
    """
    from fraudlink.demo import DEMO_DB, run_demo

    store = database(ctx, db or DEMO_DB)
    err_console.print(f"demo database: {store.settings.db}")
    result = run_demo(store, reports, seed, data_dir)
    if json_:
        print_jsonl([{
            "ingest": result.ingest.as_json(), "link": result.link.as_json(),
            "summary": result.summary.as_json(),
            "listed": {str(network): [found.as_json() for found in players]
                       for network, players in result.listed.items()},
            "bcubed": {"precision": result.accuracy.precision, "recall": result.accuracy.recall,
                       "f1": result.accuracy.f1},
            "operations": result.operations,
        }])  # fmt: skip
        return
    console.print(f"generated {result.reports_file} (truth: {result.truth_file})")
    console.print(
        f"ingest: {result.ingest.loaded:,} loaded, {result.ingest.updated:,} updated, "
        f"{result.ingest.unchanged:,} unchanged, {len(result.ingest.rejected)} rejected"
    )
    print_summary(console, result.summary)
    print_networks(console, result.link, result.networks, result.accuracy, result.listed)
    for op in result.operations:
        held = {state: {c: a for c, a in totals.items() if Decimal(a)}
                for state, totals in op["assets"].items()}  # fmt: skip
        seized = "; ".join(f"{state} {format_totals(t)}" for state, t in held.items() if t)
        console.print(
            f"{op['operation']}: {op['arrested']:,} arrested, {op['rescued']:,} rescued, "
            f"{op['reports']:,} reports; {seized}"
        )


def register(app: typer.Typer) -> None:
    app.command()(demo)
