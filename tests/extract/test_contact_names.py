"""Names given with an honorific and a number, labels of account holders and contacts,
and Korean titles written before the name: found; the look-alikes around them: not."""

from __future__ import annotations

import pytest

from fraudlink.extract import Context, extract


def _people(text: str, language: str | None = None) -> set[str]:
    found = extract(text, Context(language=language))
    return {m.value for m in found if m.kind == "person" and m.valid}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Harap ke Bpk Chandra, No: 082374910777 soalnya", "Chandra"),
        ("Info Ibu YANI : 081218986001", "YANI"),
        ("U/info Hub: Ibu.Anita 081315277257 PIN BB", "Anita"),
        ("Mr. John Tan will call you at +6591234567", "John Tan"),
        ("联系人：王小明 电话13800138000", "王小明"),
        ("户名：张三 账号 6222020200112233445", "张三"),
        ("예금주 홍길동 국민은행", "홍길동"),
        ("서울중앙지검 수사관 김민수입니다", "김민수"),
        ("저 김형석은 국민은행 직원입니다", "김형석"),
    ],
)
def test_a_name_with_its_evidence_is_found(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mr Bean is funny. Call 0812345678901 for prizes",  # the number is another sentence's
        "Bpk Chandra said hello to everyone",  # a title and no number
        "Bpk/Ibu Yth, Pemilik No.08994150123 mendapat hadiah",  # a form of address
        "대리 신청하세요 1588-0000",  # a title before a common noun
        "Contact Us at 0812345678",
    ],
)
def test_no_name_without_evidence(text: str) -> None:
    assert _people(text) == set()
