"""Finding a person by name in any script: ``Chen Zhi`` finds the records written ``陈志``.

Every person record is an ``entity`` row (one per report that names the
person); its id is the one id every command takes (``case add-subject``,
``case status``, ``package create --subject``, ``package consular``). Records
of one resolved person (``fraudlink persons resolve``) are shown together,
under the smallest of their ids, with the other ids beside it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from fraudlink.errors import InputError, NotFound
from fraudlink.link.names import MATCH_THRESHOLD, name_keys
from fraudlink.link.names.matcher import score_only
from fraudlink.link.networks.tables import LinkReport
from fraudlink.link.persons.tables import PersonCluster
from fraudlink.store import Database
from fraudlink.store.schema import Agency, Entity, EntityName, Report, ReportRole


@dataclass(slots=True)
class PersonFound:
    """One person (a record, or the records resolution joined), best-scoring name first."""

    id: int
    score: float
    names: list[str] = field(default_factory=list)
    entities: list[int] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    networks: list[int] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    nationality: str | None = None
    birth_date: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "score": round(self.score, 3), "names": self.names,
                "entities": self.entities, "reports": self.reports, "networks": self.networks,
                "roles": self.roles, "nationality": self.nationality,
                "birth_date": self.birth_date}  # fmt: skip


def _names(connection: Connection) -> dict[str, list[int]]:
    """Every name and alias, with the entities that carry it."""
    holders: dict[str, list[int]] = defaultdict(list)
    for entity_id, name in connection.execute(select(Entity.id, Entity.name)):
        holders[name].append(entity_id)
    for entity_id, name in connection.execute(select(EntityName.entity_id, EntityName.name)):
        holders[name].append(entity_id)
    return holders


def _groups(connection: Connection, entities: set[int]) -> dict[int, int]:
    """Each entity's group (the smallest entity of its resolved cluster), cluster mates included."""
    stmt = select(PersonCluster.entity_id, PersonCluster.cluster_id)
    found = connection.execute(stmt.where(PersonCluster.entity_id.in_(entities)))
    cluster_of = {int(e): int(c) for e, c in found}
    members: dict[int, list[int]] = defaultdict(list)
    if cluster_of:
        clusters = set(cluster_of.values())
        for entity_id, cluster in connection.execute(
            stmt.where(PersonCluster.cluster_id.in_(clusters))
        ):
            members[cluster].append(entity_id)
    groups = {entity_id: entity_id for entity_id in entities if entity_id not in cluster_of}
    for mates in members.values():
        groups.update(dict.fromkeys(mates, min(mates)))
    return groups


def find_persons(database: Database, name: str, limit: int = 20) -> list[PersonFound]:
    """Persons whose name or alias matches ``name`` across scripts, best first."""
    if not name.strip():
        raise InputError("Give a name to look for.")
    wanted = name_keys(name)
    with database.engine.connect() as connection:
        scores: dict[int, tuple[float, str]] = {}
        for candidate, holders in _names(connection).items():
            if not wanted & name_keys(candidate):
                continue
            score = score_only(name, candidate)
            if score < MATCH_THRESHOLD:
                continue
            for entity_id in holders:
                if score > scores.get(entity_id, (-1.0, ""))[0]:
                    scores[entity_id] = (score, candidate)
        if not scores:
            raise NotFound(f"No person named like {name!r}; try another spelling or script.")
        group_of = _groups(connection, set(scores))
        found: dict[int, PersonFound] = {}
        for entity_id, group in sorted(group_of.items()):
            person = found.setdefault(group, PersonFound(group, 0.0))
            person.entities.append(entity_id)
            person.score = max(person.score, scores.get(entity_id, (0.0, ""))[0])
        ranked = sorted(found.values(), key=lambda p: (-p.score, p.id))[:limit]
        for person in ranked:
            _describe(connection, person)
    return ranked


def _describe(connection: Connection, person: PersonFound) -> None:
    stmt = (
        select(Entity.name, Entity.nationality, Entity.birth_date, Agency.code,
               Report.external_id, LinkReport.network_id, ReportRole.role)
        .join(Agency, Agency.id == Entity.agency_id)
        .outerjoin(Report, Report.id == Entity.source_report_id)
        .outerjoin(LinkReport, LinkReport.report_id == Entity.source_report_id)
        .outerjoin(ReportRole, ReportRole.entity_id == Entity.id)
        .where(Entity.id.in_(person.entities))
        .order_by(Entity.id)
    )  # fmt: skip
    names: dict[str, None] = {}
    reports: dict[str, None] = {}
    networks: set[int] = set()
    roles: set[str] = set()
    for name, nationality, birth, agency, external, network, role in connection.execute(stmt):
        names[name] = None
        person.nationality = person.nationality or nationality
        person.birth_date = person.birth_date or (birth.isoformat() if birth else None)
        if external is not None:
            reports[f"{agency}/{external}"] = None
        if network is not None:
            networks.add(int(network))
        if role:
            roles.add(role)
    person.names, person.reports = list(names), list(reports)
    person.networks, person.roles = sorted(networks), sorted(roles)
