"""Stored screening hits read back: which of our records resembles which listed entry, and
where that record sits (the report it came from, the network it belongs to).

``screen --all`` prints only what changed; this is the standing list an analyst
returns to. A hit is "new" when the newest run saw it first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from fraudlink.link.networks.tables import LinkReport
from fraudlink.screen.tables import ScreenHit
from fraudlink.store import Database
from fraudlink.store.schema import Agency, Entity, Identifier, Report, ReportIdentifier


@dataclass(slots=True)
class StoredHit:
    record: str  # "person 12" or "crypto_wallet:T…"
    label: str
    list_name: str
    entry_id: str
    caption: str
    score: float
    first_seen: dt.datetime
    last_seen: dt.datetime
    new: bool
    reports: list[str] = field(default_factory=list)
    networks: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"record": self.record, "label": self.label, "list": self.list_name,
                "entry": self.entry_id, "caption": self.caption, "score": round(self.score, 3),
                "new": self.new, "first_seen": self.first_seen.isoformat(),
                "last_seen": self.last_seen.isoformat(), "reports": self.reports,
                "networks": self.networks}  # fmt: skip


def list_hits(
    database: Database, new: bool = False, list_name: str | None = None
) -> list[StoredHit]:
    """Every stored hit (only the newest run's first sightings with ``new``), best first."""
    with database.engine.connect() as connection:
        latest = connection.execute(select(func.max(ScreenHit.last_seen))).scalar()
        query = select(ScreenHit).order_by(ScreenHit.score.desc(), ScreenHit.id)
        if list_name is not None:
            query = query.where(ScreenHit.list_name == list_name)
        hits = []
        for row in connection.execute(query):
            is_new = latest is not None and row.first_seen == latest
            if new and not is_new:
                continue
            hit = StoredHit(_record_name(row.subject), row.subject_label, row.list_name,
                            row.entry_id, row.caption, row.score, row.first_seen,
                            row.last_seen, is_new)  # fmt: skip
            _place(connection, row.subject, hit)
            hits.append(hit)
    return hits


def _record_name(subject: str) -> str:
    table, _, key = subject.partition(":")
    return f"person {key}" if table == "entity" else subject


def _place(connection: Connection, subject: str, hit: StoredHit) -> None:
    """The reports the record comes from and the networks they are in."""
    table, _, key = subject.partition(":")
    if not key.isdigit():
        return
    if table == "entity":
        reports = select(Entity.source_report_id).where(Entity.id == int(key))
    else:
        reports = select(ReportIdentifier.report_id).where(
            ReportIdentifier.identifier_id == int(key)
        )
        kind_value = connection.execute(
            select(Identifier.kind, Identifier.value).where(Identifier.id == int(key))
        ).first()
        if kind_value is not None:
            hit.record = f"{kind_value[0]}:{kind_value[1]}"
    stmt = (
        select(Agency.code, Report.external_id, LinkReport.network_id)
        .join(Report, Report.agency_id == Agency.id)
        .outerjoin(LinkReport, LinkReport.report_id == Report.id)
        .where(Report.id.in_(reports))
        .order_by(Report.reported_at)
    )
    networks: set[int] = set()
    for code, external, network in connection.execute(stmt):
        hit.reports.append(f"{code}/{external}")
        if network is not None:
            networks.add(int(network))
    hit.networks = sorted(networks)
