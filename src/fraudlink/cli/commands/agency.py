"""``fraudlink agency``: the local agency's keys, partners' key cards, and officers."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.common import DbOption, JsonOption, console, database, print_jsonl, settings

agency_app = typer.Typer(help="The local agency's keys and partner agencies' key cards.")


def passphrase(confirm: bool = False) -> str:
    """``FRAUDLINK_PASSPHRASE`` when set (servers, scripts), else ask without echo."""
    found = os.environ.get("FRAUDLINK_PASSPHRASE")
    if found:
        return found
    return str(
        typer.prompt("Passphrase for the agency keys", hide_input=True, confirmation_prompt=confirm)
    )


@agency_app.command("init")
def init(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Agency code, e.g. KH-NPA.")],
    country: Annotated[str, typer.Option("--country", help="ISO 3166-1 alpha-2 code.")],
    name: Annotated[str, typer.Option("--name", help="The agency's full name.")],
    parent: Annotated[
        str | None, typer.Option("--parent", help="Code of the agency this one is a unit of.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Create a hosted agency with its signing and encryption keys (encrypted at rest).

    Run it once per agency a server hosts; a unit names its parent with --parent.
    """
    from fraudlink.access import set_parent
    from fraudlink.share import init_agency
    from fraudlink.share import show_fingerprint as show

    secret = passphrase(confirm=True)
    with database(ctx, db).session() as session:
        key = init_agency(session, code, name, country, secret)
        if parent is not None:
            set_parent(session, code, parent)
    console.print(f"agency {code} created; fingerprint {show(key.fingerprint)}")


@agency_app.command("export-card")
def export(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Argument(help="File to write; stdout when omitted.")] = None,
    db: DbOption = None,
) -> None:
    """Write the local agency's public key card for partners."""
    from fraudlink.share import export_card
    from fraudlink.share import show_fingerprint as show

    with database(ctx, db).session() as session:
        card = export_card(session, settings(ctx).agency)
    text = json.dumps(card, ensure_ascii=False, indent=2) + "\n"
    if out is None:
        typer.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    console.print(f"card written to {out}; fingerprint {show(card['fingerprint'])}")


@agency_app.command("add")
def add(
    ctx: typer.Context,
    card: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A partner's card.")],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Trust a partner's key card; compare the fingerprint with them by phone or in person."""
    from fraudlink.share import add_card, read_card
    from fraudlink.share import show_fingerprint as show

    with database(ctx, db).session() as session:
        key = add_card(session, read_card(card.read_text(encoding="utf-8")))
        code = read_card(card.read_text(encoding="utf-8"))["code"]
    if json_:
        print_jsonl([{"code": code, "fingerprint": key.fingerprint}])
        return
    console.print(f"added {code}; compare this fingerprint out of band: {show(key.fingerprint)}")


@agency_app.command("officer")
def officer(
    ctx: typer.Context,
    username: str,
    role: Annotated[str, typer.Option("--role", help="liaison or supervisor")] = "liaison",
    by: Annotated[str | None, typer.Option("--by", help="Who registers (audited).")] = None,
    db: DbOption = None,
) -> None:
    """Register a person who creates (liaison) or approves (supervisor); needs the passphrase."""
    from fraudlink.audit import current_user
    from fraudlink.share import add_officer

    officer = add_officer(database(ctx, db), username, role, passphrase(), current_user(by))
    console.print(f"{officer.username} is a {officer.role}")


def register(app: typer.Typer) -> None:
    app.add_typer(agency_app, name="agency")
