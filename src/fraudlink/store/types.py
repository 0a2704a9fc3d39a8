"""Column types whose behaviour must not depend on the database underneath."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Dialect, Numeric, String
from sqlalchemy.types import TypeDecorator, TypeEngine

from fraudlink.money import plain_decimal


class ExactDecimal(TypeDecorator[Decimal]):
    """NUMERIC on PostgreSQL; text on SQLite, which would otherwise round through a float."""

    impl = Numeric(28, 8, asdecimal=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(48))
        return dialect.type_descriptor(Numeric(28, 8, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        return str(Decimal(value)) if dialect.name == "sqlite" else Decimal(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else plain_decimal(Decimal(str(value)))


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An exact instant on every database: stored in UTC, read back aware (UTC).

    SQLite's DATETIME keeps no offset: ``10:00+07:00`` was stored as ``10:00`` and
    read as naive, so it sorted after ``05:00Z`` of the same day although it is two
    hours earlier. Converting to UTC before writing keeps order and value; PostgreSQL's
    ``timestamptz`` is converted back to UTC so both read alike.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or not isinstance(value, dt.datetime):
            return value
        instant = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value
        instant = instant.astimezone(dt.UTC)
        return instant.replace(tzinfo=None) if dialect.name == "sqlite" else instant

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        instant = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        assert isinstance(instant, dt.datetime)
        if instant.tzinfo is None:
            return instant.replace(tzinfo=dt.UTC)
        return instant.astimezone(dt.UTC)
