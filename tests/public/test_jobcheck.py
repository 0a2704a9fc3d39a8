"""The job-offer check: reasons point at the words, levels follow the weights, rules are data."""

from __future__ import annotations

from pathlib import Path
from shutil import copytree

import pytest
import yaml

from fraudlink.errors import ConfigError
from fraudlink.public.jobcheck import BadAdvert, assess
from fraudlink.public.jobrules import load_rules

LURE = (
    "Customer service in Sihanoukville. USD 1,500/month, no experience needed, "
    "flight and visa paid. Contact on Telegram @hr_kevin88"
)


def test_a_compound_lure_is_high_risk_and_every_reason_points_at_its_words() -> None:
    result = assess(LURE)
    assert result.level == "high"
    signals = {r.signal for r in result.reasons}
    assert {"compound_area", "travel_paid", "messenger_contact", "pay_far_above"} <= signals
    for reason in result.reasons:
        for hit in reason.hits:
            assert LURE[hit.start : hit.end] == hit.text


def test_an_ordinary_advert_is_low_risk() -> None:
    text = (
        "Senior accountant, Singapore office. At least 5 years of experience, CPA required. "
        "Salary SGD 6,000-7,500. Apply through our careers page."
    )
    assert assess(text).level == "low"


def test_pay_counts_only_when_the_work_asks_for_nothing() -> None:
    skilled = assess("Senior engineer in Phnom Penh, USD 4,000/month, 8 years of experience.")
    assert "pay_far_above" not in {r.signal for r in skilled.reasons}
    unskilled = assess("Typing job in Phnom Penh, USD 4,000/month.")
    assert "pay_far_above" in {r.signal for r in unskilled.reasons}


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("妙瓦底招聘打字员", "compound_area"),
        ("ការងារនៅក្រុងព្រះសីហនុ", "compound_area"),
        ("미야와디 고객 상담 모집", "compound_area"),
        ("Tuyển gấp, bao vé máy bay", "travel_paid"),
        ("งานแอดมิน ฟรีตั๋วเครื่องบิน", "travel_paid"),
        ("Kerja di Kamboja, tiket pesawat gratis", "travel_paid"),
        ("Kerja menaip, tiket percuma", "travel_paid"),
    ],
)
def test_each_language_finds_its_words(text: str, signal: str) -> None:
    assert signal in {r.signal for r in assess(text).reasons}


def test_reasons_and_advice_follow_the_reader_language() -> None:
    result = assess(LURE, language="vi", nationality="VN")
    assert "Sihanoukville" in result.reasons[0].hits[0].text
    assert result.advice.startswith("Đừng đi")
    assert result.hotline is not None and result.hotline["phone"].startswith("+84")


def test_an_ngo_adds_a_place_without_code(tmp_path: Path) -> None:
    import fraudlink.public

    data = tmp_path / "rules"
    copytree(Path(fraudlink.public.__file__).parent / "data" / "jobcheck", data)
    places = data / "places.yaml"
    listed = yaml.safe_load(places.read_text("utf-8"))
    listed["compound_area"].append(["Atlantis Bay"])
    places.write_text(yaml.safe_dump(listed, allow_unicode=True), "utf-8")
    text = "Typing job in Atlantis Bay"
    assert "compound_area" not in {r.signal for r in assess(text).reasons}
    rules = load_rules(data)
    assert "compound_area" in {r.signal for r in assess(text, rules=rules).reasons}


def test_a_phrase_for_an_undeclared_signal_is_refused(tmp_path: Path) -> None:
    import fraudlink.public

    data = tmp_path / "rules"
    copytree(Path(fraudlink.public.__file__).parent / "data" / "jobcheck", data)
    (data / "phrases" / "xx.yaml").write_text("language: xx\nnot_a_signal: [foo]\n", "utf-8")
    with pytest.raises(ConfigError, match="not_a_signal"):
        load_rules(data)


def test_empty_and_huge_texts_are_refused() -> None:
    with pytest.raises(BadAdvert):
        assess("   ")
    with pytest.raises(BadAdvert):
        assess("x" * 20_001)


def test_a_contact_already_reported_raises_the_risk(sample_index: Path) -> None:
    from fraudlink.public.index import PublicIndex

    text = "Part-time work from home. Add me on Telegram @Scam_Boss_KH for details."
    without = assess(text)
    found = assess(text, index=PublicIndex(sample_index))
    reason = next(r for r in found.reasons if r.signal == "reported_contact")
    assert [h.text for h in reason.hits] == ["@Scam_Boss_KH"]
    assert found.score > without.score and found.level != "low"
