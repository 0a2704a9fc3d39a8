"""Payment cards: Luhn and brand checks, masking, hashing, digits of every script."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract.base import Context, Match
from fraudlink.extract.kinds.payment_card import PaymentCard
from fraudlink.extract.text import FoldedText

KIND = PaymentCard()
SHOW = Context(show_sensitive=True)
# issuers' published test numbers
PUBLISHED = {
    "4111111111111111": "visa",
    "5555555555554444": "mastercard",
    "2223003122003222": "mastercard",
    "378282246310005": "amex",
    "6200000000000005": "unionpay",
    "3530111333300000": "jcb",
    "6011111111111117": "discover",
    "30569309025904": "diners",
}
KHMER = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def find(text: str, context: Context = SHOW) -> list[Match]:
    return list(KIND.find(FoldedText.of(text), context))


def only(text: str, context: Context = SHOW) -> Match:
    found = find(text, context)
    assert len(found) == 1, found
    match = found[0]
    assert match.start is not None and match.end is not None
    assert len(match.raw) == match.end - match.start
    if context.show_sensitive:
        assert text[match.start : match.end] == match.raw
    return match


def luhn_digit(body: str) -> str:
    """Reference check digit, written independently of the module under test."""
    digits = [int(c) for c in body][::-1]
    total = sum(sum(divmod(d * 2, 10)) if i % 2 == 0 else d for i, d in enumerate(digits))
    return str(-total % 10)


def grouped(pan: str, sep: str) -> str:
    return sep.join(pan[i : i + 4] for i in range(0, len(pan), 4))


@pytest.mark.parametrize(("pan", "brand"), PUBLISHED.items())
def test_published_numbers(pan: str, brand: str) -> None:
    match = only(f"card {pan} exp")
    assert (match.value, match.attributes["brand"]) == (pan, brand)
    assert match.attributes["sha256"] == hashlib.sha256(pan.encode()).hexdigest()


def test_masked_by_default_and_raw_aligned() -> None:
    text = "卡号：6200 0000 0000 0005，户名张三"
    match = only(text, Context())
    assert match.value == "620000******0005"
    assert match.raw == "6200 00** **** 0005"
    assert match.start is not None and text[match.start : match.start + 7] == match.raw[:7]
    assert "0000 0000" not in repr(match.as_json())


@pytest.mark.parametrize(
    "text",
    [
        "카드번호 4111-1111-1111-1111로 결제",
        "số thẻ 4111 1111 1111 1111.",
        "บัตร 4111111111111111 ครับ",
        "កាត " + grouped("4111111111111111", " ").translate(KHMER) + "។",
        "卡号：" + "4111111111111111".translate(FULL) + "。",
        "card 4111 1111 1111 1111 12/25",
    ],
)
def test_found_in_many_languages(text: str) -> None:
    assert only(text).value == "4111111111111111"


@pytest.mark.parametrize(
    "text",
    [
        "4111111111111112",  # Luhn fails
        "call +86 138 0013 8000 now",
        "+4111111111111111",  # a "+" makes it a phone number
        "x4111111111111111",
        "order 1234567890123452",  # Luhn-valid, but no brand starts with 1
        "ID 110101199003074514",
        "41111111111111110",  # right prefix, 17 digits: not a Visa length
        "tracking 9400 1000 0000 0000 0000 00",
    ],
)
def test_not_a_card(text: str) -> None:
    assert find(text) == []


def test_normalise_structured_value() -> None:
    match = KIND.normalise("5555-5555-5555-4444", Context())
    assert match is not None and match.value == "555555******4444" and match.valid
    assert match.raw == "555555******4444"
    bad = KIND.normalise("5555 5555 5555 4445", Context())
    assert bad is not None and bad.valid is False
    assert KIND.normalise("hello", Context()) is None


prefixes = st.sampled_from(
    ["4", "51", "55", "2221", "2720", "62", "3528", "6011", "65", "34", "37"]
)
lengths = {"34": 15, "37": 15}


@st.composite
def pans(draw: st.DrawFn) -> str:
    prefix = draw(prefixes)
    length = lengths.get(prefix, 16 if prefix != "62" else draw(st.sampled_from([16, 19])))
    body = prefix + draw(
        st.text("0123456789", min_size=length - 1 - len(prefix), max_size=length - 1 - len(prefix))
    )
    return body + luhn_digit(body)


@given(pans(), st.sampled_from(["", " ", "-"]))
def test_generated_cards_found(pan: str, sep: str) -> None:
    written = grouped(pan, sep) if sep else pan
    match = only(f"thẻ {written}로")
    assert match.value == pan and match.valid
    masked = only(f"thẻ {written}로", Context())
    assert masked.value == pan[:6] + "*" * (len(pan) - 10) + pan[-4:]
    assert masked.attributes["sha256"] == match.attributes["sha256"]


@settings(max_examples=200)
@given(pans(), st.data())
def test_single_digit_change_never_valid(pan: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(pan) - 1))
    digit = data.draw(st.sampled_from("0123456789").filter(lambda d: d != pan[index]))
    mutated = pan[:index] + digit + pan[index + 1 :]
    assert [m for m in find(f"card {mutated} ok") if m.value == mutated] == []


@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for match in find(text):
        assert match.valid and 13 <= len(match.value) <= 19


def test_card_inside_a_short_run_with_expiry_and_cvv() -> None:
    assert only("card 4111 1111 1111 1111 12 25 123 thanks").value == "4111111111111111"


def test_long_number_tables_give_nothing_in_linear_time(
    cpu_growth: Callable[[Callable[[int], object], int], float],
) -> None:
    assert find("1 " * 200_000) == [] and find("4111 " * 50_000) == []
    assert cpu_growth(lambda n: find("1 " * n), 25_000) < 8
    assert cpu_growth(lambda n: find("4111 " * n), 6_000) < 8
