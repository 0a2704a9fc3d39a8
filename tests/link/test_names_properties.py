"""Properties of the name comparison that must hold for any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.link.names import compare, name_keys
from fraudlink.link.names.legal import TITLES

_TITLE_WORDS = {word for phrase in TITLES for word in phrase}
# Titles are removed only at either end of a name, so a shuffled title is a real difference.
_LATIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).filter(
    lambda word: word not in _TITLE_WORDS
)
_ANY_NAME = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzé -.,'") + list("陈陳志智王建国박정욱우ហ៊ុនម៉ាណែតทักษิณชินวัตร")
    ),
    max_size=20,
)
_SCHEMA = st.sampled_from(["Person", "Company", "Organization"])


@settings(max_examples=300, deadline=None)
@given(_ANY_NAME, _ANY_NAME, _SCHEMA)
def test_symmetric_and_bounded(a: str, b: str, schema: str) -> None:
    forward, backward = compare(a, b, schema), compare(b, a, schema)
    assert forward.score == backward.score
    assert 0.0 <= forward.score <= 1.0


@settings(max_examples=300, deadline=None)
@given(_ANY_NAME, _SCHEMA)
def test_a_name_matches_itself(name: str, schema: str) -> None:
    result = compare(name, name, schema)
    if name_keys(name, schema):
        assert result.match and result.score == 1.0


@settings(max_examples=200, deadline=None)
@given(st.lists(_LATIN_WORD, min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_token_order_does_not_matter_for_latin_names(words: list[str], rnd: object) -> None:
    shuffled = list(words)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert compare(" ".join(words), " ".join(shuffled)).score == 1.0
