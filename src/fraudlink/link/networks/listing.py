"""The network list as stored figures: written when the link stage writes networks.

Listing networks used to recompute every network — size, countries, losses,
central identifiers — from every report on each call, and the server's other
readers queued behind it. Now the link stage stores those figures per network
*part* (the reports one agency owns, TLP:RED ones apart) whenever it writes
networks: all of them after a full run, the re-partitioned region after an
incremental one, from the same statements, so both leave the same rows. A
list is then a sum over the parts the reader's own agencies hold; what reaches
a reader another way (an opened package, a joint case, a RED report it is
named on) is few reports, counted live by the same statements and added.

Only networks of two reports or more are stored (a single report is no
network); a list that asks for single reports reads them live (``views``).
The figures are those of the last link run, like the networks themselves.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    and_,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.link.networks.tables import LinkIdentifier, LinkReport
from fraudlink.link.networks.views import UNKNOWN_COUNTRY, NetworkRow, Scope
from fraudlink.store import Database
from fraudlink.store.schema import (
    Base,
    Id,
    Identifier,
    Money,
    MoneyRecord,
    Report,
    ReportIdentifier,
)
from fraudlink.store.types import UtcDateTime

#: network ids per statement when a region's figures are replaced
CHUNK = 500


class PartKey:
    """A network part: the network, the agency owning its reports, RED ones or not."""

    network_id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=False)
    agency_id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=False)
    red: Mapped[bool] = mapped_column(Boolean, primary_key=True)


class NetworkPart(PartKey, Base):
    """The reports of one network that one agency owns (RED ones apart): how many, when."""

    __tablename__ = "link_network_part"

    size: Mapped[int] = mapped_column(Integer)
    first_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class NetworkCountry(PartKey, Base):
    """A part's reports per victim country ("" when the report names none)."""

    __tablename__ = "link_network_country"

    country: Mapped[str] = mapped_column(String(2), primary_key=True)
    reports: Mapped[int] = mapped_column(Integer)


class NetworkLoss(PartKey, Base):
    """A part's losses in one currency."""

    __tablename__ = "link_network_loss"

    currency: Mapped[str] = mapped_column(String(10), primary_key=True)
    amount: Mapped[Decimal] = mapped_column(Money)


class NetworkIdentifier(PartKey, Base):
    """How many of a part's reports name a linking identifier (the list's central ones)."""

    __tablename__ = "link_network_identifier"

    identifier_id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=False)
    reports: Mapped[int] = mapped_column(Integer)


TABLES = (NetworkPart, NetworkCountry, NetworkLoss, NetworkIdentifier)
#: literal, not a parameter: PostgreSQL matches a grouped expression only when its text is the same
RED = Report.tlp == literal_column("'RED'")
COUNTRY = func.coalesce(Report.country, literal_column("''"))
PART = (LinkReport.network_id, Report.agency_id, RED)
Rows = Select[*tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class Reader:
    """Whose figures a list adds up: the parts of ``agencies`` (every part when None, RED
    ones too) and, counted live, the reports ``beyond`` names (a condition on ``Report``)."""

    agencies: Collection[int] | None = None
    beyond: Scope = None


def _members(where: ColumnElement[bool]) -> Any:
    return select(LinkReport.network_id).where(where).group_by(LinkReport.network_id)


def _parts(where: ColumnElement[bool]) -> Rows:
    return (
        select(*PART, func.count(), func.min(Report.reported_at), func.max(Report.reported_at))
        .join(Report, Report.id == LinkReport.report_id)
        .where(where)
        .group_by(*PART)
    )


def _countries(where: ColumnElement[bool]) -> Rows:
    return (
        select(*PART, COUNTRY, func.count())
        .join(Report, Report.id == LinkReport.report_id)
        .where(where)
        .group_by(*PART, COUNTRY)
    )


def _identifiers(where: ColumnElement[bool]) -> Rows:
    """Linking identifiers (valid, neither hub nor allow-listed), each report counted once."""
    mention = func.count(func.distinct(LinkReport.report_id))
    return (
        select(*PART, Identifier.id, mention)
        .join(Report, Report.id == LinkReport.report_id)
        .join(ReportIdentifier, ReportIdentifier.report_id == LinkReport.report_id)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .outerjoin(LinkIdentifier, LinkIdentifier.identifier_id == Identifier.id)
        .where(where, Identifier.valid.is_(True))
        .where(or_(LinkIdentifier.status.is_(None), LinkIdentifier.status == "linked"))
        .group_by(*PART, Identifier.id)
    )


def _losses(connection: Connection, where: ColumnElement[bool]) -> list[dict[str, Any]]:
    """Summed here, not in SQL: SQLite keeps amounts as text and would add them as floats."""
    stmt = (
        select(LinkReport.network_id, Report.agency_id, Report.tlp, MoneyRecord.currency,
               MoneyRecord.amount)
        .join(Report, Report.id == LinkReport.report_id)
        .join(MoneyRecord, MoneyRecord.report_id == LinkReport.report_id)
        .where(where, MoneyRecord.kind == "loss")
    )  # fmt: skip
    totals: defaultdict[tuple[int, int, bool, str], Decimal] = defaultdict(Decimal)
    for network, agency, tlp, currency, amount in connection.execute(stmt):
        totals[(network, agency, tlp == "RED", currency)] += Decimal(amount)
    return [
        {"network_id": n, "agency_id": a, "red": r, "currency": c, "amount": amount}
        for (n, a, r, c), amount in totals.items()
    ]


def refresh_listing(connection: Connection, networks: Sequence[int] | None = None) -> None:
    """Store the figures of ``networks`` as they now stand (every network when None).

    A network id that no longer exists (merged into another) just loses its rows.
    """
    if networks is None:
        for table in TABLES:
            connection.execute(delete(table))
        _store(connection, true())
        return
    ids = sorted(set(networks))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for table in TABLES:
            connection.execute(delete(table).where(table.network_id.in_(chunk)))
        _store(connection, LinkReport.network_id.in_(chunk))


def _store(connection: Connection, networks: ColumnElement[bool]) -> None:
    listed = _members(networks).having(func.count() > 1)
    where = LinkReport.network_id.in_(listed)
    key = ["network_id", "agency_id", "red"]
    connection.execute(
        insert(NetworkPart).from_select([*key, "size", "first_at", "last_at"], _parts(where))
    )
    connection.execute(
        insert(NetworkCountry).from_select([*key, "country", "reports"], _countries(where))
    )
    connection.execute(
        insert(NetworkIdentifier).from_select(
            [*key, "identifier_id", "reports"], _identifiers(where)
        )
    )
    losses = _losses(connection, where)
    if losses:
        connection.execute(insert(NetworkLoss), losses)


def listed_networks(
    database: Database,
    reader: Reader,
    min_size: int = 2,
    start: int = 0,
    limit: int = 50,
    central: int = 4,
) -> tuple[list[NetworkRow], bool]:
    """One page of networks of at least ``min_size`` (>= 2) reports the reader sees, largest
    first, and whether more follow."""
    with database.engine.connect() as connection:
        extra = _extra_sizes(connection, reader)
        if extra:
            sizes = _all_sizes(connection, reader, extra, min_size)
        else:
            sizes = _page_sizes(connection, reader, min_size, start, limit + 1)
            start = 0
        window = sizes[start : start + limit + 1]
        rows = {network: NetworkRow(network, size) for network, size in window[:limit]}
        if rows:
            _fill(connection, reader, rows, central)
    return list(rows.values()), len(window) > limit


def networks_page(
    database: Database,
    reader: Reader,
    min_size: int = 2,
    start: int = 0,
    limit: int = 50,
    scope: Scope = None,
) -> tuple[list[NetworkRow], bool]:
    """One page of networks of at least ``min_size`` reports, largest first, and whether
    more follow: from the stored figures, except that single reports (``min_size`` 1) have
    none and are counted live over ``scope`` (the reports the reader sees)."""
    if min_size >= 2:
        return listed_networks(database, reader, min_size, start, limit)
    from fraudlink.link.networks.views import list_networks

    rows = list_networks(database, min_size, start + limit + 1, scope=scope)
    return rows[start : start + limit], len(rows) > start + limit


def _own(table: Any, reader: Reader) -> ColumnElement[bool]:
    if reader.agencies is None:
        return true()
    return and_(table.agency_id.in_(sorted(reader.agencies)), table.red.is_(False))


def _extra_sizes(connection: Connection, reader: Reader) -> dict[int, int]:
    if reader.beyond is None:
        return {}
    stmt = (
        select(LinkReport.network_id, func.count())
        .join(Report, Report.id == LinkReport.report_id)
        .where(reader.beyond)
        .group_by(LinkReport.network_id)
    )
    return {network: size for network, size in connection.execute(stmt)}


def _page_sizes(
    connection: Connection, reader: Reader, min_size: int, start: int, count: int
) -> list[tuple[int, int]]:
    size = func.sum(NetworkPart.size)
    stmt = (
        select(NetworkPart.network_id, size)
        .where(_own(NetworkPart, reader))
        .group_by(NetworkPart.network_id)
        .having(size >= min_size)
        .order_by(size.desc(), NetworkPart.network_id)
        .offset(start)
        .limit(count)
    )
    return [(network, int(total)) for network, total in connection.execute(stmt)]


def _all_sizes(
    connection: Connection, reader: Reader, extra: dict[int, int], min_size: int
) -> list[tuple[int, int]]:
    """Every network's size with the extra reports added: they may reorder the whole list."""
    stmt = (
        select(NetworkPart.network_id, func.sum(NetworkPart.size))
        .where(_own(NetworkPart, reader))
        .group_by(NetworkPart.network_id)
    )
    sizes: Counter[int] = Counter(
        {network: int(total) for network, total in connection.execute(stmt)}
    )
    sizes.update(extra)
    kept = [(network, size) for network, size in sizes.items() if size >= min_size]
    return sorted(kept, key=lambda pair: (-pair[1], pair[0]))


def _fill(
    connection: Connection, reader: Reader, rows: dict[int, NetworkRow], central: int
) -> None:
    """Countries, first and last report, losses and central identifiers of the page's networks."""
    page = list(rows)
    parts = _stored(connection, reader, page, NetworkPart, "first_at", "last_at")
    countries = _stored(connection, reader, page, NetworkCountry, "country", "reports")
    losses = _stored(connection, reader, page, NetworkLoss, "currency", "amount")
    counts = _stored(connection, reader, page, NetworkIdentifier, "identifier_id", "reports")
    if reader.beyond is not None:
        live = LinkReport.network_id.in_(page) & reader.beyond
        parts += [(n, first, last) for n, _, _, _, first, last in connection.execute(_parts(live))]
        countries += [(n, c, k) for n, _, _, c, k in connection.execute(_countries(live))]
        losses += [(r["network_id"], r["currency"], r["amount"]) for r in _losses(connection, live)]
        counts += [(n, i, k) for n, _, _, i, k in connection.execute(_identifiers(live))]
    _add_times(rows, parts)
    for network, country, reports in countries:
        rows[network].countries[country or UNKNOWN_COUNTRY] += reports
    _add_losses(rows, losses)
    _add_central(connection, rows, counts, central)


def _stored(
    connection: Connection, reader: Reader, page: list[int], table: Any, *columns: str
) -> list[Any]:
    """``(network, *columns)`` of the reader's stored parts of the ``page``'s networks."""
    chosen = [getattr(table, name) for name in columns]
    stmt = select(table.network_id, *chosen).where(table.network_id.in_(page), _own(table, reader))
    return [tuple(row) for row in connection.execute(stmt)]


def _add_times(rows: dict[int, NetworkRow], parts: list[tuple[int, Any, Any]]) -> None:
    for network, first, last in parts:
        row = rows[network]
        row.first = first if row.first is None or first < row.first else row.first
        row.last = last if row.last is None or last > row.last else row.last


def _add_losses(rows: dict[int, NetworkRow], losses: list[tuple[int, str, Decimal]]) -> None:
    totals: defaultdict[int, defaultdict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for network, currency, amount in losses:
        totals[network][currency] += Decimal(amount)
    for network, by_currency in totals.items():
        rows[network].losses = dict(sorted(by_currency.items()))


def _add_central(
    connection: Connection, rows: dict[int, NetworkRow], counts: list[tuple[int, int, int]],
    central: int,
) -> None:  # fmt: skip
    """The identifiers naming most of each network's reports; ties go by their text."""
    summed: defaultdict[int, Counter[int]] = defaultdict(Counter)
    for network, identifier, reports in counts:
        summed[network][identifier] += reports
    wanted = sorted({i for counter in summed.values() for i in counter})
    names: dict[int, str] = {}
    for start in range(0, len(wanted), CHUNK):
        stmt = select(Identifier.id, Identifier.kind, Identifier.value).where(
            Identifier.id.in_(wanted[start : start + CHUNK])
        )
        names.update({i: f"{kind}:{value}" for i, kind, value in connection.execute(stmt)})
    for network, counter in summed.items():
        ranked = sorted(counter.items(), key=lambda pair: (-pair[1], names[pair[0]]))
        rows[network].central = [(names[i], n) for i, n in ranked[:central]]
