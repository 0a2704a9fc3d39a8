"""Monthly totals of actions (``action_figure``, migration 0028): exact after every kind of
write to ``operation_action``, in windows that cut months, and read instead of the actions."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from typing import Any

from sqlalchemy import delete, insert, select, update

from fraudlink.cases.operations import log_action, open_operation
from fraudlink.cases.statistics import figures_by
from fraudlink.cases.tables import ActionFigure, OperationAction
from fraudlink.store import Database
from fraudlink.store.schema import Agency

AGENCIES = ("KH-NPA", "KH-NPA-P01", "TH-CCIB")
PROVINCES = ("Kandal", "Takeo", None)
START = dt.datetime(2024, 12, 20, tzinfo=dt.UTC)
WINDOWS = [
    (None, None),
    (dt.date(2025, 1, 15), dt.date(2025, 2, 10)),  # two part months, no whole one
    (dt.date(2025, 1, 1), dt.date(2025, 3, 1)),  # whole months
    (dt.date(2025, 1, 31), dt.date(2025, 2, 1)),  # one day
    (dt.date(2024, 12, 25), dt.date(2025, 2, 20)),  # a part, a whole month, a part
    (None, dt.date(2025, 2, 3)),
    (dt.date(2025, 2, 3), None),
]


def _fill(database: Database, count: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    with database.session() as session:
        for code in AGENCIES:
            session.execute(insert(Agency).values(code=code, country=code[:2]))
        op = open_operation(session, "OP-1", "one", "KH-NPA", START.date())
        for _ in range(count):
            log_action(
                session, op, rng.choice(("arrest", "rescue", "raid")),
                START + dt.timedelta(minutes=rng.randrange(80 * 1440)), rng.choice(AGENCIES),
                province=rng.choice(PROVINCES), persons=rng.randrange(0, 9),
            )  # fmt: skip


def _recounted(session: Any) -> dict[tuple[Any, ...], tuple[int, int]]:
    """The totals computed in Python from every action."""
    totals: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0])
    for when, agency, province, kind, persons in session.execute(
        select(
            OperationAction.occurred_at, OperationAction.agency_id, OperationAction.province,
            OperationAction.kind, OperationAction.persons,
        )
    ):  # fmt: skip
        key = (when.date().replace(day=1), agency, province or "", kind)
        totals[key][0] += 1
        totals[key][1] += persons
    return {k: (a, p) for k, (a, p) in totals.items()}


def _held(session: Any) -> dict[tuple[Any, ...], tuple[int, int]]:
    rows = session.execute(select(ActionFigure).where(ActionFigure.actions != 0)).scalars()
    return {(r.month, r.agency_id, r.province, r.kind): (r.actions, r.persons) for r in rows}


def _expected(
    session: Any, dimension: str, start: dt.date | None, end: dt.date | None
) -> dict[str, tuple[int, int]]:
    codes = dict(session.execute(select(Agency.id, Agency.code)).all())
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for when, agency, province, kind, persons in session.execute(
        select(
            OperationAction.occurred_at, OperationAction.agency_id, OperationAction.province,
            OperationAction.kind, OperationAction.persons,
        )
    ):  # fmt: skip
        if kind not in ("arrest", "rescue"):
            continue
        if (start and when.date() < start) or (end and when.date() >= end):
            continue
        key = {"month": when.strftime("%Y-%m"), "unit": codes[agency],
               "province": province}[dimension] or "unknown"  # fmt: skip
        found[key][0 if kind == "arrest" else 1] += persons
    return {k: (a, r) for k, (a, r) in found.items()}


def _check(database: Database) -> None:
    with database.session() as session:
        assert _held(session) == _recounted(session)
        for start, end in WINDOWS:
            for dimension in ("month", "province", "unit"):
                groups = figures_by(session, dimension, start, end)
                ours = {g.key: (g.arrested, g.rescued) for g in groups}
                assert ours == _expected(session, dimension, start, end), (dimension, start, end)


def test_the_totals_follow_every_write(database: Database) -> None:
    _fill(database, 250)
    _check(database)
    with database.session() as session:
        first, second, third = session.scalars(
            select(OperationAction.id).order_by(OperationAction.id).limit(3)
        ).all()
        session.execute(
            update(OperationAction)
            .where(OperationAction.id == first)
            .values(occurred_at=dt.datetime(2025, 2, 28, 23, 59, tzinfo=dt.UTC), persons=40)
        )
        session.execute(
            update(OperationAction)
            .where(OperationAction.id == second)
            .values(kind="rescue", province=None)
        )
        session.execute(delete(OperationAction).where(OperationAction.id == third))
    _check(database)
    with database.session() as session:  # many rows in one statement
        session.execute(update(OperationAction).values(persons=OperationAction.persons + 1))
        session.execute(delete(OperationAction).where(OperationAction.kind == "raid"))
    _check(database)
    with database.session() as session:
        session.execute(delete(OperationAction))
        assert _held(session) == {}


def test_whole_months_read_the_totals_not_the_actions(database: Database, recording: Any) -> None:
    _fill(database, 60)
    with recording() as recorded, database.session() as session:
        for dimension in ("month", "unit", "province"):
            figures_by(session, dimension)
            figures_by(session, dimension, dt.date(2025, 1, 1), dt.date(2025, 3, 1))
    statements = [statement for statement, _ in recorded]
    assert statements
    assert [s for s in statements if "operation_action" in s] == []
