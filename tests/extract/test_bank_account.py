"""Labelled local bank accounts in many languages, with the bank named nearby."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fraudlink.extract import extract
from fraudlink.extract.base import Context, Match
from fraudlink.extract.kinds.bank_account import BANKS, LABELS, BankAccount, bank_code
from fraudlink.extract.text import FoldedText

KIND = BankAccount()
KHMER = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def find(text: str) -> list[Match]:
    found = list(KIND.find(FoldedText.of(text), Context()))
    for match in found:
        assert match.start is not None and match.end is not None
        assert text[match.start : match.end] == match.raw
    return found


def values(text: str) -> list[str]:
    return [match.value for match in find(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "请转账到中国工商银行 账号：6222 0212 3456 7890 123，户名张三",
            "ICBC:6222021234567890123",
        ),
        ("帳號：012-345-678901（中國信託）", "CTBC:012345678901"),
        ("국민은행 계좌번호는 123-456-789012 입니다", "KBSTAR:123456789012"),
        ("KB 계좌 123456-01-123456로 보냈어요", "KBSTAR:12345601123456"),
        ("STK Vietcombank: 0123456789", "VCB:0123456789"),
        ("số tài khoản 0123 456 789 (Techcombank)", "TCB:0123456789"),
        ("Chuyển vào tài khoản 19034567890123", "19034567890123"),
        ("គណនី ABA " + "000 123 456".translate(KHMER) + "។", "ABA:000123456"),
        ("ផ្ញើទៅ ACLEDA " + "0001-23456789".translate(KHMER), "ACLEDA:000123456789"),
        ("เลขบัญชี 123-4-56789-0 กสิกร", "KBANK:1234567890"),
        ("โอนเข้าบัญชี ไทยพาณิชย์ " + "4071234567".translate(THAI), "SCB:4071234567"),
        ("rekening BCA 1234567890", "BCA:1234567890"),
        ("no. akaun 1234567890 (Maybank)", "MAYBANK:1234567890"),
        ("口座番号：1234567", "1234567"),
        ("A/C No. 001-234567-8 at HSBC", "HSBC:0012345678"),
        ("Please pay to account 987654321.", "987654321"),
        ("Vietcombank 0123456789", "VCB:0123456789"),
    ],
)
def test_labelled_accounts(text: str, value: str) -> None:
    assert values(text) == [value]


def test_bank_attribute() -> None:
    (match,) = find("Maybank account: 5140 1234 5678")
    assert match.attributes == {"bank": "MAYBANK"} and match.value == "MAYBANK:514012345678"


@pytest.mark.parametrize(
    "text",
    [
        "QQ账号 12345678",  # a messenger account, not a bank's
        "微信账号：lucky8888",
        "account opened 2024-01-05",
        "account +855 12 345 678",  # a phone number
        "I lost 5,000 USD from my account 3 days ago",
        "account balance 1234567.50",
        "accounting 12345678",
        "卡号 4111 1111 1111 1111",  # a card: payment_card reports it, masked
        "call 012 345 678 tomorrow",  # no label at all
        "Wing 012345",  # a bare bank name needs at least 8 digits
        "ABACUS 12345678",
    ],
)
def test_not_an_account(text: str) -> None:
    assert find(text) == []


def test_compact_account_then_phone_is_split() -> None:
    assert values("STK 0123456789 0912345678") == ["0123456789"]


def test_two_accounts() -> None:
    text = "账号 6212 2612 3456 789（工商银行），另一个账号 95588 123456 建设银行"
    assert values(text) == ["ICBC:621226123456789", "CCB:95588123456"]


def test_bank_codes_cover_scripts() -> None:
    assert bank_code("中國工商銀行") == bank_code("icbc") == "ICBC"
    assert bank_code("กสิกรไทย") == bank_code("KBank") == "KBANK"
    assert bank_code("nowhere bank") is None


def test_normalise_structured_value() -> None:
    match = KIND.normalise("Vietcombank 0123-456-789", Context())
    assert (
        match is not None and match.value == "VCB:0123456789" and match.attributes["bank"] == "VCB"
    )
    assert KIND.normalise("12 34", Context()) is None
    card = KIND.normalise("6200 0000 0000 0005", Context())
    assert card is not None and card.kind == "payment_card" and "*" in card.value


labels = st.sampled_from(LABELS)
banks = st.sampled_from(sorted((code, name) for code, names in BANKS.items() for name in names))
numbers = st.text("0123456789", min_size=8, max_size=16).filter(lambda n: n[0] != "0")


@given(labels, banks, numbers, st.sampled_from(["", " ", "-"]))
def test_any_label_bank_and_grouping(
    label: str, bank: tuple[str, str], digits: str, sep: str
) -> None:
    written = sep.join(digits[i : i + 4] for i in range(0, len(digits), 4))
    found = find(f"{bank[1]} {label}: {written}。")
    assert [m.value for m in found] in ([f"{bank[0]}:{digits}"], [])
    # empty only when the digits happen to be a valid card number
    if not found:
        card = KIND.normalise(digits, Context())
        assert card is not None and card.kind == "payment_card"


@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for match in find(text):
        assert match.value.split(":")[-1].isdigit()


@given(labels, numbers)
def test_normalise_idempotent(label: str, digits: str) -> None:
    first = KIND.normalise(f"{label} {digits}", Context())
    if first is not None and first.kind == "bank_account":
        again = KIND.normalise(first.value, Context())
        assert again is not None and again.value.endswith(first.value.split(":")[-1])


def test_exchange_account_is_not_a_bank_account() -> None:
    assert find("Binance account 12345678") == []


def test_through_the_public_extract() -> None:
    text = (
        "卡号：6200 0000 0000 0005，工商银行账号 6212 2612 3456 789。국민은행 계좌 123-456-789012"
    )
    found = [(m.kind, m.value) for m in extract(text, Context(region="CN"))]
    assert found == [
        ("payment_card", "620000******0005"),
        ("bank_account", "ICBC:621226123456789"),
        ("bank_account", "KBSTAR:123456789012"),
    ]


@pytest.mark.parametrize(
    ("name", "code"),
    [("HSBC Hong Kong", "HSBC"), ("ธนาคารกรุงไทย", "KTB"), ("Bank Mandiri", "MANDIRI"),
     ("國泰世華銀行", "CATHAY"), ("Wells Fargo", "WELLSFARGO"), ("Nowhere Savings", None)],
)  # fmt: skip
def test_bank_code_reads_the_longest_bank_name_inside(name: str, code: str | None) -> None:
    assert bank_code(name) == code


def test_every_generated_bank_has_a_code() -> None:
    """The generator labels accounts with the code this kind reads from the bank's name."""
    from fraudlink.generate.banks import _BANKS

    assert all(bank_code(bank.name) for banks in _BANKS.values() for bank in banks)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Paid into 3856027854062 at Metrobank.", "METROBANK:3856027854062"),
     ("No. rek 7293625293 a.n. (BCA).", "BCA:7293625293"),
     ("Account details: JPMorgan Chase, 793055237.", "CHASE:793055237"),
     ("我用網銀轉帳到中國銀行(香港) 302979201236，", "BOC:302979201236"),
     ("我通过手机银行转到Maybank６２８４７９４３１５５２，", "MAYBANK:628479431552"),
     ("转到OCBC Bank717-942316-5，", "OCBC:7179423165")],
)  # fmt: skip
def test_bank_named_after_glued_to_or_qualifying_the_digits(text: str, value: str) -> None:
    found = [m.value for m in extract(text, Context()) if m.kind == "bank_account"]
    assert found == [value]


def test_digits_of_an_earlier_sentence_are_not_the_next_banks_account() -> None:
    text = "사기범 번호는 00639241414172입니다. 국민은행 167778-43-881964로 이체했습니다."
    found = [m.value for m in extract(text, Context(region="KR")) if m.kind == "bank_account"]
    assert found == ["KBSTAR:16777843881964"]
