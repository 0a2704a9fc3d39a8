"""``fraudlink export``: reports, identifiers, people and cases as STIX 2.1, MISP or FtM.

An export above TLP:GREEN or naming people waits for a second person, as a package
does: ``export OUT`` keeps it, ``export show ID`` lists what it holds, and
``export approve ID --user SUPERVISOR`` (another account, signed in, with the passphrase)
writes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from fraudlink.cli.choices import ExportFormat, Tlp
from fraudlink.cli.commands.agency import passphrase
from fraudlink.cli.common import (
    DbOption,
    JsonOption,
    busy,
    console,
    database,
    default_command_group,
    print_jsonl,
    reader,
    some,
)
from fraudlink.cli.signin import UserOption, signed_in

export_app = typer.Typer(
    cls=default_command_group("write"),
    help="Standard exports (STIX 2.1, MISP, FtM); above TLP:GREEN or naming people they wait "
    "for a supervisor: `export OUT`, then `export approve ID --user NAME`.",
    no_args_is_help=True,
)
FormatOption = Annotated[
    ExportFormat, typer.Option("--format", help="STIX 2.1, MISP event or FtM JSON Lines.")
]
CaseOption = Annotated[str | None, typer.Option("--case", metavar="REF", help="Only this case.")]
TlpOption = Annotated[Tlp, typer.Option("--tlp", help="Leave out records marked above this TLP.")]
PurposeOption = Annotated[str | None, typer.Option("--purpose", help="Why; kept in the audit log.")]
RecipientOption = Annotated[
    list[str] | None, typer.Option("--recipient", help="A person who may read it (TLP:RED).")
]
OutArgument = Annotated[Path, typer.Argument(dir_okay=False, writable=True, help="File to write.")]
IdArgument = Annotated[int, typer.Argument(help="The export's number (`export list`).")]


def _written(summary: dict[str, Any]) -> str:
    approved = f", approved by {summary['approved_by']}" if summary.get("approved_by") else ""
    return (f"{summary['format']}: {summary['reports']} reports, {summary['identifiers']} "
            f"identifiers, {summary['entities']} people/organisations, marked "
            f"TLP:{summary['tlp']}{approved} -> {summary['out']}")  # fmt: skip


@export_app.command("write")
def export(
    ctx: typer.Context,
    out: OutArgument,
    format_: FormatOption = ExportFormat.stix,
    case: CaseOption = None,
    tlp: TlpOption = Tlp.AMBER,
    purpose: PurposeOption = None,
    recipient: RecipientOption = None,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Write a standard export, or keep it for approval; victims stay home, cards leave masked.

    Made by a signed-in user, whom the audit log names."""
    from fraudlink.share.export.pending import request

    store = database(ctx, db)
    by = signed_in(store, user).username
    with busy(f"selecting for {format_.value}"):
        summary = request(store, format_.value, out, case=case, tlp_max=tlp.value,
                          user=by, purpose=purpose, recipients=tuple(recipient or ()))  # fmt: skip
    if json_:
        print_jsonl([summary])
    elif summary["status"] == "written":
        console.print(_written(summary))
    else:
        console.print(
            f"export {summary['id']} holds {summary['reports']} reports marked "
            f"TLP:{summary['tlp']} and awaits a supervisor: `fraudlink export show "
            f"{summary['id']}`, then `fraudlink export approve {summary['id']} --user NAME`"
        )


@export_app.command("approve")
def approve(
    ctx: typer.Context,
    request_id: IdArgument,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Write a waiting export: a signed-in supervisor other than its creator, passphrase."""
    from fraudlink.share.export.pending import approve as run

    store = database(ctx, db)
    by = signed_in(store, user)
    with busy("writing the export"):
        summary = run(store, request_id, by, passphrase())
    if json_:
        print_jsonl([summary])
    else:
        console.print(_written(summary))


@export_app.command("show")
def show(
    ctx: typer.Context, request_id: IdArgument, db: DbOption = None, json_: JsonOption = False
) -> None:
    """What a waiting export would carry if approved now: marking, reports, people by name."""
    from fraudlink.share.export.pending import show as run

    view = run(reader(ctx, db), request_id)
    if json_:
        print_jsonl([view])
        return
    status, case = view["status"].replace("_", " "), view["case"] or "all visible"
    console.print(f"export {view['id']} ({status}): {view['format']} -> {view['out']}, "
                  f"case {case}, TLP:{view['tlp']}")  # fmt: skip
    readers = some(view["recipients"]) or "anyone"
    console.print(f"created by {view['created_by']} at {view['created_at'][:16]}; purpose: "
                  f"{view['purpose'] or 'not given'}; for {readers}")  # fmt: skip
    console.print(f"{view['reports']} reports: {some(view['report_ids'], 8)}")
    console.print(f"{len(view['people'])} people named: {some(view['people'], 8) or 'none'}")


@export_app.command("list")
def list_(ctx: typer.Context, db: DbOption = None, json_: JsonOption = False) -> None:
    """Exports kept for approval and those written after it, newest first."""
    from fraudlink.share.export.pending import waiting

    rows = waiting(reader(ctx, db))
    if json_:
        print_jsonl(rows)
        return
    for row in rows:
        approved = f", approved by {row['approved_by']}" if row["approved_by"] else ""
        console.print(f"export {row['id']}: {row['status'].replace('_', ' ')}, {row['format']} "
                      f"TLP:{row['tlp']} by {row['created_by']}{approved}")  # fmt: skip
    if not rows:
        console.print("no exports waiting or approved")


def register(app: typer.Typer) -> None:
    app.add_typer(export_app, name="export")
