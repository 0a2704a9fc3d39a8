"""Reports written as files, ingested into a real store, and published into a real index."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fraudlink.ingest import ingest_files
from fraudlink.public.index import PublicIndex
from fraudlink.public.publish import Thresholds, publish
from fraudlink.public.settings import PublicSettings
from fraudlink.settings import Settings
from fraudlink.store import Database, open_database

Publish = Callable[[list[dict[str, Any]]], PublicIndex]


def report(
    n: int, victim: str | None, identifiers: list[tuple[str, str]], **extra: Any
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": f"R{n}",
        "agency": "KH-NPA",
        "reported_at": f"2025-03-{n % 27 + 1:02d}T09:30:00+07:00",
        "narrative": f"Report number {n}: they took my money.",
        "country": "KH",
        "scam_type": "investment",
        "identifiers": [{"kind": k, "value": v} for k, v in identifiers],
    }
    if victim is not None:
        row["victim"] = {"name": victim, "phone": None}
    row.update(extra)
    return row


@pytest.fixture
def published(database: Database, tmp_path: Path) -> Publish:
    def make(rows: list[dict[str, Any]], thresholds: Thresholds | None = None) -> PublicIndex:
        source = tmp_path / f"reports{len(list(tmp_path.iterdir()))}.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
        ingest_files(database, [source])
        out = tmp_path / "public.sqlite"
        publish(database, out, thresholds)
        return PublicIndex(out)

    return make


#: one value per public kind, as the public might type it, and the agency's stored twin
KIND_SAMPLES: list[tuple[str, str, str | None, tuple[str, str]]] = [
    ("phone", "012 345 678", "KH", ("phone", "+855 12 345 678")),
    ("whatsapp", "wa.me/85598765432", None, ("whatsapp", "+855 98 765 432")),
    ("telegram", "https://t.me/Scam_Boss_KH", None, ("telegram", "@scam_boss_kh")),
    ("line", "@cs.task88", None, ("line", "@cs.task88")),
    ("wechat", "Jenny_2113", None, ("wechat", "jenny_2113")),
    ("kakao", "Wealth_Coach168", None, ("kakao", "wealth_coach168")),
    ("email", "TradeTeam6816@QQ.com", None, ("email", "tradeteam6816@qq.com")),
    ("url", "hxxps://jinfeng-hub[.]top/h5/index.html", None, ("url", "https://jinfeng-hub.top/h5/index.html")),
    ("domain", "hxxps://www.gold-trade-vip[.]com/login", None, ("domain", "gold-trade-vip.com")),
    ("account", "GE26 TB37 5707 2206 0085 39", None, ("iban", "GE26TB3757072206008539")),
    ("account", "5438 0009 9211 9610 997", None, ("bank_account", "ICBC 5438000992119610997")),
    ("wallet", "0x52908400098527886E0F7030069857D2E4169EE7", None,
     ("crypto_wallet", "0x52908400098527886e0f7030069857d2e4169ee7")),
]  # fmt: skip


def build_sample_index(folder: Path) -> Path:
    """Every kind's sample named by three reports of two victims, and one phone by two only."""
    store = open_database(Settings(db=str(folder / "agency.db"), batch_size=200))
    rows = []
    for n, victim in enumerate(["Sok Dara", "Chan Vanna", "Chan Vanna"]):
        idents = [stored for *_, stored in KIND_SAMPLES]
        rows.append(report(n, victim, idents, narrative=f"story {n}"))
    rows += [report(10 + n, f"V{n}", [("phone", "+855 77 111 222")]) for n in range(2)]
    source = folder / "samples.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    ingest_files(store, [source])
    out = folder / "public.sqlite"
    publish(store, out)
    store.dispose()
    return out


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_index(tmp_path_factory.mktemp("sample-index"))


def make_client(index: Path, tmp_path: Path, **settings: Any) -> TestClient:
    from fraudlink.public.app import create_app

    config = PublicSettings(index=index, disputes=tmp_path / "disputes.sqlite", **settings)
    return TestClient(create_app(config))
