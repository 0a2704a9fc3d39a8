"""``fraudlink watchlist import|list|remove`` and ``fraudlink screen``: sanctions and watchlists."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from fraudlink.cli.common import (
    DbOption,
    JsonOption,
    console,
    data_table,
    database,
    default_command_group,
    print_jsonl,
    progress_bar,
    styled,
)
from fraudlink.errors import InputError

if TYPE_CHECKING:
    from fraudlink.screen import Hit
    from fraudlink.store import Database

# the names of fraudlink.screen.formats.READERS, spelled out so that --help imports no reader
LIST_FORMATS = ("ftm", "ofac-xml", "ofac-csv", "un-xml", "csv")

watchlist_app = typer.Typer(help="Import, list and remove sanctions lists and watchlists.")


@watchlist_app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="FtM JSONL, OFAC sdn.xml/sdn.csv, UN XML or CSV.")],
    name: Annotated[str, typer.Option("--name", help="Name of the list, e.g. ofac.")],
    format: Annotated[str | None, typer.Option(help=f"One of: {', '.join(LIST_FORMATS)}.")] = None,
    force: Annotated[bool, typer.Option(help="Import even if older than the stored list.")] = False,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Import a list; a newer version replaces the stored one in one transaction."""
    from fraudlink.screen import import_list

    info = import_list(database(ctx, db), file, name, format=format, force=force)
    if json:
        print_jsonl([info.as_json()])
    else:
        console.print(
            f"{info.name}: {info.entries} entries, {info.names} names "
            f"({info.format}, dated {info.list_date or 'unknown'}, version {info.version})"
        )


@watchlist_app.command("list")
def list_(ctx: typer.Context, db: DbOption = None, json: JsonOption = False) -> None:
    """The stored lists with their dates and sizes."""
    from fraudlink.screen import list_lists

    infos = list_lists(database(ctx, db))
    if json:
        print_jsonl(i.as_json() for i in infos)
        return
    for i in infos:
        console.print(
            f"{i.name}\t{i.format}\t{i.list_date or '-'}\t{i.entries} entries\tv{i.version}"
        )


@watchlist_app.command("remove")
def remove(ctx: typer.Context, name: str, db: DbOption = None) -> None:
    """Remove a list and its index."""
    from fraudlink.screen import remove_list

    info = remove_list(database(ctx, db), name)
    console.print(f"removed {info.name} ({info.entries} entries)")


def _table(hits: list[Hit]) -> Table:
    table = Table(title=f"{len(hits)} hit(s)")
    for column in ("list", "id", "listed name", "score", "match", "features"):
        table.add_column(column)
    for h in hits:
        features = ", ".join(f"{k} {v:+.2f}" for k, v in h.features.items())
        table.add_row(
            h.list_name, h.entry.id, h.entry.caption, f"{h.score:.3f}", str(h.match), features
        )
    return table


def screen(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option("--name", help="A name in any script.")] = None,
    names: Annotated[
        Path | None, typer.Option("--names", help="A UTF-8 file of names, one a line.")
    ] = None,
    birth_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD or YYYY.")] = None,
    country: Annotated[str | None, typer.Option(help="Nationality, ISO code or name.")] = None,
    schema: Annotated[str, typer.Option(help="Person or Organization.")] = "Person",
    all_: Annotated[
        bool, typer.Option("--all", help="Screen every record in the database.")
    ] = False,
    limit: Annotated[int, typer.Option(help="Hits to show.")] = 10,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Screen one name, a file of names (--names), or (--all) every record we hold."""
    from fraudlink.screen import Query, screener
    from fraudlink.screen.formats.common import country_code, iso_date
    from fraudlink.screen.service import screen_all

    store = database(ctx, db)
    if names is not None:
        _screen_file(store, names, "Organization" if schema != "Person" else "Person", limit, json)
        return
    if all_:
        with progress_bar("screening") as progress:
            changes = screen_all(store, progress=progress)
        print_jsonl(c.as_json() for c in changes) if json else console.print(
            f"{len(changes)} new or changed hit(s); `fraudlink screen hits` lists all",
            *(
                f"{c.status}: {c.subject} ~ {c.hit.entry.caption} "
                f"[{c.hit.list_name}] {c.hit.score:.3f}"
                for c in changes
            ),
            sep="\n",
        )
        return
    if not name:
        raise InputError("Give --name NAME to screen one name, or --all to screen the database.")
    query = Query(
        (name,),
        "Organization" if schema != "Person" else "Person",
        tuple(filter(None, [iso_date(birth_date or "")])),
        tuple(filter(None, [country_code(country or "")])),
    )
    hits = screener(store).search(query, limit)
    print_jsonl(h.as_json() for h in hits) if json else console.print(_table(hits))


def _screen_file(store: Database, path: Path, schema: str, limit: int, json: bool) -> None:
    from fraudlink.screen.batch import read_names, screen_names

    for result in screen_names(store, read_names(path), schema, limit):
        if json:
            print_jsonl([result.as_json()])
        else:
            console.print(styled((f"{result.line}: {result.name}", "bold")), _table(result.hits))


screen_app = typer.Typer(
    cls=default_command_group("run"),
    help="Screen names and our records against watchlists; `screen hits` lists stored hits.",
    no_args_is_help=True,
)


@screen_app.command("hits")
def hits_command(
    ctx: typer.Context,
    new: Annotated[bool, typer.Option("--new", help="Only hits the newest run saw first.")] = False,
    list_name: Annotated[str | None, typer.Option("--list", help="Only hits on this list.")] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Stored hits: our record, the listed entry, the record's reports and network."""
    from fraudlink.screen.hits import list_hits

    found = list_hits(database(ctx, db), new, list_name)
    if json:
        print_jsonl(h.as_json() for h in found)
        return
    table = data_table("score", "our record", "listed as", "list", "reports", "networks",
                       title=f"{len(found)} stored hit(s)", right=("score",))  # fmt: skip
    for h in found:
        reports = ", ".join(h.reports[:3]) + (
            f" +{len(h.reports) - 3}" if len(h.reports) > 3 else ""
        )
        table.add_row(f"{h.score:.3f}" + (" new" if h.new else ""), f"{h.record} {h.label}",
                      f"{h.caption} ({h.entry_id})", h.list_name, reports,
                      ", ".join(map(str, h.networks)) or "-")  # fmt: skip
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(watchlist_app, name="watchlist")
    screen_app.command("run")(screen)
    app.add_typer(screen_app, name="screen")
