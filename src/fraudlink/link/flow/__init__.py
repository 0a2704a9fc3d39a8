"""Money flow: transactions imported from banks and exchanges, traced from victims to where
the money rests or leaves the data. Rules of the trace (FIFO, time order) are in ``trace``."""

from fraudlink.link.flow.accounts import normalise_account
from fraudlink.link.flow.readers import Payment, Rejected, read_transactions
from fraudlink.link.flow.store import ImportSummary, import_transactions, trace_account
from fraudlink.link.flow.trace import Hop, Trace, TrailEnd, trace_payments

__all__ = [
    "Hop",
    "ImportSummary",
    "Payment",
    "Rejected",
    "Trace",
    "TrailEnd",
    "import_transactions",
    "normalise_account",
    "read_transactions",
    "trace_account",
    "trace_payments",
]
