"""Signing in on the command line: the same identities as the server, not a typed name.

``FRAUDLINK_TOKEN`` (an API token from ``fraudlink token create``) signs in
scripts; otherwise ``--user NAME`` asks for that user's password (or reads
``FRAUDLINK_PASSWORD``, as ``fraudlink user add`` does). Commands that
decide something in a person's name (approving a package) take the principal
this returns, so the two-person rule compares accounts, not spellings.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from fraudlink.access.principal import Principal
    from fraudlink.store import Database

UserOption = Annotated[
    str | None,
    typer.Option(
        "--user",
        help="Sign in as this user (the password is asked); or set FRAUDLINK_TOKEN.",
    ),
]


def signed_in(database: Database, user: str | None, *roles: str) -> Principal:
    """The signed-in principal, from ``FRAUDLINK_TOKEN`` or ``--user`` and a password prompt;
    with ``roles``, one of them is required (``Principal.require``)."""
    from fraudlink.access import authenticate
    from fraudlink.access.principal import sign_in
    from fraudlink.errors import InputError

    token = os.environ.get("FRAUDLINK_TOKEN")
    with database.session() as session:
        if token:
            principal = authenticate(session, token)
            if user is not None and user != principal.username:
                raise InputError(
                    f"FRAUDLINK_TOKEN belongs to {principal.username}, not {user}; "
                    "unset it to sign in with --user."
                )
        elif user is None:
            raise InputError(
                "Sign in: give --user NAME (the password is asked) or set FRAUDLINK_TOKEN."
            )
        else:
            password = os.environ.get("FRAUDLINK_PASSWORD") or str(
                typer.prompt(f"Password for {user}", hide_input=True)
            )
            principal = sign_in(session, user, password)
    if roles:
        principal.require(*roles)
    return principal
