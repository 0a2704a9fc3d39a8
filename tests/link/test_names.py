"""Cross-script name comparison: the table of pairs, explanations, legal forms, keys."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from fraudlink.link.names import MATCH_THRESHOLD, compare, name_keys

TABLE = Path(__file__).with_name("names_cross_script.csv")


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_table_has_enough_pairs_and_hard_negatives() -> None:
    rows = _rows()
    negatives = [row for row in rows if row["is_match"] == "false"]
    assert len(rows) >= 40
    assert 0.4 <= len(negatives) / len(rows) <= 0.6


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['name1']}|{r['name2']}")
def test_cross_script_table(row: dict[str, str]) -> None:
    result = compare(row["name1"], row["name2"], row["schema"])
    assert result.match is (row["is_match"] == "true"), (row["note"], result.score)


def test_threshold_is_applied() -> None:
    result = compare("Hun Manet", "Hun Many")
    assert result.match is (result.score >= MATCH_THRESHOLD)


def test_explanation_names_the_romanisation() -> None:
    result = compare("陈志", "Chen Zhi")
    vias = {feature.via for feature in result.explanation}
    assert "pinyin" in vias
    assert sum(f.contribution for f in result.explanation) == pytest.approx(result.score, abs=0.01)


def test_explanation_shows_the_contradicting_character() -> None:
    result = compare("陈志", "陈智")
    kinds = {(feature.kind, feature.a or feature.b) for feature in result.explanation}
    assert ("contradicting token", "志 (zhi)") in kinds
    assert ("contradicting token", "智 (zhi)") in kinds


def test_korean_variant_is_explained() -> None:
    result = compare("박정욱", "Park Jung-wook")
    assert any("Revised Romanisation" in feature.via for feature in result.explanation)


def test_legal_forms_are_removed_and_reported() -> None:
    result = compare("Prince Holding Group Co., Ltd.", "PRINCE HOLDING", "Organization")
    assert result.score == 1.0
    assert any(feature.kind == "removed" for feature in result.explanation)


def test_legal_forms_are_kept_for_persons() -> None:
    assert (
        compare("Sen Limited", "Sen", "Person").score
        < compare("Sen Limited", "Sen", "Company").score
    )


def test_empty_name_scores_zero() -> None:
    assert compare("", "Chen Zhi").score == 0.0
    assert compare("...", "---").match is False


def test_keys_meet_across_scripts() -> None:
    for a, b in [
        ("陈志", "Chen Zhi"),
        ("陳志", "CHEN Zhi"),
        ("박정욱", "Park Jung-wook"),
        ("박정욱", "Bak Jeong-uk"),
        ("박정욱", "Park Jungwook"),
        ("Hun Manet", "ហ៊ុន ម៉ាណែត"),
        ("Nguyễn Văn An", "Nguyen Van An"),
        ("Thaksin Shinawatra", "ทักษิณ ชินวัตร"),
    ]:
        assert name_keys(a) & name_keys(b), (a, b)


def test_keys_of_unrelated_names_do_not_meet() -> None:
    assert not name_keys("Olaf Scholz") & name_keys("陈志")


def test_same_pinyin_different_character_still_blocks_together() -> None:
    """Blocking favours recall; compare() then keeps 陈志 and 陈智 apart."""
    assert name_keys("陈志") & name_keys("陈智")


def test_a_name_longer_than_any_real_one_is_refused_with_a_sentence() -> None:
    """Two 3,000-character Han names exhausted the machine's memory in alignment."""
    from fraudlink.link.names.matcher import MAX_NAME_LENGTH, NameTooLong
    from fraudlink.screen.scoring import Query

    with pytest.raises(NameTooLong, match="give the name alone"):
        compare("陈" * 3_000, "陈" * 3_000)
    with pytest.raises(NameTooLong, match="3,000 characters"):
        Query(names=(("Chen Zhi " * 1_000)[:3_000],))
    assert compare("陈" * MAX_NAME_LENGTH, "陈" * MAX_NAME_LENGTH).score > 0


# ------------------------------------------------------------------ Arabic spellings


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("محمد علي", "محمد على"),  # final ى typed for ي
        ("أسامة بن لادن", "اسامه بن لادن"),  # hamza alif, ta marbuta
        ("مُحَمَّد", "محمد"),  # vowel marks
        ("عبد الرحمن", "Abdul Rahman"),  # the article glued in Arabic, apart in Latin
        ("أبو بكر البغدادي", "Abu Bakr al-Baghdadi"),
        ("أسامة بن لادن", "Usama bin Ladin"),
        ("معمر القذافي", "Muammar Gaddafi"),  # ق written g
        ("جمال عبد الناصر", "Gamal Abdel Nasser"),  # ج written g
    ],
)
def test_arabic_spelling_variants_match(a: str, b: str) -> None:
    assert compare(a, b).match


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("خالد حسين", "خالد حسن"),  # Hussein and Hassan
        ("جمال", "Kamal"),  # ج is never k
        ("كمال", "Jamal"),
        ("قاسم", "Jasim"),
        ("محمد علي", "Ahmad Hassan"),
    ],
)
def test_arabic_names_that_differ_stay_apart(a: str, b: str) -> None:
    assert not compare(a, b).match


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("عبد الرحمن", "Abdul Rahman"),
        ("معمر القذافي", "Muammar Gaddafi"),
        ("خالد", "Halid"),
        ("جمال عبد الناصر", "Gamal Abdel Nasser"),
    ],
)
def test_arabic_and_its_romanisations_share_a_blocking_key(a: str, b: str) -> None:
    assert name_keys(a) & name_keys(b)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Elizabeth Anne Montgomery", "Elisabeth Ann Montgomery", True),  # a silent final e
        ("Jon Doe", "John Doe", True),  # a silent h
        ("Tan Wei", "Tang Wei", False),  # a syllable's last letter is another name
        ("Eva Smith", "Evan Smith", False),
    ],
)
def test_a_silent_letter_in_a_short_token(a: str, b: str, same: bool) -> None:
    assert compare(a, b).match is same
