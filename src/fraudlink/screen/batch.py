"""Screening many names in one process: one name a line, one screener loaded once.

A tool that runs ``fraudlink screen --name`` per name pays the start-up and the
index load every time; ``fraudlink screen --names FILE`` reads every name and
answers each, in order, from the same loaded lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fraudlink.errors import InputError
from fraudlink.screen.model import with_bracketed_aliases
from fraudlink.screen.scoring import Hit, Query
from fraudlink.screen.searching import screener
from fraudlink.store import Database


@dataclass(frozen=True, slots=True)
class NameResult:
    """The hits of one name of the batch, with its line number."""

    line: int
    name: str
    hits: list[Hit]

    def as_json(self) -> dict[str, object]:
        return {"line": self.line, "query": self.name, "hits": [h.as_json() for h in self.hits]}


def read_names(path: Path) -> list[tuple[int, str]]:
    """Non-empty lines of a UTF-8 file, with their line numbers (``#`` starts a comment)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}; give a readable file.") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text; save it as UTF-8, one name a line.") from exc
    names = [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return names


def screen_names(
    database: Database, names: Iterable[tuple[int, str]], schema: str = "Person", limit: int = 10
) -> Iterator[NameResult]:
    """Each name screened against every stored list, in the order given."""
    found = screener(database)
    for line, name in names:
        query = Query(tuple(with_bracketed_aliases([name])), schema)
        yield NameResult(line, name, found.search(query, limit))
