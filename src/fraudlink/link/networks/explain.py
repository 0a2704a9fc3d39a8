"""Why two reports are in one network: the shortest chain of shared identifiers between them.

The chain is searched breadth-first on the report–identifier graph of their
network, using only identifiers that link. Hubs and allow-listed identifiers
the two reports name are listed with the reason they were ignored, so an
analyst sees both what joined the reports and what was deliberately not used.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from fraudlink.link.networks.tables import LinkIdentifier, LinkNameJoin, LinkReport
from fraudlink.link.networks.views import Scope, network_of
from fraudlink.link.reports import resolve_report
from fraudlink.store import Database
from fraudlink.store.schema import Identifier, Report, ReportIdentifier


@dataclass(frozen=True, slots=True)
class Step:
    """One hop: ``report`` names ``identifier`` (written ``raw``), shared with the next report."""

    report: str
    identifier: str
    raw: str
    #: ``"name"`` when the hop is a person-name join (``identifier`` then says which names)
    via: str = "identifier"


@dataclass(slots=True)
class Explanation:
    a: str
    b: str
    network: int | None
    steps: list[Step] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)

    @property
    def linked(self) -> bool:
        return self.network is not None

    def as_json(self) -> dict[str, object]:
        return {
            "a": self.a, "b": self.b, "linked": self.linked, "network": self.network,
            "path": [{"report": s.report, "identifier": s.identifier, "raw": s.raw,
                      "via": s.via} for s in self.steps],
            "ignored": [{"identifier": i, "reason": r} for i, r in self.ignored],
        }  # fmt: skip

    def lines(self) -> list[str]:
        if not self.linked:
            head = [f"{self.a} and {self.b} are not linked."]
        else:
            head = [f"{self.a} and {self.b} are in network {self.network}:"]
            following = [step.report for step in self.steps[1:]] + [self.b]
            head += [_line(s, then) for s, then in zip(self.steps, following, strict=True)]
        return head + [f"  ignored {i}: {r}" for i, r in self.ignored]


def _line(step: Step, then: str) -> str:
    """One hop, naming both reports so the chain reads without guessing."""
    if step.via == "name":
        return f"  {step.report} → {then}: joined by {step.identifier} ({step.raw})"
    return f"  {step.report} → {then}: both name {step.identifier} ({step.raw!r} in {step.report})"


def name_edges(
    connection: Connection, network: int, scope: Scope = None
) -> list[tuple[int, int, str, str]]:
    """Name joins in ``network``, both ends in ``scope``: ``(report_a, report_b, label, why)``."""
    stmt = (
        select(LinkNameJoin.report_a, LinkNameJoin.report_b, LinkNameJoin.name_a,
               LinkNameJoin.name_b, LinkNameJoin.score, LinkNameJoin.reason)
        .join(LinkReport, LinkReport.report_id == LinkNameJoin.report_a)
        .where(LinkReport.network_id == network)
    )  # fmt: skip
    if scope is not None:
        seen = select(Report.id).where(scope)
        stmt = stmt.where(LinkNameJoin.report_a.in_(seen), LinkNameJoin.report_b.in_(seen))
    return [(a, b, f"person name {na} ~ {nb}, score {score:.2f}", reason)
            for a, b, na, nb, score, reason in connection.execute(stmt)]  # fmt: skip


def network_mentions(
    connection: Connection, network: int, scope: Scope = None
) -> list[tuple[int, str, int, str, str, str]]:
    """``(report, external id, identifier, kind:value, raw, status)`` of valid identifiers
    named in ``network``'s reports (those in ``scope``)."""
    stmt = (
        select(ReportIdentifier.report_id, Report.external_id, Identifier.id,
               Identifier.kind + ":" + Identifier.value, func.min(ReportIdentifier.raw),
               func.coalesce(LinkIdentifier.status, "linked"))
        .join(LinkReport, LinkReport.report_id == ReportIdentifier.report_id)
        .join(Report, Report.id == ReportIdentifier.report_id)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .outerjoin(LinkIdentifier, LinkIdentifier.identifier_id == Identifier.id)
        .where(LinkReport.network_id == network, Identifier.valid.is_(True))
        .group_by(ReportIdentifier.report_id, Report.external_id, Identifier.id,
                  Identifier.kind, Identifier.value, LinkIdentifier.status)
    )  # fmt: skip
    if scope is not None:
        stmt = stmt.where(scope)
    return [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in connection.execute(stmt)]


def _ignored(connection: Connection, reports: list[int]) -> list[tuple[str, str]]:
    stmt = (
        select(Identifier.kind + ":" + Identifier.value, LinkIdentifier.reason)
        .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
        .join(LinkIdentifier, LinkIdentifier.identifier_id == Identifier.id)
        .where(ReportIdentifier.report_id.in_(reports), LinkIdentifier.status != "linked")
        .distinct()
    )
    return sorted((i, r) for i, r in connection.execute(stmt))


def explain(database: Database, a: str, b: str, scope: Scope = None) -> Explanation:
    """The chain joining reports ``a`` and ``b``, or that they are not linked and why not.

    With a ``scope`` (a reader's, from ``fraudlink.access.scope.visible``) both reports
    must be in it and the chain runs only through reports in it.
    """
    with database.engine.connect() as connection:
        ids = resolve_report(connection, a, scope), resolve_report(connection, b, scope)
        networks = {network_of(connection, i) for i in ids}
        network = networks.pop() if len(networks) == 1 else None
        result = Explanation(a, b, network, ignored=_ignored(connection, list(ids)))
        if network is not None and ids[0] != ids[1]:
            rows = network_mentions(connection, network, scope)
            joins = name_edges(connection, network, scope)
            result.steps = _shortest(rows, joins, ids[0], ids[1])
    return result


Mentions = list[tuple[int, str, int, str, str, str]]


def _shortest(
    rows: Mentions, joins: list[tuple[int, int, str, str]], start: int, goal: int
) -> list[Step]:
    """Breadth-first over shared linking identifiers, then name joins, from ``start``."""
    idents: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    reports: dict[int, list[int]] = defaultdict(list)
    names: dict[int, str] = {}
    for report, external, ident, label, raw, status in rows:
        names[report] = external
        if status == "linked":
            idents[report].append((ident, label, raw))
            reports[ident].append(report)
    by_name: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for a, b, label, reason in joins:
        by_name[a].append((b, label, reason))
        by_name[b].append((a, label, reason))
    previous: dict[int, tuple[int, Step]] = {}
    queue, seen = deque([start]), {start}
    while queue and goal not in seen:
        report = queue.popleft()
        hops = [
            (other, Step(names.get(report, str(report)), label, raw))
            for ident, label, raw in sorted(idents[report])
            for other in reports[ident]
        ]
        hops += [(other, Step(names.get(report, str(report)), label, reason, "name"))
                 for other, label, reason in sorted(by_name[report])]  # fmt: skip
        for other, step in hops:
            if other not in seen:
                seen.add(other)
                previous[other] = (report, step)
                queue.append(other)
    steps: list[Step] = []
    node = goal
    while node in previous:
        node, step = previous[node]
        steps.append(step)
    return steps[::-1]
