"""``fraudlink token``: API tokens for scripts and the web pages, stored only as hashes."""

from __future__ import annotations

from typing import Annotated

import typer

from fraudlink.cli.common import DbOption, console, database

token_app = typer.Typer(help="API tokens: create one for a user, revoke one.")


@token_app.command("create")
def create(
    ctx: typer.Context,
    username: str,
    expires: Annotated[
        int | None, typer.Option("--expires", metavar="DAYS", help="Days until it expires.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Print a new token as the last line; it is shown once and stored only as a hash."""
    from fraudlink.access import create_token

    with database(ctx, db).session() as session:
        new = create_token(session, username, expires)
    until = new.expires_at.date().isoformat() if new.expires_at else "never"
    console.print(f"token for {username} (prefix {new.prefix}, expires {until}):")
    typer.echo(new.token)


@token_app.command("revoke")
def revoke(
    ctx: typer.Context,
    token: Annotated[str, typer.Argument(help="The token, or the prefix shown when created.")],
    db: DbOption = None,
) -> None:
    """Revoke a token at once."""
    from fraudlink.access import revoke_token

    with database(ctx, db).session() as session:
        count = revoke_token(session, token)
    console.print(f"{count} token(s) revoked")


def register(app: typer.Typer) -> None:
    app.add_typer(token_app, name="token")
