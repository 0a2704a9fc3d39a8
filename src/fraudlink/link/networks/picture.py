"""A network as a picture for the pages: reports, identifiers and persons as nodes, laid out once.

Unlike the export (``fraudlink.link.graphs``), which keeps only what links, the
picture also shows the hubs and allow-listed identifiers a network's reports
name, apart from the rest: they sit on an outer ring, outside the layout, so an
analyst sees them without their pulling unrelated reports together. Persons
are one node per person across scripts (``resolve_names``), joined to the
reports that name them. Positions are computed here (``layout``) so the page
draws a preset picture instead of simulating forces in the browser.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from fraudlink.errors import NotFound
from fraudlink.link.networks.explain import name_edges
from fraudlink.link.networks.layout import place
from fraudlink.link.networks.tables import LinkIdentifier, LinkReport
from fraudlink.link.networks.views import UNKNOWN_COUNTRY, Scope, resolve_names, scoped_reports
from fraudlink.store import Database
from fraudlink.store.schema import Agency, Entity, Identifier, Report, ReportIdentifier, ReportRole

APART = frozenset({"hub", "allowlisted"})


@dataclass(slots=True)
class Node:
    """``kind``: report, identifier or person; ``group``: its country, identifier kind or schema."""

    id: str
    kind: str
    label: str
    group: str
    status: str = "linked"
    x: float = 0.0
    y: float = 0.0
    degree: int = 0
    facts: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "kind": self.kind, "label": self.label, "group": self.group,
                "status": self.status, "x": round(self.x, 1), "y": round(self.y, 1),
                "degree": self.degree, "facts": self.facts}  # fmt: skip


@dataclass(slots=True)
class Picture:
    """Nodes and undirected edges ``(source, target, kind)``; ``entities`` are the persons shown."""

    network: int
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)
    entities: list[int] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = defaultdict(int)
        for node in self.nodes.values():
            found["hub" if node.status in APART else node.kind] += 1
        return dict(found)

    def as_json(self) -> dict[str, object]:
        return {"network": self.network, "counts": self.counts(),
                "nodes": [n.as_json() for n in self.nodes.values()],
                "edges": [{"source": s, "target": t, "kind": k}
                          for s, t, k in self.edges]}  # fmt: skip


def network_picture(
    database: Database, network: int, scope: Scope = None, persons: Scope = None
) -> Picture:
    """``network`` as far as ``scope`` shows its reports (and ``persons`` its persons), laid out."""
    picture = Picture(network)
    with database.engine.connect() as connection:
        _reports(connection, picture, scope)
        if not picture.nodes:
            raise NotFound(f"There is no network {network}; run `fraudlink networks` to list them.")
        _identifiers(connection, picture, scope)
        _persons(connection, picture, scope, persons)
        for a, b, label, _ in name_edges(connection, network, scope):
            picture.edges.append((f"r{a}", f"r{b}", "name"))
            picture.nodes[f"r{a}"].facts.setdefault("joined by name", label)
    for source, target, _ in picture.edges:
        picture.nodes[source].degree += 1
        picture.nodes[target].degree += 1
    _lay_out(picture)
    return picture


def _reports(connection: Connection, picture: Picture, scope: Scope) -> None:
    stmt = (
        select(Report.id, Agency.code, Report.external_id, Report.country, Report.reported_at,
               Report.scam_type)
        .join(Agency, Agency.id == Report.agency_id)
        .join(LinkReport, LinkReport.report_id == Report.id)
        .where(LinkReport.network_id == picture.network)
        .order_by(Report.reported_at, Report.id)
    )  # fmt: skip
    if scope is not None:
        stmt = stmt.where(scope)
    for report_id, code, external, country, at, scam in connection.execute(stmt):
        facts = {"reported": at.date().isoformat(), "country": country or UNKNOWN_COUNTRY}
        if scam:
            facts["scam type"] = scam
        node = Node(f"r{report_id}", "report", f"{code}/{external}", country or UNKNOWN_COUNTRY)
        node.facts = facts
        picture.nodes[node.id] = node


def _identifiers(connection: Connection, picture: Picture, scope: Scope) -> None:
    """Every valid identifier the reports name, hubs and allow-listed ones marked with why."""
    stmt = (
        select(ReportIdentifier.report_id, Identifier.id, Identifier.kind, Identifier.value,
               func.coalesce(LinkIdentifier.status, "linked"), LinkIdentifier.reason)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .outerjoin(LinkIdentifier, LinkIdentifier.identifier_id == Identifier.id)
        .where(ReportIdentifier.report_id.in_(scoped_reports(picture.network, scope)),
               Identifier.valid.is_(True))
        .distinct()
    )  # fmt: skip
    for report_id, identifier_id, kind, value, status, reason in connection.execute(stmt):
        key = f"i{identifier_id}"
        if key not in picture.nodes:
            node = Node(key, "identifier", f"{kind}:{value}", kind, status)
            node.facts = {"status": status} | ({"why": reason} if reason else {})
            picture.nodes[key] = node
        picture.edges.append((f"r{report_id}", key, "names"))


def _persons(connection: Connection, picture: Picture, scope: Scope, persons: Scope) -> None:
    """One node per person across scripts (陈志 = Chen Zhi), joined to each report naming them."""
    stmt = (
        select(Entity.id, Entity.name, Entity.schema, Entity.source_report_id, ReportRole.role)
        .outerjoin(ReportRole, ReportRole.entity_id == Entity.id)
        .where(Entity.source_report_id.in_(scoped_reports(picture.network, scope)))
        .order_by(Entity.id)
    )
    if persons is not None:
        stmt = stmt.where(persons)
    rows = list(connection.execute(stmt))
    groups = resolve_names(name for _, name, _, _, _ in rows)
    key_of = {name: f"p{index}" for index, group in enumerate(groups) for name in group}
    joined: dict[tuple[str, str, str], None] = {}
    for _, name, schema, report_id, role in rows:
        key = key_of[name]
        if key not in picture.nodes:
            group = groups[int(key[1:])]
            picture.nodes[key] = Node(key, "person", " = ".join(group), schema or "Person")
        node = picture.nodes[key]
        if role:
            roles = set(filter(None, node.facts.get("roles", "").split(", "))) | {role}
            node.facts["roles"] = ", ".join(sorted(roles))
        joined[(f"r{report_id}", key, "person")] = None
    picture.edges.extend(joined)
    picture.entities = sorted({row[0] for row in rows})


def _lay_out(picture: Picture) -> None:
    """What links is laid out together; hubs and allow-listed identifiers go on a ring apart."""
    core = [key for key, node in picture.nodes.items() if node.status not in APART]
    apart = [key for key, node in picture.nodes.items() if node.status in APART]
    inside = set(core)
    links = [(s, t) for s, t, _ in picture.edges if s in inside and t in inside]
    for key, (x, y) in place(core, links, apart).items():
        picture.nodes[key].x, picture.nodes[key].y = x, y
