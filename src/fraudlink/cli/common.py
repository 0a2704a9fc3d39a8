"""What every command shares: the --db option, settings, the database, output helpers.

Nothing here imports a pipeline stage: ``fraudlink --help`` must start at once.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from fraudlink.cli import widths
from fraudlink.cli.choices import IdentifierKind

if TYPE_CHECKING:
    from fraudlink.settings import Settings
    from fraudlink.store import Database

widths.install()

_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _visible_table() -> dict[int, str]:
    """C0/C1 controls and bidi controls as visible marks; newline and tab stay as they are."""
    table: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
    table[0x7F] = "\u2421"
    table.update({code: f"<U+{code:04X}>" for code in range(0x80, 0xA0)})
    table.update({ord(char): f"<U+{ord(char):04X}>" for char in _BIDI_CONTROLS})
    del table[ord("\n")], table[ord("\t")]
    return table


_VISIBLE = _visible_table()


def visible(text: str) -> str:
    """``text`` with every terminal control and bidi override shown instead of obeyed.

    Narratives, names and identifiers are written by scammers: an ESC sequence could
    clear the screen or forge a link, a right-to-left override could reverse a number.
    """
    return text.translate(_VISIBLE)


class SafeConsole(Console):
    """A console that reads no markup and shows control characters in every string it renders.

    Rich markup is off, so ``[/bold]`` in a report title is text, not a (broken) tag; our own
    emphasis is given as ``styled`` text. Every plain string, table cells included, passes
    through ``render_str`` and so through ``visible``.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(soft_wrap=True, emoji=False, highlight=False, markup=False, **kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(visible(text), **kwargs)


def styled(*parts: str | tuple[str, str]) -> Text:
    """One line from plain parts and ``(text, style)`` parts, each made ``visible``."""
    return Text.assemble(
        *(
            (visible(part[0]), part[1]) if isinstance(part, tuple) else visible(part)
            for part in parts
        )
    )


def data_table(*columns: str, title: str | None = None, right: tuple[str, ...] = ()) -> Table:
    """A table whose cells fold instead of being cut: a wallet or IBAN must show whole."""
    table = Table(title=title, title_justify="left", show_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold", justify="right" if column in right else "left")
    return table


console = SafeConsole()
err_console = SafeConsole(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or SQLAlchemy URL (default: $FRAUDLINK_DB or ./fraudlink.db).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON Lines instead of a table.")]
IdentifierArgument = Annotated[
    str,
    typer.Argument(
        metavar="KIND[:VALUE]",
        help="The identifier as KIND:VALUE (telegram:bella_invest), or its KIND then VALUE; "
        f"KIND is one of {', '.join(IdentifierKind)}.",
        show_default=False,
    ),
]
ValueArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="[VALUE]", help="The identifier as written, after its KIND; it is normalised."
    ),
]


def settings(ctx: typer.Context) -> Settings:
    """The settings read once in the app callback."""
    from fraudlink.settings import Settings

    found = ctx.find_root().obj
    if isinstance(found, Settings):
        return found
    return Settings()


def database(ctx: typer.Context, db: str | None) -> Database:
    from fraudlink.store import open_database

    return open_database(settings(ctx).with_db(db))


def reader(ctx: typer.Context, db: str | None) -> Database:
    """The database of a command that only reads: a SQLite file that is not there is a typo
    (``--db fraudlnk.db``), not a wish for a new empty database."""
    from fraudlink.errors import NotFound
    from fraudlink.store.db import database_url

    chosen = settings(ctx).with_db(db).db
    url = database_url(chosen)
    if url.startswith("sqlite:///") and ":memory:" not in url:
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            raise NotFound(
                f"There is no database {str(path)!r}; check --db or FRAUDLINK_DB "
                "(`fraudlink init` or `fraudlink ingest` creates one)."
            )
    return database(ctx, db)


def split_identifier(
    written: str, value: str | None, kinds: tuple[str, ...] | None = None
) -> tuple[str, str]:
    """``(kind, value)`` from what was typed, ``KIND VALUE`` or ``KIND:VALUE``; kind checked."""
    from fraudlink.link.lookup import identifier_argument

    return identifier_argument(written, value, kinds)


def print_jsonl(rows: Iterable[Mapping[str, Any]]) -> None:
    write = sys.stdout.write
    for row in rows:
        write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def write_text(text: str, out: Path | None) -> None:
    """``text`` into ``out``, or onto standard output when no file is named."""
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        err_console.print(f"wrote {out}")


def default_command_group(default: str) -> type[TyperGroup]:
    """A group that runs ``default`` when the first word is not one of its commands, so that
    ``fraudlink network 95`` stays ``network show 95`` beside ``network export 95``."""

    class DefaultCommandGroup(TyperGroup):
        def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
            if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
                args = [default, *args]
            return super().parse_args(ctx, args)

    return DefaultCommandGroup


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A ``progress(done, total)`` callback drawing a bar on a terminal's stderr (or nothing)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        description, BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err_console, transient=True, disable=not err_console.is_terminal,
    ) as bar:  # fmt: skip
        task = bar.add_task(description, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


@contextmanager
def busy(description: str) -> Iterator[None]:
    """A spinner with the time elapsed on a terminal's stderr while a stage works without
    counting its steps (resolving persons, ranking players, writing an export)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn(description), TimeElapsedColumn(),
        console=err_console, transient=True, disable=not err_console.is_terminal,
    ) as bar:  # fmt: skip
        bar.add_task(description, total=None)
        yield


def some(items: list[str], shown: int = 3) -> str:
    """The first ``shown`` items and how many more: a cell that stays readable."""
    more = f" +{len(items) - shown}" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


def say(json_: bool, data: Mapping[str, Any], text: str | Text) -> None:
    """One result: a JSON line for scripts (``--json``), a sentence for people."""
    if json_:
        print_jsonl([data])
    else:
        console.print(text)
