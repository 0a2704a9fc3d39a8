"""Retrieval keys: a typo or another token order still reaches the listed name's keys."""

from __future__ import annotations

from fraudlink.screen.keys import hashes, index_keys, key_hash, typo_keys


def _shared(query: str, listed: str) -> set[int]:
    """Hashes of the typo keys of ``query`` that ``listed`` is filed under."""
    return set(typo_keys([query], "Person").tolist()) & set(
        hashes(index_keys(listed, "Person")).tolist()
    )


def test_typo_in_a_common_given_name_meets_the_whole_listed_name() -> None:
    # 'sthea' alone shares keys with every 'Sothea'; the whole name is nearly unique
    assert key_hash("d:bunsthea") in _shared("BUN STHEA", "Bun Sothea")


def test_typo_query_in_either_order_meets_a_native_han_listing() -> None:
    for query in ("Tian Junyrng", "Junyrng Tian"):
        assert key_hash("d:tianjunyng") in _shared(query, "田军颖")


def test_whole_name_keys_need_the_other_tokens_too() -> None:
    assert key_hash("d:bunsthea") not in _shared("BUN STHEA", "Pov Sothea")
    assert key_hash("d:povsthea") not in _shared("BUN STHEA", "Pov Sothea")


def test_whole_name_key_over_every_spelling_meets_a_hangul_listing() -> None:
    # 널 is neol (key 'nul') first, but 'Nor' (key 'nu') is one of its spellings
    query = set(index_keys("Joo Nor-be", "Person"))
    listed = set(index_keys("주널배", "Person"))
    assert {k for k in query & listed if k[0] in "nm"}


def test_names_with_too_many_spellings_get_no_spelling_keys() -> None:
    long_name = "박정욱 김정욱 이정욱 최정욱"
    assert len([k for k in index_keys(long_name, "Person") if k.startswith("m:")]) <= 16


def test_typo_on_another_romanisation_meets_the_phonetic_whole_name() -> None:
    # 'Joo Deorki' is two letter edits from 'Ju Deolki' (주덜키) but one in the phonetic key
    assert key_hash("d:~Cutuki") in _shared("Joo Deorki", "주덜키")
    assert key_hash("d:~Cutuki") not in _shared("Joo Deorki", "주민수")
