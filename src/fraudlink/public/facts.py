"""The facts of every report that publish needs, in columns: about 25 bytes a report.

As Python objects (a dataclass per report in a dict) they took some 300 bytes
a report, so 10M reports needed several gigabytes before one identifier was
counted. Here each fact is a cell of a numpy array indexed by the report's id
(ids are dense: the store numbers reports as it takes them), countries and
scam types are small codes, days are ordinals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """The little the index needs of one report, computed once."""

    story: int
    victim: int
    day: str
    country: str | None
    scam_type: str | None


class Codes:
    """Small integer codes for a few distinct strings (countries, scam types); 0 is none."""

    def __init__(self) -> None:
        self.names: list[str | None] = [None]
        self._code: dict[str, int] = {}

    def code(self, name: str | None) -> int:
        if not name:
            return 0
        found = self._code.get(name)
        if found is None:
            found = self._code[name] = len(self.names)
            self.names.append(name)
        return found


class FactTable:
    """Facts by report id, for ids from 0 to ``size - 1``."""

    def __init__(self, size: int) -> None:
        self.story = np.zeros(size, np.uint64)
        self.victim = np.zeros(size, np.uint64)
        self.day = np.zeros(size, np.int32)
        self.country = np.zeros(size, np.uint16)
        self.scam_type = np.zeros(size, np.uint16)
        self.countries, self.scam_types = Codes(), Codes()

    def put(self, report_id: int, facts: ReportFacts) -> None:
        self.story[report_id] = facts.story
        self.victim[report_id] = facts.victim
        self.day[report_id] = dt.date.fromisoformat(facts.day).toordinal()
        self.country[report_id] = self.countries.code(facts.country)
        self.scam_type[report_id] = self.scam_types.code(facts.scam_type)

    def gather(self, ids: Sequence[int]) -> Gathered:
        """What the reports ``ids`` say together about the identifier they name."""
        rows = np.fromiter(ids, np.int64, len(ids))
        days = self.day[rows]
        return Gathered(
            stories=len(np.unique(self.story[rows])),
            victims=len(np.unique(self.victim[rows])),
            first=dt.date.fromordinal(int(days.min())).isoformat(),
            last=dt.date.fromordinal(int(days.max())).isoformat(),
            countries=_names(self.countries, self.country[rows]),
            scam_types=_names(self.scam_types, self.scam_type[rows]),
        )


def _names(codes: Codes, column: np.ndarray) -> tuple[str, ...]:
    return tuple(str(codes.names[c]) for c in np.unique(column) if c)


@dataclass(frozen=True, slots=True)
class Gathered:
    stories: int
    victims: int
    first: str
    last: str
    countries: tuple[str, ...]
    scam_types: tuple[str, ...]
