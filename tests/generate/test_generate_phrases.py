"""Every phrasebook covers every scam type and its templates fill without leftovers."""

from __future__ import annotations

import pytest

from fraudlink.generate.phrases import PHRASEBOOKS, SCAM_TYPES, Phrasebook


@pytest.mark.parametrize("book", PHRASEBOOKS.values(), ids=list(PHRASEBOOKS))
def test_phrasebook_is_complete(book: Phrasebook) -> None:
    assert set(book.intros) == set(SCAM_TYPES)
    assert all(len(intros) >= 2 for intros in book.intros.values())
    assert len(book.hub) == 3
    assert book.phone and book.contact
    groups = (
        book.contact,
        book.phone,
        book.site,
        book.payment,
        book.bank,
        book.loss,
        book.person,
        book.hub,
    )
    for template in (t for group in groups for t in group):
        filled = template.format(x="X1", bank="B1", amount="A1", name="N1")
        assert "{" not in filled and any(mark in filled for mark in ("X1", "A1", "N1"))
    for template in book.bank:
        assert "{bank}" in template and "{x}" in template


def test_eleven_languages() -> None:
    expected = {"zh-Hans", "zh-Hant", "ko", "vi", "th", "km", "ja", "ms", "id", "en", "tl"}
    assert set(PHRASEBOOKS) == expected
