"""The region an incremental run re-partitions: read it, partition it, write it back.

See ``incremental`` for why partitioning the region alone gives a full run's answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, func, select

from fraudlink.link.networks import reads
from fraudlink.link.networks.graph import Judging, Partition, partition
from fraudlink.link.networks.hubs import (
    NEVER,
    NUMBER_KINDS,
    Cutoff,
    hotline_numbers,
    hotline_variants,
    looks_official,
    needed_groups,
)
from fraudlink.link.networks.listing import refresh_listing
from fraudlink.link.networks.ranks import drop_ranks
from fraudlink.link.networks.rule import IntArray
from fraudlink.link.networks.state import write_groups
from fraudlink.link.networks.store import (
    allowlist_matcher,
    allowlisted_row,
    replace_verdict_rows,
    variant_row,
    verdict_row,
    write_networks,
)
from fraudlink.link.networks.tables import LinkIdentifier
from fraudlink.store.schema import Identifier, ReportIdentifier

CHUNK = 5_000
IGNORED = frozenset({"allowlisted", "variant"})
Stored = dict[int, tuple[str, int]]


def _chunks(values: Sequence[int]) -> list[Sequence[int]]:
    return [values[i : i + CHUNK] for i in range(0, len(values), CHUNK)]


def mentions_of_reports(connection: Connection, reports: Sequence[int]) -> set[tuple[int, int]]:
    """Deduplicated ``(report, identifier)`` pairs of ``reports``, valid identifiers only."""
    found: set[tuple[int, int]] = set()
    for chunk in _chunks(reports):
        stmt = (
            select(ReportIdentifier.report_id, ReportIdentifier.identifier_id)
            .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
            .where(Identifier.valid.is_(True), ReportIdentifier.report_id.in_(chunk))
        )
        found.update((r, i) for r, i in connection.execute(stmt))
    return found


def stored_rows(connection: Connection, identifiers: Sequence[int]) -> Stored:
    """``identifier -> (status, degree)`` from the last run's verdicts."""
    found: Stored = {}
    for chunk in _chunks(identifiers):
        stmt = select(LinkIdentifier.identifier_id, LinkIdentifier.status, LinkIdentifier.degree)
        for i, status, degree in connection.execute(
            stmt.where(LinkIdentifier.identifier_id.in_(chunk))
        ):
            found[i] = (status, degree)
    return found


def degrees(
    connection: Connection, identifiers: Sequence[int], added: Counter[int]
) -> dict[int, int]:
    """Current degrees: a stored degree plus the new reports, or counted when none is stored."""
    stored = stored_rows(connection, identifiers)
    found = {i: stored[i][1] + added[i] for i in identifiers if i in stored}
    missing = [i for i in identifiers if i not in stored]
    for chunk in _chunks(missing):
        stmt = (
            select(
                ReportIdentifier.identifier_id, func.count(ReportIdentifier.report_id.distinct())
            )
            .where(ReportIdentifier.identifier_id.in_(chunk))
            .group_by(ReportIdentifier.identifier_id)
        )
        found.update((i, n) for i, n in connection.execute(stmt))
    return found


def identifier_info(
    connection: Connection, identifiers: Sequence[int]
) -> list[tuple[int, str, str]]:
    found: list[tuple[int, str, str]] = []
    for chunk in _chunks(identifiers):
        stmt = select(Identifier.id, Identifier.kind, Identifier.value).where(
            Identifier.id.in_(chunk)
        )
        found.extend((i, k, v) for i, k, v in connection.execute(stmt))
    return found


def _passed_networks(connection: Connection, touched: dict[int, int], added: Counter[int],
                     stored: Stored) -> set[int]:  # fmt: skip
    """Networks linked at a level a touched hub's degree just moved past.

    Judged at its new degree, the hub sees their groups as they were after
    those identifiers linked, not as stored; so they are partitioned again.
    """
    ranges = [(touched[i] - added[i], touched[i]) for i, (s, _) in stored.items()
              if s == "hub" and added[i]]  # fmt: skip
    if not ranges:
        return set()
    low, high = min(r[0] for r in ranges), max(r[1] for r in ranges)
    stmt = select(LinkIdentifier.identifier_id, LinkIdentifier.degree).where(
        LinkIdentifier.status == "linked",
        LinkIdentifier.degree >= low,
        LinkIdentifier.degree < high,
    )
    passed = [i for i, d in connection.execute(stmt) if any(lo <= d < hi for lo, hi in ranges)]
    return reads.networks_naming(connection, sorted(passed))


@dataclass(slots=True)
class Region:
    """The reports being re-partitioned and everything the hub rule needs about their mentions.

    ``old_networks[k]`` is the network ``reports[k]`` had (``-1`` for a new report).
    """

    reports: IntArray
    old_networks: IntArray
    ids: IntArray
    rep: IntArray
    ident: IntArray
    judging: Judging
    ignored: list[int]
    stored: Stored
    info: dict[int, tuple[str, str]]
    rows: list[dict[str, object]]
    #: stored groups, outside the region, of the hubs in it
    outside: dict[int, list[tuple[int, int]]]


def all_stored(connection: Connection) -> Stored:
    """Every stored verdict: only judged, allow-listed and variant identifiers have one."""
    stmt = select(LinkIdentifier.identifier_id, LinkIdentifier.status, LinkIdentifier.degree)
    return {i: (status, degree) for i, status, degree in connection.execute(stmt)}


def relink(connection: Connection, new: list[int], touched: dict[int, int], added: Counter[int],
           cutoffs: dict[str, Cutoff], limit: int) -> str | None:  # fmt: skip
    """Re-partition the region the new reports reach; a string asks for a full run instead."""
    stored = all_stored(connection)
    linking = sorted(i for i in touched if stored.get(i, ("linked", 0))[0] == "linked")
    networks = reads.networks_naming(connection, linking)
    networks |= _passed_networks(connection, touched, added, stored)
    while True:
        old = reads.members(connection, sorted(networks))
        if len(old) > limit:
            return f"the new reports reach {len(old)} linked reports, more than a full run costs"
        region = read_region(connection, old, new, touched, stored, cutoffs)
        result = partition(len(region.reports), region.rep, region.ident, region.ignored,
                           judging=region.judging)  # fmt: skip
        flipped = _flipped(region, result)
        if not flipped:
            break
        networks |= reads.networks_naming(connection, flipped)
    reason = _hotline_change(connection, region, result)
    if reason:
        return reason
    write_region(connection, region, result)
    return None


def read_region(connection: Connection, old: np.ndarray, new: list[int], touched: dict[int, int],
                stored: Stored, cutoffs: dict[str, Cutoff]) -> Region:  # fmt: skip
    """Mentions, degrees and hub bars of the region's identifiers.

    Only identifiers the new reports name, or judged before, can have a new
    bar: any other kept its degree, so it still cannot be a hub.
    """
    fresh = np.asarray(new, np.int64)
    reports = np.concatenate([old[:, 0], fresh])
    order = np.argsort(reports)
    reports = reports[order]
    old_networks = np.concatenate([old[:, 1], np.full(len(fresh), -1, np.int64)])[order]
    pairs = reads.mention_pairs(connection, reports.tolist())
    ids, ident = np.unique(pairs[:, 1], return_inverse=True)
    rep = np.searchsorted(reports, pairs[:, 0])
    degree = np.bincount(ident, minlength=len(ids))
    needed = np.full(len(ids), NEVER, np.int64)
    position = {i: n for n, i in enumerate(ids.tolist())}
    known = [i for i in position if i in touched or i in stored]
    info = {i: (k, v) for i, k, v in identifier_info(connection, known)}
    for i in known:
        n = position[i]
        degree[n] = touched[i] if i in touched else stored[i][1]
        needed[n] = needed_groups(*info[i], int(degree[n]), cutoffs)
    inside = set(reports.tolist())
    hubs = [i for i in known if stored.get(i, ("", 0))[0] == "hub"]
    groups = reads.hub_groups(connection, hubs)
    outside = {h: [(r, c) for r, c in g if r not in inside] for h, g in groups.items()}
    ignored, rows = _ignored(connection, known, stored, info, degree, position, touched)
    return Region(reports, old_networks, ids, rep, ident.astype(np.int64),
                  Judging(degree.astype(np.int64), needed,
                          {position[h]: [c for _, c in g] for h, g in outside.items()}),
                  [position[i] for i in ignored], stored, info, rows, outside)  # fmt: skip


def _ignored(connection: Connection, known: list[int], stored: Stored,
             info: dict[int, tuple[str, str]], degree: IntArray, position: dict[int, int],
             touched: Collection[int]) -> tuple[list[int], list[dict[str, object]]]:  # fmt: skip
    """Allow-listed identifiers and hotline variants, with the verdict rows to write for them.

    Identifiers judged before keep their status (allow-list edits wait for a
    full run); new ones are matched against the allow-list and the hubs'
    hotlines the way a full run matches them.
    """
    ignored = [i for i in known if stored.get(i, ("", 0))[0] in IGNORED]
    rows: list[dict[str, object]] = [
        {"identifier_id": i, "degree": int(degree[position[i]])} for i in ignored if i in touched
    ]
    fresh = [i for i in known if i not in stored]
    matcher = allowlist_matcher(connection)
    listed = [i for i in fresh if matcher(*info[i])]
    rows += [allowlisted_row(i, int(degree[position[i]])) for i in listed
             if degree[position[i]] >= 2]  # fmt: skip
    numbers, labels = _hotlines(connection)
    skip = set(listed)
    shared = [(i, *info[i]) for i in fresh if degree[position[i]] >= 2 and i not in skip]
    variants = hotline_variants(shared, numbers)
    rows += [variant_row(v, int(degree[position[v]]), labels[h]) for v, h in variants.items()]
    return [*ignored, *listed, *variants], rows


def _hotlines(connection: Connection) -> tuple[dict[str, int], dict[int, str]]:
    """The hub phones that look public: national number -> id, and id -> label."""
    stmt = (
        select(Identifier.id, Identifier.kind, Identifier.value)
        .join(LinkIdentifier, LinkIdentifier.identifier_id == Identifier.id)
        .where(LinkIdentifier.status == "hub", Identifier.kind == "phone")
    )
    rows = [(i, k, v) for i, k, v in connection.execute(stmt) if looks_official(k, v)]
    return hotline_numbers(rows), {i: f"{k}:{v}" for i, k, v in rows}


def _flipped(region: Region, result: Partition) -> list[int]:
    """Hubs reaching outside the region that now link: their networks must join it."""
    local = np.bincount(region.ident, minlength=len(region.ids))
    flipped = []
    for n, verdict in result.verdicts.items():
        i = int(region.ids[n])
        was_hub = region.stored.get(i, ("", 0))[0] == "hub"
        if was_hub and not verdict.hub and region.judging.degree[n] > local[n]:
            flipped.append(i)
    return flipped


def _hotline_change(connection: Connection, region: Region, result: Partition) -> str:
    """A public number that turns hub, or stops being one, while variants of it exist."""
    for n, verdict in result.verdicts.items():
        i = int(region.ids[n])
        kind, value = region.info[i]
        was_hub = region.stored.get(i, ("", 0))[0] == "hub"
        if verdict.hub == was_hub or not looks_official(kind, value):
            continue
        numbers = hotline_numbers([(i, kind, value)])
        if numbers and _has_variants(connection, i, next(iter(numbers)), was_hub):
            now = "stopped being a hub" if was_hub else "became a hub"
            return f"public number {kind}:{value} {now}; a full run re-reads its variants"
    return ""


def _has_variants(connection: Connection, hotline: int, national: str, was_hub: bool) -> bool:
    """Whether identifiers elsewhere are (or would be) variants of this public number."""
    if was_hub:
        stmt = select(Identifier.value).where(Identifier.id == hotline)
        label = f"hub phone:{connection.execute(stmt).scalar_one()} "
        found = select(LinkIdentifier.identifier_id).where(
            LinkIdentifier.status == "variant", LinkIdentifier.reason.contains(label)
        )
    else:
        found = select(Identifier.id).where(
            Identifier.kind.in_(NUMBER_KINDS), Identifier.id != hotline,
            Identifier.value.endswith(national),
        )  # fmt: skip
    return connection.execute(found.limit(1)).first() is not None


def write_region(connection: Connection, region: Region, result: Partition) -> None:
    """Networks (each its smallest report id) where they changed, verdicts and hub groups."""
    smallest = np.full(len(region.reports), np.iinfo(np.int64).max, np.int64)
    np.minimum.at(smallest, result.labels, region.reports)
    networks = smallest[result.labels]
    new = region.old_networks < 0
    moved = ~new & (networks != region.old_networks)
    reads.set_networks(connection, region.reports[moved], networks[moved])
    write_networks(connection, region.reports[new].tolist(), networks[new].tolist())
    judged = {int(region.ids[n]): v for n, v in result.verdicts.items()}
    rows = [verdict_row(i, v) for i, v in judged.items()]
    updates = [r for r in region.rows if "status" not in r]
    replace_verdict_rows(connection, [*rows, *(r for r in region.rows if "status" in r)], updates)
    report_ids = region.reports.tolist()
    groups = [(int(region.ids[h]), report_ids[r], c) for h, g in result.groups.items()
              for r, c in g]  # fmt: skip
    groups += [(h, r, c) for h, g in region.outside.items() if judged[h].hub for r, c in g]
    write_groups(connection, groups, sorted(judged))
    before = region.old_networks[~new]
    rewritten = sorted({*before.tolist(), *networks.tolist()})
    refresh_listing(connection, rewritten)
    drop_ranks(connection, rewritten)
