"""The reports are valid Report JSON Lines v1 and as varied as real ones."""

from __future__ import annotations

import re
import types
from collections import Counter
from datetime import datetime
from decimal import Decimal
from typing import Any

from fraudlink.generate import generate_reports

_AGENCY = re.compile(r"^[A-Z]{2}-[A-Z]+$")
_CURRENCIES = {"CNY", "TWD", "HKD", "KRW", "VND", "THB", "KHR", "USD", "MYR", "IDR", "JPY",
               "SGD", "PHP", "AUD", "GBP", "USDT"}  # fmt: skip
_SCRIPTS = {
    "Han": re.compile(r"[\u4e00-\u9fff]"),
    "Hangul": re.compile(r"[\uac00-\ud7af]"),
    "Khmer": re.compile(r"[\u1780-\u17ff]"),
    "Thai": re.compile(r"[\u0e00-\u0e7f]"),
    "Kana": re.compile(r"[\u3040-\u30ff]"),
    "Vietnamese": re.compile(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]"),
}


def test_required_fields_and_formats(generated: Any) -> None:
    ids = set()
    for report in generated.reports:
        assert {"id", "agency", "reported_at", "narrative"} <= report.keys()
        assert _AGENCY.match(report["agency"]) and report["id"].startswith(report["agency"] + "-")
        ids.add(report["id"])
        when = datetime.fromisoformat(report["reported_at"])
        assert when.tzinfo is not None and 2023 <= when.year <= 2026
        if "loss" in report:
            assert report["loss"]["currency"] in _CURRENCIES
            assert Decimal(report["loss"]["amount"]) > 0
        for ident in report.get("identifiers", []):
            assert ident["kind"] and ident["value"]
        if not report["narrative"]:
            assert report["identifiers"], "an empty narrative must come with structured identifiers"
    assert len(ids) == generated.count


def test_optional_fields_appear_at_realistic_rates(generated: Any) -> None:
    counts = Counter(key for report in generated.reports for key in report)
    share = {key: counts[key] / generated.count for key in counts}
    assert 0.6 < share["language"] < 0.8
    assert 0.3 < share["identifiers"] < 0.5
    assert 0.2 < share["persons"] < 0.4
    assert share["loss"] > 0.7 and share["victim"] > 0.7 and share["country"] > 0.9
    assert 0 < share["channel"] < 0.3
    assert 0.005 < sum(1 for r in generated.reports if not r["narrative"]) / generated.count < 0.08


def test_languages_scripts_and_scam_types_vary(generated: Any) -> None:
    languages = Counter(r.get("language") for r in generated.reports)
    assert {"zh-Hans", "zh-Hant", "ko", "vi", "th", "km", "ja", "ms", "id", "en", "tl"} <= set(
        languages
    )
    text = "\n".join(r["narrative"] for r in generated.reports)
    for script, pattern in _SCRIPTS.items():
        assert pattern.search(text), script
    assert len({r.get("scam_type") for r in generated.reports} - {None}) == 6
    assert len({r["agency"] for r in generated.reports}) >= 12
    narratives = [r["narrative"] for r in generated.reports if r["narrative"]]
    assert len(set(narratives)) > 0.98 * len(narratives)


def test_local_notation_appears(generated: Any) -> None:
    text = "\n".join(r["narrative"] for r in generated.reports)
    for marker in ("０", "hxxp", "[.]", "t.me/", "wa.me/", "万", "원", "บาท", "USDT", "00"):
        assert marker in text, marker
    assert re.search(r"[០-៩]", text) and re.search(r"[A-Za-z0-9](로|으로|에게)", text)


def test_persons_carry_names_in_several_scripts(generated: Any) -> None:
    names = [p["name"] for r in generated.reports for p in r.get("persons", [])]
    assert any(_SCRIPTS["Han"].search(n) for n in names)
    assert any(re.fullmatch(r"[A-Za-z ,.'-]+", n) for n in names)
    roles = {p["role"] for r in generated.reports for p in r.get("persons", [])}
    assert roles == {"suspect", "recruiter", "money_mule"}


def test_generate_reports_streams() -> None:
    stream = generate_reports(2000, 3)
    assert isinstance(stream, types.GeneratorType)
    assert sum(1 for _ in stream) == 2000
