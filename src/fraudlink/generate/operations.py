"""Joint operations against the generated networks: raids, arrests, seizures, rescues.

The largest networks of a generated dataset are each the target of one operation led
by the police of the country the network works from, with the agencies whose citizens
reported it taking part; what is seized is in the base country's currency, in USDT and
in a frozen account, and the dated USD rates the figures need are written beside them,
so the demo shows operations the way ministries report them.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from random import Random
from typing import Any

from fraudlink.generate.names import make_name

BASE_AGENCY = {"KH": "KH-NPA", "MM": "MM-MPF", "LA": "LA-MPS", "PH": "PH-PNP", "MY": "MY-PDRM",
               "TH": "TH-CCIB", "VN": "VN-MPS", "AE": "AE-DP", "GE": "GE-MIA",
               "TR": "TR-EGM"}  # fmt: skip
BASE_CURRENCY = {"KH": "USD", "MM": "MMK", "LA": "LAK", "PH": "PHP", "MY": "MYR", "TH": "THB",
                 "VN": "VND", "AE": "AED", "GE": "GEL", "TR": "TRY"}  # fmt: skip
PROVINCES = {"KH": ("Preah Sihanouk", "Phnom Penh", "Svay Rieng"), "MM": ("Kayin", "Shan"),
             "LA": ("Bokeo",), "PH": ("Pampanga", "Metro Manila"), "MY": ("Sabah", "Johor"),
             "TH": ("Tak", "Chiang Rai"), "VN": ("Tay Ninh", "An Giang"), "AE": ("Dubai",),
             "GE": ("Tbilisi",), "TR": ("Istanbul",)}  # fmt: skip
# USD per unit, about where they stood; the agency imports its own in real use
USD_RATES = {"CNY": "0.138", "TWD": "0.031", "HKD": "0.128", "KRW": "0.00072", "VND": "0.000039",
             "THB": "0.029", "MYR": "0.22", "IDR": "0.000062", "JPY": "0.0066", "SGD": "0.74",
             "PHP": "0.017", "AUD": "0.65", "GBP": "1.27", "MMK": "0.00048", "LAK": "0.000046",
             "AED": "0.2723", "GEL": "0.37", "TRY": "0.029", "USDT": "1.0"}  # fmt: skip
# Cambodia's 25 provinces (ISO 3166-2:KH order): each has a provincial police unit under
# KH-NPA, so the demo's national dashboard shows its provinces on one chart
KH_PROVINCES = ("Banteay Meanchey", "Battambang", "Kampong Cham", "Kampong Chhnang",
                "Kampong Speu", "Kampong Thom", "Kampot", "Kandal", "Koh Kong", "Kratie",
                "Mondulkiri", "Phnom Penh", "Preah Vihear", "Prey Veng", "Pursat", "Ratanakiri",
                "Siem Reap", "Preah Sihanouk", "Stung Treng", "Svay Rieng", "Takeo",
                "Oddar Meanchey", "Kep", "Pailin", "Tbong Khmum")  # fmt: skip
CODENAMES = ("Sky Net", "Thunder", "Dragon Gate", "Mekong Dawn", "Safe Harbour", "Clean Wave")


@dataclass
class PlannedOperation:
    """One operation as the generator decides it; ``record`` writes it with the case API."""

    reference: str
    name: str
    lead: str
    participants: list[str]
    started_on: dt.date
    network: str
    reports: list[tuple[str, str]]
    actions: list[dict[str, Any]] = field(default_factory=list)
    assets: list[dict[str, Any]] = field(default_factory=list)
    rescued: list[dict[str, Any]] = field(default_factory=list)


def _reports_by_network(reports_file: Path, truth: dict[str, Any]) -> dict[str, list[Any]]:
    import json

    found: dict[str, list[Any]] = {}
    owner = truth["report_network"]
    with reports_file.open(encoding="utf-8") as lines:
        for line in lines:
            report = json.loads(line)
            network = owner.get(report["id"])
            if network:
                found.setdefault(network, []).append(report)
    return found


def plan_operations(
    reports_file: Path, truth: dict[str, Any], seed: int, count: int = 4
) -> list[PlannedOperation]:
    """An operation against each of the ``count`` networks with the most reports."""
    rng = Random(f"operations-{seed}")
    by_network = _reports_by_network(reports_file, truth)
    largest = sorted(by_network, key=lambda n: (-len(by_network[n]), n))[:count]
    return [
        _plan(rng, i, network, truth["networks"][network], by_network[network])
        for i, network in enumerate(largest)
    ]


def _plan(
    rng: Random, i: int, network: str, about: dict[str, Any], reports: list[dict[str, Any]]
) -> PlannedOperation:
    base = about["base_country"]
    last = max(dt.datetime.fromisoformat(r["reported_at"]) for r in reports).date()
    start = last + dt.timedelta(days=rng.randint(10, 40))
    partners = [agency for agency, _ in Counter(r["agency"] for r in reports).most_common(2)]
    lead = BASE_AGENCY.get(base, f"{base}-POLICE")
    op = PlannedOperation(
        reference=f"OP-{start.year}-{i + 1:02d}",
        name=f"Operation {CODENAMES[i % len(CODENAMES)]}",
        lead=lead,
        participants=[p for p in partners if p != lead],
        started_on=start,
        network=network,
        reports=[(r["agency"], r["id"]) for r in reports],
    )
    province = rng.choice(PROVINCES.get(base, ("capital",)))
    at = dt.datetime.combine(start, dt.time(5, 0), dt.UTC)
    arrested, rescued = rng.randint(20, 300), rng.randint(5, 60)
    # in Cambodia the province's own police unit acts; elsewhere the national agency
    unit = provincial_units()[province][0] if base == "KH" else lead
    officer = f"{unit}/officer-{rng.randint(1, 40)}"
    for kind, persons in (("raid", 0), ("arrest", arrested), ("seizure", 0), ("rescue", rescued)):
        action = {"kind": kind, "at": at, "province": province, "persons": persons}
        op.actions.append({**action, "agency": unit, "officers": [officer]})
    currency = BASE_CURRENCY.get(base, "USD")
    cash = Decimal(rng.randint(50, 1200) * 10_000) / Decimal(USD_RATES.get(currency, "1"))
    op.assets = [
        {"kind": "cash", "description": "cash in the compound's safe", "currency": currency,
         "amount": cash.quantize(Decimal(1)), "state": "seized"},
        {"kind": "crypto", "description": "TRON wallet frozen by the exchange", "currency": "USDT",
         "amount": Decimal(rng.randint(10_000, 900_000)), "state": "frozen",
         "details": {"chain": "tron", "frozen_by": "exchange"}},
        {"kind": "device", "description": f"{rng.randint(40, 400)} phones and laptops",
         "currency": "USD", "amount": Decimal(0), "state": "seized"},
    ]  # fmt: skip
    if i == 0:  # one court has decided already, so a restitution can be proposed
        op.assets[0]["confiscate"] = f"Court order {rng.randint(10, 99)}/{start.year}"
    needs = ["medical", "shelter", "interpreter", "documents"]
    for _ in range(rng.randint(3, 6)):
        nationality = rng.choice([r.get("country") or "CN" for r in reports])
        name = make_name(rng, nationality).native
        person = {"name": name, "nationality": nationality, "place": province}
        op.rescued.append({**person, "needs": rng.sample(needs, 2)})
    return op


def provincial_units() -> dict[str, tuple[str, str]]:
    """Province → (unit code, unit name) of KH-NPA's provincial units."""
    return {
        province: (f"KH-NPA-{n:02d}", f"{province} Provincial Police")
        for n, province in enumerate(KH_PROVINCES, start=1)
    }


def write_rates(path: Path, on: dt.date) -> Path:
    """The USD rates the figures need, dated ``on`` (``fraudlink rates import`` format)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["date", "currency", "usd"])
        for currency, usd in sorted(USD_RATES.items()):
            writer.writerow([on.isoformat(), currency, usd])
    return path
