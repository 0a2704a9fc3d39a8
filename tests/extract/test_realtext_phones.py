"""Phones as real scam SMS write them: spaced out, glued, listed with a slash."""

from __future__ import annotations

import pytest

from fraudlink.extract import Context, extract


def _phones(text: str, region: str) -> list[str]:
    return [m.value for m in extract(text, Context(region=region)) if m.kind == "phone"]


@pytest.mark.parametrize(
    ("text", "region", "phones"),
    [
        ("hub 0 8 1 3 1 6 5 2 3 0 6 1 sekarang", "ID", ["+6281316523061"]),
        ("call 0 9 6 2 2 3 4 5 6 7 now", "KH", ["+855962234567"]),
        ("hub 081316523061/087822962308 (WA)", "ID", ["+6281316523061", "+6287822962308"]),
        ("Hub: ATY 082134976289(wa)/087888869297.", "ID", ["+6282134976289", "+6287888869297"]),
        ("apply 08452810075over18s", "GB", ["+448452810075"]),
        ("Call on 0845 021 3680.Offer ends soon", "GB", ["+448450213680"]),
        ("tlp 081316005639.terima kasih", "ID", ["+6281316005639"]),
        ("hub ANI 021 - 91949720 / LIA", "ID", ["+622191949720"]),
    ],
)
def test_phones_written_as_in_real_messages(text: str, region: str, phones: list[str]) -> None:
    assert _phones(text, region) == phones


@pytest.mark.parametrize(
    "text",
    ["tanggal 12/05/2024 jam 10", "see /docs/0812345678901/x", "1 2 3 4 5 6 7 8 9"],
)
def test_what_is_still_not_a_phone(text: str) -> None:
    assert _phones(text, "ID") == []
