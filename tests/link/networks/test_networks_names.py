"""Person names as a weak link: corroborated or rare names join networks, namesakes do not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fraudlink.link.networks import link_reports
from fraudlink.link.networks.explain import explain
from fraudlink.link.networks.namelinks import Person, chance_names
from fraudlink.store import Database

Row = dict[str, Any]
Load = Callable[[list[Row], str], None]
Networks = Callable[[], dict[str, int]]


def _suspect(name: str, birth: str | None = None) -> dict[str, str]:
    person = {"name": name, "role": "suspect"}
    if birth:
        person["birth_date"] = birth
    return person


def test_same_suspect_across_scripts_with_a_birth_date_joins_only_with_names(
    database: Database, load: Load, make_report: Callable[..., Row], networks_of: Networks
) -> None:
    rows = [
        make_report("A1", [("telegram", "@alpha_desk")], persons=[_suspect("陈志", "1987-12-16")]),
        make_report("A2", [("telegram", "@alpha_desk")]),
        make_report(
            "B1", [("telegram", "@beta_desk")], persons=[_suspect("Chen Zhi", "1987-12-16")]
        ),
        make_report("C1", [("telegram", "@gamma_desk")], persons=[_suspect("陳志")]),
    ]
    load(rows, "names.jsonl")
    link_reports(database)
    assert networks_of()["A1"] != networks_of()["B1"]
    summary = link_reports(database, names=True)
    assert summary.mode == "full" and "switched on" in summary.fallback
    networks = networks_of()
    assert networks["A2"] == networks["B1"] != networks["C1"]  # C1: no birth date, name not rare
    result = explain(database, "A2", "B1")
    assert result.steps[-1].via == "name" and "陈志 ~ Chen Zhi" in result.steps[-1].identifier
    assert any("joined by person name" in line for line in result.lines())
    assert link_reports(database).fallback.startswith("name linking switched off")
    assert networks_of()["A1"] != networks_of()["B1"]


def test_namesakes_without_corroboration_stay_apart(
    database: Database, load: Load, make_report: Callable[..., Row], networks_of: Networks
) -> None:
    rows = [make_report(f"W{n}", [("telegram", f"@desk_{n}x")], persons=[_suspect("Wang Fang")])
            for n in range(4)]  # fmt: skip
    load(rows, "namesakes.jsonl")
    link_reports(database, names=True)
    assert len(set(networks_of().values())) == 4


def test_a_name_made_of_common_tokens_is_expected_by_chance() -> None:
    person = Person(0, ("x",), None, frozenset())
    by_key = {f"n:tok{n} other{n}": {n: [person]} for n in range(1000)}
    by_key |= {f"n:wang g{n}": {2000 + n: [person]} for n in range(300)}
    by_key |= {f"n:fang s{n}": {3000 + n: [person]} for n in range(300)}
    by_key["n:rare one"] = {5000: [person], 5001: [person]}
    by_key["n:fang wang"] = {6000: [person], 6001: [person]}  # two common tokens
    chance = chance_names(by_key)
    assert chance["n:rare one"] < 0.01 and chance["n:fang wang"] > 10
