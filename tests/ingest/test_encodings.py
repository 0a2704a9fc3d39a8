"""Report files as agencies send them: with a BOM, in UTF-16, in Latin-1, with long CSV fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fraudlink.errors import InputError
from fraudlink.ingest.readers import Parsed, Rejected, read_reports

LINES = [
    {"id": "1", "agency": "VN-MPS", "reported_at": "2025-06-01", "narrative": "Tôi bị lừa"},
    {"id": "2", "agency": "VN-MPS", "reported_at": "2025-06-02", "narrative": "déjà payé"},
]
CSV = (
    "id,agency,reported_at,narrative\n"
    "1,FR-OCLCTIC,2025-06-01,déjà payé\n"
    "2,FR-OCLCTIC,2025-06-02,ok\n"
)


def jsonl(lines: list[dict[str, str]]) -> str:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


def narratives(path: Path, encoding: str | None = None) -> list[str]:
    outcomes = list(read_reports(path, encoding=encoding))
    assert all(isinstance(o, Parsed) for o in outcomes), outcomes
    return [o.report.narrative for o in outcomes if isinstance(o, Parsed)]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_a_bom_names_the_encoding_and_line_one_loads(tmp_path: Path, encoding: str) -> None:
    data = jsonl(LINES).encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    assert narratives(path) == ["Tôi bị lừa", "déjà payé"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_a_csv_with_a_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(CSV.encode(encoding))
    assert narratives(path) == ["déjà payé", "ok"]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_latin1_needs_its_name_and_then_loads(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"in{suffix}"
    path.write_bytes((jsonl(LINES[1:]) if suffix == ".jsonl" else CSV).encode("latin-1"))
    outcomes = list(read_reports(path))
    bad = [o for o in outcomes if isinstance(o, Rejected)]
    assert bad and all("--encoding" in o.reason and "not UTF-8 text" in o.reason for o in bad)
    assert "déjà payé" in narratives(path, encoding="latin-1")


def test_an_unknown_encoding_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(LINES), encoding="utf-8")
    with pytest.raises(InputError, match="--encoding 'klingon'"):
        list(read_reports(path, encoding="klingon"))


def test_a_csv_field_over_131072_characters_loads(tmp_path: Path) -> None:
    long = "x" * 200_000
    path = tmp_path / "in.csv"
    path.write_text(
        f'id,agency,reported_at,narrative\n1,KH-NPA,2025-06-01,"{long}"\n2,KH-NPA,2025-06-01,ok\n',
        encoding="utf-8",
    )
    assert narratives(path) == [long, "ok"]
