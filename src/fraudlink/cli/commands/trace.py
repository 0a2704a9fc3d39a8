"""``fraudlink transactions import`` and ``fraudlink trace ACCOUNT``: where the money went."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.choices import TraceFormat
from fraudlink.cli.common import (
    DbOption,
    JsonOption,
    console,
    database,
    err_console,
    print_jsonl,
    reader,
    split_identifier,
    write_text,
)
from fraudlink.cli.render import print_trace

transactions_app = typer.Typer(help="Import bank and exchange transactions.", no_args_is_help=True)


@transactions_app.command(name="import")
def import_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path], typer.Argument(help="CSV: from,to,amount,currency,time,reference")
    ],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Load transactions; bad rows are named with their line; re-imports change nothing."""
    from fraudlink.link.flow import import_transactions

    summary = import_transactions(database(ctx, db), files)
    if json_:
        print_jsonl([summary.as_json()])
    else:
        for rejected in summary.rejected:
            err_console.print(f"rejected {rejected}")
        console.print(f"{summary.added} added, {summary.unchanged} already there, "
                      f"{len(summary.rejected)} rejected")  # fmt: skip
    if summary.rejected:
        raise typer.Exit(1)  # good rows are in; the exit status says some were not


def trace(
    ctx: typer.Context,
    account: Annotated[
        str,
        typer.Argument(
            help="Account, IBAN or wallet the money left (KIND:VALUE, or KIND then VALUE, too)."
        ),
    ],
    value: Annotated[
        str | None,
        typer.Argument(metavar="[VALUE]", help="After a KIND (iban, bank_account, crypto_wallet)."),
    ] = None,
    format_: Annotated[
        TraceFormat, typer.Option("--format", help="text for people, dot for Graphviz.")
    ] = TraceFormat.text,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Follow an account's payments hop by hop (FIFO, time order, exchanges) to where it rests."""
    from fraudlink.link.flow import trace_account
    from fraudlink.link.flow.accounts import ACCOUNT_KINDS

    if value is not None:
        account = ":".join(split_identifier(account, value, ACCOUNT_KINDS))
    result = trace_account(reader(ctx, db), account)
    if json_:
        print_jsonl([result.as_json()])
    elif format_ is TraceFormat.dot:
        from fraudlink.link.graphs import render, trace_graph

        write_text(render(trace_graph(result), "dot"), None)
    else:
        print_trace(console, result)


def register(app: typer.Typer) -> None:
    app.add_typer(transactions_app, name="transactions")
    app.command()(trace)
