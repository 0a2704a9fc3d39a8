"""``fraudlink partner``: partners' servers, the inbox of what they delivered, opening it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.commands.agency import passphrase
from fraudlink.cli.commands.package import PackageId
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

partner_app = typer.Typer(help="Partner agencies' servers: packages delivered over the network.")
Code = Annotated[str, typer.Argument(help="The partner agency's code, e.g. TH-RTP.")]


@partner_app.command("add")
def add(
    ctx: typer.Context,
    code: Code,
    url: Annotated[str, typer.Option("--url", help="The partner server's base URL.")],
    card: Annotated[
        Path | None,
        typer.Option(
            "--card",
            exists=True,
            dir_okay=False,
            help="The partner's key card (`agency export-card`), unless trusted already.",
        ),
    ] = None,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Deliver packages for CODE to its server; compare the fingerprint with the partner first."""
    from fraudlink.federation.partners import add_partner
    from fraudlink.share import read_card
    from fraudlink.share import show_fingerprint as show
    from fraudlink.share.keys import partner_keys

    found = read_card(card.read_text(encoding="utf-8")) if card else None
    store = database(ctx, db)
    by = signed_in(store, user).username
    with store.session() as session:
        row = add_partner(session, code, url, found, by)
        fingerprint = partner_keys(session, code).fingerprint
    say(
        json_,
        {"code": code, "url": row.url, "fingerprint": fingerprint},
        f"partner {code} at {row.url}; compare this fingerprint out of band: {show(fingerprint)}",
    )


@partner_app.command("list")
def list_command(ctx: typer.Context, db: DbOption = None, json_: JsonOption = False) -> None:
    """Partners on the network: address, whether enabled, and their delivery queue."""
    from fraudlink.federation.partners import list_partners
    from fraudlink.share import show_fingerprint as show

    with reader(ctx, db).session() as session:
        rows = list_partners(session)
    if json_:
        print_jsonl([row.as_json() for row in rows])
        return
    table = data_table(
        "code",
        "url",
        "state",
        "queued",
        "delivered",
        "failed",
        "fingerprint",
        "last error",
        right=("queued", "delivered", "failed"),
    )
    for row in rows:
        state = "enabled" if row.enabled else "disabled"
        if row.failures:
            state += f", retry at {row.next_attempt_at}"
        table.add_row(
            row.code,
            row.url,
            state,
            str(row.queued),
            str(row.delivered),
            str(row.failed),
            show(row.fingerprint),
            row.last_error or "",
        )
    console.print(table)


def _enable(
    ctx: typer.Context, code: str, enabled: bool, user: str | None, db: str | None, json_: bool
) -> None:
    from fraudlink.federation.partners import set_enabled

    store = database(ctx, db)
    by = signed_in(store, user).username
    with store.session() as session:
        set_enabled(session, code, enabled, by)
    word = "enabled" if enabled else "disabled: nothing is sent to it until `partner enable`"
    say(json_, {"code": code, "enabled": enabled}, f"partner {code} {word}")


@partner_app.command("disable")
def disable(
    ctx: typer.Context,
    code: Code,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Stop exchanging with CODE: its queue waits and its requests are refused."""
    _enable(ctx, code, False, user, db, json_)


@partner_app.command("enable")
def enable(
    ctx: typer.Context,
    code: Code,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Exchange with CODE again; its waiting queue is delivered."""
    _enable(ctx, code, True, user, db, json_)


@partner_app.command("test")
def test(ctx: typer.Context, code: Code, db: DbOption = None, json_: JsonOption = False) -> None:
    """Make a signed request to CODE's server and verify its signed answer."""
    from fraudlink.federation.partners import check_partner

    answer = check_partner(database(ctx, db), code, passphrase())
    say(
        json_,
        answer,
        f"{code} answered, signed with the key you trust ({answer['ms']} ms); "
        f"it knows us as {answer['hello']}",
    )


@partner_app.command("inbox")
def inbox(ctx: typer.Context, db: DbOption = None, json_: JsonOption = False) -> None:
    """Packages partners delivered, waiting to be opened or already opened."""
    from fraudlink.federation.inbox import list_inbox

    with reader(ctx, db).session() as session:
        rows = list_inbox(session)
    if json_:
        print_jsonl(rows)
        return
    table = data_table("package", "from", "kind", "TLP", "state", "received", right=())
    for row in rows:
        table.add_row(
            str(row["package_id"]),
            str(row["sender"]),
            str(row["kind"]),
            str(row["tlp"]),
            str(row["state"]),
            str(row["received_at"]),
        )
    console.print(table)


@partner_app.command("open")
def open_command(
    ctx: typer.Context,
    package_id: PackageId,
    evidence_dir: Annotated[Path | None, typer.Option("--evidence-dir")] = None,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Open a delivered package: every check of `package open`; the sender gets a receipt."""
    from fraudlink.federation.config import FederationSettings
    from fraudlink.federation.inbox import open_from_inbox
    from fraudlink.federation.partners import Identity

    secret = passphrase()
    store = database(ctx, db)
    who = signed_in(store, user)
    config = FederationSettings(passphrase=secret)  # type: ignore[arg-type]
    if evidence_dir is not None:
        config = config.model_copy(update={"evidence_dir": evidence_dir})
    received = open_from_inbox(
        store, config, Identity(store, secret), package_id, who.username, list(who.units)
    )
    if json_:
        print_jsonl([received.as_json()])
        return
    counts = ", ".join(f"{n} {table}" for table, n in sorted(received.counts.items()))
    console.print(
        styled(
            (f"{received.kind} {received.package_id}", "bold"),
            f" from {received.sender} (TLP:{received.tlp}) opened; "
            f"imported: {counts or 'nothing new'}",
        )
    )


def register(app: typer.Typer) -> None:
    app.add_typer(partner_app, name="partner")
