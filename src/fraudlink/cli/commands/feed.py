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
    say,
    styled,
)

if TYPE_CHECKING:
    from fraudlink.share.feeds import ReleaseSummary

feed_app = typer.Typer(help="Partners' feeds (TAXII 2.1, MISP): release, withdraw, list.")
ByOption = Annotated[
    str | None,
    typer.Option("--by", help="The supervisor who approves (default: $FRAUDLINK_USER or login)."),
]


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
    by: ByOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Approve the case's indicators (no people, never RED) for the partner's feeds."""
    from fraudlink.access import principal_for_name
    from fraudlink.audit import current_user
    from fraudlink.share.feeds import publish

    with database(ctx, db).session() as session:
        principal = principal_for_name(session, current_user(by))
        released = publish(session, principal, to, case, tlp.value)
    _said(released, "published", json_)


@feed_app.command("withdraw")
def withdraw_command(
    ctx: typer.Context,
    release: Annotated[int, typer.Argument(help="The release id `feed list` shows.")],
    by: ByOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Revoke a release's indicators in TAXII and take its event off the MISP feed."""
    from fraudlink.access import principal_for_name
    from fraudlink.audit import current_user
    from fraudlink.share.feeds import withdraw

    with database(ctx, db).session() as session:
        withdrawn = withdraw(session, principal_for_name(session, current_user(by)), release)
    _said(withdrawn, "withdrawn", json_)


@feed_app.command("list")
def list_command(
    ctx: typer.Context, by: ByOption = None, db: DbOption = None, json_: JsonOption = False
) -> None:
    """Your agency's releases, newest first."""
    from fraudlink.access import principal_for_name
    from fraudlink.audit import current_user
    from fraudlink.share.feeds import list_releases

    with database(ctx, db).session() as session:
        rows = [
            _row(r) for r in list_releases(session, principal_for_name(session, current_user(by)))
        ]
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
