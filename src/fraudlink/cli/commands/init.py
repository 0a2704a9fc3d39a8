"""``fraudlink init``: create or upgrade a database."""

from __future__ import annotations

import typer

from fraudlink.cli.common import DbOption, console, settings
from fraudlink.store.db import Database, current_revision, upgrade


def init(ctx: typer.Context, db: DbOption = None) -> None:
    """Create the database, or upgrade it to the newest schema."""
    database = Database(settings(ctx).with_db(db))
    before = current_revision(database.engine)
    upgrade(database.engine)
    after = current_revision(database.engine)
    state = "created" if before is None else ("upgraded" if before != after else "up to date")
    console.print(f"database {database.settings.db}: {state} (schema {after})")


def register(app: typer.Typer) -> None:
    app.command()(init)
