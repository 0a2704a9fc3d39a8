"""A small watchlist that names some of the generated networks' bosses, for the demo and tests.

Each listed person is written under another spelling than the one most reports
use (a romanised form for a native-script name and the other way round), with
the network's wallet where it has one, so screening must match across scripts
and on identifiers. Decoys that resemble nobody in the data are listed too.
"""

from __future__ import annotations

import csv
from pathlib import Path
from random import Random
from typing import Any

DECOYS = (
    ("Ivan Petrov", "1970-03-02", "RU"),
    ("Maria Gonzalez Ruiz", "1985-07-19", "MX"),
    ("Ahmed Al-Sayed", "1966-11-30", "EG"),
    ("Kwame Mensah", "1979-01-05", "GH"),
)
LEADERS = ("boss", "recruiter")


def _listed_name(person: dict[str, Any], rng: Random) -> tuple[str, list[str]]:
    """Prefer a spelling in another script than the person's own name."""
    native = person["name"]
    others = [v for v in person.get("variants", []) if v != native]
    if not others:
        return native, []
    other_script = [v for v in others if v.isascii() != native.isascii()]
    chosen = rng.choice(other_script or others)
    same_script = [v for v in others if v != chosen and v.isascii() == chosen.isascii()]
    return chosen, same_script[:2]


def _wallet(network: dict[str, Any]) -> str:
    wallets = [i["value"] for i in network.get("identifiers", []) if i["kind"] == "crypto_wallet"]
    return f"crypto_wallet:{wallets[0]}" if wallets else ""


def watchlist_rows(truth: dict[str, Any], seed: int, networks: int = 40) -> list[dict[str, str]]:
    rng = Random(seed)
    operations = [n for n in truth["networks"].values() if n.get("persons")]
    operations.sort(key=lambda n: -len(n.get("identifiers", [])))
    rows: list[dict[str, str]] = []
    for network in operations[:networks]:
        for person in network["persons"]:
            if person.get("role") not in LEADERS:
                continue
            name, aliases = _listed_name(person, rng)
            rows.append({"id": f"demo-{len(rows) + 1}", "name": name, "aliases": ";".join(aliases),
                         "birth_date": person.get("birth_date") or "",
                         "nationality": person.get("nationality") or "",
                         "identifiers": _wallet(network) if person["role"] == "boss" else "",
                         "schema": "Person"})  # fmt: skip
    for name, born, country in DECOYS:
        rows.append({"id": f"decoy-{len(rows) + 1}", "name": name, "aliases": "",
                     "birth_date": born, "nationality": country, "identifiers": "",
                     "schema": "Person"})  # fmt: skip
    return rows


def write_watchlist(truth: dict[str, Any], out: Path, seed: int) -> int:
    rows = watchlist_rows(truth, seed)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
