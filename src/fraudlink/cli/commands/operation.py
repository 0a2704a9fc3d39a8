"""``fraudlink operation``, ``asset`` and ``rates``: joint operations, seized assets, figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.amounts import format_money, format_totals
from fraudlink.cli.choices import ActionKind, AssetKind, AssetState, Dimension, Language
from fraudlink.cli.common import DbOption, JsonOption, console, database, err_console, print_jsonl
from fraudlink.cli.render import print_operation
from fraudlink.errors import InputError

operation_app = typer.Typer(
    help="Joint operations: cases, actions and their figures.", no_args_is_help=True
)
asset_app = typer.Typer(
    help="Seized assets through seizure, confiscation and return.", no_args_is_help=True
)
rates_app = typer.Typer(
    help="Dated USD exchange rates the agency reports with.", no_args_is_help=True
)
Reference = Annotated[str, typer.Argument(help="The operation's reference, e.g. OP-2025-07.")]
Agency = Annotated[str, typer.Option("--agency", help="Code of the agency that acted.")]
On = Annotated[dt.datetime, typer.Option("--on", formats=["%Y-%m-%d"], help="The date.")]
Lang = Annotated[Language, typer.Option("--lang", help="Language of the printable summary.")]


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as error:
        raise InputError(f"'{text}' is not an amount; write it like 12000000.50.") from error


@operation_app.command("open")
def open_command(
    ctx: typer.Context,
    reference: Reference,
    name: Annotated[str, typer.Option(help="The operation's name.")],
    lead: Annotated[str, typer.Option(help="Code of the lead agency.")],
    on: On,
    participant: Annotated[
        list[str] | None, typer.Option(help="Agency or unit; repeatable.")
    ] = None,
    legal_basis: Annotated[
        str | None, typer.Option(help="e.g. the MoU on joint operations")
    ] = None,
    db: DbOption = None,
) -> None:
    """Open a joint operation led by one agency, with participating agencies and units."""
    from fraudlink.cases.operations import open_operation

    with database(ctx, db).session() as session:
        open_operation(session, reference, name, lead, on.date(), participant or [], legal_basis)
    console.print(f"opened operation {reference}")


@operation_app.command("add-case")
def add_case_command(
    ctx: typer.Context, reference: Reference, case: str, db: DbOption = None
) -> None:
    """Group a case under the operation."""
    from fraudlink.cases.operations import add_case, get_operation

    with database(ctx, db).session() as session:
        add_case(session, get_operation(session, reference), case)
    console.print(f"case {case} is part of {reference}")


@operation_app.command("action")
def action_command(
    ctx: typer.Context,
    reference: Reference,
    kind: Annotated[ActionKind, typer.Argument(help="What was done.")],
    agency: Agency,
    at: Annotated[dt.datetime, typer.Option("--at", help="When (ISO 8601).")],
    province: Annotated[str | None, typer.Option(help="Province or state.")] = None,
    district: Annotated[str | None, typer.Option(help="District.")] = None,
    persons: Annotated[int, typer.Option(min=0, help="People arrested or rescued.")] = 0,
    officer: Annotated[list[str] | None, typer.Option(help="Officer involved; repeatable.")] = None,
    note: Annotated[str | None, typer.Option()] = None,
    db: DbOption = None,
) -> None:
    """Log a raid, arrest, seizure or rescue: where, when, by whom, how many people."""
    from fraudlink.cases.operations import get_operation, log_action

    with database(ctx, db).session() as session:
        action = log_action(
            session,
            get_operation(session, reference),
            kind.value,
            at,
            agency,
            province,
            district,
            persons,
            officer or [],
            note,
        )
        console.print(f"action {action.id}: {kind.value} logged in {reference}")


@operation_app.command("list")
def list_command(ctx: typer.Context, db: DbOption = None, json_: JsonOption = False) -> None:
    """Every operation, newest first."""
    from sqlalchemy import select

    from fraudlink.cases.tables import Operation

    with database(ctx, db).session() as session:
        rows = [
            {"reference": o.reference, "name": o.name, "started_on": o.started_on.isoformat()}
            for o in session.scalars(select(Operation).order_by(Operation.started_on.desc()))
        ]
    if json_:
        print_jsonl(rows)
        return
    for row in rows:
        console.print(f"{row['reference']}  {row['started_on']}  {row['name']}")


@operation_app.command("stats")
def stats_command(
    ctx: typer.Context,
    reference: Reference,
    on: Annotated[
        dt.datetime | None,
        typer.Option("--on", formats=["%Y-%m-%d"], help="Date of the USD rates."),
    ] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """The operation's figures: cases, reports, arrests, rescues, assets, in USD with rates."""
    from fraudlink.cases.operations import get_operation, operation_statistics

    with database(ctx, db).session() as session:
        figures = operation_statistics(
            session, get_operation(session, reference), on.date() if on else None
        )
    if json_:
        print_jsonl([figures])
        return
    print_operation(console, figures)


def _summary_format(path: Path) -> str:
    form = path.suffix.lower().lstrip(".")
    if form not in ("html", "pdf"):
        raise InputError(f"Write the summary to a .html or .pdf file, not '{path.name}'.")
    return form


def _write_summary(path: Path, page: object) -> dict[str, object]:
    """Render and write; what was written, for the command to report."""
    from fraudlink.cases.summary import Page, render

    assert isinstance(page, Page)
    form = _summary_format(path)
    data = render(page, form)
    path.write_bytes(data)
    return {"path": str(path), "format": form, "lang": page.lang, "bytes": len(data)}


@operation_app.command("summary")
def summary_command(
    ctx: typer.Context,
    reference: Reference,
    out: Annotated[Path, typer.Option("--out", help="A .html or .pdf file to write.")],
    lang: Lang = Language.en,
    on: Annotated[
        dt.datetime | None,
        typer.Option("--on", formats=["%Y-%m-%d"], help="Date of the USD rates."),
    ] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """The printable summary of an operation (HTML or PDF) for the ministry: figures only."""
    from fraudlink.cases.operations import get_operation
    from fraudlink.cases.summary import operation_page
    from fraudlink.store.schema import Agency as AgencyRow

    _summary_format(out)
    store = database(ctx, db)
    with store.session() as session:
        op = get_operation(session, reference)
        day = on.date() if on else (op.ended_on or dt.date.today())
        by = store.settings.agency or session.get(AgencyRow, op.lead_agency_id).code  # type: ignore[union-attr]
        page = operation_page(session, op, lang.value, by, day)
    written = _write_summary(out, page)
    if json_:
        print_jsonl([written])
    else:
        console.print(
            f"wrote {out} ({written['format']}, {lang.value}, {written['bytes']:,} bytes)"
        )


@asset_app.command("add")
def asset_add(
    ctx: typer.Context,
    kind: Annotated[AssetKind, typer.Argument(help="What was seized.")],
    description: Annotated[str, typer.Argument(help="e.g. cash in a safe, Ledger wallet.")],
    amount: Annotated[str, typer.Option(help="Valuation in its own currency.")],
    currency: Annotated[str, typer.Option(help="ISO 4217 code, or USDT, BTC…")],
    agency: Agency,
    on: On,
    state: Annotated[AssetState, typer.Option(help="First state.")] = AssetState.seized,
    operation: Annotated[str | None, typer.Option(help="Operation reference.")] = None,
    case: Annotated[str | None, typer.Option(help="Case reference.")] = None,
    db: DbOption = None,
) -> None:
    """Register a seized asset or frozen balance."""
    from fraudlink.cases.operations import add_asset, get_operation

    with database(ctx, db).session() as session:
        op = get_operation(session, operation) if operation else None
        asset = add_asset(
            session,
            kind.value,
            description,
            _decimal(amount),
            currency,
            agency,
            on.date(),
            state.value,
            op,
            case,
        )
        console.print(
            f"asset {asset.id}: {asset.state}, {format_money(asset.amount, asset.currency)}"
        )


@asset_app.command("state")
def asset_state(
    ctx: typer.Context,
    asset_id: int,
    state: Annotated[AssetState, typer.Argument(help="The next legal state.")],
    agency: Agency,
    on: On,
    basis: Annotated[str | None, typer.Option(help="Court order or legal basis.")] = None,
    db: DbOption = None,
) -> None:
    """Move an asset on: seized → frozen → confiscated (court order) → returned or forfeited."""
    from fraudlink.cases.operations import change_asset_state, get_asset

    with database(ctx, db).session() as session:
        change_asset_state(
            session, get_asset(session, asset_id), state.value, on.date(), agency, basis
        )
    console.print(f"asset {asset_id}: {state.value} on {on.date()}")


@asset_app.command("restitution")
def asset_restitution(
    ctx: typer.Context, asset_id: int, db: DbOption = None, json_: JsonOption = False
) -> None:
    """Propose how a confiscated asset is shared among victims, pro rata to their losses."""
    from fraudlink.cases.operations import get_asset, restitution

    with database(ctx, db).session() as session:
        proposal = restitution(session, get_asset(session, asset_id))
    if json_:
        print_jsonl([proposal.as_json()])
        return
    for victim, share in proposal.shares.items():
        console.print(f"{format_money(share, proposal.currency):>24}  {victim}")
    unallocated = format_money(proposal.unallocated, proposal.currency)
    console.print(f"{unallocated:>24}  unallocated (for the court)")


@rates_app.command("import")
def rates_import(
    ctx: typer.Context, file: Path, db: DbOption = None, json_: JsonOption = False
) -> None:
    """Load date,currency,usd lines (USD per unit); nothing is fetched from the network."""
    from fraudlink.cases.rates import import_rates

    with database(ctx, db).session() as session:
        result = import_rates(session, file)
    if json_:
        print_jsonl([result.as_json()])
    else:
        for rejected in result.rejected:
            err_console.print(f"rejected {rejected}")
        console.print(
            f"{result.added} added, {result.updated} updated, {len(result.rejected)} rejected"
        )
    if result.rejected:
        raise typer.Exit(1)


def stats(
    ctx: typer.Context,
    by: Annotated[Dimension, typer.Option("--by", help="How to group the figures.")],
    since: Annotated[dt.datetime | None, typer.Option("--from", formats=["%Y-%m-%d"])] = None,
    until: Annotated[
        dt.datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], help="First day not counted."),
    ] = None,
    csv_: Annotated[Path | None, typer.Option("--csv", help="Also write the rows as CSV.")] = None,
    summary: Annotated[
        Path | None, typer.Option("--summary", help="Also write a printable .html or .pdf.")
    ] = None,
    lang: Lang = Language.en,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh", help="First recount the days written since the last count (for cron)."
        ),
    ] = False,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Reports, losses, arrests and rescues by month, country, scam type, unit or province.

    By unit, every unit's figures are also added to each agency above it. Figures are
    exact without ``--refresh``; it keeps them fast (run it from cron, or after an ingest).
    """
    from fraudlink.cases.rollup import refresh as recount
    from fraudlink.cases.statistics import as_csv, figures_by
    from fraudlink.cases.summary import period_page

    start, end = (since.date() if since else None), (until.date() if until else None)
    if summary is not None:
        _summary_format(summary)
    store = database(ctx, db)
    if refresh:
        with store.session() as session:
            done = recount(session)
        err_console.print(
            f"recounted {done.days} days, {done.months} months "
            f"and the assets of {done.operations} operations"
        )
    with store.session() as session:
        groups = figures_by(session, by.value, start, end)
    if csv_ is not None:
        csv_.write_text(as_csv(groups), encoding="utf-8")
    if summary is not None:
        page = period_page(groups, by.value, start, end, lang.value, store.settings.agency or "")
        err_console.print(f"wrote {summary} ({_write_summary(summary, page)['format']})")
    if json_:
        print_jsonl(g.as_json() for g in groups)
        return
    for g in groups:
        losses = format_totals(dict(sorted(g.losses.items())))
        console.print(
            f"{g.key:<20} {g.reports:>9,} reports  {g.arrested:>6,} arrested  "
            f"{g.rescued:>6,} rescued  {losses}"
        )


def register(app: typer.Typer) -> None:
    app.command()(stats)
    app.add_typer(operation_app, name="operation")
    app.add_typer(asset_app, name="asset")
    app.add_typer(rates_app, name="rates")
