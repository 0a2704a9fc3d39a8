"""A narrative over the configured limit is a bad line with a clear reason, read in bounded
memory; CSV dates in a local layout load with --date-format."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app
from fraudlink.ingest import ingest_files
from fraudlink.ingest.readers import read_jsonl
from fraudlink.settings import Settings
from fraudlink.store import open_database

runner = CliRunner()


def _line(number: int, narrative: str) -> str:
    report = {"id": f"r{number}", "agency": "KH-NPA", "reported_at": "2025-01-01",
              "narrative": narrative}  # fmt: skip
    return json.dumps(report) + "\n"


def test_a_narrative_over_the_limit_is_a_bad_line_and_the_rest_loads(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(_line(1, "a" * 2_000) + _line(2, "short") + _line(3, "é" * 1_001))
    store = open_database(Settings(db=str(tmp_path / "x.db"), max_narrative=1_000))
    summary = ingest_files(store, [path], extract=False)
    store.dispose()
    assert summary.loaded == 1
    reasons = {rejected.line: rejected.reason for rejected in summary.rejected}
    assert set(reasons) == {1, 3}
    assert (
        "2,000 characters is longer than the 1,000 allowed (FRAUDLINK_MAX_NARRATIVE)"
        in (reasons[1])
    )


def test_a_huge_line_is_refused_while_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"id": "big", "agency": "KH-NPA", "reported_at": "2025-01-01", ')
        handle.write('"narrative": "' + "scam " * 6_000_000 + '"}\n')  # a 30 MB line
        handle.write(_line(2, "after it"))
    tracemalloc.start()
    outcomes = list(read_jsonl(path, max_narrative=1_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [type(o).__name__ for o in outcomes] == ["Rejected", "Parsed"]
    assert "30,000," in outcomes[0].reason and "FRAUDLINK_MAX_NARRATIVE" in outcomes[0].reason
    assert peak < 12_000_000  # a few times the ~1 MiB line limit, far below the 30 MB line


def test_csv_dates_in_a_local_layout(tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text(
        "id,agency,reported_at,narrative\n"
        "1,TH-CCIB,01/03/2025,first of March\n"
        "2,TH-CCIB,2025-03-01,ISO is not this layout\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "x.db")
    refused = runner.invoke(app, ["ingest", str(path), "--db", db, "--no-extract"])
    assert refused.exit_code == 1 and "rejected 1" in refused.stdout
    assert "01/03/2025" in refused.stderr
    result = runner.invoke(
        app,
        [
            "ingest",
            str(path),
            "--db",
            db,
            "--no-extract",
            "--date-format",
            "%d/%m/%Y",
            "--json",
        ],
    )
    assert json.loads(result.stdout)["loaded"] == 1
    assert "does not match --date-format '%d/%m/%Y'" in result.stderr
    shown = runner.invoke(app, ["report", "show", "TH-CCIB/1", "--db", db, "--json"])
    assert "2025-03-01" in shown.stdout
