"""``fraudlink user``: the people who sign in to the server, their agency and roles."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from fraudlink.cli.common import DbOption, console, database

user_app = typer.Typer(help="People who sign in to the server: agency, roles, disabling.")

RoleOption = Annotated[
    list[str],
    typer.Option("--role", help="analyst, liaison, supervisor, admin or auditor; repeatable."),
]


def password() -> str:
    """``FRAUDLINK_PASSWORD`` when set (scripts), else ask twice without echo."""
    found = os.environ.get("FRAUDLINK_PASSWORD")
    if found:
        return found
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@user_app.command("add")
def add(
    ctx: typer.Context,
    username: str,
    agency: Annotated[str, typer.Option("--agency", help="Code of the user's agency.")],
    role: RoleOption,
    db: DbOption = None,
) -> None:
    """Add a user of a hosted agency with one or more roles."""
    from fraudlink.access import add_user

    with database(ctx, db).session() as session:
        user = add_user(session, username, agency, role, password())
        roles = ", ".join(user.roles)
    console.print(f"user {username} of {agency} added ({roles})")


@user_app.command("disable")
def disable(ctx: typer.Context, username: str, db: DbOption = None) -> None:
    """Stop a user signing in; their tokens stop working at once, their trail stays."""
    from fraudlink.access import disable_user

    with database(ctx, db).session() as session:
        disable_user(session, username)
    console.print(f"user {username} disabled")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
