"""The ``url`` kind: defanged notations, scheme-less links, IDN hosts, where a link ends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract.base import KINDS, Context, Match
from fraudlink.extract.kinds import url as _url  # noqa: F401  (registers the kind)
from fraudlink.extract.text import FoldedText


def found(text: str) -> list[Match]:
    matches = list(KINDS["url"].find(FoldedText.of(text), Context()))
    for match in matches:
        assert text[match.start : match.end] == match.raw
    return matches


def values(text: str) -> list[str]:
    return [match.value for match in found(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hxxps://apex-invest[.]com/x", "https://apex-invest.com/x"),
        ("hXXp://apex-invest[.]com/x", "http://apex-invest.com/x"),
        ("hxxp://apex-invest(.)com/login", "http://apex-invest.com/login"),
        ("hxxps://apex-invest[dot]com", "https://apex-invest.com"),
        ("hxxps://apex-invest(dot)com", "https://apex-invest.com"),
        ("hxxps://apex-invest dot com/a", "https://apex-invest.com/a"),
        ("https[:]//apex-invest.com/a", "https://apex-invest.com/a"),
        ("https[://]apex-invest.com/a", "https://apex-invest.com/a"),
        ("HTTPS://APEX-INVEST.COM/Path?Q=1", "https://apex-invest.com/Path?Q=1"),
        ("https://apex-invest.com:443/", "https://apex-invest.com"),
        ("https://apex-invest.com/", "https://apex-invest.com"),
        ("http://203.0.113.7:8080/pay", "http://203.0.113.7:8080/pay"),
        ("www.apex-invest.com/register", "http://www.apex-invest.com/register"),
        ("www.apex-invest.com", "http://www.apex-invest.com"),
        ("apex-invest.com/register?ref=88", "http://apex-invest.com/register?ref=88"),
        ("https://bücher.de/x", "https://xn--bcher-kva.de/x"),
        ("https://例子.中国/登录", "https://xn--fsqu00a.xn--fiqs8s"),
        ("https://xn--fsqu00a.xn--fiqs8s", "https://xn--fsqu00a.xn--fiqs8s"),
        ("https://user@evil.com/x", "https://user@evil.com/x"),
    ],
)
def test_notations(text: str, expected: str) -> None:
    assert values(f"link {text} end") == [expected]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("网址：https://x.com，请尽快注册。", "https://x.com"),  # zh, full-width comma
        ("투자 사이트 https://x.com에서 가입했습니다", "https://x.com"),  # ko particle
        ("사이트 hxxps://apex-invest[.]com/vip로 들어가세요", "hxxps://apex-invest[.]com/vip"),
        ("Tôi đã truy cập https://apex-invest.com/vn.", "https://apex-invest.com/vn"),  # vi
        ("เว็บไซต์ https://apex-invest.com/th ค่ะ", "https://apex-invest.com/th"),  # th
        ("គេហទំព័រ https://apex-invest.com/km។", "https://apex-invest.com/km"),  # km
        ("サイトはhttps://apex-invest.com/jp」です", "https://apex-invest.com/jp"),  # ja
        ("(see https://x.com/a_(b))", "https://x.com/a_(b)"),
        ("Go to https://x.com/a!", "https://x.com/a"),
        ('"https://x.com/q?a=1"', "https://x.com/q?a=1"),
        ("https://例子.中国网站很好", "https://例子.中国"),
    ],
)
def test_where_a_link_ends(text: str, raw: str) -> None:
    assert [match.raw for match in found(text)] == [raw]


@pytest.mark.parametrize(
    "text",
    [
        "file.txt and report.pdf, example.exe",
        "version v1.2.3 and 1.5 BTC, e.g. this",
        "I paid.Then they left.Next day",
        "the dot com bubble",
        "http://localhost/admin and http://intranet/x",
        "apex.com alone is a domain, not a link",
    ],
)
def test_not_links(text: str) -> None:
    assert values(text) == []


def test_offsets_follow_the_original_with_folded_digits() -> None:
    text = "០១២ ៣៤៥ then ｈｔｔｐｓ：／／ａｐｅｘ．ｃｏｍ and https://x.com/٣"
    assert values(text) == ["https://apex.com", "https://x.com"]


def test_normalise_a_field_value() -> None:
    kind = KINDS["url"]
    match = kind.normalise(" hxxps://x[.]com ", Context())
    assert match is not None and match.value == "https://x.com" and match.start is None
    bare = kind.normalise("Apex-Invest.com", Context())
    assert bare is not None and bare.value == "http://apex-invest.com"
    assert kind.normalise("not a link", Context()) is None
    assert kind.normalise("https://x.com and more", Context()) is None


_labels = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,5})?", fullmatch=True)
_suffixes = st.sampled_from(["com", "net", "co.uk", "com.kh", "vn", "cn", "io", "online"])
_paths = st.from_regex(
    r"(/[A-Za-z0-9_~-]{1,8}){0,3}(\?[a-z]{1,4}=[A-Za-z0-9]{1,6})?", fullmatch=True
)
_dots = st.sampled_from([".", "[.]", "(.)", "[dot]", "(dot)", "{.}", " dot ", " [.] "])
_schemes = st.sampled_from(
    [
        ("https://", "hxxps://"),
        ("http://", "hXXp://"),
        ("https://", "https[:]//"),
        ("http://", "http[://]"),
        ("https://", "hxxps[:]//"),
    ]
)


@settings(max_examples=200, deadline=None)
@given(_labels, _labels, _suffixes, _paths, _dots, _schemes)
def test_defang_then_refang_gives_the_same_normal_form(
    sub: str, name: str, suffix: str, path: str, dot: str, schemes: tuple[str, str]
) -> None:
    fanged = f"{schemes[0]}{sub}.{name}.{suffix}{path}"
    defanged = f"{schemes[1]}{sub}{dot}{name}{dot}{suffix.replace('.', dot)}{path}"
    plain = values(f"见 {fanged} 。")
    assert plain == values(f"见 {defanged} 。")
    assert len(plain) == 1
    again = KINDS["url"].normalise(plain[0], Context())
    assert again is not None and again.value == plain[0]  # idempotent


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes(text: str) -> None:
    for match in found(text):
        assert match.value.startswith(("http://", "https://", "ftp://", "sftp://"))
    KINDS["url"].normalise(text, Context())
