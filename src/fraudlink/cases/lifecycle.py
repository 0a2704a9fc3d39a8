"""Where a subject of a case may go next, by role; the steps come from the agreements.

A suspect is wanted, located, arrested, charged and then handed over,
repatriated or released; a victim is reported missing, located, rescued and
repatriated. A step may be skipped (an arrest without a prior "located") but
never reversed, except that a suspect may be released at any point after
being located.
"""

from __future__ import annotations

from fraudlink.errors import InputError

SUSPECT_STEPS = ("wanted", "located", "arrested", "charged")
SUSPECT_ENDS = ("handed_over", "repatriated", "released")
VICTIM_STEPS = ("reported_missing", "located", "rescued", "repatriated")
SUSPECT_ROLES = frozenset({"suspect", "recruiter", "boss", "money_mule"})


class InvalidTransition(InputError):
    """A status change the lifecycle of the subject's role does not allow."""


def lifecycle(role: str) -> tuple[str, ...]:
    if role in SUSPECT_ROLES:
        return (*SUSPECT_STEPS, *SUSPECT_ENDS)
    if role == "victim":
        return VICTIM_STEPS
    return ()


def allowed_next(role: str, current: str | None) -> tuple[str, ...]:
    """Statuses that may follow ``current`` (None: the subject has no status yet)."""
    if role in SUSPECT_ROLES:
        return _suspect_next(current)
    if role == "victim":
        position = -1 if current is None else VICTIM_STEPS.index(current)
        return VICTIM_STEPS[position + 1 :]
    return ()


def _suspect_next(current: str | None) -> tuple[str, ...]:
    if current in SUSPECT_ENDS:
        return ()
    position = -1 if current is None else SUSPECT_STEPS.index(current)
    following = SUSPECT_STEPS[position + 1 :]
    ends: tuple[str, ...] = ()
    if current in ("arrested", "charged"):
        ends = SUSPECT_ENDS
    elif current == "located":
        ends = ("released",)
    return (*following, *ends)


def check_transition(role: str, current: str | None, new: str) -> None:
    if new not in lifecycle(role):
        known = ", ".join(lifecycle(role)) or "none (this role has no status lifecycle)"
        raise InvalidTransition(f"'{new}' is not a status of a {role}; use one of: {known}.")
    allowed = allowed_next(role, current)
    if new not in allowed:
        options = ", ".join(allowed) or "nothing: the history is closed"
        raise InvalidTransition(
            f"A {role} whose status is '{current}' cannot become '{new}'; next may be: {options}."
        )
