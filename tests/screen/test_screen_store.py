"""Importing, replacing and removing lists; the index stays right after every change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from fraudlink.audit import last_entries
from fraudlink.errors import InputError, NotFound
from fraudlink.screen import Query, import_list, list_lists, remove_list, screener
from fraudlink.screen.service import screen_all
from fraudlink.screen.tables import IndexPart, WatchEntry, WatchIdentifier
from fraudlink.store import Database


def _counts(database: Database) -> tuple[int, int, int]:
    with database.engine.connect() as c:
        return tuple(  # type: ignore[return-value]
            c.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (WatchEntry, WatchIdentifier, IndexPart)
        )


def test_import_and_screen_across_scripts(database: Database, data: Path) -> None:
    info = import_list(database, data / "ftm.jsonl", "opensanctions")
    assert info.entries == 2 and info.version == 1
    hits = screener(database).search(Query(("陳志",), birth_dates=("1987-12-16",)))
    assert hits[0].entry.id == "fl-prince-chairman" and hits[0].match
    assert hits[0].features == {"name": 1.0, "birth_date": 0.06}
    assert {e["feature"] for e in hits[0].explanation} == {"name", "birth_date"}
    org = screener(database).search(Query(("太子集团",), "Organization"))
    assert org[0].entry.id == "fl-prince-group"


def test_identifier_is_strong_evidence_and_dates_contradict(database: Database, data: Path) -> None:
    import_list(database, data / "sdn.xml", "ofac")
    engine = screener(database)
    wallet = ("crypto_wallet", "0x901bb9583b24d97e995513c6778dc6888ab6870e")
    [hit] = engine.search(Query((), identifiers=(wallet,)))
    assert hit.match and hit.features["identifier"] > 0
    same = engine.search(Query(("Chen Zhi",), birth_dates=("1987",)))[0]
    other = engine.search(Query(("Chen Zhi",), birth_dates=("1960-01-01",), nationalities=("US",)))
    assert same.score == 1.0 and other[0].score < 0.8 and not other[0].match
    assert other[0].features["birth_date"] < 0 and other[0].features["nationality"] < 0


def test_reimport_replaces_atomically_and_index_follows(
    database: Database, data: Path, tmp_path: Path
) -> None:
    import_list(database, data / "watchlist.csv", "agency")
    engine = screener(database)
    assert engine.search(Query(("Hun Many",)))[0].entry.id == "w4"
    newer = tmp_path / "newer.csv"
    newer.write_text("id,name,birth_date\nw9,Hun To,1976-01-01\n", "utf-8")
    info = import_list(database, newer, "agency")
    assert info.version == 2 and info.entries == 1
    assert engine.search(Query(("Hun Many",))) == []
    assert engine.search(Query(("Hun To",)))[0].entry.id == "w9"
    assert _counts(database) == (1, 0, 2)


@pytest.mark.parametrize("bad", ["bomb.xml", "truncated.xml", "wrong.txt"])
def test_failed_import_changes_nothing(database: Database, data: Path, bad: str) -> None:
    import_list(database, data / "sdn.xml", "ofac")
    before = (_counts(database), list_lists(database), len(last_entries_of(database)))
    with pytest.raises(InputError):
        import_list(database, data / bad, "ofac")
    assert (_counts(database), list_lists(database), len(last_entries_of(database))) == before


def last_entries_of(database: Database) -> list[Any]:
    with database.engine.connect() as c:
        return last_entries(c, 1000)


def test_older_list_refused_unless_forced(database: Database, data: Path, tmp_path: Path) -> None:
    import_list(database, data / "sdn.xml", "ofac")
    older = tmp_path / "old.xml"
    older.write_text((data / "sdn.xml").read_text().replace("10/14/2025", "01/02/2024"))
    with pytest.raises(InputError, match="older than the stored"):
        import_list(database, older, "ofac")
    assert import_list(database, older, "ofac", force=True).version == 2


def test_remove_and_list(database: Database, data: Path) -> None:
    import_list(database, data / "un.xml", "un")
    import_list(database, data / "ofac_csv" / "sdn.csv", "ofac")
    assert [i.name for i in list_lists(database)] == ["ofac", "un"]
    assert screener(database).search(Query(("Park Jung-wook",)))[0].entry.id == "un-TSi.001"
    remove_list(database, "un")
    assert [i.name for i in list_lists(database)] == ["ofac"]
    assert screener(database).search(Query(("박정욱",))) == []
    with pytest.raises(NotFound):
        remove_list(database, "un")
    actions = [(e.action, e.record_id) for e in last_entries_of(database)]
    assert ("import", "un") in actions and ("delete", "un") in actions


def test_screen_all_reports_only_new_or_changed(
    database: Database, data: Path, tmp_path: Path, ingest: Callable[[list[dict[str, Any]]], None]
) -> None:
    wallet = {"kind": "crypto_wallet", "value": "0x901bb9583b24d97e995513c6778dc6888ab6870e"}
    person = {"name": "CHEN Zhi", "role": "boss"}
    ingest([{"id": "R1", "agency": "KH-NP", "reported_at": "2025-01-01T00:00:00Z",
             "narrative": "", "persons": [person], "identifiers": [wallet]}])  # fmt: skip
    import_list(database, data / "watchlist.csv", "agency")
    first = screen_all(database)
    assert {(c.status, c.subject) for c in first} == {
        ("new", "CHEN Zhi"),
        ("new", "crypto_wallet:0x901bb9583b24d97e995513c6778dc6888ab6870e"),
    }
    assert screen_all(database) == []
    changed = tmp_path / "changed.csv"
    text = (data / "watchlist.csv").read_text("utf-8").replace("1987-12-16", "1987-12-17")
    changed.write_text(text, "utf-8")
    import_list(database, changed, "agency")
    assert {c.status for c in screen_all(database)} == {"changed"}
