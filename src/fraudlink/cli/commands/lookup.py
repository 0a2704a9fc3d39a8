"""``fraudlink report show``, ``lookup``, ``person find`` and ``summary``: reading our data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from fraudlink.cli.amounts import format_money, format_totals
from fraudlink.cli.common import (
    DbOption,
    IdentifierArgument,
    JsonOption,
    ValueArgument,
    console,
    data_table,
    print_jsonl,
    reader,
    some,
    split_identifier,
    styled,
)

if TYPE_CHECKING:
    from fraudlink.link.lookup import IdentifierView
    from fraudlink.link.reports import ReportView

report_app = typer.Typer(help="Read reports as ingested.", no_args_is_help=True)
person_app = typer.Typer(help="Find persons by name, in any script.", no_args_is_help=True)
UNKNOWN = "unknown"


@report_app.command("show")
def report_show(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="AGENCY/ID as ingested, or the bare ID.")],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """One report: narrative, identifiers found (and whether they link), persons, money, network."""
    from fraudlink.link.reports import report_detail

    view = report_detail(reader(ctx, db), reference)
    if json_:
        print_jsonl([view.as_json()])
        return
    _print_report(view)


def _print_report(view: ReportView) -> None:
    console.print(styled(("report " + view.reference, "bold"), f"  TLP:{view.tlp}"))
    console.print(
        f"reported {view.reported_at:%Y-%m-%d %H:%M}  country {view.country or UNKNOWN}  "
        f"language {view.language or UNKNOWN}  scam {view.scam_type or UNKNOWN}  "
        f"network {view.network if view.network is not None else 'none'}  version {view.version}"
    )
    console.print(styled(("narrative", "bold")))
    console.print(view.narrative or "(empty)")
    if view.identifiers:
        table = data_table("kind", "value", "as written", "from", "links", title="identifiers")
        for m in view.identifiers:
            table.add_row(m.kind, m.value, m.raw, m.origin, m.status)
        console.print(table)
    for p in view.persons:
        console.print(f"person {p['entity']}: {p['name']} ({p['role'] or 'no role'}, "
                      f"{p['nationality'] or UNKNOWN})")  # fmt: skip
    for money in view.money:
        console.print(f"{money['kind']}: {format_money(money['amount'], money['currency'])}")


def lookup_command(
    ctx: typer.Context,
    identifier: IdentifierArgument,
    value: ValueArgument = None,
    country: Annotated[
        str | None, typer.Option(help="Country for a phone number written locally (KH, TH…).")
    ] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Which reports and networks hold a phone, wallet, account…; its hub status, hits, money."""
    from fraudlink.link.lookup import lookup

    view = lookup(reader(ctx, db), *split_identifier(identifier, value), country)
    if json_:
        print_jsonl([view.as_json()])
        return
    _print_lookup(view)


def _print_lookup(view: IdentifierView) -> None:
    valid = "" if view.valid else "  (checksum fails: it never links)"
    console.print(styled((f"{view.kind}:{view.value}", "bold"), valid))
    if view.reports:
        first, last = view.first_seen, view.last_seen
        console.print(f"{len(view.reports)} reports, first seen {first:%Y-%m-%d}, "
                      f"last seen {last:%Y-%m-%d}")  # fmt: skip
        status = view.status or "not linked yet (run `fraudlink link`)"
        degree = f" — {view.reason}" if view.reason else ""
        console.print(f"linking: {status}{degree}")
        networks = ", ".join(map(str, view.networks)) or "none"
        console.print(f"networks: {networks}")
        for report, at, network in view.reports[:20]:
            console.print(f"  {at:%Y-%m-%d}  {report}  network {network or '-'}")
        if len(view.reports) > 20:
            console.print(f"  … {len(view.reports) - 20} more (--json lists all)")
    else:
        console.print("named in no report")
    for hit in view.hits:
        console.print(styled(("listed", "red"), f": {hit['caption']} on {hit['list']} "
                             f"(entry {hit['entry']}, score {hit['score']})"))  # fmt: skip
    if view.flow is not None:
        flow = view.flow
        received = format_totals(flow.received) or "nothing"
        sent = format_totals(flow.sent) or "nothing"
        console.print(f"money flow: {flow.payments} payments; received {received}; sent {sent}")


def person_find(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name in any script: 陈志, Chen Zhi, 박정욱…")],
    limit: Annotated[int, typer.Option(min=1, help="Persons to show.")] = 20,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Persons whose name matches across scripts; the id shown is the one every command takes."""
    from fraudlink.link.persons.find import find_persons

    found = find_persons(reader(ctx, db), name, limit)
    if json_:
        print_jsonl(p.as_json() for p in found)
        return
    table = data_table("id", "score", "names", "role", "nationality", "reports", "networks")
    for p in found:
        reports = some(p.reports)
        networks = ", ".join(map(str, p.networks)) or "-"
        table.add_row(str(p.id), f"{p.score:.2f}", " = ".join(p.names), ", ".join(p.roles),
                      p.nationality or UNKNOWN, reports, networks)  # fmt: skip
    console.print(table)


def summary_command(ctx: typer.Context, db: DbOption = None, json_: JsonOption = False) -> None:
    """What this database holds: reports by country, language and scam type, losses, networks."""
    from fraudlink.analyse.summary import summarise_with_networks
    from fraudlink.cli.render import print_summary, print_summary_networks

    summary = summarise_with_networks(reader(ctx, db))
    if json_:
        print_jsonl([summary.as_json()])
        return
    print_summary(console, summary)
    print_summary_networks(console, summary)


def register(app: typer.Typer) -> None:
    app.add_typer(report_app, name="report")
    app.add_typer(person_app, name="person")
    person_app.command("find")(person_find)
    app.command(name="lookup")(lookup_command)
    app.command(name="summary")(summary_command)
