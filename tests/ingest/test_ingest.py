"""Ingest: each bad line is named with its reason, good lines load, re-runs change nothing."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from fraudlink.audit import last_entries, verify
from fraudlink.errors import ColumnMappingError, UnsupportedFormat
from fraudlink.ingest import ingest_files
from fraudlink.store import Database
from fraudlink.store.schema import (
    Agency,
    Entity,
    EntityName,
    Identifier,
    MoneyRecord,
    Report,
    ReportIdentifier,
    ReportRevision,
    ReportRole,
)


def report(report_id: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": report_id,
        "agency": "KH-NPA",
        "reported_at": "2025-03-01T09:30:00+07:00",
        "narrative": "",
    }
    base.update(fields)
    return base


def write_lines(path: Path, lines: list[str | dict[str, Any]]) -> Path:
    text = "\n".join(
        line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
    )
    path.write_text(text + "\n", encoding="utf-8")
    return path


def counts(database: Database) -> dict[str, int]:
    tables = (
        Agency,
        Report,
        ReportRevision,
        Identifier,
        ReportIdentifier,
        Entity,
        EntityName,
        ReportRole,
        MoneyRecord,
    )
    with database.session() as session:
        return {
            t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
            for t in tables
        }


RICH = report(
    "r1",
    narrative="Gọi từ số 012 345 678, chuyển 50 triệu đồng",
    country="KH",
    language="vi",
    scam_type="investment",
    loss={"amount": "123456789012345.12345678", "currency": "usd"},
    identifiers=[{"kind": "phone", "value": "012 345 678"}, {"kind": "telegram", "value": "@x"}],
    persons=[
        {
            "name": "陈志",
            "role": "suspect",
            "aliases": ["Chen Zhi", "陳志"],
            "nationality": "cn",
            "birth_date": "1987-12-16",
            "documents": [{"kind": "passport", "number": "E12345678", "country": "CN"}],
        }
    ],
    victim={"name": "Nguyễn Văn A", "phone": "+84912345678"},
    channel="hotline",
    nested={"deep": [1, 2.5]},
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "bad JSON: Expecting property name enclosed in double quotes at column 2"),
        ('["a list"]', "the line is not a JSON object"),
        (
            json.dumps({"id": "x", "agency": "A", "narrative": ""}),
            "missing required field 'reported_at'",
        ),
        (
            json.dumps({"agency": "A", "reported_at": "2025-01-01", "narrative": ""}),
            "missing required field 'id'",
        ),
        (
            json.dumps(report("x", reported_at="2025-02-30")),
            "'reported_at' is not an ISO 8601 date-time: '2025-02-30'",
        ),
        (
            json.dumps(report("x", loss={"amount": "10", "currency": "DOGECOIN"})),
            "'loss.currency': unknown currency 'DOGECOIN'; use an ISO 4217 code such as USD",
        ),
        (
            json.dumps(report("x", loss={"amount": "ten", "currency": "USD"})),
            "'loss.amount': 'ten' is not a number",
        ),
        (
            json.dumps(report("x", country="Cambodia")),
            "'country': 'Cambodia' is not an ISO 3166-1 alpha-2 country code such as KH",
        ),
        (
            json.dumps(report("x", persons=[{"name": "A", "birth_date": "16/12/1987"}])),
            "'persons.0.birth_date' is not an ISO 8601 date: '16/12/1987'",
        ),
    ],
)
def test_each_bad_line_is_named_with_its_reason(
    database: Database, tmp_path: Path, line: str, reason: str
) -> None:
    path = write_lines(tmp_path / "in.jsonl", [report("good-1"), line, report("good-2")])
    summary = ingest_files(database, [path])
    assert [(r.line, r.reason) for r in summary.rejected] == [(2, reason)]
    assert str(summary.rejected[0]) == f"{path}:2: {reason}"
    assert (summary.loaded, summary.unchanged) == (2, 0)


def test_not_utf8_line_is_rejected_and_the_rest_loads(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        json.dumps(report("a")).encode()
        + b"\n\xff\xfe{}\n"
        + json.dumps(report("b")).encode()
        + b"\n"
    )
    summary = ingest_files(database, [path])
    [rejected] = summary.rejected
    assert rejected.line == 2
    assert rejected.reason.startswith("not UTF-8 text (character 1); give the file's encoding")
    assert summary.loaded == 2


def test_everything_in_a_report_is_stored(database: Database, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", [RICH])
    ingest_files(database, [path])
    with database.session() as session:
        stored = session.scalars(select(Report)).one()
        assert stored.raw == json.dumps(RICH, ensure_ascii=False)
        assert stored.extra == {"channel": "hotline", "nested": {"deep": [1, "2.5"]}}
        assert stored.victim == RICH["victim"]
        assert (stored.country, stored.language, stored.scam_type) == ("KH", "vi", "investment")
        assert stored.reported_at.replace(tzinfo=None).isoformat() == "2025-03-01T02:30:00"
        money = session.scalars(select(MoneyRecord)).one()
        assert (money.amount, money.currency) == (Decimal("123456789012345.12345678"), "USD")
        person = session.scalars(select(Entity)).one()
        assert (person.name, person.nationality, str(person.birth_date)) == (
            "陈志",
            "CN",
            "1987-12-16",
        )
        names = session.scalars(select(EntityName.name).order_by(EntityName.id)).all()
        assert names == ["陈志", "Chen Zhi", "陳志"]
        assert session.scalars(select(ReportRole.role)).all() == ["suspect"]
        raws = session.scalars(
            select(ReportIdentifier.raw).where(ReportIdentifier.origin == "field")
        ).all()
        assert sorted(raws) == ["012 345 678", "@x"]


def test_reimport_changes_nothing(database: Database, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", [RICH, report("r2"), report("r3")])
    first = ingest_files(database, [path])
    before = counts(database)
    second = ingest_files(database, [path])
    assert (first.loaded, second.loaded, second.updated, second.unchanged) == (3, 0, 0, 3)
    assert counts(database) == before


def test_changed_report_is_updated_and_its_history_kept(database: Database, tmp_path: Path) -> None:
    ingest_files(database, [write_lines(tmp_path / "v1.jsonl", [RICH])])
    changed = RICH | {
        "narrative": "corrected",
        "loss": {"amount": "10", "currency": "KHR"},
        "persons": [],
    }
    summary = ingest_files(database, [write_lines(tmp_path / "v2.jsonl", [changed])])
    assert (summary.loaded, summary.updated) == (0, 1)
    with database.session() as session:
        stored = session.scalars(select(Report)).one()
        assert (stored.narrative, stored.version) == ("corrected", 2)
        revision = session.scalars(select(ReportRevision)).one()
        assert (revision.version, revision.raw) == (1, json.dumps(RICH, ensure_ascii=False))
        assert session.scalars(select(MoneyRecord.currency)).all() == ["KHR"]
        assert session.scalar(select(func.count()).select_from(Entity)) == 0


def test_same_key_twice_in_one_file_is_applied_in_order(database: Database, tmp_path: Path) -> None:
    lines = [
        report("a", narrative="first"),
        report("a", narrative="second"),
        report("a", narrative="second"),
    ]
    summary = ingest_files(database, [write_lines(tmp_path / "in.jsonl", lines)])
    assert (summary.loaded, summary.updated, summary.unchanged) == (1, 1, 1)


def test_same_id_in_two_agencies_is_two_reports(database: Database, tmp_path: Path) -> None:
    lines = [report("1"), report("1", agency="KR-KNPA")]
    assert ingest_files(database, [write_lines(tmp_path / "in.jsonl", lines)]).loaded == 2


def test_csv_with_default_columns(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        "id,agency,reported_at,narrative,country,loss_amount,loss_currency,identifiers,suspects,desk\n"
        'c1,TH-CCIB,2025-01-05,"โอนเงิน\nสองบรรทัด",TH,15000,THB,'
        "phone:081 234 5678; telegram:@abc,Somchai Jaidee,B\n"
        "c2,TH-CCIB,not-a-date,,TH,,,,,B\n",
        encoding="utf-8",
    )
    summary = ingest_files(database, [path])
    assert summary.loaded == 1
    assert [(r.line, r.reason) for r in summary.rejected] == [
        (4, "'reported_at' is not an ISO 8601 date-time: 'not-a-date'")
    ]
    with database.session() as session:
        stored = session.scalars(select(Report)).one()
        assert stored.narrative == "โอนเงิน\nสองบรรทัด"
        assert stored.extra == {"desk": "B"}
        assert session.scalars(select(Entity.name)).all() == ["Somchai Jaidee"]


def test_csv_mapping_renames_columns(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("Case No,Unit,Date,Text\nk1,MY-PDRM,2025-02-01,hello\n", encoding="utf-8")
    mapping = {"Case No": "id", "Unit": "agency", "Date": "reported_at", "Text": "narrative"}
    assert ingest_files(database, [path], mapping).loaded == 1


def test_csv_without_a_required_column_says_how_to_map_it(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,agency,when,narrative\nk1,A,2025-01-01,x\n", encoding="utf-8")
    with pytest.raises(
        ColumnMappingError, match=r"no column for reported_at.*--map 'COLUMN=reported_at'"
    ):
        ingest_files(database, [path])


def test_unknown_file_type_is_refused(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "in.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(UnsupportedFormat, match="Report JSON Lines"):
        ingest_files(database, [path])


def test_victim_data_is_audited_once_per_write(database: Database, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", [RICH, report("plain")])
    ingest_files(database, [path], user="analyst-1")
    ingest_files(database, [path], user="analyst-1")
    with database.engine.connect() as conn:
        entries = last_entries(conn)
    assert [(e.action, e.record_type, e.user, e.purpose) for e in entries] == [
        ("import", "ingest", "analyst-1", "ingest")
    ]
    detail = entries[0].as_json()["detail"]
    assert detail["reports"] == [f"{RICH['agency']}/{RICH['id']}"]
    assert verify(database).ok


def test_narrative_identifiers_and_names_land_with_provenance(
    database: Database, tmp_path: Path
) -> None:
    narrative = "嫌疑人：陈志，微信号：lucky8888，电话＋８６ １３８ ００１３ ８０００，被骗2.3万元"
    line = report("z1", narrative=narrative, country="CN",
                  persons=[{"name": "陈志", "role": "suspect"}])  # fmt: skip
    ingest_files(database, [write_lines(tmp_path / "in.jsonl", [line])])
    with database.session() as session:
        rows = session.execute(
            select(Identifier.kind, Identifier.value, ReportIdentifier.raw,
                   ReportIdentifier.start, ReportIdentifier.end)
            .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
            .where(ReportIdentifier.origin == "narrative")
        ).all()  # fmt: skip
        found = {(kind, value) for kind, value, *_ in rows}
        assert {("wechat", "lucky8888"), ("phone", "+8613800138000")} <= found
        assert all(kind != "amount" for kind, *_ in rows), "amounts never link reports"
        for _, _, raw, start, end in rows:
            assert narrative[start:end] == raw
        stored = session.scalars(select(Report)).one()
        assert stored.language == "zh" and stored.language_detected
        names = session.scalars(select(Entity.name)).all()
        assert names == ["陈志"], "a name given in a field is not stored twice"


def test_a_name_only_in_the_narrative_becomes_an_entity(database: Database, tmp_path: Path) -> None:
    narrative = "Suspect: John Smith asked me to pay, recruiter: Maria Santos"
    ingest_files(
        database, [write_lines(tmp_path / "in.jsonl", [report("n1", narrative=narrative)])]
    )
    with database.session() as session:
        rows = session.execute(
            select(Entity.name, ReportRole.role, Entity.properties)
            .join(ReportRole, ReportRole.entity_id == Entity.id)
            .order_by(Entity.id)
        ).all()
    assert [(name, role) for name, role, _ in rows] == [
        ("John Smith", "suspect"),
        ("Maria Santos", "recruiter"),
    ]
    assert rows[0][2]["origin"] == "narrative" and rows[0][2]["raw"] == "John Smith"


def test_a_structured_account_takes_its_bank_from_the_field(
    database: Database, tmp_path: Path
) -> None:
    given = [{"kind": "bank_account", "value": "1234 5678 9012", "bank": "Maybank"},
             {"kind": "wallet", "value": "not-a-wallet"}]  # fmt: skip
    ingest_files(database, [write_lines(tmp_path / "in.jsonl", [report("b1", identifiers=given)])])
    with database.session() as session:
        rows = session.execute(
            select(Identifier.kind, Identifier.value, Identifier.valid, ReportIdentifier.raw)
            .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
            .order_by(Identifier.kind)
        ).all()  # fmt: skip
    assert [tuple(row) for row in rows] == [
        ("bank_account", "MAYBANK:123456789012", True, "1234 5678 9012"),
        ("crypto_wallet", "not-a-wallet", False, "not-a-wallet"),
    ]
