"""Cases and the people in them: the records the three procedures of the agreements act on."""

from fraudlink.cases.lifecycle import InvalidTransition, allowed_next, check_transition
from fraudlink.cases.service import (
    add_subject,
    attach_report,
    get_case,
    history,
    open_case,
    record_status,
)

__all__ = [
    "InvalidTransition",
    "add_subject",
    "allowed_next",
    "attach_report",
    "check_transition",
    "get_case",
    "history",
    "open_case",
    "record_status",
]
