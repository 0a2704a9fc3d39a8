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
