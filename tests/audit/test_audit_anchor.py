"""Anchors against someone who can write the database: every attack of issue 10, item 7.

Each attack first passes the plain ``verify`` (the chain was recomputed, the
head moved) and is then caught by ``verify`` against an anchor written before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from fraudlink.audit import record_event, verify
from fraudlink.audit.anchor import read_anchor, verify_anchor, write_anchor
from fraudlink.audit.chain import entry_hash
from fraudlink.audit.tables import GENESIS
from fraudlink.errors import InputError
from fraudlink.settings import Settings
from fraudlink.share import add_officer, init_agency
from fraudlink.share.errors import KeyProblem
from fraudlink.store import Database, open_database

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def anchored(database: Database, tmp_path: Path) -> Path:
    """Six entries, then an anchor of them, then two more entries."""
    with database.session() as session:
        init_agency(session, "KH-NPA", "KH police", "KH", PASSPHRASE)
    _fill(database, 0, 6)
    path = tmp_path / "anchor-1.json"
    anchor = write_anchor(database, path, PASSPHRASE)
    assert (anchor.entries, anchor.seq) == (6, 6)
    _fill(database, 6, 8)
    return path


def _fill(database: Database, start: int, stop: int) -> None:
    with database.session() as session:
        for n in range(start, stop):
            record_event(
                session, action="read", record_type="report", record_id=f"R-{n}", user="kim"
            )


def _sql(database: Database, statement: str, **params: object) -> None:
    with database.engine.begin() as connection:
        connection.execute(text(statement), params)


def _rechain(database: Database) -> None:
    """What an insider does after editing: recompute every hash and move the head."""
    columns = "seq, at, action, record_type, record_id, user_name, agency, purpose, detail"
    with database.engine.begin() as connection:
        rows = connection.execute(text(f"SELECT {columns} FROM audit_entry ORDER BY seq")).all()
        previous = GENESIS
        for row in rows:
            fields = dict(row._mapping) | {"prev_hash": previous}
            fields["user"] = fields.pop("user_name")
            previous = entry_hash(fields)
            connection.execute(
                text("UPDATE audit_entry SET prev_hash = :p, hash = :h WHERE seq = :s"),
                {"p": fields["prev_hash"], "h": previous, "s": row.seq},
            )
        last = rows[-1].seq if rows else 0
        connection.execute(
            text("UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1"),
            {"s": last, "h": previous},
        )


def _caught(database: Database, anchor: Path, words: str) -> None:
    plain = verify(database)
    assert plain.ok, plain.describe()  # the attack fools the chain alone
    result = verify_anchor(database, anchor)
    assert not result.ok
    assert words in result.describe(), result.describe()


def test_a_log_that_grew_extends_its_anchor(database: Database, anchored: Path) -> None:
    result = verify_anchor(database, anchored)
    assert result.ok, result.describe()
    assert (result.entries, result.anchored) == (8, 6)
    assert "extends its anchor of 6 entries" in result.describe()


RENUMBER = [f"UPDATE audit_entry SET seq = {n - 1} WHERE seq = {n}" for n in range(4, 9)]
ATTACKS = {
    "edit and rechain": (
        ["UPDATE audit_entry SET user_name = 'nobody' WHERE seq = 2"],
        "at entry 6: differs from the anchor",
    ),
    "delete and renumber": (
        ["DELETE FROM audit_entry WHERE seq = 3", *RENUMBER],
        "differs from the anchor",
    ),
    "truncate and move the head": (
        ["DELETE FROM audit_entry WHERE seq > 4"],
        "holds 4 entries up to 4, the anchor of",
    ),
    "wipe every row": (["DELETE FROM audit_entry"], "entries were removed"),
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_rewriting_the_log_is_caught_by_its_anchor(
    database: Database, anchored: Path, attack: str
) -> None:
    statements, expected = ATTACKS[attack]
    for statement in statements:
        _sql(database, statement)
    _rechain(database)
    _caught(database, anchored, expected)


def test_a_forged_or_foreign_anchor_is_refused(
    database: Database, anchored: Path, tmp_path: Path
) -> None:
    data = json.loads(anchored.read_text())
    data["entries"] = 2  # an insider lowers the checkpoint to match a truncated log
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(data))
    result = verify_anchor(database, forged)
    assert not result.ok and "signature does not verify" in (result.problem or "")


def test_a_missing_head_row_or_table_is_a_result_not_a_traceback(
    database: Database, anchored: Path
) -> None:
    _sql(database, "DELETE FROM audit_head")
    for result in (verify(database), verify_anchor(database, anchored)):
        assert not result.ok and "audit_head" in (result.problem or "")
    _sql(database, "DROP TABLE audit_entry")
    result = verify(database)
    assert not result.ok and "cannot be read" in (result.problem or "")


def test_anchor_files_are_checked_and_never_overwritten(
    database: Database, anchored: Path, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match="never overwritten"):
        write_anchor(database, anchored, PASSPHRASE)
    with pytest.raises(KeyProblem):
        write_anchor(database, tmp_path / "other.json", "not the passphrase")
    for junk in ("", "[]", '{"format": "fraudlink-audit-anchor/1"}', "[" * 10_000):
        path = tmp_path / "junk.json"
        path.write_text(junk)
        with pytest.raises(InputError, match="not a readable audit anchor"):
            read_anchor(path)
    _sql(database, "UPDATE audit_entry SET purpose = 'x' WHERE seq = 7")
    with pytest.raises(Exception, match="only over an intact log"):
        write_anchor(database, tmp_path / "late.json", PASSPHRASE)


def test_anchors_are_written_as_the_log_grows(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "anchors"
    store = open_database(Settings(db=db_url, anchor_dir=folder, anchor_every=3))
    with store.session() as session:
        init_agency(session, "KH-NPA", "KH police", "KH", PASSPHRASE)
    for n in range(7):  # each registration is one audited entry, made with the passphrase
        add_officer(store, f"officer {n}", "liaison", PASSPHRASE, "admin")
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["anchor-000000000003.json", "anchor-000000000006.json"]
    for name in names:
        assert verify_anchor(store, folder / name).ok
    store.dispose()
