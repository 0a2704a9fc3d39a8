"""``fraudlink link``: reports into networks, in full or for the reports added since last time.

A full run reads the whole report–identifier graph, stores each kind's hub
cut-off and the groups every hub was judged against, and writes every
report's network. An incremental run (``incremental``) re-partitions only the
networks the new reports reach, and falls back to a full run — saying why in
``LinkSummary.fallback`` — when a kind's cut-off drifts beyond
``state.CUTOFF_TOLERANCE``, when a public number with variants changes
verdict, or when the region it would re-partition is too large.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, func, select

from fraudlink.errors import InputError
from fraudlink.link.networks import incremental
from fraudlink.link.networks.graph import Partition, partition
from fraudlink.link.networks.hubs import Cutoff, Profile, profile
from fraudlink.link.networks.listing import refresh_listing
from fraudlink.link.networks.namelinks import NameJoin, join_by_names, write_joins
from fraudlink.link.networks.ranks import drop_ranks
from fraudlink.link.networks.rule import HubVerdict
from fraudlink.link.networks.state import NAMES, fresh_kinds, read_kinds, write_groups, write_kinds
from fraudlink.link.networks.store import (
    Graph,
    allowlisted_identifiers,
    allowlisted_row,
    network_ids,
    read_graph,
    replace_networks,
    replace_verdicts,
    shared_identifier_rows,
    variant_row,
    verdict_row,
)
from fraudlink.link.networks.tables import LinkReport
from fraudlink.store import Database
from fraudlink.store.locks import exclusive

log = logging.getLogger("fraudlink.link")


@contextmanager
def timed(step: str) -> Iterator[None]:
    """Log (INFO) how long a step of a full run took: where a large run's time goes."""
    start = time.perf_counter()
    yield
    log.info("link: %s in %.1f s", step, time.perf_counter() - start)


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What a run did: how many reports it placed and into how many networks."""

    mode: str
    reports: int
    new_reports: int
    networks: int
    hubs: int
    allowlisted: int
    #: why a run asked to be incremental recomputed everything ("" when it did not)
    fallback: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "mode": self.mode,
            "reports": self.reports,
            "new_reports": self.new_reports,
            "networks": self.networks,
            "hubs": self.hubs,
            "allowlisted": self.allowlisted,
            "fallback": self.fallback,
        }


#: where the whole graph can be partitioned: this process, or a Spark cluster (``spark``)
ENGINES = ("inprocess", "spark")


def link_reports(
    database: Database,
    full: bool = False,
    names: bool = False,
    engine: str = "inprocess",
    master: str | None = None,
) -> LinkSummary:
    """Place every report in a network: only new ones, unless ``full`` or nothing is linked.

    ``names`` also joins networks by rare or corroborated person names
    (``namelinks``); those joins are decided over every person, so such runs
    are full ones. One run at a time: a second waits for the first to commit
    (``exclusive``), then links what is new since. ``engine="spark"`` partitions
    the whole graph on Spark (``master``, else the one ``spark-submit`` set, else
    ``local[2]``).
    """
    if engine == "spark":
        from fraudlink.link.networks.spark import link_on_spark

        return link_on_spark(database, full, names, master)
    if engine != "inprocess":
        raise InputError(f"Unknown engine {engine!r}; choose one of {', '.join(ENGINES)}.")
    with database.engine.begin() as connection:
        exclusive(connection, "link")
        linked = connection.execute(select(func.count()).select_from(LinkReport)).scalar_one()
        if full or not linked:
            return _full(connection, "", names)
        reason = _names_reason(connection, names)
        outcome = reason or incremental.extend(connection)
        if isinstance(outcome, str):
            return _full(connection, outcome, names)
        return LinkSummary("incremental", *outcome)


def _names_reason(connection: Connection, names: bool) -> str:
    before = NAMES in read_kinds(connection)
    if names != before:
        return f"name linking switched {'on' if names else 'off'} since the last run"
    return "person names are weighed over every person, so --names runs in full" if names else ""


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


def _full(connection: Connection, reason: str = "", names: bool = False) -> LinkSummary:
    with timed("graph read"):
        graph = read_graph(connection)
    degree = np.bincount(graph.ident) if len(graph.ident) else np.zeros(0, np.int64)
    with timed("shared identifiers read and profiled"):
        shared = shared_identifier_rows(connection, degree)
        ignored = allowlisted_identifiers(connection, shared)
        hub_profile = profile(shared, degree)
    with timed("partitioned"):
        result, variants = judged_partition(graph, ignored, hub_profile)
    hotlines = set(variants.values())
    labels = {i: f"{k}:{v}" for i, k, v in shared if i in hotlines}
    networks = network_ids(graph.report_ids, result.labels)
    joins: list[NameJoin] = []
    if names:
        networks, joins = join_by_names(connection, graph.report_ids, networks)
    write_joins(connection, joins)
    with timed("networks written"):
        replace_networks(connection, graph.report_ids, networks)
    report_ids = graph.report_ids.tolist()
    groups = ((h, report_ids[r], c) for h, found in result.groups.items() for r, c in found)
    judged = Judged(result.verdicts, {i: int(degree[i]) if i < len(degree) else 0 for i in ignored},
                    {v: (int(degree[v]), labels.get(h, str(h))) for v, h in variants.items()},
                    hub_profile.cutoffs)  # fmt: skip
    with timed("verdicts written"):
        write_judged(connection, judged, groups, names)
    sizes = np.unique(networks, return_counts=True)[1]
    return LinkSummary("full", len(networks), len(networks), int((sizes > 1).sum()),
                       judged.hubs, len(ignored), reason)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Judged:
    """What a full run decided about identifiers, whichever engine found the networks.

    ``ignored`` and ``variants`` map an identifier to its degree (and, for a
    variant, the label of the hotline it spells).
    """

    verdicts: dict[int, HubVerdict]
    ignored: dict[int, int]
    variants: dict[int, tuple[int, str]]
    cutoffs: dict[str, Cutoff]

    @property
    def hubs(self) -> int:
        return sum(v.hub for v in self.verdicts.values())


def write_judged(connection: Connection, judged: Judged, groups: Iterable[tuple[int, int, int]],
                 names: bool = False) -> None:  # fmt: skip
    """Replace the verdicts, per-kind cut-offs and hub groups with a full run's."""
    rows = [verdict_row(i, v) for i, v in judged.verdicts.items()]
    rows += [allowlisted_row(i, d) for i, d in judged.ignored.items()]
    rows += [variant_row(v, d, label) for v, (d, label) in judged.variants.items()]
    replace_verdicts(connection, rows)
    write_kinds(connection, fresh_kinds(judged.cutoffs, names), full=True)
    write_groups(connection, groups, None)
    refresh_listing(connection)
    drop_ranks(connection, None)
