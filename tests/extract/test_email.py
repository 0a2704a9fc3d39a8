"""The ``email`` kind: lower-case, defanged, ending where the script changes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract.base import KINDS, Context, Match
from fraudlink.extract.kinds import email as _email  # noqa: F401  (registers the kind)
from fraudlink.extract.text import FoldedText


def found(text: str) -> list[Match]:
    matches = list(KINDS["email"].find(FoldedText.of(text), Context()))
    for match in matches:
        assert text[match.start : match.end] == match.raw
    return matches


def values(text: str) -> list[str]:
    return [match.value for match in found(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("邮箱：Lucky.Dog@QQ.com，谢谢", "lucky.dog@qq.com"),  # zh
        ("客服邮箱support@apex-invest.com。", "support@apex-invest.com"),
        ("이메일 support@apex-invest.com으로 보내세요", "support@apex-invest.com"),  # ko
        ("Email: hotro[at]apex-invest[.]vn nhé", "hotro@apex-invest.vn"),  # vi
        ("อีเมล support(at)apex-invest.co.th ค่ะ", "support@apex-invest.co.th"),  # th
        ("អ៊ីមែល support＠apex-invest.com។", "support@apex-invest.com"),  # km, full-width @
        ("メールはｓｕｐｐｏｒｔ＠ａｐｅｘ．ｊｐです", "support@apex.jp"),  # ja, full width
        ("write to Support+Vip@Apex-Invest.COM.", "support+vip@apex-invest.com"),  # en
        ("name {at} apex {dot} com", "name@apex.com"),
        ("name [@] apex [.] com", "name@apex.com"),
        ("x@apex.com.Next day", "x@apex.com"),
    ],
)
def test_notations(text: str, expected: str) -> None:
    assert values(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "file@2x.png and icon@3x.jpg",
        "john..doe@apex.com and .john@x",
        "meet at apex dot com",
        "@apex_support on telegram",
        "user@localhost",
        "version 1.2@beta",
    ],
)
def test_not_emails(text: str) -> None:
    assert values(text) == []


def test_normalise_a_field_value() -> None:
    kind = KINDS["email"]
    for raw in ("Support@Apex.com", " mailto:support@apex.com ", "support[at]apex[.]com"):
        match = kind.normalise(raw, Context())
        assert match is not None and match.value == "support@apex.com"
    assert kind.normalise("support at apex", Context()) is None


_addresses = st.from_regex(
    r"[a-z][a-z0-9._+-]{0,10}[a-z0-9]@[a-z][a-z0-9-]{0,8}[a-z0-9]\.(com|net|com\.kh|co\.kr)",
    fullmatch=True,
).filter(lambda address: ".." not in address)


@settings(max_examples=200, deadline=None)
@given(
    _addresses, st.sampled_from([("[at]", "[.]"), ("(at)", "(dot)"), ("＠", "."), ("[@]", "{.}")])
)
def test_defang_then_refang_gives_the_same_normal_form(
    address: str, fangs: tuple[str, str]
) -> None:
    local, host = address.split("@")
    defanged = local + fangs[0] + host.replace(".", fangs[1])
    assert values(f"邮箱{address}，") == values(f"邮箱{defanged}，") == [address]
    again = KINDS["email"].normalise(address.upper(), Context())
    assert again is not None and again.value == address


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes(text: str) -> None:
    for match in found(text):
        assert "@" in match.value and match.value == match.value.lower()
    KINDS["email"].normalise(text, Context())
