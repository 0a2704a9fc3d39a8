"""What real sanctions lists and queries do: bracketed aliases, extra syllables."""

from __future__ import annotations

from fraudlink.link.names import compare
from fraudlink.screen.model import Listed, with_bracketed_aliases


def test_a_bracketed_alias_is_its_own_name() -> None:
    assert Listed("x", "Person", ["Wang Yi (王毅)"]).names == ["Wang Yi (王毅)", "Wang Yi", "王毅"]
    assert with_bracketed_aliases(["Chen Zhi (a.k.a. Vincent)"])[1:] == ["Chen Zhi", "Vincent"]


def test_a_bracketed_country_is_no_alias() -> None:
    assert with_bracketed_aliases(["Apex Group (Cambodia)"]) == [
        "Apex Group (Cambodia)",
        "Apex Group",
    ]


def test_a_latin_syllable_the_han_name_lacks_is_a_different_name() -> None:
    assert not compare("Zhu Zhi Jun", "陈志").match
    assert not compare("Chen Zhi Jun", "陈志").match
    assert compare("Chen Zhi", "陈志").match
    assert compare("Tan Chee", "陈志").match
    assert compare("Bak Jeong Uk", "박정욱").match


def test_arabic_script_meets_its_romanisations() -> None:
    from fraudlink.link.names import name_keys

    assert compare("محمد علي", "Mohammed Ali").match
    assert compare("خالد حسين", "Khalid Hussein").match
    assert not compare("محمد علي", "Ahmad Hassan").match
    assert name_keys("محمد علي") & name_keys("Muhammad Aly")


def test_hong_kong_names_meet_their_cantonese_spelling() -> None:
    assert compare("梁國雄", "LEUNG Kwok-hung").match
    assert compare("何俊仁", "Albert HO Chun-yan").match  # a Western name beside the Chinese one
    assert not compare("梁國雄", "LEUNG Yiu-chung").match
    assert not compare("陈志", "Chen Zhi Weiming").match  # ``weiming`` is two Han syllables


def test_a_hangul_syllable_is_not_met_through_a_loose_key_it_cannot_spell() -> None:
    assert not compare("조채영", "Cho Jae Young").match  # 채 is Chae, never Jae (재)
    assert not compare("유태윤", "Yoo Tae Yeon").match  # Yeon is 연, not 윤
    assert compare("조재영", "Cho Jae Young").match
    assert compare("안소희", "So Hee Ahn").match
    assert not compare("노설현", "Noh Seo Hyun").match  # Seo has no final: 서, not 설


def test_given_name_syllables_in_another_order_are_another_name() -> None:
    assert not compare("허제이", "Hur Yi Jae").match
    assert compare("허제이", "Heo Je Yi").match
    assert not compare("陈志明", "Ming Zhi Chen").match
    assert compare("陈志明", "Zhi Ming Chen").match


def test_an_arabic_name_with_another_first_name_is_a_relative() -> None:
    assert compare("علي عبد الله صالح", "Ali Abdullah Saleh").match
    assert not compare("علي عبد الله صالح", "Ahmed Ali Abdullah Saleh").match
    assert compare("مطيع الله", "Matiullah").match
    assert compare("جلال الدين حقانى", "Jalaluddin Haqqani").match
    assert compare("جمال عكاشة", "Djamel Akkacha").match  # French spellings of the Maghreb
    assert compare("إياد نظمي صالح خليل", "Iyad Nazmi Salih Khalil").match  # ظ written z
    assert compare("گل احمد حكيمى", "Gul Ahmad Hakimi").match
    assert not compare("جمال عكاشة", "Kamal Akkacha").match


def test_russian_writings_of_foreign_names_meet_their_latin_spelling() -> None:
    assert compare("Хун Сен", "Hun Sen").match  # х for a foreign h
    assert compare("Тхонг Кхон", "Thong Khon").match  # тх, кх for aspirates
    assert compare("Хрущёв", "Khrushchev").match
    assert not compare("Хун Сен", "Hun Neng").match


def test_vietnamese_tones_tell_names_apart_but_a_plain_spelling_meets_them() -> None:
    assert not compare("Nguyễn Văn Hiện", "Nguyễn Văn Hiến").match
    assert not compare("Nguyễn Thanh Hùng", "Nguyen Thanh Hong").match
    assert compare("Vương Đình Huệ", "Vuong Dinh Hue").match
    assert compare("Trần Xuân Hòa", "Trần Xuân Hoà").match  # the tone on either vowel


def test_son_of_tells_the_person_from_the_father() -> None:
    assert not compare("Ahmad bin Ismail", "Ismail bin Ahmad").match
    assert compare("Ahmad bin Ismail", "Ahmad Ismail").match
    assert compare("Siti binti Abdullah", "Siti Abdullah").match
    assert compare("길수빈", "Soo Bin Gil").match  # Bin, a syllable of a Korean given name
    assert compare("Bin Chhin", "Chhin Bin").match  # Bin first: a Khmer family name


def test_a_compound_surname_written_as_two_words() -> None:
    assert compare("남궁민", "Nam Goong Min").match
    assert compare("欧阳修", "Ou Yang Xiu").match
    assert not compare("남궁민", "Nam Min").match
