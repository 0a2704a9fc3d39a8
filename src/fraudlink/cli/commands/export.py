"""``fraudlink export``: reports, identifiers, people and cases as STIX 2.1, MISP or FtM."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.choices import ExportFormat, Tlp
from fraudlink.cli.commands.agency import passphrase
from fraudlink.cli.common import DbOption, JsonOption, busy, console, database, print_jsonl

FormatOption = Annotated[
    ExportFormat, typer.Option("--format", help="STIX 2.1, MISP event or FtM JSON Lines.")
]
CaseOption = Annotated[str | None, typer.Option("--case", metavar="REF", help="Only this case.")]
TlpOption = Annotated[Tlp, typer.Option("--tlp", help="Leave out records marked above this TLP.")]
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
    format_: FormatOption = ExportFormat.stix,
    case: CaseOption = None,
    tlp: TlpOption = Tlp.AMBER,
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
    with busy(f"writing {format_.value}"):
        summary = run_export(
            database(ctx, db),
            format_.value,
            out,
            case=case,
            tlp_max=tlp.value,
            purpose=purpose,
            approval=approval,
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
