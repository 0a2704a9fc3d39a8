"""The public API: overlap resolution, kinds filter, folding and never crashing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.errors import InputError
from fraudlink.extract import Context, Match, extract, known_kinds, normalise
from fraudlink.extract.text import FoldedText, fold

_ND_DIGITS = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Nd"]


def test_every_kind_is_registered() -> None:
    assert "phone" in known_kinds()
    assert known_kinds() == sorted(known_kinds())


def test_unknown_kind_lists_the_known_ones() -> None:
    with pytest.raises(InputError, match="phone"):
        normalise("fax", "123", Context())
    with pytest.raises(InputError, match="fax"):
        extract("text", kinds=["fax"])


def test_kinds_filter() -> None:
    text = "call +855 12 345 678"
    assert [m.kind for m in extract(text, kinds=["phone"])] == ["phone"]
    assert extract(text, kinds=[]) == []


def test_matches_sorted_by_start() -> None:
    found = extract("+855 12 345 678 then +66 81 234 5678 then +855 97 123 4567")
    starts = [m.start or 0 for m in found]
    assert starts == sorted(starts) and len(found) == 3


@pytest.mark.skipif("iban" not in known_kinds(), reason="iban kind not written yet")
def test_checksum_verified_iban_beats_phone_in_its_digits() -> None:
    found = extract("IBAN DE89 3704 0044 0532 0130 00 ok", Context(region="DE"))
    assert [m.kind for m in found] == ["iban"]


def test_match_as_json_carries_attributes_and_invalid_flag() -> None:
    match = Match("amount", "12", "12$", 0, 3, valid=False, attributes={"currency": "USD"})
    assert match.as_json() == {
        "kind": "amount",
        "value": "12",
        "raw": "12$",
        "start": 0,
        "end": 3,
        "currency": "USD",
        "valid": False,
    }


@given(st.text())
def test_folding_keeps_length(text: str) -> None:
    folded = FoldedText.of(text)
    assert len(folded.folded) == len(text)


@given(st.lists(st.sampled_from(_ND_DIGITS), min_size=1, max_size=30))
def test_any_decimal_digit_folds_to_ascii(digits: list[str]) -> None:
    text = "".join(digits)
    assert fold(text) == "".join(str(unicodedata.decimal(d)) for d in digits)


_PIECES = st.sampled_from(
    ["+", "00", " ", "-", ".", "(", ")", "０១២", "๕๖", "@", "0x", "hxxp", "[.]", "微信号：", "万元"]
)
_TEXT = st.lists(st.one_of(st.text(max_size=8), _PIECES, st.integers(0, 10**12).map(str)))


@settings(max_examples=300, deadline=None)
@given(_TEXT.map("".join), st.sampled_from([None, "KH", "CN", "VN", "US"]))
def test_extract_never_crashes_and_offsets_hold(text: str, region: str | None) -> None:
    for match in extract(text, Context(region=region)):
        assert match.start is not None and match.end is not None
        if match.kind == "payment_card":  # raw is masked, but as long as the text
            assert len(text[match.start : match.end]) == len(match.raw)
        else:
            assert text[match.start : match.end] == match.raw


def test_huge_line_does_not_hang() -> None:
    text = "1 " * 200_000 + "9" * 100_000 + " +855 12 345 678"
    found = extract(text, kinds=["phone"])
    assert [m.value for m in found] == ["+85512345678"]
