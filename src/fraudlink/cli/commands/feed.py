"""``fraudlink feed``: release a case's indicators to a partner's TAXII and MISP feeds."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

import typer

from fraudlink.cli.choices import Tlp
from fraudlink.cli.common import (
    DbOption,
    JsonOption,
    console,
    data_table,
    database,
    print_jsonl,
    reader,
    say,
    styled,
)
from fraudlink.cli.signin import UserOption, signed_in

if TYPE_CHECKING:
    from fraudlink.share.feeds import ReleaseSummary

feed_app = typer.Typer(help="Partners' feeds (TAXII 2.1, MISP): release, withdraw, list.")


def _row(release: ReleaseSummary) -> dict[str, Any]:
    row = asdict(release)
    row["approved_at"] = release.approved_at.isoformat()
    row["withdrawn_at"] = release.withdrawn_at.isoformat() if release.withdrawn_at else None
    return row


def _said(release: ReleaseSummary, verb: str, json_: bool) -> None:
    text = styled(
        f"release {release.id} {verb}: case ", (release.case, "bold"), f" to {release.partner} ",
        f"(TLP:{release.tlp}, {release.indicators} indicators, {release.networks} networks)",
    )  # fmt: skip
    say(json_, _row(release), text)


@feed_app.command("release")
def release_command(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Reference of a case your agency leads.")],
    to: Annotated[str, typer.Option("--to", help="The partner agency's code.")],
    tlp: Annotated[Tlp, typer.Option("--tlp", help="Leave out records above this.")] = Tlp.AMBER,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Approve the case's indicators (no people, never RED) for the partner's feeds: a
    signed-in supervisor of the lead agency."""
    from fraudlink.share.feeds import publish

    store = database(ctx, db)
    principal = signed_in(store, user)
    with store.session() as session:
        released = publish(session, principal, to, case, tlp.value)
    _said(released, "published", json_)


@feed_app.command("withdraw")
def withdraw_command(
    ctx: typer.Context,
    release: Annotated[int, typer.Argument(help="The release id `feed list` shows.")],
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Revoke a release's indicators in TAXII and take its event off the MISP feed."""
    from fraudlink.share.feeds import withdraw

    store = database(ctx, db)
    principal = signed_in(store, user)
    with store.session() as session:
        withdrawn = withdraw(session, principal, release)
    _said(withdrawn, "withdrawn", json_)


@feed_app.command("list")
def list_command(
    ctx: typer.Context, user: UserOption = None, db: DbOption = None, json_: JsonOption = False
) -> None:
    """Your agency's releases, newest first (signed in, as for a release)."""
    from fraudlink.share.feeds import list_releases

    store = reader(ctx, db)
    principal = signed_in(store, user)
    with store.session() as session:
        rows = [_row(r) for r in list_releases(session, principal)]
    if json_:
        print_jsonl(rows)
        return
    table = data_table(
        "id", "partner", "case", "tlp", "indicators", "networks", "approved", "state"
    )
    for row in rows:
        state = "withdrawn" if row["withdrawn_at"] else "standing"
        table.add_row(
            str(row["id"]), row["partner"], row["case"], row["tlp"], str(row["indicators"]),
            str(row["networks"]), f"{row['approved_by']} {row['approved_at'][:16]}", state,
        )  # fmt: skip
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(feed_app, name="feed")
