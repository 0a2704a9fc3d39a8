"""Amounts, phones and names are written in local notation that still means the same thing."""

from __future__ import annotations

import random
import re
from decimal import Decimal

import phonenumbers
from hypothesis import given
from hypothesis import strategies as st

from fraudlink.generate.amounts import Money, _korean, _unit, write_money
from fraudlink.generate.identifiers import _replace_tail, mint_phone
from fraudlink.generate.names import fold_vietnamese, make_name
from fraudlink.generate.notation import render_phone

_KOREAN = re.compile(r"^(?:(\d+)억)? ?(?:(\d+)천만|([\d,]+)만)? 원$")


@given(st.integers(1, 10**12), st.sampled_from([10_000, 1_000_000, 10**9]))
def test_units_state_the_exact_amount(units: int, size: int) -> None:
    text = _unit(Money(units, 0, "CNY"), size)
    if text is not None:
        assert Decimal(text) * size == units


@given(st.integers(1, 10**8).map(lambda n: n * 10_000))
def test_korean_amounts_read_back(units: int) -> None:
    text = _korean(Money(units, 0, "KRW"))
    assert text is not None
    match = _KOREAN.match(text)
    assert match, text
    eok, cheon, man = match.groups()
    value = (
        int(eok or 0) * 10**8 + int(cheon or 0) * 10**7 + int((man or "0").replace(",", "")) * 10**4
    )
    assert value == units


@given(st.text("0123456789", min_size=1, max_size=6))
def test_replace_tail_keeps_layout(tail: str) -> None:
    form = "+855 12 345 678"
    replaced = _replace_tail(form, tail)
    assert len(replaced) == len(form) and re.sub(r"\d", "0", replaced) == re.sub(r"\d", "0", form)
    assert re.sub(r"\D", "", replaced).endswith(tail)


def test_local_format_only_for_numbers_of_the_victims_country() -> None:
    rng = random.Random(1)
    phone = mint_phone(rng, "KH")
    for _ in range(200):
        written = render_phone(rng, phone, "KR")
        assert written.startswith(("+", "00", "(+"))
        plain = written.replace("(", "").replace(")", "")
        number = phonenumbers.parse("+" + plain[2:] if plain.startswith("00") else plain)
        assert (
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == phone.value
        )
    assert any(render_phone(rng, phone, "KH").startswith("0") for _ in range(50))


def test_money_forms_per_language() -> None:
    rng = random.Random(2)
    forms = {write_money(rng, Money(23_000, 0, "CNY"), "zh-Hans") for _ in range(200)}
    assert {"2.3万元", "人民币23,000元"} <= forms
    forms = {write_money(rng, Money(120_000_000, 0, "KRW"), "ko") for _ in range(100)}
    assert "1억 2천만 원" in forms
    forms = {write_money(rng, Money(50_000_000, 0, "VND"), "vi") for _ in range(100)}
    assert "50 triệu đồng" in forms
    forms = {write_money(rng, Money(500, 0, "USD"), "km") for _ in range(100)}
    assert "៥០០ ដុល្លារ" in forms


def test_names_have_native_script_and_romanised_variants() -> None:
    rng = random.Random(3)
    korean = make_name(rng, "KR")
    assert re.fullmatch(r"[\uac00-\ud7af]+", korean.native)
    assert all(re.fullmatch(r"[A-Za-z -]+", v) for v in korean.variants)
    chinese = make_name(rng, "CN")
    assert re.search(r"[\u4e00-\u9fff]", chinese.native) and len(chinese.variants) >= 3
    assert fold_vietnamese("Đặng Thị Hương") == "Dang Thi Huong"
    khmer = make_name(rng, "KH")
    assert re.search(r"[\u1780-\u17ff]", khmer.native)


def test_dates_use_local_calendars_and_digits() -> None:
    from datetime import date

    from fraudlink.generate.dates import write_date

    rng = random.Random(4)
    when = date(2025, 3, 15)
    assert write_date(rng, "ko", when) == "2025년 3월 15일 "
    assert "2568" in write_date(rng, "th", when)  # Buddhist era
    khmer = {write_date(rng, "km", when) for _ in range(20)}
    assert any("២០២៥" in text for text in khmer) and any("2025" in text for text in khmer)
