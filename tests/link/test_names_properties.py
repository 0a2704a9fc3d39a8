"""Properties of the name comparison that must hold for any input."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.link.names import arabic, compare, han, name_keys, thai
from fraudlink.link.names.legal import TITLES
from fraudlink.link.names.tokens import PATRONYMIC_MARKERS, cyrillic_spellings, latin_key, parse

_TITLE_WORDS = {word for phrase in TITLES for word in phrase}
# Titles are removed only at either end of a name, so a shuffled title is a real difference.
_LATIN_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).filter(
    lambda word: word not in _TITLE_WORDS
)
_ANY_NAME = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzé -.,'")
        + list("陈陳志智王建国박정욱우ហ៊ុនម៉ាណែតทักษิณชินวัตร")
        + list("محمد عبد الله")
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


_THAI_WORD = st.text(
    alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4E), max_size=12
)


@settings(max_examples=300, deadline=None)
@given(_THAI_WORD)
def test_thai_spellings_are_rtgs_first_and_plain_letters(word: str) -> None:
    forms = thai.spellings(word)
    assert forms[0] == thai.romanise(word)
    assert len(set(forms)) == len(forms) <= 2
    assert all(
        form == "" or (form.isascii() and form.isalpha() and form.islower()) for form in forms
    )


_HAN = st.sampled_from(list("陈陳志智王建国何俊仁梁家傑劉慧卿曾鈺成張超雄李國麟黄明华"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_HAN, st.integers(0, 9)), min_size=1, max_size=4))
def test_chinese_syllables_written_together_read_as_syllables(picks: list[tuple[str, int]]) -> None:
    """Any reading of any characters, written together, is a run of Chinese syllables:
    such a left-over token is a syllable the Han name lacks, never a Western name."""
    word = ""
    for char, pick in picks:
        forms = han.readings(han.fold(char))
        word += forms[pick % len(forms)]
    assert han.spelled_in_syllables(word)


@settings(max_examples=300, deadline=None)
@given(_LATIN_WORD, st.sampled_from(["له", "دين", "رحمن"]))
def test_a_split_compound_keeps_its_letters_in_place(word: str, tail: str) -> None:
    parts = arabic.split_compound(word, frozenset({tail}))
    assert all(parts)
    assert word.startswith(parts[0]) and word.endswith(parts[-1])
    assert len(parts) == 1 or len(parts[0]) + len(parts[1]) <= len(word)
    assert arabic.split_compound(word, frozenset()) == (word,)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x0410, max_codepoint=0x044F), min_size=1))
def test_cyrillic_spellings_start_letter_by_letter(word: str) -> None:
    forms = cyrillic_spellings(word)
    assert forms[0] == latin_key(word)
    assert len(set(forms)) == len(forms)
    assert all(form.isascii() and len(form) <= len(forms[0]) for form in forms)


_VIETNAMESE = st.text(
    alphabet=st.sampled_from(list("aăâeêioôơuưydđàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ")), min_size=1
)


@settings(max_examples=300, deadline=None)
@given(_VIETNAMESE, _VIETNAMESE)
def test_vietnamese_syllables_match_only_with_their_own_diacritics(a: str, b: str) -> None:
    """Two written syllables are one name when their letters and marks agree; a syllable
    always meets its own spelling without diacritics."""
    same = compare(f"Nguyễn {a}", f"Nguyễn {b}")
    if latin_key(a) == latin_key(b) and sorted(unicodedata.normalize("NFD", a)) == sorted(
        unicodedata.normalize("NFD", b)
    ):
        assert same.match
    assert compare(f"Nguyễn {a}", f"Nguyen {latin_key(a)}").match or not latin_key(a)


_NAME_WORD = _LATIN_WORD.filter(lambda word: word not in PATRONYMIC_MARKERS)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_WORD, min_size=1, max_size=3), st.lists(_NAME_WORD, min_size=1, max_size=3))
def test_only_the_names_after_son_of_are_the_fathers(own: list[str], father: list[str]) -> None:
    tokens = parse(" ".join([*own, "binti", *father])).tokens
    assert [t.father for t in tokens] == [False] * len(own) + [True] * len(father)
    assert not any(t.father for t in parse(" ".join([*own, *father])).tokens)
    assert not any(t.father for t in parse(" ".join(["bin", *father])).tokens)
