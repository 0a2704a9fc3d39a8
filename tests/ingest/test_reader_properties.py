"""Property tests: whatever bytes or JSON a file holds, ingest never gives a traceback,
and every line either loads or is reported with its number."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fraudlink.ingest import ingest_files
from fraudlink.ingest.readers import Parsed, Rejected, read_reports
from fraudlink.store import Database

#: strings that broke ingest before (issue 10), drawn often enough to meet every field
HOSTILE_TEXT = st.sampled_from(
    ["\udc00", "a\x00b", "[/bold]", "\x1b[2J", "9999-12-31T23:59:59-23:59", "1e400", "-1",
     "1e-10", "x" * 600, "USD", "KH"]
)  # fmt: skip
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=40) | HOSTILE_TEXT
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**80), max_value=10**80),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    ANY_TEXT,
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=12,
)
FIELDS = ["id", "agency", "reported_at", "narrative", "country", "language", "scam_type",
          "loss", "identifiers", "persons", "victim", "tlp"]  # fmt: skip
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "loss": st.fixed_dictionaries(
        {
            "amount": st.one_of(st.decimals().map(str), JSON),
            "currency": st.sampled_from(["USD", "KHR", "x"]),
        }
    ),
    "identifiers": st.lists(
        st.fixed_dictionaries(
            {
                "kind": st.sampled_from(["phone", "url", "iban", "wallet"]) | ANY_TEXT,
                "value": ANY_TEXT,
            }
        ),
        max_size=3,
    ),
    "persons": st.lists(
        st.fixed_dictionaries(
            {"name": ANY_TEXT},
            optional={
                "birth_date": ANY_TEXT | st.dates().map(str),
                "documents": st.lists(st.fixed_dictionaries({"number": ANY_TEXT}), max_size=2),
                "aliases": st.lists(ANY_TEXT, max_size=2),
                "role": st.sampled_from(["suspect", "boss"]) | ANY_TEXT,
            },
        ),
        max_size=2,
    ),
    "reported_at": st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()) | ANY_TEXT,
}


@st.composite
def report_lines(draw: st.DrawFn) -> str:
    """A report whose fields are each plausible or arbitrary, plus arbitrary unknown fields."""
    line: dict[str, Any] = {
        "id": draw(ANY_TEXT | st.integers()),
        "agency": "KH-NPA",
        "reported_at": "2025-01-01T00:00:00Z",
        "narrative": draw(ANY_TEXT),
    }
    for field in draw(st.lists(st.sampled_from(FIELDS), max_size=4, unique=True)):
        line[field] = draw(PLAUSIBLE.get(field, JSON) | JSON)
    line.update(draw(st.dictionaries(ANY_TEXT, JSON, max_size=2)))
    return json.dumps(line)


def non_blank_lines(data: bytes) -> int:
    text = data.decode("utf-8", "surrogateescape")
    return sum(1 for line in io.StringIO(text, newline=None) if line.strip())


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=300).filter(
        lambda b: not b.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    )
)
def test_any_bytes_as_jsonl(tmp_path_factory: Any, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "in.jsonl"
    path.write_bytes(data)
    outcomes = list(read_reports(path))
    assert all(isinstance(o, Parsed | Rejected) for o in outcomes)
    assert len(outcomes) == non_blank_lines(data)
    numbers = [o.line for o in outcomes]
    assert numbers == sorted(set(numbers))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_as_csv(tmp_path_factory: Any, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "in.csv"
    path.write_bytes(b"id,agency,reported_at,narrative\n" + data)
    outcomes = list(read_reports(path))
    assert all(isinstance(o, Parsed | Rejected) for o in outcomes)


@settings(max_examples=300, deadline=None)
@given(st.lists(report_lines(), min_size=1, max_size=5))
def test_any_json_is_read_without_a_traceback(tmp_path_factory: Any, lines: list[str]) -> None:
    path = tmp_path_factory.mktemp("json") / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcomes = list(read_reports(path))
    assert [o.line for o in outcomes] == list(range(1, len(lines) + 1))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(report_lines(), min_size=1, max_size=6))
def test_any_json_ingests_into_both_databases(
    database: Database, tmp_path: Path, lines: list[str]
) -> None:
    """What the reader lets through, the database stores: nothing is refused there."""
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ingest_files(database, [path], extract=False)
    assert summary.loaded + summary.updated + summary.unchanged + len(summary.rejected) == len(
        lines
    )
    assert not [r for r in summary.rejected if "database refused" in r.reason]
