"""Messenger kinds: links, labels in every language, ids and phones as accounts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fraudlink.extract.kinds  # noqa: F401  (registers every kind)
from fraudlink.extract import extract
from fraudlink.extract.base import KINDS, Context, Match
from fraudlink.extract.text import FoldedText

MESSENGERS = ("telegram", "whatsapp", "wechat", "line", "kakao", "signal")


def found(text: str, region: str | None = None) -> list[Match]:
    matches = []
    for name in MESSENGERS:
        for match in KINDS[name].find(FoldedText.of(text), Context(region=region)):
            assert text[match.start : match.end] == match.raw
            matches.append(match)
    return matches


def pairs(text: str, region: str | None = None) -> list[tuple[str, str]]:
    return sorted((match.kind, match.value) for match in found(text, region))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("请联系客服 @Apex_Support 。", "apex_support"),  # zh
        ("텔레그램 @apex_vip88로 연락하세요", "apex_vip88"),  # ko
        ("Liên hệ Telegram: apex_support nhé", "apex_support"),  # vi
        ("ติดต่อ t.me/Apex_Support ค่ะ", "apex_support"),  # th
        ("ទាក់ទង https://t.me/apex_support។", "apex_support"),  # km
        ("テレグラムはtelegram.me/apex_supportです", "apex_support"),  # ja
        ("TG: @Apex_Support", "apex_support"),  # en
        ("电报：apex_support，谢谢", "apex_support"),
        ("纸飞机 apex_support", "apex_support"),
        ("join t[.]me/s/ApexChannel now", "apexchannel"),
        ("tg://resolve?domain=apex_support", "apex_support"),
        ("t.me/+85512345678", "+85512345678"),
    ],
)
def test_telegram(text: str, expected: str) -> None:
    assert pairs(text) == [("telegram", expected)]


def test_telegram_invites_keep_their_case() -> None:
    (invite, joinchat) = found("群 https://t.me/+AbCdEfGhIjKl123 和 t.me/joinchat/XyZ0123456789ab")
    assert (invite.value, invite.attributes) == ("AbCdEfGhIjKl123", {"form": "invite"})
    assert joinchat.value == "XyZ0123456789ab"


@pytest.mark.parametrize(
    "text",
    [
        "email lucky@apex_support.com or support@apexinvest.com",
        "write to @apexinvest.com today",
        "@abc is too short, @apex_ ends badly, @1apex starts with a digit",
        "t.me/share/url?x=1 and t.me/addstickers",
        "a long @abcdefghijklmnopqrstuvwxyz0123456789 is no handle",
    ],
)
def test_not_telegram(text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("WhatsApp: +855 12 345 678 ok", None, "+85512345678"),  # en
        ("WA +855 12 345 678", None, "+85512345678"),
        ("wa.me/85512345678", None, "+85512345678"),
        ("https://api.whatsapp.com/send?phone=85512345678&text=hi", None, "+85512345678"),
        ("واتساب: +٩٦٦٥٠١٢٣٤٥٦٧", None, "+966501234567"),  # ar, Arabic-Indic digits
        ("Số WhatsApp: 0912 345 678 nhé", "VN", "+84912345678"),  # vi
        ("วอทส์แอพ 081 234 5678 ค่ะ", "TH", "+66812345678"),  # th
        ("whatsapp号：＋８６ １３８ ００１３ ８０００，", None, "+8613800138000"),  # zh
        ("왓츠앱 010-1234-5678로", "KR", "+821012345678"),  # ko
        ("WhatsApp ០១២ ៣៤៥ ៦៧៨", "KH", "+85512345678"),  # km digits
    ],
)
def test_whatsapp(text: str, region: str | None, expected: str) -> None:
    assert pairs(text, region) == [("whatsapp", expected)]


def test_whatsapp_group_invite() -> None:
    (invite,) = found("chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv")
    assert invite.value == "AbCdEfGhIjKlMnOpQrStUv" and invite.attributes == {"form": "invite"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加我微信号：lucky8888，谢谢", "lucky8888"),
        ("微信lucky8888加我", "lucky8888"),
        ("威信：Lucky_888。", "lucky_888"),
        ("V信 lucky8888", "lucky8888"),
        ("vx：lucky-8888", "lucky-8888"),
        ("WeChat ID: Apex_Invest", "apex_invest"),
        ("wechat: apexinvest2024", "apexinvest2024"),
        ("위챗 아이디 lucky8888로", "lucky8888"),
        ("微信：138 0013 8000。", "+8613800138000"),
        ("微信号是13800138000", "+8613800138000"),
    ],
)
def test_wechat(text: str, expected: str) -> None:
    assert pairs(text, "KH") == [("wechat", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "微信号：abc，",  # shorter than 6
        "微信号：8lucky888",  # must start with a letter
        "wxyz12345 and vx220 car",
        "微信号：abcdefghijklmnopqrstuvwxyz",  # longer than 20
    ],
)
def test_not_wechat(text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("LINE ID: apex.88 ค่ะ", None, "apex.88"),
        ("ไลน์ apex88 นะคะ", None, "apex88"),
        ("ไอดีไลน์: Apex_88", None, "apex_88"),
        ("ID Line: apex88.", None, "apex88"),
        ("line.me/ti/p/~Apex88", None, "apex88"),
        ("https://line.me/R/ti/p/@apexofficial", None, "@apexofficial"),
        ("ラインID：apex88です", None, "apex88"),
        ("ไลน์ 081 234 5678", "TH", "+66812345678"),
    ],
)
def test_line(text: str, region: str | None, expected: str) -> None:
    assert pairs(text, region) == [("line", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("카톡 아이디 apex88으로 연락", "apex88"),
        ("카카오톡: Apex88", "apex88"),
        ("카톡ID apex88", "apex88"),
        ("KakaoTalk ID: apex.88", "apex.88"),
        ("카카오톡 010-1234-5678", "+821012345678"),
    ],
)
def test_kakao(text: str, expected: str) -> None:
    assert pairs(text) == [("kakao", expected)]


def test_kakao_open_chat() -> None:
    (link,) = found("오픈채팅 https://open.kakao.com/o/sAbCd12 입장")
    assert (link.kind, link.value, link.attributes) == ("kakao", "sAbCd12", {"form": "invite"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Signal: +855 12 345 678", "+85512345678"),
        ("signal.me/#p/+85512345678", "+85512345678"),
        ("Signal username: apex.01", "apex.01"),
        ("시그널: +82 10-1234-5678", "+821012345678"),
    ],
)
def test_signal(text: str, expected: str) -> None:
    assert pairs(text) == [("signal", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "the signal was weak at 10 pm",
        "stand in line for 20 minutes, online shopping",
        "WAIT 012 345 678 and was 1.5",
        "kakaotalk is popular",
    ],
)
def test_ordinary_words_are_not_labels(text: str) -> None:
    assert pairs(text, "KH") == []


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("telegram", "@Apex_Support", "apex_support"),
        ("telegram", "https://t.me/Apex_Support", "apex_support"),
        ("telegram", "Apex_Support", "apex_support"),
        ("whatsapp", "+855 12 345 678", "+85512345678"),
        ("whatsapp", "wa.me/85512345678", "+85512345678"),
        ("wechat", "微信号：Lucky8888", "lucky8888"),
        ("wechat", "13800138000", "+8613800138000"),
        ("line", "~Apex88", "apex88"),
        ("kakao", "Apex88", "apex88"),
        ("signal", "+85512345678", "+85512345678"),
    ],
)
def test_normalise_a_field_value(kind: str, raw: str, expected: str) -> None:
    match = KINDS[kind].normalise(raw, Context())
    assert match is not None and match.value == expected and match.start is None
    again = KINDS[kind].normalise(match.value, Context())
    assert again is not None and again.value == expected  # idempotent


@pytest.mark.parametrize(("kind", "raw"), [("telegram", "x"), ("wechat", "1"), ("whatsapp", "abc")])
def test_normalise_rejects(kind: str, raw: str) -> None:
    assert KINDS[kind].normalise(raw, Context()) is None


_handles = st.from_regex(r"[a-z][a-z0-9_]{3,30}[a-z0-9]", fullmatch=True).filter(
    lambda handle: "__" not in handle
)


@settings(max_examples=200, deadline=None)
@given(
    _handles, st.sampled_from(["t.me/", "https://t.me/", "hxxps://t[.]me/", "@", "TG: ", "电报："])
)
def test_every_telegram_notation_gives_the_handle(handle: str, prefix: str) -> None:
    text = f"联系{prefix}{handle.upper()}，谢谢"
    assert {match.value for match in KINDS["telegram"].find(FoldedText.of(text), Context())} == {
        handle
    }


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from([None, "KH", "CN", "KR"]))
def test_arbitrary_text_never_crashes(text: str, region: str | None) -> None:
    for match in found(text, region):
        assert match.value
    for name in MESSENGERS:
        KINDS[name].normalise(text, Context(region=region))


#: (before, repeated unit, after): hostile lines for every web and messenger kind
_HUGE = {
    "dots": ("", "a.", ""),
    "defanged": ("", "a[.]", ""),
    "spaced": ("", "a dot ", ""),
    "at": ("", "a@", ""),
    "handles": ("", "@abcdef", ""),
    "labels": ("", "微信号：lucky8888，", ""),
    "digits": ("WhatsApp: ", "1 ", ""),
    "slashes": ("", "https://", ""),
    "path": ("https://x.com/", "a(", ""),
    "long label": ("", "x", ".com"),
}


def _scan(name: str, chars: int) -> None:
    before, unit, after = _HUGE[name]
    text = FoldedText.of(before + unit * (chars // len(unit)) + after)
    for kind in (*MESSENGERS, "url", "domain", "email"):
        for match in KINDS[kind].find(text, Context(region="CN")):
            assert match.raw


@pytest.mark.parametrize("name", sorted(_HUGE))
def test_huge_lines_take_work_linear_in_their_length(
    name: str, cpu_growth: Callable[[Callable[[int], object], int], float]
) -> None:
    """Every web and messenger kind over hostile lines: 4 times the text, about 4 times the
    work (a scan that went back over the text per hint would take up to 16)."""
    _scan(name, 100_000)
    assert cpu_growth(lambda chars: _scan(name, chars), 12_500) < 8


@pytest.mark.parametrize(
    ("text", "value"),
    [("之後他要我加賴：kevin-teacher16跟他聯絡", "kevin-teacher16"),
     ("Tôi đã nhắn tin với LINE coachcindy3837.", "coachcindy3837")],
)  # fmt: skip
def test_line_taiwanese_label_and_upper_case_name(text: str, value: str) -> None:
    assert [(m.kind, m.value) for m in extract(text, Context(region="TW")) if m.kind == "line"] == [
        ("line", value)
    ]


def test_a_labelled_id_is_not_the_scheme_of_the_link_after_it() -> None:
    found = extract("Họ liên lạc với tôi qua Telegram https://t.me/erichr.", Context())
    assert [m.value for m in found if m.kind == "telegram"] == ["erichr"]


def test_labelled_phone_with_bracketed_country_code() -> None:
    found = extract("我一直和WhatsApp (+855) 91096898联系", Context(region="CN"))
    assert [(m.value, m.raw) for m in found if m.kind == "whatsapp"] == [
        ("+85591096898", "(+855) 91096898")
    ]


def test_line_label_glued_to_a_latin_word() -> None:
    # ``賴`` is a one-character hint like ``@``, but only ``@`` is judged by what precedes it
    assert [(m.kind, m.value) for m in found("telegram賴: apex88")] == [("line", "apex88")]
