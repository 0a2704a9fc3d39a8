"""Khmer romanisation: syllable boundaries, series, silent subscripts, everyday spellings."""

from __future__ import annotations

import pytest

from fraudlink.link.names.khmer import romanise, skeleton, spellings


@pytest.mark.parametrize(
    ("word", "ungegn"),
    [
        ("សុផល", "sophal"),  # a bare final consonant closes the syllable of the one before it
        ("ចន្ថា", "chantha"),  # a consonant before a subscript ends the syllable
        ("ពេជ្រ", "pech"),  # a word-final subscript after a final is silent
        ("យ៉ុងផាត់", "yongphat"),  # after a written vowel, a consonant before a vowel is final
        ("ប្រាក់", "prak"),  # b before a subscript is p
        ("ឯក", "aek"),  # an independent vowel takes a final
    ],
)
def test_ungegn_syllables(word: str, ungegn: str) -> None:
    assert romanise(word) == ungegn


@pytest.mark.parametrize(
    ("word", "everyday"),
    [("មករា", "makarea"), ("សម្បត្តិ", "sambatt"), ("ឈឹម", "chhim"), ("កែវ", "keo")],
)
def test_everyday_spelling_is_offered(word: str, everyday: str) -> None:
    assert everyday in spellings(word)


def test_skeleton_keeps_consonants_and_syllables() -> None:
    assert skeleton("pich") == skeleton("pech")
    assert skeleton("sok") != skeleton("suka")


def test_second_series_ue_is_also_offered_as_oe() -> None:
    # ឹ after a second-series consonant is 'ue' in UNGEGN, but lists write Chhoem / Chhœm
    assert "chhoem" in spellings("ឈឹម")
    assert spellings("ឈឹម")[0] == "chhuem"


def test_cross_script_match_with_an_oe_spelling() -> None:
    from fraudlink.link.names import compare

    assert compare("Chhœm Dara Sopheap", "ឈឹម ដារ៉ា សុភាព").match
