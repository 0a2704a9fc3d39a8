"""Person names as a weak link between networks: only a rare name, or a name plus a corroboration.

Suspects, recruiters and mules reappear across agencies under other scripts
(``陈志``, ``陳志``, ``Chen Zhi``), so a name can join networks that share no
identifier. But names collide: two unrelated operations each with a ``Wang
Fang``. A name match (``names.compare``) joins two networks only if

- the full name is rare: its whole-name key (``names.name_keys``' ``n:`` key,
  the same for every script and spelling of a name) is named in at most
  ``RARE_NETWORKS`` networks, and its tokens' shares of the networks naming
  anyone (an IDF summed over tokens) predict at most ``MAX_CHANCE`` networks
  naming it by chance; or
- the same birth date or the same document number corroborates it.

A shared country, agency or time window is not corroboration: namesakes in
one country share it. Nor is a hub both networks name: measured on generated
data (50,000 reports) such joins were wrong 392 times in 395 — a bank's
hotline is named by victims of hundreds of unrelated operations. Every join
is kept with its names, score and reason, so ``explain`` can say which names
joined two reports. Off by default (``fraudlink link --names``): on the
generator's data it lowers B-cubed F1 (its name pools make even "rare" full
names recur across operations).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from sqlalchemy import Connection, delete, insert, select

from fraudlink.link.names import compare, name_keys
from fraudlink.link.networks.rule import IntArray
from fraudlink.link.networks.tables import LinkNameJoin
from fraudlink.store.schema import Entity, EntityDocument, EntityName, ReportRole

#: a whole-name key named in at most this many networks is rare enough to join on its own
RARE_NETWORKS = 2
#: ... and the networks expected to name it by chance (``chance_names``) are at most this
MAX_CHANCE = 0.001
#: a key named in more networks than this is only compared where corroborated
MAX_KEY_NETWORKS = 50
#: roles whose names may link reports (never a victim's or a witness's)
LINKING_ROLES = ("suspect", "recruiter", "money_mule")


@dataclass(frozen=True, slots=True)
class Person:
    """One person as one report names them, with what could corroborate a name match."""

    report: int
    names: tuple[str, ...]
    birth: dt.date | None
    documents: frozenset[str]


@dataclass(frozen=True, slots=True)
class NameJoin:
    """Two reports joined by their persons' names, and why the match was trusted."""

    report_a: int
    report_b: int
    name_a: str
    name_b: str
    score: float
    reason: str


def read_persons(connection: Connection) -> list[Person]:
    """Persons named in a linking role, with aliases, birth date and document numbers."""
    stmt = (
        select(ReportRole.report_id, Entity.id, Entity.name, Entity.birth_date)
        .join(Entity, Entity.id == ReportRole.entity_id)
        .where(ReportRole.role.in_(LINKING_ROLES), Entity.schema == "Person")
    )
    rows = connection.execute(stmt).all()
    aliases: dict[int, list[str]] = defaultdict(list)
    for entity, name in connection.execute(select(EntityName.entity_id, EntityName.name)):
        aliases[entity].append(name)
    documents: dict[int, set[str]] = defaultdict(set)
    for entity, number in connection.execute(
        select(EntityDocument.entity_id, EntityDocument.number)
    ):
        documents[entity].add(number)
    return [Person(report, tuple(dict.fromkeys([name, *aliases.get(entity, [])])), birth,
                   frozenset(documents.get(entity, ())))
            for report, entity, name, birth in rows]  # fmt: skip


def _whole_keys(person: Person) -> set[str]:
    return {k for name in person.names for k in name_keys(name) if k.startswith("n:")}


def chance_names(by_key: dict[str, dict[int, list[Person]]]) -> dict[str, float]:
    """For each whole-name key, how many networks would name it by chance.

    Each token's share of the networks naming anyone is its probability; a
    full name's chance is the product over its tokens (an IDF summed over
    tokens), times the networks: ``Wang Fang`` is expected in many networks
    even when few name it, ``Chhay Sokheng`` in almost none.
    """
    networks = {n for by_network in by_key.values() for n in by_network}
    total = max(len(networks), 1)
    token_networks: dict[str, set[int]] = defaultdict(set)
    for key, by_network in by_key.items():
        for token in set(key[2:].split()):
            token_networks[token].update(by_network)
    chance: dict[str, float] = {}
    for key in by_key:
        share = 1.0
        for token in set(key[2:].split()):
            share *= len(token_networks[token]) / total
        chance[key] = share * total
    return chance


def name_joins(persons: Sequence[Person], network_of: dict[int, int]) -> list[NameJoin]:
    """Joins between networks (``network_of[report]``) that names justify, one per network pair."""
    by_key: dict[str, dict[int, list[Person]]] = defaultdict(lambda: defaultdict(list))
    for person in persons:
        for key in _whole_keys(person):
            by_key[key][network_of[person.report]].append(person)
    chance = chance_names(by_key)
    joins: dict[tuple[int, int], NameJoin] = {}
    for key in sorted(by_key):
        networks = by_key[key]
        rare = len(networks) <= RARE_NETWORKS and chance[key] <= MAX_CHANCE
        for a, b in _pairs(networks):
            if (a, b) not in joins:
                found = _best(networks[a], networks[b], rare)
                if found is not None:
                    joins[(a, b)] = found
    return list(joins.values())


def _pairs(networks: dict[int, list[Person]]) -> set[tuple[int, int]]:
    """Network pairs to compare under one key: all of them, or for a very common name only
    those whose persons share a birth date or a document (the one corroboration left)."""
    if len(networks) < 2:
        return set()
    if len(networks) <= MAX_KEY_NETWORKS:
        return set(combinations(sorted(networks), 2))
    by_fact: dict[object, set[int]] = defaultdict(set)
    for network, persons in networks.items():
        for person in persons:
            for fact in [person.birth, *person.documents]:
                if fact is not None:
                    by_fact[fact].add(network)
    return {pair for group in by_fact.values() for pair in combinations(sorted(group), 2)}


def _best(left: Iterable[Person], right: Sequence[Person], rare: bool) -> NameJoin | None:
    """The best-scoring trusted match between two networks' persons sharing a name key."""
    best: NameJoin | None = None
    for p in left:
        for q in right:
            reason = _corroboration(p, q, rare)
            if not reason:
                continue
            name_a, name_b, score = _match(p, q)
            if score is not None and (best is None or score > best.score):
                best = NameJoin(p.report, q.report, name_a, name_b, score, reason)
    return best


def _corroboration(p: Person, q: Person, rare: bool) -> str:
    if p.birth is not None and p.birth == q.birth:
        return f"same birth date {p.birth.isoformat()}"
    if p.documents & q.documents:
        return f"same document {min(p.documents & q.documents)}"
    return "rare name" if rare else ""


def _match(p: Person, q: Person) -> tuple[str, str, float | None]:
    """The closest pair of names, if it is a match by ``compare``'s threshold."""
    best: tuple[str, str, float | None] = (p.names[0], q.names[0], None)
    for a in p.names:
        for b in q.names:
            result = compare(a, b)
            if result.match and (best[2] is None or result.score > best[2]):
                best = (a, b, result.score)
    return best


def join_by_names(
    connection: Connection, report_ids: IntArray, networks: IntArray
) -> tuple[IntArray, list[NameJoin]]:
    """Networks after name joins (a merge keeps the smallest id), and the joins made."""
    persons = read_persons(connection)
    index = np.full(int(report_ids.max(initial=0)) + 1, -1, np.int64)
    index[report_ids] = np.arange(len(report_ids), dtype=np.int64)
    network_of = {p.report: int(networks[index[p.report]]) for p in persons}
    joins = name_joins(persons, network_of)
    root: dict[int, int] = {}

    def find(x: int) -> int:
        while root.get(x, x) != x:
            x = root[x]
        return x

    for join in joins:
        a, b = find(network_of[join.report_a]), find(network_of[join.report_b])
        root[max(a, b)] = min(a, b)
    remap = np.arange(int(networks.max(initial=0)) + 1, dtype=np.int64)
    for network in root:
        remap[network] = find(network)
    merged: IntArray = remap[networks]
    return merged, joins


def write_joins(connection: Connection, joins: Sequence[NameJoin]) -> None:
    connection.execute(delete(LinkNameJoin))
    rows = [{"report_a": j.report_a, "report_b": j.report_b, "name_a": j.name_a,
             "name_b": j.name_b, "score": j.score, "reason": j.reason} for j in joins]  # fmt: skip
    if rows:
        connection.execute(insert(LinkNameJoin), rows)
