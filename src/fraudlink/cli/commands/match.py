"""``fraudlink match NAME_A NAME_B``: compare two names across scripts and explain the score."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from fraudlink.cli.common import JsonOption, console, print_jsonl

if TYPE_CHECKING:
    from fraudlink.link.names import NameMatch


def _table(result: NameMatch) -> Table:
    from fraudlink.link.names import MATCH_THRESHOLD

    verdict = "match" if result.match else "no match"
    table = Table(title=f"score {result.score:.3f}: {verdict} (threshold {MATCH_THRESHOLD})")
    for column in ("feature", "a", "b", "via", "similarity", "contribution"):
        table.add_column(column)
    for f in result.explanation:
        table.add_row(f.kind, f.a, f.b, f.via, f"{f.similarity:.2f}", f"{f.contribution:+.3f}")
    return table


def match(
    name_a: Annotated[str, typer.Argument(help="First name, in any script.")],
    name_b: Annotated[str, typer.Argument(help="Second name, in any script.")],
    schema: Annotated[str, typer.Option(help="Person, or Organization/Company.")] = "Person",
    json: JsonOption = False,
) -> None:
    """Compare two names (Han, Hangul, Khmer, Thai, Vietnamese, Latin…) and explain the score."""
    from fraudlink.link.names import compare

    result = compare(name_a, name_b, schema)
    if json:
        print_jsonl([result.as_dict()])
    else:
        console.print(_table(result))


def register(app: typer.Typer) -> None:
    app.command()(match)
