"""What a test of the summaries needs to see: the SQL a piece of work sent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from fraudlink.store import Database

Recorded = list[tuple[str, Any]]


@contextmanager
def _recording(database: Database) -> Iterator[Recorded]:
    statements: Recorded = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)


@pytest.fixture
def recording(database: Database) -> Callable[[], AbstractContextManager[Recorded]]:
    """``with recording() as statements:`` collects (SQL, parameters) sent meanwhile."""
    return lambda: _recording(database)
