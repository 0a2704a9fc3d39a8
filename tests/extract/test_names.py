"""People and organisations: labels in many languages, known entities, the NER hook."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract.base import Context, Match, kind
from fraudlink.extract.names import (
    RECOGNIZERS,
    KnownEntities,
    KnownEntity,
    register_recognizer,
)
from fraudlink.extract.text import FoldedText


def found(text: str, kind_name: str, context: Context | None = None) -> list[Match]:
    identifier_kind = kind(kind_name)
    assert identifier_kind is not None
    matches = list(identifier_kind.find(FoldedText.of(text), context or Context()))
    for match in matches:
        assert match.start is not None and match.end is not None
        assert text[match.start : match.end] == match.raw
    return matches


def people(text: str, context: Context | None = None) -> list[tuple[str, str]]:
    return [(m.value, m.attributes.get("role", "")) for m in found(text, "person", context)]


def organisations(text: str) -> list[str]:
    return [m.value for m in found(text, "organization")]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Suspect: Chen Zhi, age 37", "Chen Zhi", "suspect"),
        ("Suspect name: CHEN ZHI\nPhone: 012 345 678", "CHEN ZHI", "suspect"),
        ("suspect's name is Li Wei.", "Li Wei", "suspect"),
        ("犯罪嫌疑人陈志称他是老板", "陈志", "suspect"),
        ("嫌疑人：王小明，男，35岁", "王小明", "suspect"),
        ("嫌犯李四通过微信联系我", "李四", "suspect"),
        ("嫌疑人张某在金边", "张某", "suspect"),
        ("招聘人张伟说月薪一万", "张伟", "recruiter"),
        ("老板陈志带我们去园区", "陈志", "boss"),
        ("용의자 박정욱은 캄보디아에 있다", "박정욱", "suspect"),
        ("피의자: 김민수", "김민수", "suspect"),
        ("Đối tượng Nguyễn Văn An đã lừa tôi", "Nguyễn Văn An", "suspect"),
        ("nghi phạm Trần Thị Bình, 30 tuổi", "Trần Thị Bình", "suspect"),
        ("ผู้ต้องสงสัยชื่อ สมชาย ใจดี ได้หลอก", "สมชาย ใจดี", "suspect"),
        ("ជនសង្ស័យឈ្មោះ ហ៊ុន សុខា បាន", "ហ៊ុន សុខា", "suspect"),
        ("tersangka Budi Santoso menipu korban", "Budi Santoso", "suspect"),
        ("The recruiter Mr. John Smith offered a job", "John Smith", "recruiter"),
        ("my boss Ahmad bin Ali took our passports", "Ahmad bin Ali", "boss"),
        ("Ｓｕｓｐｅｃｔ：Ｃｈｅｎ Ｚｈｉ", "Ｃｈｅｎ Ｚｈｉ", "suspect"),
    ],
)
def test_labelled_person(text: str, name: str, role: str) -> None:
    assert people(text) == [(name, role)]


def test_name_stops_at_the_next_label() -> None:
    assert people("boss: Li Wei recruiter: Tom Lee") == [
        ("Li Wei", "boss"),
        ("Tom Lee", "recruiter"),
    ]
    assert people("嫌疑人陈志招聘人张伟") == [("陈志", "suspect"), ("张伟", "recruiter")]


@pytest.mark.parametrize(
    "text",
    [
        "he was a suspect in the case",
        "the boss said nothing",
        "骗子让我转账",
        "中介公司收了费用",
        "용의자는 도주했다",
        "suspect:",
        "",
    ],
)
def test_no_person_without_a_name(text: str) -> None:
    assert people(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Company: Apex Investment Group Ltd", "Apex Investment Group Ltd"),
        ("I worked for Prince Holding Group in Phnom Penh", "Prince Holding Group"),
        ("paid to Huione Pay Co., Ltd. yesterday", "Huione Pay Co., Ltd"),
        ("Then Golden Fortune Sdn Bhd called", "Golden Fortune Sdn Bhd"),
        ("他在柬埔寨太子集团工作", "柬埔寨太子集团"),
        ("受雇于金边鑫达科技有限公司，月薪", "金边鑫达科技有限公司"),
        ("公司：金边鑫达科技, 地址不详", "金边鑫达科技"),
        ("公司名称：海旺投资", "海旺投资"),
        ("PT Maju Jaya Abadi menipu", "PT Maju Jaya Abadi"),
        ("Công ty TNHH Đầu Tư ABC lừa đảo", "Công ty TNHH Đầu Tư ABC"),
        ("บริษัท สยามเทรด จำกัด โทรมา", "บริษัท สยามเทรด จำกัด"),
        ("(주)한국무역 에서 연락", "(주)한국무역"),
        ("株式会社サクラ投資から", "株式会社サクラ投資"),
        ("ក្រុមហ៊ុន ABC Trading បាន", "ក្រុមហ៊ុន ABC Trading"),
    ],
)
def test_organisation(text: str, name: str) -> None:
    assert organisations(text) == [name]


@pytest.mark.parametrize("text", ["每天去公司上班", "我们公司很大", "the company called me", ""])
def test_no_organisation_from_common_words(text: str) -> None:
    assert organisations(text) == []


# --------------------------------------------------------------------- known entities


def known(*entities: KnownEntity) -> Context:
    return Context(known_entities=KnownEntities(entities))


def test_known_entities_case_and_width_insensitive() -> None:
    context = known(KnownEntity("Chen Zhi", entity_id="p1"))
    matches = found("met CHEN ZHI and ｃｈｅｎ ｚｈｉ, not Chen Zhiwei", "person", context)
    assert [(m.value, m.raw, m.attributes["entity_id"]) for m in matches] == [
        ("Chen Zhi", "CHEN ZHI", "p1"),
        ("Chen Zhi", "ｃｈｅｎ ｚｈｉ", "p1"),
    ]


def test_known_entities_latin_needs_word_edges_cjk_does_not() -> None:
    context = known(KnownEntity("Lee"), KnownEntity("陈志"), KnownEntity("박정욱"))
    values = [m.raw for m in found("Leeds, Lee; 陈志说 박정욱이 왔다", "person", context)]
    assert values == ["Lee", "陈志", "박정욱"]


def test_known_entities_longest_wins_and_alias_gives_canonical() -> None:
    context = known(
        KnownEntity("Chen"),
        KnownEntity("Chen Zhi"),
        KnownEntity("陈志", canonical="Chen Zhi"),
        KnownEntity("Prince Holding Group", kind="organization"),
    )
    text = "Chen Zhi (陈志) owns prince holding group"
    assert [(m.value, m.raw) for m in found(text, "person", context)] == [
        ("Chen Zhi", "Chen Zhi"),
        ("Chen Zhi", "陈志"),
    ]
    assert [m.raw for m in found(text, "organization", context)] == ["prince holding group"]


def test_hundred_thousand_names_in_one_pass(
    cpu_growth: Callable[[Callable[[int], object], int], float],
) -> None:
    rng = random.Random(7)
    syllables = [
        "an",
        "bo",
        "chen",
        "da",
        "en",
        "fu",
        "gao",
        "han",
        "li",
        "ma",
        "ng",
        "ok",
        "pa",
        "qi",
        "ro",
        "su",
        "ta",
        "wu",
        "xi",
        "ya",
        "zh",
    ]
    names = {
        f"{rng.choice(syllables).title()}{rng.choice(syllables)} "
        f"{rng.choice(syllables).title()}{rng.choice(syllables)}{rng.choice(syllables)}"
        for _ in range(100_000)
    }
    entities = [KnownEntity(name, entity_id=str(i)) for i, name in enumerate(sorted(names))]
    dictionary = KnownEntities(entities)
    planted = sorted(names)[::997]
    text = "".join(f"report mentions {name} ... " for name in planted)
    matches = list(dictionary.find(FoldedText.of(text * 50)))
    assert {m.value for m in matches} == set(planted)
    assert len(matches) == len(planted) * 50
    # one pass over the text whatever the dictionary's size: work grows with the text only
    assert cpu_growth(lambda n: list(dictionary.find(FoldedText.of(text * n))), 12) < 8


def test_empty_dictionary_finds_nothing() -> None:
    assert list(KnownEntities([]).find(FoldedText.of("Chen Zhi"))) == []


# ------------------------------------------------------------------------- NER hook


class CapitalisedPairs:
    """A stand-in recogniser written against the protocol: two capitalised words."""

    def recognise(self, text: str, language: str | None) -> Iterable[tuple[int, int, str]]:
        for match in re.finditer(r"[A-Z][a-z]+ [A-Z][a-z]+", text):
            yield match.start(), match.end(), "person"


@pytest.fixture
def recogniser() -> Iterator[None]:
    register_recognizer("pairs", CapitalisedPairs())
    yield
    RECOGNIZERS.pop("pairs")


@pytest.mark.usefixtures("recogniser")
def test_registered_recogniser_is_asked() -> None:
    matches = found("yesterday Somchai Jaidee called", "person")
    assert [(m.value, m.attributes["source"]) for m in matches] == [("Somchai Jaidee", "ner")]
    assert found("yesterday Somchai Jaidee called", "organization") == []


def test_no_recogniser_ships() -> None:
    assert RECOGNIZERS == {}


# ----------------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    context = known(
        KnownEntity("Chen Zhi"), KnownEntity("陈志"), KnownEntity("Apex Ltd", "organization")
    )
    found(text, "person", context)
    found(text, "organization", context)


@settings(max_examples=200, deadline=None)
@given(
    label=st.sampled_from(
        ["suspect:", "嫌疑人", "용의자", "đối tượng", "boss", "公司：", "company:"]
    ),
    tail=st.text(max_size=60),
)
def test_labelled_text_never_crashes(label: str, tail: str) -> None:
    found(f"{label}{tail}", "person")
    found(f"{label}{tail}", "organization")


@settings(max_examples=200, deadline=None)
@given(name=st.text(min_size=1, max_size=40))
def test_normalise_is_idempotent(name: str) -> None:
    person = kind("person")
    assert person is not None
    first = person.normalise(name, Context())
    if first is not None:
        second = person.normalise(first.value, Context())
        assert second is not None and second.value == first.value


def test_normalise_structured_name() -> None:
    person = kind("person")
    assert person is not None
    match = person.normalise("  Chen   Zhi ", Context())
    assert match is not None and match.value == "Chen Zhi" and match.start is None
    assert person.normalise(" 12 - ", Context()) is None
