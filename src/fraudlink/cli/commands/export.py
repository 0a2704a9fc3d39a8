"""``fraudlink export``: reports, identifiers, people and cases as STIX 2.1, MISP or FtM."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.commands.agency import passphrase
from fraudlink.cli.common import DbOption, JsonOption, console, database, print_jsonl

FormatOption = Annotated[str, typer.Option("--format", help="stix, misp or ftm (JSON Lines).")]
CaseOption = Annotated[str | None, typer.Option("--case", metavar="REF", help="Only this case.")]
TlpOption = Annotated[
    str, typer.Option("--tlp", metavar="MAX", help="Leave out records marked above this TLP.")
]
PurposeOption = Annotated[str | None, typer.Option("--purpose", help="Why; kept in the audit log.")]
ApproverOption = Annotated[
    str | None,
    typer.Option("--approved-by", help="Supervisor approving it (above GREEN or naming people)."),
]
RecipientOption = Annotated[
    list[str] | None, typer.Option("--recipient", help="A person who may read it (TLP:RED).")
]
OutArgument = Annotated[Path, typer.Argument(dir_okay=False, writable=True, help="File to write.")]


def export(
    ctx: typer.Context,
    out: OutArgument,
    format_: FormatOption = "stix",
    case: CaseOption = None,
    tlp: TlpOption = "AMBER",
    purpose: PurposeOption = None,
    approved_by: ApproverOption = None,
    recipient: RecipientOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Write a standard export; victims stay home and payment cards leave masked."""
    from fraudlink.share.export import Approval
    from fraudlink.share.export import export as run_export

    approval = Approval(approved_by, passphrase(), tuple(recipient or ())) if approved_by else None
    summary = run_export(
        database(ctx, db), format_, out, case=case, tlp_max=tlp, purpose=purpose, approval=approval
    )
    if json_:
        print_jsonl([summary])
        return
    console.print(
        f"{summary['format']}: {summary['reports']} reports, {summary['identifiers']} identifiers, "
        f"{summary['entities']} people/organisations, marked TLP:{summary['tlp']} -> {out}",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.command(name="export")(export)
