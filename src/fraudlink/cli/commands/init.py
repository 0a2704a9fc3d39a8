"""``fraudlink init``: create or upgrade a database."""

from __future__ import annotations

import typer

from fraudlink.cli.common import DbOption, console, settings


def init(ctx: typer.Context, db: DbOption = None) -> None:
    """Create the database, or upgrade it to the newest schema."""
    from fraudlink.store.db import Database, current_revisions, describe_revisions, upgrade

    database = Database(settings(ctx).with_db(db))
    before = upgrade(database.engine)
    after = current_revisions(database.engine)
    state = "created" if not before else ("upgraded" if before != after else "up to date")
    console.print(f"database {database.settings.db}: {state} (schema {describe_revisions(after)})")


def register(app: typer.Typer) -> None:
    app.command()(init)
