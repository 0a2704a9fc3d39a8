"""The overview an analyst reads first: what was reported, where, in which language, how much."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fraudlink.store import Database
from fraudlink.store.schema import Agency, Identifier, MoneyRecord, Report, ReportIdentifier


@dataclass
class Summary:
    reports: int = 0
    agencies: int = 0
    by_country: Counter[str] = field(default_factory=Counter)
    by_language: Counter[str] = field(default_factory=Counter)
    by_scam_type: Counter[str] = field(default_factory=Counter)
    losses: dict[str, Decimal] = field(default_factory=dict)
    identifiers: Counter[str] = field(default_factory=Counter)
    networks: list[dict[str, object]] | None = None  # None until the link stage has run

    def as_json(self) -> dict[str, object]:
        return {
            "reports": self.reports,
            "agencies": self.agencies,
            "by_country": dict(self.by_country.most_common()),
            "by_language": dict(self.by_language.most_common()),
            "by_scam_type": dict(self.by_scam_type.most_common()),
            "losses": {currency: str(amount) for currency, amount in self.losses.items()},
            "identifiers": dict(self.identifiers.most_common()),
            "networks": self.networks,
        }


def _grouped(session: Session, column: object) -> Counter[str]:
    rows = session.execute(select(column, func.count()).group_by(column))  # type: ignore[call-overload]
    return Counter({str(key) if key is not None else "unknown": count for key, count in rows})


def _losses(session: Session) -> dict[str, Decimal]:
    """Summed in Python: amounts are exact decimals on every backend, SQLite included."""
    totals: dict[str, Decimal] = {}
    query = select(MoneyRecord.currency, MoneyRecord.amount).where(MoneyRecord.kind == "loss")
    for currency, amount in session.execute(query):
        totals[currency] = totals.get(currency, Decimal(0)) + amount
    return dict(sorted(totals.items()))


def _identifier_kinds(session: Session) -> Counter[str]:
    query = (
        select(Identifier.kind, func.count(func.distinct(Identifier.id)))
        .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
        .where(Identifier.valid.is_(True))
        .group_by(Identifier.kind)
    )
    return Counter(dict(session.execute(query).all()))


def summarise(database: Database) -> Summary:
    with database.session() as session:
        return Summary(
            reports=session.scalar(select(func.count()).select_from(Report)) or 0,
            agencies=session.scalar(select(func.count()).select_from(Agency)) or 0,
            by_country=_grouped(session, Report.country),
            by_language=_grouped(session, Report.language),
            by_scam_type=_grouped(session, Report.scam_type),
            losses=_losses(session),
            identifiers=_identifier_kinds(session),
        )


def summarise_with_networks(database: Database, limit: int = 5) -> Summary:
    """``summarise`` plus the ``limit`` largest networks once ``fraudlink link`` has run."""
    from fraudlink.link import largest_networks
    from fraudlink.link.networks.tables import LinkReport

    summary = summarise(database)
    with database.session() as session:
        linked = session.scalar(select(func.count()).select_from(LinkReport)) or 0
    if linked:
        summary.networks = [n.as_json() for n in largest_networks(database, limit=limit)]
    return summary
