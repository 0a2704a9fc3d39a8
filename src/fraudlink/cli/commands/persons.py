"""``fraudlink persons``: resolve person records across agencies, judge pairs, list clusters."""

from __future__ import annotations

from typing import Annotated

import typer

from fraudlink.cli.choices import Engine, Judgement
from fraudlink.cli.common import DbOption, JsonOption, busy, console, database, print_jsonl
from fraudlink.cli.signin import UserOption, signed_in

persons_app = typer.Typer(
    help="Link person records between agencies (Splink) and record human judgements.",
    no_args_is_help=True,
)
EngineOption = Annotated[
    Engine, typer.Option("--engine", help="duckdb in-process, or spark (local or cluster).")
]


@persons_app.command(name="resolve")
def resolve_command(
    ctx: typer.Context,
    engine: EngineOption = Engine.duckdb,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Score every pair of candidate records and cluster them, honouring judgements."""
    from fraudlink.link.persons import resolve

    with busy("resolving persons"):
        summary = resolve(database(ctx, db), engine.value)
    if json_:
        print_jsonl([summary.as_json()])
        return
    console.print(
        f"{summary.records} records, {summary.links} links, {summary.clusters} persons "
        f"({summary.merged} seen more than once); {summary.refused} links kept apart by a "
        f"not-same judgement or a name spelt otherwise in the same script [{summary.engine}]",
        highlight=False,
    )


@persons_app.command(name="judge")
def judge_command(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="Entity id or key (AGENCY/REPORT/NAME).")],
    b: Annotated[str, typer.Argument(help="Entity id or key of the other record.")],
    judgement: Annotated[Judgement, typer.Argument(help="The decision.")],
    reason: Annotated[str | None, typer.Option("--reason", help="Why.")] = None,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Record that two records are (not) the same person, in the signed-in user's name;
    re-runs of resolve respect it."""
    from fraudlink.link.persons import judge

    store = database(ctx, db)
    by = signed_in(store, user).username
    decision = judge(store, a, b, judgement.value, by, reason)
    if json_:
        print_jsonl([decision.as_json()])
    else:
        console.print(f"{decision.left} ~ {decision.right}: {decision.judgement}", highlight=False)


@persons_app.command(name="clusters")
def clusters_command(
    ctx: typer.Context,
    min_size: Annotated[int, typer.Option("--min-size", min=1, help="Smallest cluster.")] = 2,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Persons found in more than one record (by the last resolve), largest first."""
    from fraudlink.link.persons import clusters

    found = clusters(database(ctx, db), min_size)
    if json_:
        print_jsonl(c.as_json() for c in found)
        return
    for c in found:
        names = " | ".join(sorted({m.name for m in c.members}))
        ids = ", ".join(str(m.id) for m in c.members)
        console.print(f"person {c.id} ({len(c.members)} records: {ids}): {names}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(persons_app, name="persons")
