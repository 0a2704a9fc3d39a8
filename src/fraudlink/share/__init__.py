"""Share: signed, encrypted packages between agencies, checked by safeguards before they leave.

Importing this package registers its tables on the shared metadata.
"""

from fraudlink.share import tables as tables
from fraudlink.share.archive import Limits
from fraudlink.share.errors import KeyProblem, PackageBlocked, PackageRejected
from fraudlink.share.keys import add_card, export_card, init_agency, read_card, show_fingerprint
from fraudlink.share.markings import HANDLING_CODES, Markings
from fraudlink.share.officers import add_officer
from fraudlink.share.package import (
    Outcome,
    Request,
    approve,
    correct,
    create,
    list_packages,
    record_consular,
    retract,
)
from fraudlink.share.receive import Received, open_package

__all__ = [
    "HANDLING_CODES",
    "KeyProblem",
    "Limits",
    "Markings",
    "Outcome",
    "PackageBlocked",
    "PackageRejected",
    "Received",
    "Request",
    "add_card",
    "add_officer",
    "approve",
    "correct",
    "create",
    "export_card",
    "init_agency",
    "list_packages",
    "open_package",
    "read_card",
    "record_consular",
    "retract",
    "show_fingerprint",
]
