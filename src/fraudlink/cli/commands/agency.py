"""``fraudlink agency``: the local agency's keys, partners' key cards, and officers."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.choices import OfficerRole
from fraudlink.cli.common import (
    DbOption,
    JsonOption,
    console,
    database,
    print_jsonl,
    reader,
    say,
    settings,
    styled,
)
from fraudlink.cli.signin import UserOption, signed_in

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
    json_: JsonOption = False,
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
    say(json_, {"code": code, "fingerprint": key.fingerprint},
        f"agency {code} created; fingerprint {show(key.fingerprint)}")  # fmt: skip


@agency_app.command("export-card")
def export(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Argument(help="File to write; stdout when omitted.")] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Write the local agency's public key card for partners."""
    from fraudlink.share import export_card
    from fraudlink.share import show_fingerprint as show

    with database(ctx, db).session() as session:
        card = export_card(session, settings(ctx).agency)
    text = json.dumps(card, ensure_ascii=False, indent=2) + "\n"
    if out is None:
        typer.echo(json.dumps(card, ensure_ascii=False) + "\n" if json_ else text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    say(json_, {"out": str(out), "fingerprint": card["fingerprint"]},
        f"card written to {out}; fingerprint {show(card['fingerprint'])}")  # fmt: skip


@agency_app.command("add")
def add(
    ctx: typer.Context,
    card: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A partner's card.")],
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Take a new key of a partner already trusted although the old key did not "
            "endorse it (after checking the fingerprint with them).",
        ),
    ] = False,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Trust a partner's key card; compare the fingerprint with them by phone or in person.

    A new card of a partner already trusted is their key rotation: it is taken when
    their old key endorsed it, or with --replace. The same card twice changes nothing.
    """
    from fraudlink.share import add_card, read_card
    from fraudlink.share import show_fingerprint as show

    parsed = read_card(card.read_text(encoding="utf-8"))
    with database(ctx, db).session() as session:
        key = add_card(session, parsed, replace=replace)
        code = parsed["code"]
    if json_:
        print_jsonl([{"code": code, "fingerprint": key.fingerprint}])
        return
    console.print(f"added {code}; compare this fingerprint out of band: {show(key.fingerprint)}")


@agency_app.command("officer")
def officer(
    ctx: typer.Context,
    username: str,
    role: Annotated[OfficerRole, typer.Option("--role")] = OfficerRole.liaison,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Register a person who creates (liaison) or approves (supervisor); needs the passphrase
    and is audited in the signed-in user's name."""
    from fraudlink.share import add_officer

    store = database(ctx, db)
    by = signed_in(store, user, "admin").username
    officer = add_officer(store, username, role.value, passphrase(), by)
    say(json_, {"username": officer.username, "role": officer.role},
        f"{officer.username} is a {officer.role}")  # fmt: skip


@agency_app.command("list")
def list_(
    ctx: typer.Context,
    history: Annotated[
        bool, typer.Option("--history", help="Also the retired and revoked keys.")
    ] = False,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """The agencies whose keys this database holds: ours, and the partners we trust."""
    from fraudlink.share import show_fingerprint as show
    from fraudlink.share.rotation import list_keys

    with reader(ctx, db).session() as session:
        rows = list_keys(session, history)
    if json_:
        print_jsonl(row.as_json() for row in rows)
        return
    if not rows:
        console.print("no agency keys yet (`fraudlink agency init`)")
    shown: set[str] = set()
    for row in rows:  # blocks, not a table: a fingerprint is read aloud whole, on one line
        if row.code not in shown:
            shown.add(row.code)
            place = f" ({row.country})" if row.country else ""
            console.print(styled((row.code, "bold"), f"  {row.name or ''}{place}"))
        when = f"{row.status} (added {row.added_at:%Y-%m-%d})"
        if row.revoked_at:
            when = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}Z"
        console.print(f"  {'own' if row.local else 'partner'}, {when}: {show(row.fingerprint)}")


@agency_app.command("rotate")
def rotate(
    ctx: typer.Context,
    revoke: Annotated[
        str | None,
        typer.Option("--revoke", metavar="REASON", help="The old key is compromised: revoke it."),
    ] = None,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Give our agency new keys; send partners the new card (`agency export-card`).

    The old key endorses the new card unless --revoke says it was compromised; what
    it signed stays verifiable, packages sent to it still open.
    """
    from fraudlink.share import show_fingerprint as show
    from fraudlink.share.rotation import rotate as run

    store = database(ctx, db)
    by = signed_in(store, user, "admin").username
    secret = passphrase()
    with store.session() as session:
        key = run(session, secret, by, settings(ctx).agency, revoke)
        fingerprint = key.fingerprint
    text = f"new keys; fingerprint {show(fingerprint)}; send partners `agency export-card`"
    say(json_, {"fingerprint": fingerprint, "revoked_old": revoke is not None}, text)


@agency_app.command("revoke")
def revoke(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="The partner agency whose key to revoke.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (audited).")],
    since: Annotated[
        dt.datetime | None,
        typer.Option("--since", help="Believe nothing signed from this time on (default: now)."),
    ] = None,
    fingerprint: Annotated[
        str | None, typer.Option("--fingerprint", help="Which key (default: the current one).")
    ] = None,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Stop trusting a partner's key, e.g. once they report it stolen; needs the passphrase."""
    from fraudlink.share import show_fingerprint as show
    from fraudlink.share.rotation import revoke as run

    store = database(ctx, db)
    by = signed_in(store, user, "admin").username
    secret = passphrase()
    when = since.replace(tzinfo=since.tzinfo or dt.UTC) if since else None
    with store.session() as session:
        key = run(session, secret, by, code, reason, when, fingerprint, settings(ctx).agency)
        shown, at = key.fingerprint, key.revoked_at
    assert at is not None
    say(json_, {"code": code, "fingerprint": shown, "revoked_at": at.isoformat()},
        f"revoked {code} key {show(shown)} from {at:%Y-%m-%d %H:%M}Z")  # fmt: skip


def register(app: typer.Typer) -> None:
    app.add_typer(agency_app, name="agency")
