"""Person resolution: across scripts and agencies, judgements honoured on every re-run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fraudlink.errors import InputError, NotFound
from fraudlink.ingest import ingest_files
from fraudlink.link.persons import Edge, cluster, clusters, judge, resolve
from fraudlink.store import Database


def _report(agency: str, rid: str, persons: list[dict[str, Any]], phone: str | None = None) -> str:
    data: dict[str, Any] = {
        "id": rid,
        "agency": agency,
        "reported_at": "2025-03-01T09:30:00+07:00",
        "narrative": "",
        "persons": persons,
    }
    if phone:
        data["identifiers"] = [{"kind": "phone", "value": phone}]
    return json.dumps(data, ensure_ascii=False)


REPORTS = [
    _report("CN-MPS", "c1", [{"name": "陈志", "nationality": "CN", "birth_date": "1987-12-16",
                              "documents": [{"number": "E1234 5678", "country": "CN"}]}]),
    _report("KH-NPA", "k1", [{"name": "Chen Zhi", "nationality": "CN", "birth_date": "1987-12-16",
                              "aliases": ["CHEN Zhi"],
                              "documents": [{"number": "e12345678", "country": "CN"}]}]),
    _report("KR-KNPA", "r1", [{"name": "박정욱", "nationality": "KR", "birth_date": "1979-02-03"}]),
    _report("TH-RTP", "t1", [{"name": "Park Jung-wook", "nationality": "KR",
                              "birth_date": "1979-02-03"}]),
    _report("VN-MPS", "v1", [{"name": "陈智", "nationality": "CN", "birth_date": "1987-12-16"}]),
    _report("PH-PNP", "p1", [{"name": "Maria Santos", "nationality": "PH",
                              "birth_date": "1990-05-05"}]),
    _report("SG-SPF", "s1", [{"name": "Hun Many", "nationality": "KH",
                              "birth_date": "1982-10-01"}]),
    _report("KH-NPA", "k2", [{"name": "ហ៊ុន ម៉ាណែត", "nationality": "KH",
                              "birth_date": "1977-10-20"}]),
]  # fmt: skip


@pytest.fixture
def loaded(database: Database, tmp_path: Path) -> Database:
    path = tmp_path / "persons.jsonl"
    path.write_text("\n".join(REPORTS) + "\n", encoding="utf-8")
    ingest_files(database, [path], extract=False)
    return database


def _groups(database: Database) -> list[set[str]]:
    return [{m.name for m in c.members} for c in clusters(database, min_size=2)]


def test_resolves_across_scripts_and_agencies(loaded: Database) -> None:
    summary = resolve(loaded)
    groups = _groups(loaded)
    assert {"陈志", "Chen Zhi"} in groups
    assert {"박정욱", "Park Jung-wook"} in groups
    assert summary.records == 8
    assert not any("陈智" in group for group in groups)
    assert not any("Hun Many" in group for group in groups)


def test_not_same_is_respected_on_every_rerun_and_reversible(loaded: Database) -> None:
    resolve(loaded)
    judge(loaded, "CN-MPS/c1/陈志", "KH-NPA/k1/Chen Zhi", "not-same", "analyst1", "other man")
    summary = resolve(loaded)
    assert summary.refused >= 1
    assert {"陈志", "Chen Zhi"} not in _groups(loaded)
    resolve(loaded)
    assert {"陈志", "Chen Zhi"} not in _groups(loaded)
    judge(loaded, "CN-MPS/c1/陈志", "KH-NPA/k1/Chen Zhi", "unsure", "supervisor")
    resolve(loaded)
    assert {"陈志", "Chen Zhi"} in _groups(loaded)


def test_same_judgement_merges_what_the_model_keeps_apart(loaded: Database) -> None:
    resolve(loaded)
    maria = next(r for c in clusters(loaded) for r in c.members if r.name == "Maria Santos")
    judge(loaded, str(maria.id), "SG-SPF/s1/Hun Many", "same", "analyst1")
    resolve(loaded)
    assert {"Maria Santos", "Hun Many"} in _groups(loaded)


def test_judging_unknown_records_or_verdicts_says_what_to_do(loaded: Database) -> None:
    with pytest.raises(NotFound, match="fraudlink persons clusters"):
        judge(loaded, "999999", "SG-SPF/s1/Hun Many", "same", "a")
    with pytest.raises(InputError, match="same, not-same or unsure"):
        judge(loaded, "SG-SPF/s1/Hun Many", "PH-PNP/p1/Maria Santos", "maybe", "a")


def test_clustering_never_crosses_a_negative_judgement() -> None:
    edges = [Edge(1, 2, 0.99), Edge(2, 3, 0.98), Edge(3, 4, 0.97)]
    labels, refused = cluster([1, 2, 3, 4, 5], edges, same=[(4, 5)], not_same=[(1, 3)])
    assert labels[1] == labels[2]
    assert labels[3] != labels[1]
    assert labels[3] == labels[4] == labels[5]
    assert refused == [Edge(2, 3, 0.98)]


def test_clustering_without_judgements_is_connected_components() -> None:
    labels, refused = cluster([1, 2, 3, 4], [Edge(3, 4, 0.9), Edge(1, 3, 0.95)])
    assert labels == {1: 1, 3: 1, 4: 1, 2: 2}
    assert refused == []
