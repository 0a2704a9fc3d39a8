"""What every command shares: the --db option, settings, the database, output helpers."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from typing import Annotated, Any

import typer
from rich.console import Console

from fraudlink.settings import Settings
from fraudlink.store import Database, open_database

console = Console(soft_wrap=True, emoji=False, highlight=False)
err_console = Console(stderr=True, soft_wrap=True, emoji=False, highlight=False)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or SQLAlchemy URL (default: $FRAUDLINK_DB or ./fraudlink.db).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON Lines instead of a table.")]


def settings(ctx: typer.Context) -> Settings:
    """The settings read once in the app callback."""
    found = ctx.find_root().obj
    if isinstance(found, Settings):
        return found
    return Settings()


def database(ctx: typer.Context, db: str | None) -> Database:
    return open_database(settings(ctx).with_db(db))


def print_jsonl(rows: Iterable[Mapping[str, Any]]) -> None:
    write = sys.stdout.write
    for row in rows:
        write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
