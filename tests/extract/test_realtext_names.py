"""People in real narratives: a name becomes a person only with the shape of a name."""

from __future__ import annotations

import pytest

from fraudlink.extract import Context, extract


def _people(text: str, language: str) -> list[tuple[str, bool]]:
    found = extract(text, Context(language=language), kinds=["person"])
    return [(m.value, m.valid) for m in found]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("예 고객님 담당자 김성도 대리입니다.", "김성도"),
        ("서울중앙지검 김정현 수사관입니다.", "김정현"),
        ("비엔케이 캐피탈 채권회수팀 최용 과장입니다", "최용"),
        ("38살의 남성 김희철씨를 알고 계십니까?", "김희철"),
        ("어 이름은 김호철이고 태어난 곳은 광주", "김호철"),
        ("검거 과정에서 정태준이라는 친구가 체포", "정태준"),
        ("결제팀 남궁민수 팀장님께 올려 드리겠습니다", "남궁민수"),
    ],
)
def test_korean_names_before_a_title(text: str, name: str) -> None:
    assert _people(text, "ko") == [(name, True)]


@pytest.mark.parametrize(
    "text",
    [
        "감사과장 님이 말씀하셨습니다",
        "저희 결제 부서 과장님께서 전화드립니다",
        "기아 대리점을 가주셔야 돼요",
        "고객님께서 강한 하시고 씨한테 말씀하세요",
        "그 사람 마음씨가 좋아요",
        "이번 과장님이 오셨어요",
    ],
)
def test_titles_and_nouns_make_no_person(text: str) -> None:
    assert [name for name, valid in _people(text, "ko") if valid] == []


def test_a_label_before_a_common_noun_is_a_low_confidence_mention() -> None:
    [(name, valid)] = _people("사기범 번호는 010-1234-5678 입니다", "ko")
    assert (name, valid) == ("번호", False)


def test_chinese_label_needs_a_surname() -> None:
    assert _people("嫌疑人陈志在金边", "zh") == [("陈志", True)]
    assert all(not valid for _, valid in _people("嫌疑人通过网络联系", "zh"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Transfer ke BNI a/n. ISMAWATI. Rek: 0248147033", "ISMAWATI"),
        ("Rek: 0881-1010-3433-4506 A/n.RASTO MURDOYO.", "RASTO MURDOYO"),
        ("a/n Yanti. Ayah lg dikantor polisi", "Yanti"),
        ("A/N;ABDULLAH HP;081389909777", "ABDULLAH"),
    ],
)
def test_indonesian_account_holder(text: str, name: str) -> None:
    assert _people(text, "id") == [(name, True)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ini rekeningnya mandiri : 900-00-1037951-0 a.n reza prasetya", "reza prasetya"),
        ("tf ke 123456789 an. dewi lestari ya kak", "dewi lestari"),
        ("BRI 12345678 an. Budi Santoso", "Budi Santoso"),
    ],
)
def test_indonesian_holder_in_lower_case(text: str, name: str) -> None:
    assert _people(text, "id") == [(name, True)]


@pytest.mark.parametrize(
    "text", ["rek bca a.n saya sendiri", "He is an. Then he left", "Give me an. apple"]
)
def test_no_holder_from_pronouns_or_the_article(text: str) -> None:
    assert _people(text, "id") == []


@pytest.mark.parametrize(
    "text",
    ["ke rek Bank xxx (4413-0100-0226-XXX) A/N xxx, kalau", "Bank xxx An. xxx No.Rek 2952149"],
)
def test_a_blanked_out_holder_is_no_person(text: str) -> None:
    assert [name for name, valid in _people(text, "id") if valid] == []


def test_a_company_holding_the_account_is_no_person() -> None:
    assert _people("melalui Bank BRI a/n PT. TRI LESTARI rek 1234567", "id") == []
