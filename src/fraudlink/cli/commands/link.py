"""``fraudlink link``, ``networks``, ``network``, ``explain``, ``players`` and ``allowlist``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fraudlink.cli.amounts import format_totals
from fraudlink.cli.choices import GraphFormat, LinkEngine
from fraudlink.cli.common import (
    DbOption,
    IdentifierArgument,
    JsonOption,
    ValueArgument,
    busy,
    console,
    data_table,
    database,
    default_command_group,
    print_jsonl,
    reader,
    say,
    split_identifier,
    write_text,
)
from fraudlink.cli.render import print_network, print_network_rows

allowlist_app = typer.Typer(help="Identifiers that never link reports.", no_args_is_help=True)
Note = Annotated[str | None, typer.Option(help="Why it is benign.")]
NetworkRef = Annotated[
    str,
    typer.Argument(
        metavar="NETWORK",
        help="A network id, one of its reports (AGENCY/ID) or an identifier in it "
        "(KIND:VALUE, or KIND VALUE).",
    ),
]


def _network_ref(reference: str, value: str | None) -> str:
    """``network telegram bella_invest`` as ``network telegram:bella_invest``."""
    return reference if value is None else ":".join(split_identifier(reference, value))


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
        LinkEngine,
        typer.Option(
            "--engine",
            help="Where the whole graph is partitioned: in process, or on Spark (pip install "
            "'fraudlink[spark]'; reads the database over JDBC).",
        ),
    ] = LinkEngine.inprocess,
    master: Annotated[
        str | None,
        typer.Option("--master", help="Spark master URL (default: spark-submit's, else local[2])."),
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Link reports into networks by shared identifiers (only new reports unless --full)."""
    from fraudlink.link import link_reports

    summary = link_reports(database(ctx, db), full, names, engine.value, master)
    if json_:
        print_jsonl([summary.as_json()])
        return
    run = "full run" if summary.mode == "full" else f"incremental run, {summary.new_reports:,} new"
    console.print(
        f"{summary.networks:,} networks from {summary.reports:,} reports ({run}); "
        f"{summary.hubs:,} hub identifiers and {summary.allowlisted:,} allow-listed ones ignored"
    )
    if summary.fallback:
        console.print(f"recomputed in full: {summary.fallback}")


def networks(
    ctx: typer.Context,
    db: DbOption = None,
    min_size: Annotated[int, typer.Option("--min-size", min=1)] = 2,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Show the N largest.")] = None,
    json_: JsonOption = False,
) -> None:
    """List networks, largest first: central identifiers, countries, losses."""
    from fraudlink.link.networks.listing import Reader, networks_page

    rows, _ = networks_page(reader(ctx, db), Reader(), min_size, 0, limit or 2**62)
    if json_:
        print_jsonl(row.as_json() for row in rows)
        return
    print_network_rows(console, rows, min_size)


network_app = typer.Typer(
    cls=default_command_group("show"),
    help="One network: `network NETWORK` shows it, `network export NETWORK` writes a graph.",
    no_args_is_help=True,
)


@network_app.command("show")
def network(
    ctx: typer.Context,
    network_id: NetworkRef,
    value: ValueArgument = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Show one network: identifiers, persons, countries, languages, losses and timeline."""
    from fraudlink.link.lookup import network_for
    from fraudlink.link.networks.views import network_detail

    store = reader(ctx, db)
    detail = network_detail(store, network_for(store, _network_ref(network_id, value)))
    if json_:
        print_jsonl([detail.as_json()])
        return
    print_network(console, detail)


@network_app.command("export")
def network_export(
    ctx: typer.Context,
    network_id: NetworkRef,
    value: ValueArgument = None,
    format_: Annotated[GraphFormat, typer.Option("--format", help="Graph file format.")] = (
        GraphFormat.graphml
    ),
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: standard output).")
    ] = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Write a network's reports and linking identifiers for Gephi, yEd or Graphviz.

    With --json (and --out) a line says what was written; without --out, --json is ignored:
    the graph itself goes to standard output."""
    from fraudlink.link.graphs import network_graph, render
    from fraudlink.link.lookup import network_for

    store = reader(ctx, db)
    graph = network_graph(store, network_for(store, _network_ref(network_id, value)))
    write_text(render(graph, format_.value), out)
    if json_ and out is not None:
        print_jsonl([{"out": str(out), "format": format_.value, "nodes": len(graph.nodes),
                      "edges": len(graph.edges)}])  # fmt: skip


def players(
    ctx: typer.Context,
    network_id: NetworkRef,
    value: ValueArgument = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 10,
    json_: JsonOption = False,
) -> None:
    """Rank the persons, accounts and identifiers a network turns around."""
    from fraudlink.link.lookup import network_for
    from fraudlink.link.players import key_players

    store = reader(ctx, db)
    with busy("ranking players"):
        ranked = key_players(store, network_for(store, _network_ref(network_id, value)), limit)
    if json_:
        print_jsonl(p.as_json() for p in ranked)
        return
    table = data_table("score", "kind", "player", "victims", "countries", "received",
                       right=("score", "victims", "countries"))  # fmt: skip
    for p in ranked:
        money = format_totals(dict(sorted(p.received.items())))
        table.add_row(f"{p.score:.3f}", p.kind, p.label, str(len(p.reports)),
                      str(len(p.countries)), money)  # fmt: skip
    console.print(table)


def explain_command(
    ctx: typer.Context,
    report_a: Annotated[str, typer.Argument(help="Report id as ingested (or AGENCY:ID).")],
    report_b: Annotated[str, typer.Argument(help="Report id as ingested (or AGENCY:ID).")],
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Print the chain of shared identifiers joining two reports, and the hubs ignored."""
    from fraudlink.link.networks.explain import explain

    with busy("finding the chain"):
        result = explain(reader(ctx, db), report_a, report_b)
    if json_:
        print_jsonl([result.as_json()])
    else:
        console.print("\n".join(result.lines()), highlight=False, soft_wrap=True)


@allowlist_app.command("add")
def allowlist_add(
    ctx: typer.Context,
    identifier: IdentifierArgument,
    value: ValueArgument = None,
    db: DbOption = None,
    note: Note = None,
    json_: JsonOption = False,
) -> None:
    """Allow-list an identifier (takes effect on the next `fraudlink link --full`)."""
    from fraudlink.link.networks import allowlist

    with database(ctx, db).session() as session:
        entry = allowlist.add(session, *split_identifier(identifier, value), note)
    say(json_, {"kind": entry.kind, "value": entry.value, "note": entry.note},
        f"allow-listed {entry.kind}:{entry.value}")  # fmt: skip


@allowlist_app.command("remove")
def allowlist_remove(
    ctx: typer.Context,
    identifier: IdentifierArgument,
    value: ValueArgument = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Take an identifier off the allow-list."""
    from fraudlink.link.networks import allowlist

    kind, value = split_identifier(identifier, value)
    with database(ctx, db).session() as session:
        removed = allowlist.remove(session, kind, value)
    say(json_, {"kind": kind, "value": value, "removed": bool(removed)},
        "removed" if removed else "not on the allow-list")  # fmt: skip


@allowlist_app.command("list")
def allowlist_list(ctx: typer.Context, db: DbOption = None, json_: JsonOption = False) -> None:
    """Show the allow-list."""
    from fraudlink.link.networks import allowlist

    with reader(ctx, db).session() as session:
        rows = allowlist.entries(session)
    if json_:
        print_jsonl({"kind": r.kind, "value": r.value, "note": r.note} for r in rows)
        return
    for r in rows:
        console.print(f"{r.kind}:{r.value}  {r.note or ''}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(link)
    app.command()(networks)
    app.add_typer(network_app, name="network")
    app.command(name="explain")(explain_command)
    app.command()(players)
    app.add_typer(allowlist_app, name="allowlist")
