"""``fraudlink extract``: identifiers, amounts and names in a text or a Report JSON Lines file."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from fraudlink.cli.common import JsonOption, console, print_jsonl
from fraudlink.errors import InputError

if TYPE_CHECKING:
    from fraudlink.extract.documents import Found

FileArgument = Annotated[
    str, typer.Argument(metavar="[FILE|-]", help="Text or Report JSON Lines file; - for stdin.")
]
CountryOption = Annotated[
    str | None,
    typer.Option("--country", metavar="CC", help="Region for local phone formats (ISO 3166-1)."),
]
LangOption = Annotated[
    str | None, typer.Option("--lang", metavar="L", help="Language of the text (BCP 47).")
]
SensitiveOption = Annotated[
    bool, typer.Option("--show-sensitive", help="Show payment cards in full instead of masked.")
]


def extract(
    file: FileArgument = "-",
    json_lines: JsonOption = False,
    country: CountryOption = None,
    lang: LangOption = None,
    show_sensitive: SensitiveOption = False,
) -> None:
    """Print every identifier, amount and name found, with offsets into the text."""
    from fraudlink.extract.documents import extract_documents, read_documents

    if file != "-" and not Path(file).is_file():
        raise InputError(f"File {file} does not exist; give a readable file or - for stdin.")
    with open(file, encoding="utf-8") if file != "-" else sys.stdin as source:
        found = extract_documents(read_documents(source), country, lang, show_sensitive)
        if json_lines:
            print_jsonl(item.as_json() for item in found)
        else:
            console.print(_table(found))


def _table(found: Iterable[Found]) -> Table:
    table = Table("report", "kind", "value", "raw", "offsets", "notes")
    for item in found:
        match = item.match
        notes = " ".join(f"{k}={v}" for k, v in match.attributes.items())
        notes += "" if match.valid else " INVALID"
        offsets = f"{match.start}-{match.end}"
        table.add_row(item.report_id or "", match.kind, match.value, match.raw, offsets, notes)
    return table


def register(app: typer.Typer) -> None:
    app.command()(extract)
