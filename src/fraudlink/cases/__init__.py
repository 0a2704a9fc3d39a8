"""Cases and the people in them: the records the three procedures of the agreements act on."""

from fraudlink.cases.lifecycle import InvalidTransition, allowed_next, check_transition
from fraudlink.cases.service import (
    add_subject,
    attach_report,
    case_overview,
    find_subject,
    get_case,
    history,
    list_cases,
    open_case,
    record_status,
)

__all__ = [
    "InvalidTransition",
    "add_subject",
    "allowed_next",
    "attach_report",
    "case_overview",
    "check_transition",
    "find_subject",
    "get_case",
    "history",
    "list_cases",
    "open_case",
    "record_status",
]
