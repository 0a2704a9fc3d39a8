"""Linking only what is new: re-partition the networks the new reports reach, nothing else.

The hub rule is local once three things are fixed: each kind's degree
cut-off (stored by the last full run), each identifier's degree (counted),
and, for a hub whose reports also lie in networks left alone, how many of
them sat in each of those networks' groups when it was judged (stored per
hub). A network left alone evolves exactly as in a full run, because nothing
links it to the region but hubs, and a hub does not link. So the region —
the new reports, plus every network that shares a non-hub identifier with
them — is partitioned again from its own mentions, with hubs that reach
outside it judged on inside groups plus stored outside groups. That both
merges networks a new report bridges and splits a network when one of its
identifiers becomes a hub.

Two things widen the region: a hub whose new reports lift its degree past
identifiers that linked outside networks (those networks' groups at its new
level may differ, so they join the region), and a hub that stops being one
while reaching outside (it now links those networks, so they join). The
run falls back to a full one when a kind's cut-off drifts (``state``), when
a public number that hotline variants depend on changes verdict, when the
region grows past ``MAX_REGION_SHARE`` of all reports, or when a retraction
took linked reports out of their networks since the last run (``WITHDRAWN``).

Guarantee: an incremental run gives the partition and verdicts that a full
run computes with the stored cut-offs; with unchanged cut-offs, exactly a
full run's (tested with Hypothesis on generated data, where no kind has
enough shared identifiers for a quantile cut-off). Within the tolerance a
cut-off may lag its true quantile by up to 0.25 points of the kind's shared
identifiers, so an identifier whose degree sits between the two may be
judged differently until the next full run. Name joins (``--names``) are
always decided by a full run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from fraudlink.link.networks import region as reg
from fraudlink.link.networks.hubs import Cutoff
from fraudlink.link.networks.state import WITHDRAWN, KindState, read_kinds, write_kinds
from fraudlink.link.networks.store import withdrawn_reports
from fraudlink.link.networks.tables import LinkIdentifier, LinkReport
from fraudlink.store.schema import Report

Counts = tuple[int, int, int, int, int]

#: beyond this share of all reports in the region (and ``MIN_REGION_LIMIT``), a full run is cheaper
MAX_REGION_SHARE = 0.25
MIN_REGION_LIMIT = 50_000

#: A withdrawn report lowers the degree of everything it named: hubs may stop being hubs,
#: the kinds' counts around their cut-offs move down, hub groups lose it, and a network it
#: alone held together splits. The region logic only knows degrees that rise, so the run
#: after a retraction is a full one (retractions are rare; the run after it is incremental).
WITHDRAWN_REASON = "reports were withdrawn from their networks by a retraction since the last run"


@dataclass(frozen=True, slots=True)
class Touched:
    """The new reports, what they name, and those identifiers' degrees before and after."""

    reports: list[int]
    mentions: set[tuple[int, int]]
    degree: dict[int, int]
    added: Counter[int]


def extend(connection: Connection) -> Counts | str:
    """Link the reports not linked yet; a string says why a full run is needed instead."""
    kinds = read_kinds(connection)
    if WITHDRAWN in kinds:
        return WITHDRAWN_REASON
    new = _new_reports(connection)
    if not new:
        return stored_counts(connection, 0)
    if not kinds:
        return "no stored hub cut-offs (the last full run predates them)"
    touched = _touched(connection, new)
    kinds, drift = _moved_kinds(connection, kinds, touched)
    if drift:
        return drift
    total = connection.execute(select(func.count()).select_from(LinkReport)).scalar_one()
    limit = max(int(total * MAX_REGION_SHARE), MIN_REGION_LIMIT)
    outcome = reg.relink(connection, touched.reports, touched.degree, touched.added,
                         kinds_cutoffs(kinds), limit)  # fmt: skip
    if isinstance(outcome, str):
        return outcome
    write_kinds(connection, kinds, full=False)
    return stored_counts(connection, len(new))


def kinds_cutoffs(kinds: dict[str, KindState]) -> dict[str, Cutoff]:
    return {name: state.cutoff for name, state in kinds.items()}


def _new_reports(connection: Connection) -> list[int]:
    """Reports without a network: those ingested since the last run, read above the last id
    linked unless the counts say some lie below it (then by an anti-join)."""
    gone = withdrawn_reports(connection)  # retracted: in no network, never new
    last = select(func.coalesce(func.max(LinkReport.report_id), 0)).scalar_subquery()
    above = list(
        connection.execute(select(Report.id).where(Report.id > last).order_by(Report.id)).scalars()
    )
    if len(gone):
        skip = set(gone.tolist())
        above = [i for i in above if i not in skip]
    reports = connection.execute(select(func.count()).select_from(Report)).scalar_one()
    linked = connection.execute(select(func.count()).select_from(LinkReport)).scalar_one()
    if reports - len(gone) - linked == len(above):
        return above
    stmt = (
        select(Report.id)
        .outerjoin(LinkReport, LinkReport.report_id == Report.id)
        .where(LinkReport.report_id.is_(None))
        .order_by(Report.id)
    )
    if len(gone):
        stmt = stmt.where(Report.id.not_in(gone.tolist()))
    return list(connection.execute(stmt).scalars())


def _touched(connection: Connection, new: list[int]) -> Touched:
    mentions = reg.mentions_of_reports(connection, new)
    added = Counter(i for _, i in mentions)
    degree = reg.degrees(connection, sorted(added), added)
    return Touched(new, mentions, degree, added)


def _moved_kinds(
    connection: Connection, kinds: dict[str, KindState], touched: Touched
) -> tuple[dict[str, KindState], str]:
    """Kind counts moved by the new degrees, and the first drift found ("" if none)."""
    moved = dict(kinds)
    for identifier, kind, _ in reg.identifier_info(connection, sorted(touched.degree)):
        new_degree = touched.degree[identifier]
        state = moved.get(kind) or KindState(Cutoff(None, 0, 0), 0, 0)
        moved[kind] = state.moved(new_degree - touched.added[identifier], new_degree)
    for kind, state in sorted(moved.items()):
        reason = state.drift()
        if reason:
            return moved, f"{kind}: {reason}"
    return moved, ""


def stored_counts(connection: Connection, new: int) -> Counts:
    """Reports, new reports, networks of two or more, hubs and allow-listed, as stored."""
    reports = connection.execute(select(func.count()).select_from(LinkReport)).scalar_one()
    sizes = select(LinkReport.network_id).group_by(LinkReport.network_id).having(func.count() > 1)
    networks = connection.execute(select(func.count()).select_from(sizes.subquery())).scalar_one()
    hubs = _status_count(connection, "hub")
    return reports, new, networks, hubs, _status_count(connection, "allowlisted")


def _status_count(connection: Connection, status: str) -> int:
    stmt = select(func.count()).select_from(LinkIdentifier).where(LinkIdentifier.status == status)
    return int(connection.execute(stmt).scalar_one())
