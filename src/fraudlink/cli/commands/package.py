"""``fraudlink package``: create, approve, open, retract and correct packages between agencies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from fraudlink.cli.choices import (
    Dimension,
    HandlingCode,
    LegalBasis,
    PackageKind,
    Purpose,
    Tlp,
)
from fraudlink.cli.commands.agency import passphrase
from fraudlink.cli.common import (
    DbOption,
    JsonOption,
    console,
    database,
    err_console,
    print_jsonl,
    reader,
    say,
    styled,
)
from fraudlink.cli.render_share import print_package
from fraudlink.cli.signin import UserOption, signed_in

if TYPE_CHECKING:
    from fraudlink.share import Outcome, PackageBlocked

package_app = typer.Typer(help="Signed, encrypted packages to and from partner agencies.")
Out = Annotated[Path, typer.Argument(help="The package file to write.")]
PackageId = Annotated[
    str,
    typer.Argument(
        metavar="PACKAGE_ID",
        help="The package's id, or its beginning (6 characters or more) if no other shares it.",
    ),
]


def _report(outcome: Outcome, json_: bool) -> None:
    if json_:
        print_jsonl(
            [{"package_id": outcome.package_id, "status": outcome.status, "path": outcome.path}]
        )
    elif outcome.path is None:
        console.print(
            f"package {outcome.package_id} awaits a supervisor: "
            f"`fraudlink package approve {outcome.package_id} --user SUPERVISOR`"
        )
    elif outcome.status == "queued":
        console.print(
            f"package {outcome.package_id} written to {outcome.path} and queued for the "
            "partner's server (`fraudlink package list` shows when it is delivered)"
        )
    else:
        console.print(f"package {outcome.package_id} written to {outcome.path}")


def _blocked(error: PackageBlocked) -> NoReturn:
    err_console.print("blocked:", highlight=False)
    for reason in error.reasons:
        err_console.print(f"  - {reason}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@package_app.command("create")
def create_command(
    ctx: typer.Context,
    kind: Annotated[PackageKind, typer.Argument(help="What the package is.")],
    out: Out,
    to: Annotated[str, typer.Option("--to", help="Receiving agency code.")],
    case: Annotated[str, typer.Option("--case", help="Case reference (none for statistics).")] = "",
    tlp: Annotated[Tlp, typer.Option("--tlp", help="TLP 2.0 marking.")] = Tlp.AMBER,
    purpose: Annotated[Purpose | None, typer.Option("--purpose", help="Default: by kind.")] = None,
    handling: Annotated[
        list[HandlingCode] | None,
        typer.Option(
            "--handling",
            help="Handling code; repeatable (default: all three). An evidence transfer for "
            "prosecution leaves out no_court: --handling crime_only --handling no_onward.",
        ),
    ] = None,
    action: Annotated[str, typer.Option("--request", help="The action requested.")] = "",
    evidence: Annotated[list[Path] | None, typer.Option("--evidence", exists=True)] = None,
    subject: Annotated[
        int | None,
        typer.Option("--subject", metavar="PERSON", help="Person id (`fraudlink person find`)."),
    ] = None,
    legal_basis: Annotated[LegalBasis | None, typer.Option("--legal-basis")] = None,
    acquired_by: Annotated[
        str | None, typer.Option(help="Evidence: who seized or obtained it.")
    ] = None,
    acquired_at: Annotated[
        str | None, typer.Option(help="Evidence: when, ISO 8601 (default: now).")
    ] = None,
    method: Annotated[
        str | None, typer.Option(help="Evidence: how it was obtained (required with --evidence).")
    ] = None,
    authorisation: Annotated[
        str | None,
        typer.Option(help="Evidence: the warrant or order (required with --evidence)."),
    ] = None,
    reliability: Annotated[str, typer.Option("--reliability", help="A-F or X.")] = "B",
    accuracy: Annotated[int, typer.Option("--accuracy", help="1-4.")] = 2,
    recipient: Annotated[
        list[str] | None, typer.Option("--recipient", help="A person who may read it (RED).")
    ] = None,
    group_by: Annotated[
        Dimension, typer.Option("--group-by", help="Statistics: how the figures are grouped.")
    ] = Dimension.unit,
    since: Annotated[
        dt.datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="Statistics.")
    ] = None,
    until: Annotated[
        dt.datetime | None,
        typer.Option("--to-date", formats=["%Y-%m-%d"], help="Statistics: first day not counted."),
    ] = None,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Build a package; safeguards run first; above GREEN or naming people it waits for approval.

    Made by the signed-in liaison officer or supervisor, for their agency. A statistics
    package (no --case) carries aggregates by --group-by over [--from, --to-date).
    """
    from fraudlink.share import PackageBlocked, Request, create
    from fraudlink.share.custody import acquisition_record
    from fraudlink.share.markings import DEFAULT_HANDLING

    request = Request(
        kind=kind.value,
        case=case,
        to=to,
        out=str(out),
        created_by="",
        tlp=tlp.value,
        purpose=purpose.value if purpose else None,
        action=action,
        subject=subject,
        evidence=[str(p) for p in evidence or []],
        legal_basis=legal_basis.value if legal_basis else None,
        reliability=reliability,
        accuracy=accuracy,
        recipients=list(recipient or []),
        statistics=group_by.value,
        period_from=since.date().isoformat() if since else None,
        period_to=until.date().isoformat() if until else None,
        handling=[code.value for code in handling] if handling else list(DEFAULT_HANDLING),
        acquisition=acquisition_record(
            bool(evidence), acquired_by, acquired_at, method, authorisation
        ),
    )
    store = database(ctx, db)
    by = signed_in(store, user)
    try:
        _report(create(store, request, passphrase(), by), json_)
    except PackageBlocked as error:
        _blocked(error)


@package_app.command("approve")
def approve_command(
    ctx: typer.Context,
    package_id: PackageId,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Release a package awaiting approval: a signed-in supervisor of the sending agency
    who is not its creator."""
    from fraudlink.share import PackageBlocked, approve

    store = database(ctx, db)
    by = signed_in(store, user)
    try:
        _report(approve(store, package_id, by, passphrase()), json_)
    except PackageBlocked as error:
        _blocked(error)


@package_app.command("retract")
def retract_command(
    ctx: typer.Context,
    package_id: PackageId,
    out: Out,
    reason: Annotated[str, typer.Option("--reason")],
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Write a follow-up package that withdraws one sent earlier."""
    from fraudlink.share import retract

    store = database(ctx, db)
    outcome = retract(store, package_id, reason, signed_in(store, user), str(out), passphrase())
    _report(outcome, json_)


@package_app.command("correct")
def correct_command(
    ctx: typer.Context,
    package_id: PackageId,
    out: Out,
    reason: Annotated[str, typer.Option("--reason")],
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Resend a package from the records as they are now; the receiver replaces its copy."""
    from fraudlink.share import PackageBlocked, correct

    store = database(ctx, db)
    by = signed_in(store, user)
    try:
        outcome = correct(store, package_id, reason, by, str(out), passphrase())
    except PackageBlocked as error:
        _blocked(error)
    _report(outcome, json_)


@package_app.command("open")
def open_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    evidence_dir: Annotated[Path, typer.Option("--evidence-dir")] = Path("evidence"),
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Verify, decrypt and import a package for the signed-in user's agency; any failed
    check imports nothing."""
    from fraudlink.share import open_package

    store = database(ctx, db)
    received = open_package(store, file, passphrase(), evidence_dir, signed_in(store, user))
    if json_:
        print_jsonl([received.as_json()])
        return
    state = "already opened" if received.already_opened else "opened"
    console.print(
        styled(
            (f"{received.kind} {received.package_id}", "bold"),
            f" from {received.sender} (TLP:{received.tlp}) {state}",
        )
    )
    if received.purpose:
        console.print(f"purpose: {received.purpose}")
    if received.handling:
        console.print(f"handling: {', '.join(received.handling)}")
    counts = ", ".join(f"{n} {table}" for table, n in sorted(received.counts.items()))
    if counts or not received.withdrawn:
        console.print(f"imported: {counts or 'nothing new'}")
    if received.withdrawn:
        verb = "withdrew" if received.relation == "retracts" else "replaced"
        gone = ", ".join(f"{n} {table}" for table, n in sorted(received.withdrawn.items()))
        console.print(f"{verb}: {gone} of package {received.follows}")
    console.print(f"`fraudlink package show {received.package_id}` shows what it holds")


@package_app.command("show")
def show_command(
    ctx: typer.Context,
    package_id: PackageId,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """What a package holds, its markings, safeguards, request, who made and who approved it."""
    from fraudlink.share.show import show_package

    view = show_package(reader(ctx, db), package_id)
    if json_:
        print_jsonl([view.as_json()])
        return
    print_package(console, view)


@package_app.command("list")
def list_command(ctx: typer.Context, db: DbOption = None, json_: JsonOption = False) -> None:
    """Packages sent and received, newest first."""
    from fraudlink.share import list_packages

    rows = list_packages(reader(ctx, db))
    if json_:
        print_jsonl(rows)
        return
    for row in rows:
        console.print(
            f"{row['package_id']}  {row['direction']:8} {row['kind']:20} {row['status']:17} "
            f"TLP:{row['tlp']:12} {row['sender']} -> {row['recipient']}",
            highlight=False,
        )
        for problem in row["problems"]:  # why the safeguards blocked it
            console.print(f"    blocked: {problem}", highlight=False)


@package_app.command("consular")
def consular_command(
    ctx: typer.Context,
    subject: Annotated[int, typer.Argument(help="Entity id of the detained person.")],
    case: Annotated[str, typer.Option("--case")],
    informed_at: Annotated[dt.datetime, typer.Option("--informed-at")],
    requested: Annotated[bool, typer.Option("--requested/--declined")],
    notified_at: Annotated[dt.datetime | None, typer.Option("--notified-at")] = None,
    consulate: Annotated[str | None, typer.Option("--consulate")] = None,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Record VCCR Art. 36: when the person was told, whether they asked, when who was told."""
    from fraudlink.share import record_consular

    store = database(ctx, db)
    by = signed_in(store, user).username
    record_consular(
        store,
        case,
        subject,
        _utc(informed_at),
        requested,
        _utc(notified_at) if notified_at else None,
        consulate,
        by,
    )
    say(json_, {"case": case, "person": subject, "requested": requested},
        "consular-notification record saved")  # fmt: skip


def _utc(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def register(app: typer.Typer) -> None:
    app.add_typer(package_app, name="package")
