"""How an entry is hashed: sorted-key JSON of its fields, the previous hash included.

Kept apart from the database code so that ``verify`` and any offline checker
(a receiving agency, an auditor's script) hash exactly the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

FIELDS = (
    "seq",
    "at",
    "action",
    "record_type",
    "record_id",
    "user",
    "agency",
    "purpose",
    "detail",
    "prev_hash",
)


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(fields: Mapping[str, Any]) -> str:
    """SHA-256 over the canonical JSON of the entry's fields (``detail`` as its stored text)."""
    payload = canonical_json({name: fields[name] for name in FIELDS})
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
