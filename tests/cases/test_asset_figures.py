"""An operation's asset sums (``asset_figure``, migration 0028_stats_asset_figures): exact
before and after ``stats --refresh`` and after every kind of write to ``seized_asset``."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select, update

from fraudlink.cases.operations import (
    add_asset,
    change_asset_state,
    open_operation,
    operation_statistics,
)
from fraudlink.cases.rollup import refresh
from fraudlink.cases.tables import Operation, SeizedAsset
from fraudlink.store import Database
from fraudlink.store.schema import Agency

DAY = dt.date(2025, 3, 1)


def _fill(database: Database, count: int) -> None:
    rng = random.Random(7)
    with database.session() as session:
        session.execute(insert(Agency).values(code="KH-NPA", country="KH"))
        ops = [open_operation(session, f"OP-{n}", f"op {n}", "KH-NPA", DAY) for n in (1, 2)]
        for _ in range(count):
            add_asset(
                session, "cash", "cash", Decimal(rng.randrange(1, 10**7)) / 100,
                rng.choice(("USD", "THB", "CNY")), "KH-NPA", DAY,
                state=rng.choice(("seized", "frozen")), operation=rng.choice(ops),
            )  # fmt: skip


def _figures(database: Database) -> list[dict[str, Any]]:
    with database.session() as session:
        return [
            operation_statistics(session, op, DAY)["assets"]
            for op in session.scalars(select(Operation).order_by(Operation.id))
        ]


def _plain(database: Database) -> list[dict[str, Any]]:
    """The sums in Python from every asset, rounded to the currency's unit as shown."""
    with database.session() as session:
        totals: dict[int | None, dict[str, dict[str, Decimal]]] = {}
        for op, state, currency, amount in session.execute(
            select(
                SeizedAsset.operation_id, SeizedAsset.state, SeizedAsset.currency,
                SeizedAsset.amount,
            )
        ):  # fmt: skip
            by_state = totals.setdefault(op, {}).setdefault(state, {})
            by_state[currency] = by_state.get(currency, Decimal(0)) + amount
        ids = session.scalars(select(Operation.id).order_by(Operation.id)).all()
    return [
        {s: {c: f"{a:.2f}" for c, a in sorted(t.items())} for s, t in totals.get(i, {}).items()}
        for i in ids
    ]


def test_sums_follow_every_write_before_and_after_a_refresh(database: Database) -> None:
    _fill(database, 120)
    assert _figures(database) == _plain(database)
    with database.session() as session:
        assert refresh(session).operations == 2
    assert _figures(database) == _plain(database)
    with database.session() as session:
        first, second, third = session.scalars(
            select(SeizedAsset).order_by(SeizedAsset.id).limit(3)
        ).all()
        change_asset_state(session, first, "confiscated", DAY, "KH-NPA", "court order 1/2025")
        session.execute(
            update(SeizedAsset).where(SeizedAsset.id == second.id).values(amount=Decimal("0.10"))
        )
        session.execute(delete(SeizedAsset).where(SeizedAsset.id == third.id))
    assert _figures(database) == _plain(database)
    with database.session() as session:
        assert refresh(session).operations == 2
    assert _figures(database) == _plain(database)
    with database.session() as session:  # moved from one operation to the other
        session.execute(update(SeizedAsset).where(SeizedAsset.id < 20).values(operation_id=2))
        session.execute(update(SeizedAsset).where(SeizedAsset.id == 30).values(operation_id=None))
    assert _figures(database) == _plain(database)
    with database.session() as session:
        refresh(session)
    assert _figures(database) == _plain(database)


def test_after_a_refresh_an_operation_reads_its_sums_not_its_assets(
    database: Database, recording: Any
) -> None:
    _fill(database, 40)
    with database.session() as session:
        refresh(session)
    with recording() as recorded:
        _figures(database)
    statements = [statement for statement, _ in recorded]
    assert statements and [s for s in statements if "FROM seized_asset" in s] == []
