"""``fraudlink link``: reports into networks, in full or for the reports added since last time.

Incremental linking reads only the new reports' mentions, the other reports
that name the same identifiers and the sizes of their networks. New reports
join or merge those networks through identifiers that are not hubs. Two
events fall back to a full recomputation, because only the whole graph can
judge them the way a full run would: an identifier the new reports push over
the hub rule, and a frequent identifier that already linked reports now
bridging two established groups (its own earlier links hide how spread it is).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, func, select

from fraudlink.link.networks import incremental
from fraudlink.link.networks.graph import HubVerdict, Partition, partition
from fraudlink.link.networks.hubs import Profile, profile
from fraudlink.link.networks.store import (
    Graph,
    allowlisted_identifiers,
    identifier_rows,
    network_ids,
    read_graph,
    replace_networks,
    replace_verdicts,
)
from fraudlink.link.networks.tables import LinkReport
from fraudlink.store import Database


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What a run did: how many reports it placed and into how many networks."""

    mode: str
    reports: int
    new_reports: int
    networks: int
    hubs: int
    allowlisted: int

    def as_json(self) -> dict[str, object]:
        return {
            "mode": self.mode,
            "reports": self.reports,
            "new_reports": self.new_reports,
            "networks": self.networks,
            "hubs": self.hubs,
            "allowlisted": self.allowlisted,
        }


def link_reports(database: Database, full: bool = False) -> LinkSummary:
    """Place every report in a network: only new ones, unless ``full`` or nothing is linked."""
    with database.engine.begin() as connection:
        linked = connection.execute(select(func.count()).select_from(LinkReport)).scalar_one()
        if full or not linked:
            return _full(connection)
        summary = incremental.extend(connection)
        if summary is None:
            return _full(connection)
        return LinkSummary("incremental", *summary)


def verdict_row(identifier: int, verdict: HubVerdict) -> dict[str, object]:
    status = "hub" if verdict.hub else "linked"
    return {"identifier_id": identifier, "degree": verdict.degree, "status": status,
            "reason": verdict.reason()}  # fmt: skip


def judged_partition(
    graph: Graph, ignored: list[int], hub_profile: Profile
) -> tuple[Partition, dict[int, int]]:
    """The partition with hotline variants left out, as long as their hotline is a hub.

    A variant's hotline is judged after the variant (it is more frequent), so
    when a hotline turns out not to be a hub the run is repeated with its
    variants linking — rare, since variants are only sought for numbers that
    look public and stand out by degree.
    """
    variants = dict(hub_profile.variants)
    while True:
        result = partition(len(graph.report_ids), graph.rep, graph.ident,
                           [*ignored, *variants], hub_profile.needed)  # fmt: skip
        kept = {v: h for v, h in variants.items() if _is_hub(result, h)}
        if len(kept) == len(variants):
            return result, variants
        variants = kept


def _is_hub(result: Partition, identifier: int) -> bool:
    verdict = result.verdicts.get(identifier)
    return verdict is not None and verdict.hub


def _full(connection: Connection) -> LinkSummary:
    graph = read_graph(connection)
    degree = np.bincount(graph.ident) if len(graph.ident) else np.zeros(0, np.int64)
    identifiers = identifier_rows(connection)
    shared = [row for row in identifiers if row[0] < len(degree) and degree[row[0]] >= 2]
    ignored = allowlisted_identifiers(connection, shared)
    hub_profile = profile(identifiers, degree)
    result, variants = judged_partition(graph, ignored, hub_profile)
    hotlines = set(variants.values())
    labels = {i: f"{k}:{v}" for i, k, v in identifiers if i in hotlines}
    networks = network_ids(graph.report_ids, result.labels)
    replace_networks(connection, graph.report_ids, networks)
    rows = [verdict_row(i, v) for i, v in result.verdicts.items()]
    rows += [_allowlisted_row(i, int(degree[i]) if i < len(degree) else 0) for i in ignored]
    rows += [_variant_row(v, h, int(degree[v]), labels) for v, h in variants.items()]
    replace_verdicts(connection, rows)
    sizes = np.unique(networks, return_counts=True)[1]
    hubs = sum(v.hub for v in result.verdicts.values())
    return LinkSummary("full", len(networks), len(networks), int((sizes > 1).sum()), hubs,
                       len(ignored))  # fmt: skip


def _variant_row(
    identifier: int, hotline: int, degree: int, labels: dict[int, str]
) -> dict[str, object]:
    return {"identifier_id": identifier, "degree": degree, "status": "hub",
            "reason": f"hub: the same number as hub {labels.get(hotline, hotline)} "
                      "written for another country"}  # fmt: skip


def _allowlisted_row(identifier: int, degree: int) -> dict[str, object]:
    return {"identifier_id": identifier, "degree": degree, "status": "allowlisted",
            "reason": "allow-listed: a platform or official channel, never evidence"}  # fmt: skip
