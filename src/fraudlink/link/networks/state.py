"""What the hub rule needs between runs: per-kind cut-offs and the groups each hub was judged on.

A full run stores both; an incremental run judges with them and moves them
forward. The cut-offs are quantiles of the whole database's degrees, which an
incremental run cannot afford to recompute, so it counts instead how many
shared identifiers of each kind sit at or above the stored cut-off: while that
share stays within ``CUTOFF_TOLERANCE`` of what it was at the full run, the
cut-off is still (nearly) the ``KIND_QUANTILE`` quantile it stands for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Connection, delete, insert, select, update

from fraudlink.link.networks.hubs import KIND_QUANTILE, KIND_SAMPLE, Cutoff
from fraudlink.link.networks.tables import LinkHubGroup, LinkKind
from fraudlink.store.locks import insert_missing

#: how far the share of a kind's shared identifiers at or above its cut-off may move (0.25 points)
CUTOFF_TOLERANCE = 0.0025
CHUNK = 5_000


@dataclass(frozen=True, slots=True)
class KindState:
    """A kind's cut-off now, and the share above it at the last full run."""

    cutoff: Cutoff
    full_shared: int
    full_above: int

    def drift(self) -> str | None:
        """Why the stored cut-off no longer stands for its quantile, or ``None``."""
        cut = self.cutoff
        if cut.degree is None:
            if cut.shared >= KIND_SAMPLE:
                return f"now has {cut.shared} shared identifiers, enough for a degree cut-off"
            return None
        before = self.full_above / self.full_shared
        now = cut.above / cut.shared
        if abs(now - before) <= CUTOFF_TOLERANCE:
            return None
        return (
            f"degree cut-off {cut.degree:g} moved from the {100 * (1 - before):.2f}th to the "
            f"{100 * (1 - now):.2f}th percentile (tolerance {100 * CUTOFF_TOLERANCE:g} points "
            f"around the {100 * KIND_QUANTILE:g}th)"
        )

    def moved(self, old_degree: int, new_degree: int) -> KindState:
        """The counts after one identifier of this kind went from ``old_degree`` to ``new``."""
        cut = self.cutoff
        shared = cut.shared + (old_degree < 2 <= new_degree)
        crossed = cut.degree is not None and old_degree < cut.degree <= new_degree
        return replace(self, cutoff=Cutoff(cut.degree, shared, cut.above + crossed))


def read_kinds(connection: Connection) -> dict[str, KindState]:
    rows = connection.execute(
        select(LinkKind.kind, LinkKind.cutoff, LinkKind.shared, LinkKind.above,
               LinkKind.full_shared, LinkKind.full_above)
    )  # fmt: skip
    return {k: KindState(Cutoff(c, s, a), fs, fa) for k, c, s, a, fs, fa in rows}


def write_kinds(connection: Connection, kinds: dict[str, KindState], full: bool) -> None:
    """Store the kinds' states; a full run replaces them all, an incremental one updates."""
    if full:
        connection.execute(delete(LinkKind))
        rows = [_kind_row(k, s) for k, s in kinds.items()]
        if rows:
            connection.execute(insert(LinkKind), rows)
        return
    for name, state in kinds.items():
        values = _kind_row(name, state)
        found = connection.execute(
            update(LinkKind).where(LinkKind.kind == name).values(values)
        ).rowcount
        if not found:
            connection.execute(insert(LinkKind), [values])


def _kind_row(name: str, state: KindState) -> dict[str, object]:
    return {"kind": name, "cutoff": state.cutoff.degree, "shared": state.cutoff.shared,
            "above": state.cutoff.above, "full_shared": state.full_shared,
            "full_above": state.full_above}  # fmt: skip


#: a kind no identifier has: its row says a full run stored the cut-offs, even when there were none
STORED = "*"


#: another such row: the last full run also joined networks by person names
NAMES = "*names"


#: and another: a retraction took linked reports out of their networks since the last full
#: run (written by ``share.importer.withdraw_from_views``, cleared by the next full run)
WITHDRAWN = "*withdrawn"


def mark_withdrawn(connection: Connection) -> None:
    """Keep the next run a full one: reports were withdrawn after this run read the graph."""
    row = _kind_row(WITHDRAWN, KindState(Cutoff(None, 0, 0), 0, 0))
    insert_missing(connection, LinkKind, [row], ["kind"])  # as the retraction writes it


def fresh_kinds(cutoffs: dict[str, Cutoff], names: bool = False) -> dict[str, KindState]:
    kinds = {k: KindState(c, c.shared, c.above) for k, c in cutoffs.items()}
    marks = [STORED, NAMES] if names else [STORED]
    return {**{m: KindState(Cutoff(None, 0, 0), 0, 0) for m in marks}, **kinds}


def write_groups(
    connection: Connection, rows: Iterable[tuple[int, int, int]], replace_ids: Sequence[int] | None
) -> None:
    """Insert ``(hub, report, count)`` rows after deleting ``replace_ids``' (all when ``None``)."""
    if replace_ids is None:
        connection.execute(delete(LinkHubGroup))
    else:
        for start in range(0, len(replace_ids), CHUNK):
            chunk = replace_ids[start : start + CHUNK]
            connection.execute(delete(LinkHubGroup).where(LinkHubGroup.identifier_id.in_(chunk)))
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = (
        "INSERT INTO link_hub_group (identifier_id, report_id, count) "
        f"VALUES ({mark}, {mark}, {mark})"
    )
    batch = list(rows)
    for start in range(0, len(batch), 50_000):
        connection.exec_driver_sql(sql, batch[start : start + 50_000])
