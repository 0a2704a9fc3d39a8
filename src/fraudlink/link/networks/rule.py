"""The hub rule, engine-free: what every engine that links reports must decide the same way.

An identifier links the reports that name it unless it is a *hub*: its
reports fall into several distinct, non-trivial groups with none of them
dominant. ``graph`` (in-process) and ``spark`` (Spark DataFrames) both find
the groups; both judge them with ``judge`` through ``settle``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]

#: below this many reports an identifier cannot be told apart from a small network's hinge
MIN_HUB_DEGREE = 4
#: a hub's reports fall into at least this many groups that have other evidence ...
MIN_HUB_GROUPS = 3
#: ... and no group holds this share of those reports (a network's own identifier would)
MAX_GROUP_SHARE = 0.5
#: ... unless, besides its largest group, it reaches this many others (a hub a big network uses)
MANY_OTHER_GROUPS = 5


@dataclass(frozen=True, slots=True)
class HubVerdict:
    """Why an identifier did or did not link: the groups its reports fell into."""

    hub: bool
    degree: int
    groups: int
    largest: int
    grouped: int

    def reason(self) -> str:
        if not self.hub:
            return (
                f"links: {self.degree} reports, largest group holds {self.largest}/{self.grouped}"
            )
        return (
            f"hub: its {self.degree} reports fall into {self.groups} otherwise-linked groups, "
            f"the largest holding only {self.largest} of {self.grouped}"
        )


def judge(degree: int, group_counts: Iterable[int], needed: int = MIN_HUB_GROUPS) -> HubVerdict:
    """The degree-aware hub rule over how many of an identifier's reports sit in each group.

    ``needed`` is how many groups this identifier must reach (``hubs.profile``).
    """
    counts = sorted(group_counts, reverse=True)
    grouped = sum(counts)
    largest = counts[0] if counts else 0
    others = len(counts) - 1
    hub = degree >= MIN_HUB_DEGREE and (
        (len(counts) >= needed and largest < MAX_GROUP_SHARE * grouped)
        or others >= max(needed, MANY_OTHER_GROUPS)
    )
    return HubVerdict(hub, degree, len(counts), largest, grouped)


def can_be_hub(degree: IntArray, needed: IntArray) -> npt.NDArray[np.bool_]:
    """Identifiers the hub rule must judge one by one; every other one simply links."""
    result: npt.NDArray[np.bool_] = (degree >= MIN_HUB_DEGREE) & (needed <= degree)
    return result
