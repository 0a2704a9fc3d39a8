"""One bad line never stops an ingest: each is named with its reason, every good line loads.

Every hostile line sits between good ones in one batch, on SQLite and
PostgreSQL: before, each of them raised a traceback, lost its batch, or (on
PostgreSQL only) failed on a column limit SQLite never checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from typer.testing import CliRunner

from fraudlink.cli.main import app
from fraudlink.ingest import ingest_files
from fraudlink.store import Database
from fraudlink.store.schema import Identifier, MoneyRecord, Report

GOOD = 6


def report(report_id: str, **fields: Any) -> dict[str, Any]:
    line = {"id": report_id, "agency": "KH-NPA", "reported_at": "2025-03-01T09:30:00+07:00"}
    return line | {"narrative": "call 012 345 678"} | fields


def sandwich(path: Path, bad: str) -> Path:
    """Good lines 1-3, the bad line 4, good lines 5-7."""
    good = [json.dumps(report(f"g{n}")) for n in range(GOOD)]
    path.write_text("\n".join([*good[:3], bad, *good[3:]]) + "\n", encoding="utf-8")
    return path


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


HOSTILE = {
    "lone surrogate": (json.dumps(report("b", narrative="\udc00")), "not valid Unicode"),
    "NUL in text": (json.dumps(report("b", narrative="a\x00b")), "NUL character"),
    "NUL in a key": (json.dumps(report("b", victim={"a\x00": 1})), "NUL character"),
    "10,000 levels": (json.dumps(report("b"))[:-1] + f', "x": {deep(10_000)}}}', "nested"),
    "100 levels": (json.dumps(report("b"))[:-1] + f', "x": {deep(100)}}}', "nested"),
    "extreme date": (
        json.dumps(report("b", reported_at="9999-12-31T23:59:59-23:59")),
        "not a plausible report time",
    ),
    "year 1": (
        json.dumps(report("b", reported_at="0001-01-01T00:00:00+01:00")),
        "not a plausible report time",
    ),
    "5,000 digits": (json.dumps(report("b"))[:-1] + ', "n": ' + "9" * 5000 + "}", "too long"),
    "1e400 number": (
        json.dumps(report("b"))[:-1] + ', "loss": {"amount": 1e400, "currency": "USD"}}',
        "out of range",
    ),
    "NaN": (json.dumps(report("b"))[:-1] + ', "n": NaN}', "not a JSON number"),
    "1e400 string": (
        json.dumps(report("b", loss={"amount": "1e400", "currency": "USD"})),
        "larger than any loss",
    ),
    "negative loss": (
        json.dumps(report("b", loss={"amount": "-500", "currency": "USD"})),
        "positive",
    ),
    "1e-10 loss": (
        json.dumps(report("b", loss={"amount": "1e-10", "currency": "USD"})),
        "more than 8 decimal places",
    ),
    "long kind": (
        json.dumps(report("b", identifiers=[{"kind": "k" * 33, "value": "x"}])),
        "at most 32 characters",
    ),
    "long identifier": (
        json.dumps(
            report("b", identifiers=[{"kind": "url", "value": "https://a.com/" + "p" * 600}])
        ),
        "at most 500",
    ),
    "long name": (json.dumps(report("b", persons=[{"name": "n" * 513}])), "at most 512"),
    "long document": (
        json.dumps(
            report("b", persons=[{"name": "Chen Zhi", "documents": [{"number": "9" * 129}]}])
        ),
        "at most 128",
    ),
    "long scam type": (json.dumps(report("b", scam_type="s" * 65)), "at most 64"),
}


def test_each_hostile_line_is_rejected_and_every_good_line_loads(
    database: Database, tmp_path: Path
) -> None:
    """All hostile lines in one file (one batch), each between two good ones."""
    lines, expected = [], {}
    for n, (line, reason) in enumerate(HOSTILE.values()):
        lines.append(json.dumps(report(f"g{n}")))
        lines.append(line.replace('"id": "b"', f'"id": "b{n}"'))
        expected[len(lines)] = reason
    lines.append(json.dumps(report("last")))
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ingest_files(database, [path], extract=False)
    assert summary.loaded == len(HOSTILE) + 1
    got = {r.line: r.reason for r in summary.rejected}
    assert sorted(got) == sorted(expected)
    for number, reason in expected.items():
        assert reason in got[number], (number, got[number])
        assert len(got[number]) < 400


def test_exact_small_and_huge_losses_are_kept_exactly(database: Database, tmp_path: Path) -> None:
    amounts = ["0.00000001", "999999999999999999.99999999", "1e3", "12.50"]
    lines = [
        json.dumps(report(f"m{n}", loss={"amount": a, "currency": "USD"}))
        for n, a in enumerate(amounts)
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ingest_files(database, [path], extract=False).loaded == len(amounts)
    with database.session() as session:
        stored = sorted(session.scalars(select(MoneyRecord.amount)))
    assert [str(a) for a in stored] == ["1E-8", "12.5", "1000", "999999999999999999.99999999"]


def test_a_url_longer_than_its_column_stays_in_the_narrative(
    database: Database, tmp_path: Path
) -> None:
    url = "https://scam-site.com/" + "a" * 600
    line = json.dumps(report("b", narrative=f"pay at {url} or https://short-site.com/x now"))
    summary = ingest_files(database, [sandwich(tmp_path / "in.jsonl", line)])
    assert (summary.loaded, summary.rejected) == (GOOD + 1, [])
    with database.session() as session:
        urls = session.scalars(select(Identifier.value).where(Identifier.kind == "url")).all()
        assert urls == ["https://short-site.com/x"]
        narrative = session.scalar(select(Report.narrative).where(Report.external_id == "b"))
    assert url in str(narrative)


def _poison(database: Database) -> None:
    """A real database refusal no reader could foresee: a trigger rejecting one report."""
    with database.engine.begin() as conn:
        if database.dialect == "sqlite":
            conn.execute(text(
                "CREATE TRIGGER poison BEFORE INSERT ON report WHEN NEW.external_id = 'g4' "
                "BEGIN SELECT RAISE(ABORT, 'poisoned report'); END"
            ))  # fmt: skip
            return
        conn.execute(text(
            "CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN "
            "IF NEW.external_id = 'g4' THEN RAISE EXCEPTION 'poisoned report'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql"
        ))  # fmt: skip
        conn.execute(text(
            "CREATE TRIGGER poison BEFORE INSERT ON report FOR EACH ROW EXECUTE FUNCTION poison()"
        ))  # fmt: skip


def test_a_database_error_rejects_only_its_culprit(database: Database, tmp_path: Path) -> None:
    _poison(database)
    path = sandwich(tmp_path / "in.jsonl", json.dumps(report("x")))
    summary = ingest_files(database, [path], extract=False)
    [rejected] = summary.rejected
    assert rejected.line == 6  # g4 is the sixth line
    assert rejected.reason.startswith("the database refused it:")
    assert "poisoned report" in rejected.reason
    assert summary.loaded == GOOD
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == GOOD


def test_rich_markup_in_a_rejected_value_is_printed_as_text(tmp_path: Path) -> None:
    path = sandwich(tmp_path / "in.jsonl", json.dumps(report("b", country="[/bold]")))
    result = CliRunner().invoke(
        app, ["ingest", str(path), "--db", str(tmp_path / "x.db"), "--no-extract"]
    )
    assert result.exit_code == 1, result.output
    assert "'[/bold]' is not an ISO 3166-1 alpha-2 country code" in result.stderr
    assert "loaded 6" in result.stdout
