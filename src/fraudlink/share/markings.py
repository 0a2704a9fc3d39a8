"""Markings carried by every package and imported record: TLP 2.0, handling codes, grading.

TLP levels are ordered so that an import can only keep or raise a marking,
never lower it. Handling codes follow the conditions partner agencies attach
to police information; grading is the source reliability (A–F, X) and
information accuracy (1–4) used in police intelligence grading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from fraudlink.errors import InputError
from fraudlink.store.schema import TLP_LEVELS

HANDLING_CODES: dict[str, str] = {
    "crime_only": "use only to prevent and fight crime",
    "no_court": "not to be used in court without the sender's permission",
    "no_onward": "not to be passed on without the sender's permission",
}
DEFAULT_HANDLING = tuple(HANDLING_CODES)
RELIABILITY = ("A", "B", "C", "D", "E", "F", "X")
ACCURACY = (1, 2, 3, 4)
FREE_UP_TO = "GREEN"  # above this, or with personal data, a second person approves


def tlp_rank(level: str) -> int:
    return TLP_LEVELS.index(check_tlp(level))


def check_tlp(level: str) -> str:
    if level not in TLP_LEVELS:
        raise InputError(f"TLP '{level}' is not one of {', '.join(TLP_LEVELS)}.")
    return level


def strictest(*levels: str) -> str:
    """The most restrictive of ``levels``: what an import keeps so nothing is downgraded."""
    return max(levels, key=tlp_rank)


def needs_approval(level: str, personal_data: bool) -> bool:
    """The two-person rule: anything above TLP:GREEN or naming people needs a second person."""
    return tlp_rank(level) > tlp_rank(FREE_UP_TO) or personal_data


@dataclass(frozen=True)
class Markings:
    """What travels on the outside of a package and is stamped on every record it imports."""

    tlp: str = "AMBER"
    handling: tuple[str, ...] = DEFAULT_HANDLING
    reliability: str = "B"
    accuracy: int = 2
    notes: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        check_tlp(self.tlp)
        unknown = sorted(set(self.handling) - set(HANDLING_CODES))
        if unknown:
            raise InputError(
                f"Handling code {', '.join(unknown)} is unknown; use {', '.join(HANDLING_CODES)}."
            )
        if self.reliability not in RELIABILITY:
            raise InputError(f"Source reliability must be one of {', '.join(RELIABILITY)}.")
        if self.accuracy not in ACCURACY:
            raise InputError("Information accuracy must be 1, 2, 3 or 4.")

    def as_json(self) -> dict[str, object]:
        return {
            "tlp": self.tlp,
            "handling": list(self.handling),
            "reliability": self.reliability,
            "accuracy": self.accuracy,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Markings:
        handling = data.get("handling", DEFAULT_HANDLING)
        accuracy = data.get("accuracy", 2)
        return cls(
            tlp=str(data.get("tlp", "AMBER")),
            handling=tuple(str(code) for code in _iterable(handling)),
            reliability=str(data.get("reliability", "B")),
            accuracy=int(accuracy) if isinstance(accuracy, int | str) else 0,
        )


def _iterable(value: object) -> Iterable[object]:
    if isinstance(value, list | tuple):
        return value
    raise InputError("Handling codes must be a list.")
