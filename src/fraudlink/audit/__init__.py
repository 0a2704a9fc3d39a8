"""The audit log: who created, read, exported, imported, deleted or approved which record, why.

Append-only and hash-chained: each entry holds the hash of the one before it,
so ``verify`` detects an entry edited, removed or moved, and names the first.
"""

from fraudlink.audit.log import (
    ACTIONS,
    AuditEntry,
    AuditEvent,
    AuditFilter,
    current_user,
    find_entries,
    last_entries,
    record_event,
    record_events,
)
from fraudlink.audit.verify import AuditChainBroken, VerifyResult, verify, verify_connection

__all__ = [
    "ACTIONS",
    "AuditChainBroken",
    "AuditEntry",
    "AuditEvent",
    "AuditFilter",
    "VerifyResult",
    "current_user",
    "find_entries",
    "last_entries",
    "record_event",
    "record_events",
    "verify",
    "verify_connection",
]
