"""``fraudlink audit``: read the audit log and verify its hash chain."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.choices import AuditAction
from fraudlink.cli.commands.agency import passphrase
from fraudlink.cli.common import DbOption, JsonOption, console, database, print_jsonl

audit_app = typer.Typer(help="Read and verify the append-only audit log.", no_args_is_help=True)
LimitOption = Annotated[int, typer.Option("--limit", min=1, help="Show the newest N entries.")]


AnchorOption = Annotated[
    Path | None,
    typer.Option("--anchor", dir_okay=False, help="Also prove the log extends this anchor."),
]


@audit_app.command(name="verify")
def verify_command(
    ctx: typer.Context, db: DbOption = None, json_: JsonOption = False, anchor: AnchorOption = None
) -> None:
    """Check every entry's hash and link; name the first entry that was altered."""
    from fraudlink.audit import AuditChainBroken, verify
    from fraudlink.audit.anchor import verify_anchor

    store = database(ctx, db)
    result = verify(store) if anchor is None else verify_anchor(store, anchor)
    if json_:
        print_jsonl([result.as_json()])
    if not result.ok:
        raise AuditChainBroken(result.describe() + "; treat the log as tampered with.")
    if not json_:
        console.print(result.describe(), highlight=False)


@audit_app.command(name="anchor")
def anchor_command(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(dir_okay=False, help="The anchor file to write.")],
    db: DbOption = None,
) -> None:
    """Sign the log's head with the agency key into FILE; keep the file away from the database."""
    from fraudlink.audit.anchor import write_anchor

    made = write_anchor(database(ctx, db), out, passphrase())
    console.print(f"anchor of {made.entries} entries (head {made.hash}) written to {out}")


@audit_app.command(name="log")
def log_command(
    ctx: typer.Context,
    db: DbOption = None,
    json_: JsonOption = False,
    limit: LimitOption = 50,
    user: Annotated[str | None, typer.Option(help="Only this user's entries.")] = None,
    action: Annotated[AuditAction | None, typer.Option(help="Only this action.")] = None,
    record: Annotated[
        str | None,
        typer.Option(help="Only this record: TYPE (e.g. case) or TYPE/ID (e.g. case/KH-1)."),
    ] = None,
    since: Annotated[str | None, typer.Option(help="From this time (ISO 8601).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this time (ISO 8601).")] = None,
    before: Annotated[
        int | None, typer.Option(help="Entries before this seq (the next page back).")
    ] = None,
) -> None:
    """The newest matching entries, oldest first; --before SEQ pages further back."""
    from fraudlink.audit import AuditFilter, find_entries

    record_type, _, record_id = (record or "").partition("/")
    where = AuditFilter(user, action.value if action else None, record_type or None,
                        record_id or None, since, until)  # fmt: skip
    with database(ctx, db).engine.connect() as connection:
        entries = find_entries(connection, where, limit, before)
    if json_:
        print_jsonl(entry.as_json() for entry in entries)
        return
    for e in entries:
        purpose = f" purpose={e.purpose}" if e.purpose else ""
        console.print(f"{e.seq:>6} {e.at} {e.user} {e.action} {e.record_type}/{e.record_id}"
                      f"{purpose}")  # fmt: skip
    if len(entries) == limit and entries[0].seq > 1:
        console.print(f"older entries: --before {entries[0].seq}")


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
