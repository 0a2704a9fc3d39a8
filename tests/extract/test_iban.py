"""IBANs: spaced and compact, checksum failures, glued text, vectors made by schwifty."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from schwifty import IBAN

from fraudlink.extract.base import Context, Match
from fraudlink.extract.kinds.iban import Iban
from fraudlink.extract.text import FoldedText

KIND = Iban()
DE = "DE89370400440532013000"
GB = "GB82WEST12345698765432"
COUNTRIES = ["DE", "GB", "FR", "AE", "SA", "TR", "IT", "NL", "BR", "PK", "QA", "CH", "ES", "PL"]


def find(text: str) -> list[Match]:
    found = list(KIND.find(FoldedText.of(text), Context()))
    for match in found:
        assert match.start is not None and match.end is not None
        assert text[match.start : match.end] == match.raw
    return found


def only(text: str) -> Match:
    found = find(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("IBAN: DE89 3704 0044 0532 0130 00, thanks", DE),
        ("转账到 DE89370400440532013000。", DE),
        (f"계좌 {GB}로 송금", GB),
        ("chuyển khoản vào GB82 WEST 1234 5698 7654 32 TO ME", GB),
        ("โอนไป GB82-WEST-1234-5698-7654-32 ครับ", GB),
        ("ផ្ញើទៅ DE89 3704 0044 0532 0130 00។", DE),
        ("ＤＥ８９３７０４００４４０５３２０１３０００，", DE),
    ],
)
def test_found_in_many_languages(text: str, value: str) -> None:
    match = only(text)
    assert match.value == value and match.valid and match.attributes["country"] == value[:2]


def test_checksum_failure_is_invalid() -> None:
    assert only("IBAN DE88 3704 0044 0532 0130 00").valid is False


@pytest.mark.parametrize(
    "text",
    [
        "DE89 3704 0044 0532 0130 001",  # one digit too many for Germany
        "XDE89370400440532013000",
        "DE8937040044053201300",  # one too few
        "ZZ89370400440532013000",  # no such country
        "ISO 9001 certified, model AB12 3456",
    ],
)
def test_not_an_iban(text: str) -> None:
    assert find(text) == []


def test_two_ibans_in_one_line() -> None:
    assert [m.value for m in find(f"{DE} / {GB}")] == [DE, GB]


def test_normalise_structured_value() -> None:
    match = KIND.normalise("gb82 west 1234 5698 7654 32", Context())
    assert match is not None and match.value == GB and match.valid
    bad = KIND.normalise("DE88370400440532013000", Context())
    assert bad is not None and bad.valid is False
    assert KIND.normalise("hello", Context()) is None


ibans = st.builds(
    lambda country, seed: str(IBAN.random(country, random=random.Random(seed))),
    st.sampled_from(COUNTRIES),
    st.integers(min_value=0, max_value=2**32),
)


@given(ibans, st.booleans())
def test_random_iban_found_spaced_or_compact(iban: str, spaced: bool) -> None:
    written = IBAN(iban).formatted if spaced else iban
    match = only(f"số tài khoản {written}.")
    assert match.value == iban and match.valid
    again = KIND.normalise(match.value, Context())
    assert again is not None and again.value == match.value  # idempotent


@settings(max_examples=200)
@given(ibans, st.data())
def test_single_substitution_is_never_valid(iban: str, data: st.DataObject) -> None:
    """Mod 97 catches every digit-for-digit or letter-for-letter change (not digit-for-letter,
    which changes the length of the number it checks: see the test below)."""
    index = data.draw(st.integers(min_value=2, max_value=len(iban) - 1))
    same_class = "0123456789" if iban[index].isdigit() else "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    char = data.draw(st.sampled_from(same_class).filter(lambda c: c != iban[index]))
    mutated = iban[:index] + char + iban[index + 1 :]
    assert all(not m.valid for m in find(f"IBAN {mutated} ok"))


def test_digit_for_letter_change_can_pass_mod97() -> None:
    """A known limit of ISO 7064 mod 97-10, found by Hypothesis: such an IBAN *is* valid."""
    assert only("QA65ZWWXG6CFAUS7EXVO8JYCLLUZG").valid


@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for match in find(text):
        assert match.value.isalnum()
