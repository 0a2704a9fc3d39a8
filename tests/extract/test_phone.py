"""Phones in every notation victims use, and the numbers that must not become phones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fraudlink.extract import Context, extract, normalise


def phones(text: str, region: str | None = None) -> list[str]:
    found = extract(text, Context(region=region), kinds=["phone"])
    for match in found:
        assert text[match.start : match.end] == match.raw
    return [m.value for m in found]


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("ខ្ញុំបានទទួលទូរស័ព្ទពីលេខ ០១២ ៣៤៥ ៦៧៨ ហើយ", "KH", "+85512345678"),
        ("他的电话是＋８６ １３８ ００１３ ８０００。", None, "+8613800138000"),
        ("전화번호 010-1234-5678로 연락했습니다", "KR", "+821012345678"),
        ("Số điện thoại của hắn là 0912 345 678.", "VN", "+84912345678"),
        ("Số điện thoại 091.234.5678 gọi nhiều lần", "VN", "+84912345678"),
        ("โทรมาจากเบอร์ ๐๘๑ ๒๓๔ ๕๖๗๘ ค่ะ", "TH", "+66812345678"),
        ("电话：13800138000，微信同号", "CN", "+8613800138000"),
        ("WhatsApp +855 97 123 4567 please", None, "+855971234567"),
        ("call (+855) 12-345-678 today", None, "+85512345678"),
        ("dial 00855 12 345 678 now", None, "+85512345678"),
        ("London office +44 (0)20 7946 0958", None, "+442079460958"),
        ("US line (212) 555-1234", "US", "+12125551234"),
        ("toll free 1-800-555-1234", "US", "+18005551234"),
        ("Hubungi 0812-3456-7890 sekarang", "ID", "+6281234567890"),
        ("رقم الهاتف +٩٧١ ٥٠ ١٢٣ ٤٥٦٧", None, "+971501234567"),
        ("tel:+85512345678", None, "+85512345678"),
        ("ផ្ញើមក +៨៥៥ ៩៧ ១២៣ ៤៥៦៧ ។", None, "+855971234567"),
        ("ໂທ 020 5512 3456", "LA", "+8562055123456"),
        ("ဖုန်း ၀၉ ၂၁၂ ၃၄၅၆", "MM", "+9592123456"),
        ("Tawagan mo ako sa 0905 123 4567", "PH", "+639051234567"),
        ("Hubungi saya di 012-345 6789", "MY", "+60123456789"),
    ],
)
def test_phone_notations(text: str, region: str | None, expected: str) -> None:
    assert phones(text, region) == [expected]


def test_two_phones_in_a_row_are_two_phones() -> None:
    assert phones("0812345678 0898765432", "TH") == ["+66812345678", "+66898765432"]


def test_local_format_without_a_region_gives_nothing() -> None:
    assert phones("call 012 345 678") == []


def test_number_written_without_the_trunk_prefix_is_not_a_local_phone() -> None:
    assert phones("reference 12345678 in the letter", "KH") == []


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-01-15 12:30:45",
        "on 15/01/2024 at 13.800",
        "created 20240115",
        "订单号：13800138000",
        "Order 0912345678 shipped",
        "tracking number 0812345678",
        "tài khoản 0912345678 tại Vietcombank",
        "paid 12.345.678 VND",
        "transfer 0912345678 đồng",
        "price $1234567890",
        "server 192.168.100.200 answered",
        "version 1.2.3.4567890",
        "v10.0.19041.1234",
        "card 4111 1111 1111 1111",
        "IBAN DE89 3704 0044 0532 0130 00",
        "wallet 0x52908400098527886E0F7030069857D2E4169EE7",
        "ratio 0912345678%",
        "email 0912345678@gmail.com",
        "1 200 000 000 riel",
    ],
)
def test_not_phones(text: str) -> None:
    assert phones(text, "VN") == []
    assert phones(text, "CN") == []


def test_glued_to_latin_letters_is_not_a_phone() -> None:
    assert phones("ID0912345678x", "VN") == []


def test_glued_to_korean_particle_or_han_is_a_phone() -> None:
    assert phones("010-1234-5678로 보내", "KR") == ["+821012345678"]
    assert phones("打13800138000的电话", "CN") == ["+8613800138000"]


def test_offsets_point_into_original_text() -> None:
    text = "ខ្ញុំ ០១២ ៣៤៥ ៦៧៨ ។"
    [match] = extract(text, Context(region="KH"), kinds=["phone"])
    assert text[match.start : match.end] == "០១២ ៣៤៥ ៦៧៨" == match.raw


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("012 345 678", "KH", "+85512345678"),
        ("12345678", "KH", "+85512345678"),
        ("+855 12 345 678", None, "+85512345678"),
        ("00855 12 345 678", "US", "+85512345678"),
        ("１３８ ００１３ ８０００", "CN", "+8613800138000"),
    ],
)
def test_normalise_field(raw: str, region: str | None, expected: str) -> None:
    match = normalise("phone", raw, Context(region=region))
    assert match is not None and match.valid and match.value == expected


def test_normalise_invalid_field_is_marked_invalid() -> None:
    match = normalise("phone", "12345", Context(region="KH"))
    assert match is not None and not match.valid
    assert normalise("phone", "no digits", Context(region="KH")) is None


_DIGITS = st.sampled_from(
    ["0123456789", "០១២៣៤៥៦៧៨៩", "０１２３４５６７８９", "๐๑๒๓๔๕๖๗๘๙", "٠١٢٣٤٥٦٧٨٩"]
)


@given(_DIGITS, st.integers(min_value=10_000_000, max_value=99_999_999))
def test_any_script_gives_the_same_phone(digits: str, number: int) -> None:
    ascii_form = "+855 " + str(number)
    written = ascii_form.translate(str.maketrans("0123456789", digits))
    assert phones(f"tel {written}") == phones(f"tel {ascii_form}")


@given(st.sampled_from(["+855 12 345 678", "0912 345 678", "+8613800138000"]))
def test_normalising_a_normal_form_is_idempotent(raw: str) -> None:
    first = normalise("phone", raw, Context(region="VN"))
    assert first is not None
    again = normalise("phone", first.value, Context(region="VN"))
    assert again is not None and again.value == first.value


def test_vietnamese_words_after_a_number_are_not_the_dong_sign() -> None:
    found = extract("Tôi đã gọi 02447613817 để hỏi.", Context(region="VN", language="vi"))
    assert [(m.kind, m.value) for m in found] == [("phone", "+842447613817")]


def test_an_account_label_in_an_earlier_sentence_does_not_veto_a_phone() -> None:
    text = "需要把钱转到“安全账户”。骗子用+86 157 9486 1904给我打过电话"
    assert [m.value for m in extract(text, Context(region="CN"))] == ["+8615794861904"]
