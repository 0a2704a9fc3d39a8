"""The fast row hash used by ``verify`` spells exactly the canonical sorted-key JSON."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fraudlink.audit.chain import FIELDS, canonical_json, entry_hash, row_hash

texts = st.text()
maybe = st.none() | st.text()


@given(
    seq=st.integers(min_value=1, max_value=2**62),
    at=texts,
    action=texts,
    record_type=texts,
    record_id=texts,
    user=texts,
    agency=maybe,
    purpose=maybe,
    detail=st.dictionaries(st.text(), st.text() | st.integers() | st.none()),
    prev_hash=texts,
)
def test_row_hash_equals_entry_hash(
    seq: int,
    at: str,
    action: str,
    record_type: str,
    record_id: str,
    user: str,
    agency: str | None,
    purpose: str | None,
    detail: dict[str, object],
    prev_hash: str,
) -> None:
    fields = {
        "seq": seq,
        "at": at,
        "action": action,
        "record_type": record_type,
        "record_id": record_id,
        "user": user,
        "agency": agency,
        "purpose": purpose,
        "detail": canonical_json(detail),
        "prev_hash": prev_hash,
    }
    assert row_hash([fields[name] for name in FIELDS]) == entry_hash(fields)


def test_one_changed_character_changes_the_hash() -> None:
    row = [1, "2026-01-01T00:00:00.000000Z", "read", "report", "1", "u", None, None, "{}", "0"]
    changed = [*row[:5], "v", *row[6:]]
    assert row_hash(row) != row_hash(changed)
