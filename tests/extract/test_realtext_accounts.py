"""Accounts and cards as real Indonesian and English scam messages write them."""

from __future__ import annotations

import pytest

from fraudlink.extract import Context, extract

ID = Context(region="ID", language="id")


def _kinds(text: str, context: Context = ID) -> list[tuple[str, str]]:
    return [(m.kind, m.value) for m in extract(text, context)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ini nomor rekeningnya: 5829-01-012786-534. BRI a/n Budi.", "BRI:582901012786534"),
        ("Transfer ke BNI ya. Rek: 0248147033. Kabari.", "BNI:0248147033"),
        ("Kirim ke Bank BCA No. Rek : 2731.7942.96 A/n : BUDI", "BCA:2731794296"),
        ("bank BRI no/rek.018801.006474.53.2.a/n:IR X", "BRI:018801006474532"),
    ],
)
def test_dashed_or_dotted_account_after_rek_is_a_bank_account(text: str, value: str) -> None:
    found = _kinds(text)
    assert ("bank_account", value) in found
    assert not any(kind == "payment_card" for kind, _ in found)


def test_a_card_grouped_as_cards_are_stays_a_card() -> None:
    found = _kinds("kartu 4111 1111 1111 1111 ya")
    assert [kind for kind, _ in found] == ["payment_card"]


def test_a_masked_account_is_nothing() -> None:
    assert not any(k == "bank_account" for k, _ in _kinds("ke rek Bank xxx (4413-0100-0226-XXX)"))


def test_a_phone_that_the_label_does_not_introduce_is_no_account() -> None:
    text = "Your Account Statement for 07742676969 shows 786 points"
    assert not any(k == "bank_account" for k, _ in _kinds(text, Context(region="GB")))


def test_an_account_of_one_repeated_digit_is_a_placeholder() -> None:
    from fraudlink.extract import Context, extract

    for text in ("ร่วมทำบุญไปกับเรา บัญชี 999999999", "ที่บัญชี 111-1111-1111"):
        assert [m for m in extract(text, Context(region="TH")) if m.kind == "bank_account"] == []
    found = extract("บัญชีธนาคารกรุงไทย 8904329022", Context(region="TH"))
    assert [m.value for m in found if m.kind == "bank_account"] == ["KTB:8904329022"]
