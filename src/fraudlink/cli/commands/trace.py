"""``fraudlink transactions import`` and ``fraudlink trace ACCOUNT``: where the money went."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.common import DbOption, JsonOption, console, database, err_console, print_jsonl

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
        return
    for rejected in summary.rejected:
        err_console.print(f"rejected {rejected}", highlight=False)
    console.print(f"{summary.added} added, {summary.unchanged} already there, "
                  f"{len(summary.rejected)} rejected", highlight=False)  # fmt: skip


def trace(
    ctx: typer.Context,
    account: Annotated[str, typer.Argument(help="Account, IBAN or wallet the money left.")],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Follow an account's payments hop by hop (FIFO, time order) to where the trail ends."""
    from fraudlink.link.flow import trace_account

    result = trace_account(database(ctx, db), account)
    if json_:
        print_jsonl([{"hop": hop.as_json()} for hop in result.hops])
        print_jsonl([{"end": end.as_json()} for end in result.ends])
        return
    for hop in result.hops:
        console.print(f"{'  ' * (hop.depth - 1)}{hop.at:%Y-%m-%d %H:%M} {hop.from_account} -> "
                      f"{hop.to_account}: {hop.amount} {hop.currency} "
                      f"(of {hop.payment_amount})", highlight=False)  # fmt: skip
    for end in result.ends:
        console.print(f"ends at {end.account}: {end.amount} {end.currency} ({end.reason})",
                      highlight=False)  # fmt: skip


def register(app: typer.Typer) -> None:
    app.add_typer(transactions_app, name="transactions")
    app.command()(trace)
