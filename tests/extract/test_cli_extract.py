"""``fraudlink extract`` on plain text and on Report JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from fraudlink.cli.commands.extract import register

# only this command: the others are not needed here, and a broken one must not fail these tests
app = typer.Typer()
app.callback()(lambda: None)
register(app)
runner = CliRunner()


def _json_lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_plain_text_from_stdin_with_country() -> None:
    result = runner.invoke(
        app, ["extract", "-", "--json", "--country", "KH"], input="ព ០១២ ៣៤៥ ៦៧៨"
    )
    assert result.exit_code == 0, result.output
    [row] = _json_lines(result.output)
    assert row == {
        "kind": "phone",
        "value": "+85512345678",
        "raw": "០១២ ៣៤៥ ៦៧៨",
        "start": 2,
        "end": 13,
    }


def test_language_gives_the_region(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Số điện thoại của hắn là 0912 345 678.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert [row["value"] for row in _json_lines(result.output)] == ["+84912345678"]


def test_reports_use_their_own_country_and_language(tmp_path: Path) -> None:
    reports = [
        {
            "id": "kh-1",
            "agency": "a",
            "reported_at": "2024-01-01",
            "country": "KH",
            "narrative": "call 012 345 678",
        },
        {
            "id": "kr-1",
            "agency": "a",
            "reported_at": "2024-01-01",
            "language": "ko",
            "narrative": "전화 010-1234-5678로",
        },
        {"id": "none", "agency": "a", "reported_at": "2024-01-01", "narrative": ""},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in reports) + "\n", "utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = _json_lines(result.output)
    assert [(r["report"], r["value"]) for r in rows] == [
        ("kh-1", "+85512345678"),
        ("kr-1", "+821012345678"),
    ]
    text = reports[1]["narrative"]
    assert text[rows[1]["start"] : rows[1]["end"]] == rows[1]["raw"]  # type: ignore[index,misc]


def test_table_output() -> None:
    result = runner.invoke(app, ["extract", "-"], input="call +855 12 345 678")
    assert result.exit_code == 0
    assert "+85512345678" in result.output and "phone" in result.output


def test_bad_report_line_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_text('{"id": "1", "narrative": "x"}\n[1, 2]\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code != 0
    assert "Line 2" in str(result.exception)


def test_missing_file_is_an_input_error() -> None:
    result = runner.invoke(app, ["extract", "/no/such/file.txt"])
    assert result.exit_code != 0
    assert "does not exist" in str(result.exception)
