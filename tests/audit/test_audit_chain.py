"""The audit chain on SQLite and PostgreSQL: appends, tampering found, rollbacks leave nothing."""

from __future__ import annotations

import itertools
import threading

import pytest
from sqlalchemy import func, select, text

from fraudlink.audit import (
    AuditEvent,
    current_user,
    last_entries,
    record_event,
    record_events,
    verify,
)
from fraudlink.audit.chain import entry_hash
from fraudlink.audit.tables import GENESIS, AuditEntryRow
from fraudlink.errors import InputError
from fraudlink.store import Database


def _fill(database: Database, count: int = 6) -> None:
    with database.session() as session:
        for n in range(count):
            record_event(
                session,
                action="read",
                record_type="report",
                record_id=f"R-{n}",
                user="analyst.kim",
                purpose="case KH-2026-001",
                agency="KH-NCB",
                detail={"fields": ["victim"], "n": n, "名": "陈志"},
            )


def _sql(database: Database, statement: str, **params: object) -> None:
    with database.engine.begin() as connection:
        connection.execute(text(statement), params)


def test_valid_chain_verifies(database: Database) -> None:
    _fill(database)
    result = verify(database)
    assert result.ok, result.describe()
    assert (result.entries, result.head_seq) == (6, 6)
    with database.engine.connect() as connection:
        entries = last_entries(connection, limit=10)
    assert [entry.seq for entry in entries] == [1, 2, 3, 4, 5, 6]
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    assert entries[-1].hash == result.head_hash
    assert entries[2].as_json()["detail"] == {"fields": ["victim"], "n": 2, "名": "陈志"}


def test_hash_is_over_the_stored_fields(database: Database) -> None:
    with database.session() as session:
        entry = record_event(session, action="export", record_type="case", record_id="7", user="u")
    fields = entry.as_json() | {"detail": entry.detail}
    assert entry_hash(fields) == entry.hash


def test_empty_log_verifies(database: Database) -> None:
    result = verify(database)
    assert result.ok and result.entries == 0 and result.head_hash == GENESIS


def test_edited_entry_is_named(database: Database) -> None:
    _fill(database)
    _sql(database, "UPDATE audit_entry SET purpose = 'curiosity' WHERE seq = 4")
    result = verify(database)
    assert not result.ok
    assert result.bad_seq == 4
    assert "edited" in (result.problem or "")


def test_edited_detail_is_named(database: Database) -> None:
    _fill(database)
    _sql(database, "UPDATE audit_entry SET detail = :d WHERE seq = 3", d='{"n":3}')
    assert verify(database).bad_seq == 3


def test_edit_with_recomputed_hash_breaks_the_next_link(database: Database) -> None:
    _fill(database)
    with database.engine.connect() as connection:
        [entry] = [e for e in last_entries(connection) if e.seq == 2]
    forged = entry.as_json() | {"detail": entry.detail, "user": "someone.else"}
    _sql(
        database,
        "UPDATE audit_entry SET user_name = 'someone.else', hash = :h WHERE seq = 2",
        h=entry_hash(forged),
    )
    result = verify(database)
    assert result.bad_seq == 3 and "follow" in (result.problem or "")


def test_removed_entry_is_named(database: Database) -> None:
    _fill(database)
    _sql(database, "DELETE FROM audit_entry WHERE seq = 3")
    result = verify(database)
    assert result.bad_seq == 3
    assert "missing" in (result.problem or "")


def test_removed_last_entry_is_found_through_the_head(database: Database) -> None:
    _fill(database)
    _sql(database, "DELETE FROM audit_entry WHERE seq = 6")
    result = verify(database)
    assert not result.ok and result.bad_seq == 6


def test_reordered_entries_are_named(database: Database) -> None:
    _fill(database)
    _sql(database, "UPDATE audit_entry SET seq = -1 WHERE seq = 2")
    _sql(database, "UPDATE audit_entry SET seq = 2 WHERE seq = 5")
    _sql(database, "UPDATE audit_entry SET seq = 5 WHERE seq = -1")
    result = verify(database)
    assert result.bad_seq == 2
    assert "reordered" in (result.problem or "")


def test_rollback_leaves_no_entry(database: Database) -> None:
    class ImportFailed(Exception):
        pass

    with pytest.raises(ImportFailed), database.session() as session:
        record_event(session, action="import", record_type="package", record_id="P1", user="u")
        raise ImportFailed
    with database.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(AuditEntryRow)) == 0
    _fill(database, 2)
    result = verify(database)
    assert result.ok and result.head_seq == 2


def test_works_on_a_plain_connection(database: Database) -> None:
    with database.engine.begin() as connection:
        record_events(
            connection,
            [AuditEvent("create", "report", str(n), "u", detail={"n": n}) for n in range(3)],
        )
    assert verify(database).entries == 3


def test_concurrent_writers_do_not_fork_the_chain(database: Database) -> None:
    errors: list[BaseException] = []

    def write(name: str) -> None:
        try:
            for n in range(40):
                with database.session() as session:
                    record_event(
                        session, action="read", record_type="report", record_id=str(n), user=name
                    )
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(f"user{t}",)) for t in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = verify(database)
    assert result.ok, result.describe()
    assert result.entries == 80


def test_unknown_action_is_refused(database: Database) -> None:
    with pytest.raises(InputError, match="not one of"), database.session() as session:
        record_event(session, action="peek", record_type="report", record_id="1", user="u")


def test_current_user_prefers_the_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRAUDLINK_USER", "from.env")
    assert current_user("explicit") == "explicit"
    assert current_user() == "from.env"
    monkeypatch.delenv("FRAUDLINK_USER")
    assert current_user()
