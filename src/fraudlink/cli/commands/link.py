"""``fraudlink link``, ``networks``, ``network``, ``explain``, ``players`` and ``allowlist``."""

from __future__ import annotations

from typing import Annotated

import typer

from fraudlink.cli.common import DbOption, JsonOption, console, database, print_jsonl

allowlist_app = typer.Typer(help="Identifiers that never link reports.", no_args_is_help=True)
Kind = Annotated[str, typer.Argument(help="Identifier kind: domain, phone, telegram, url…")]
Value = Annotated[str, typer.Argument(help="The identifier as written; it is normalised.")]
Note = Annotated[str | None, typer.Option(help="Why it is benign.")]
NetworkId = Annotated[int, typer.Argument(help="A network id from `fraudlink networks`.")]


def link(
    ctx: typer.Context,
    db: DbOption = None,
    full: Annotated[bool, typer.Option("--full", help="Recompute every network.")] = False,
    names: Annotated[
        bool,
        typer.Option(
            "--names",
            help="Also join networks by rare or corroborated person names (off by default: "
            "it lowered B-cubed F1 on generated data; such runs recompute in full).",
        ),
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="Where the whole graph is partitioned: inprocess, or spark (pip install "
            "'fraudlink[spark]'; reads the database over JDBC).",
        ),
    ] = "inprocess",
    master: Annotated[
        str | None,
        typer.Option("--master", help="Spark master URL (default: spark-submit's, else local[2])."),
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Link reports into networks by shared identifiers (only new reports unless --full)."""
    from fraudlink.link import link_reports

    summary = link_reports(database(ctx, db), full, names, engine, master)
    if json_:
        print_jsonl([summary.as_json()])
    else:
        console.print(" ".join(f"{k}={v}" for k, v in summary.as_json().items()), highlight=False)


def networks(
    ctx: typer.Context,
    db: DbOption = None,
    min_size: Annotated[int, typer.Option("--min-size", min=1)] = 2,
    json_: JsonOption = False,
) -> None:
    """List networks, largest first."""
    from fraudlink.link.networks.views import list_networks

    rows = list_networks(database(ctx, db), min_size)
    if json_:
        print_jsonl(row.as_json() for row in rows)
        return
    for row in rows:
        shown = ", ".join(row.identifiers[:4]) + (" …" if len(row.identifiers) > 4 else "")
        console.print(f"{row.id:>8}  {len(row.reports):>6} reports  {shown}", highlight=False)


def network(
    ctx: typer.Context, network_id: NetworkId, db: DbOption = None, json_: JsonOption = False
) -> None:
    """Show one network: identifiers, persons, countries, languages, losses and timeline."""
    from fraudlink.link.networks.views import network_detail

    detail = network_detail(database(ctx, db), network_id)
    if json_:
        print_jsonl([detail.as_json()])
        return
    data = detail.as_json()
    for key in ("id", "size", "countries", "languages", "losses", "persons"):
        console.print(f"{key}: {data[key]}", highlight=False, soft_wrap=True)
    for kind, value, count, status in detail.identifiers:
        console.print(f"  {count:>5}  {kind}:{value}  [{status}]", highlight=False, markup=False)
    for at, report, country in detail.timeline:
        console.print(f"  {at:%Y-%m-%d}  {report}  {country or '??'}", highlight=False)


def explain_command(
    ctx: typer.Context,
    report_a: Annotated[str, typer.Argument(help="Report id as ingested (or AGENCY:ID).")],
    report_b: Annotated[str, typer.Argument(help="Report id as ingested (or AGENCY:ID).")],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Print the chain of shared identifiers joining two reports, and the hubs ignored."""
    from fraudlink.link.networks.explain import explain

    result = explain(database(ctx, db), report_a, report_b)
    if json_:
        print_jsonl([result.as_json()])
    else:
        console.print("\n".join(result.lines()), highlight=False, soft_wrap=True)


def players(
    ctx: typer.Context,
    network_id: NetworkId,
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 10,
    json_: JsonOption = False,
) -> None:
    """Rank the persons, accounts and identifiers a network turns around."""
    from fraudlink.link.players import key_players

    ranked = key_players(database(ctx, db), network_id, limit)
    if json_:
        print_jsonl(p.as_json() for p in ranked)
        return
    for p in ranked:
        money = ", ".join(f"{a} {c}" for c, a in sorted(p.received.items()))
        console.print(f"{p.score:.3f}  {p.kind:<10} {p.label}  victims={len(p.reports)} "
                      f"countries={len(p.countries)} {money}", highlight=False)  # fmt: skip


@allowlist_app.command("add")
def allowlist_add(
    ctx: typer.Context, kind: Kind, value: Value, db: DbOption = None, note: Note = None
) -> None:
    """Allow-list an identifier (takes effect on the next `fraudlink link --full`)."""
    from fraudlink.link.networks import allowlist

    with database(ctx, db).session() as session:
        entry = allowlist.add(session, kind, value, note)
    console.print(f"allow-listed {entry.kind}:{entry.value}", highlight=False)


@allowlist_app.command("remove")
def allowlist_remove(ctx: typer.Context, kind: Kind, value: Value, db: DbOption = None) -> None:
    """Take an identifier off the allow-list."""
    from fraudlink.link.networks import allowlist

    with database(ctx, db).session() as session:
        removed = allowlist.remove(session, kind, value)
    console.print("removed" if removed else "not on the allow-list", highlight=False)


@allowlist_app.command("list")
def allowlist_list(ctx: typer.Context, db: DbOption = None, json_: JsonOption = False) -> None:
    """Show the allow-list."""
    from fraudlink.link.networks import allowlist

    with database(ctx, db).session() as session:
        rows = allowlist.entries(session)
    if json_:
        print_jsonl({"kind": r.kind, "value": r.value, "note": r.note} for r in rows)
        return
    for r in rows:
        console.print(f"{r.kind}:{r.value}  {r.note or ''}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(link)
    app.command()(networks)
    app.command()(network)
    app.command(name="explain")(explain_command)
    app.command()(players)
    app.add_typer(allowlist_app, name="allowlist")
