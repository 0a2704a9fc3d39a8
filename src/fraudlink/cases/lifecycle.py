"""Where a subject of a case may go next, by role; the steps come from the agreements.

A suspect is wanted, located, arrested and detained; then moved to the country that
tries them (handed over, deported, extradited, a voluntary return, or repatriated) and
charged — in either order, since some are charged where they were arrested and some
where they are sent — and at last convicted. A step may be skipped (an arrest without a
prior "located") but never repeated or reversed; a suspect may be released at any point
after being located, and a conviction or a release closes the history. A victim is
reported missing, located, rescued and repatriated.
"""

from __future__ import annotations

from collections.abc import Collection

from fraudlink.errors import InputError

SUSPECT_STEPS = ("wanted", "located", "arrested", "detained")
TRANSFERS = ("handed_over", "deported", "extradited", "voluntary_return", "repatriated")
SUSPECT_ENDS = ("convicted", "released")
VICTIM_STEPS = ("reported_missing", "located", "rescued", "repatriated")
SUSPECT_ROLES = frozenset({"suspect", "recruiter", "boss", "money_mule"})


class InvalidTransition(InputError):
    """A status change the lifecycle of the subject's role does not allow."""


def lifecycle(role: str) -> tuple[str, ...]:
    if role in SUSPECT_ROLES:
        return (*SUSPECT_STEPS, *TRANSFERS, "charged", *SUSPECT_ENDS)
    if role == "victim":
        return VICTIM_STEPS
    return ()


def allowed_next(
    role: str, current: str | None, done: Collection[str] | None = None
) -> tuple[str, ...]:
    """Statuses that may follow ``current`` (None: no status yet), given every step ``done``."""
    if role in SUSPECT_ROLES:
        return _suspect_next(current, {*(done or ()), *([current] if current else [])})
    if role == "victim":
        position = -1 if current is None else VICTIM_STEPS.index(current)
        return VICTIM_STEPS[position + 1 :]
    return ()


def _suspect_next(current: str | None, done: set[str]) -> tuple[str, ...]:
    if current in SUSPECT_ENDS:
        return ()
    if current is None or current in SUSPECT_STEPS:
        position = -1 if current is None else SUSPECT_STEPS.index(current)
        following: tuple[str, ...] = SUSPECT_STEPS[position + 1 :]
        if current in ("arrested", "detained"):
            following = (*following, *TRANSFERS)
        released = () if current in (None, "wanted") else ("released",)
        return (*following, "charged", *released)
    moved = bool(done & set(TRANSFERS))
    charged = "charged" in done
    return (
        *(() if moved else TRANSFERS),
        *(() if charged else ("charged",)),
        *(("convicted",) if charged else ()),
        "released",
    )


def check_transition(
    role: str, current: str | None, new: str, done: Collection[str] | None = None
) -> None:
    if new not in lifecycle(role):
        known = ", ".join(lifecycle(role)) or "none (this role has no status lifecycle)"
        raise InvalidTransition(f"'{new}' is not a status of a {role}; use one of: {known}.")
    allowed = allowed_next(role, current, done)
    if new not in allowed:
        options = ", ".join(allowed) or "nothing: the history is closed"
        raise InvalidTransition(
            f"A {role} whose status is '{current}' cannot become '{new}'; next may be: {options}."
        )
