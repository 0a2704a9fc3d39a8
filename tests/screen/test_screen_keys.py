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
