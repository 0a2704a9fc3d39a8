"""``fraudlink init``: create or upgrade a database."""

from __future__ import annotations

import typer

from fraudlink.cli.common import DbOption, JsonOption, say, settings


def init(ctx: typer.Context, db: DbOption = None, json_: JsonOption = False) -> None:
    """Create the database, or upgrade it to the newest schema."""
    from fraudlink.store.db import Database, current_revisions, describe_revisions, upgrade

    database = Database(settings(ctx).with_db(db))
    before = upgrade(database.engine)
    after = current_revisions(database.engine)
    state = "created" if not before else ("upgraded" if before != after else "up to date")
    schema = describe_revisions(after)
    data = {"database": database.settings.db, "state": state, "schema": schema}
    say(json_, data, f"database {database.settings.db}: {state} (schema {schema})")


def register(app: typer.Typer) -> None:
    app.command()(init)
