"""The fast forms of the scanning patterns find exactly what their plain forms find.

Several patterns are written so the regex engine can skip to their first
character in C (the character is read before any look-around) or turn away
short runs itself; others are run only near anchors. Each test here states the
plain form and checks, on generated text rich in the characters that matter,
that the fast form gives the same spans.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract.base import KINDS
from fraudlink.extract.kinds import amount, crypto_wallet, iban, payment_card, phone
from fraudlink.extract.kinds._messenger import _BEFORE_HINT, Messenger, _hint_starts
from fraudlink.extract.numerals import NUMERAL_RE
from fraudlink.extract.text import fold

_PIECES = [
    "0", "12", "345", "6789", "+", "(", ")", " ", "  ", "-", ".", "/", ",", "\u00a0", "\u2013",
    "a", "Z", "x", "é", "_", "#", "\n", "\t", "US", "GB82", "TR7N", "+855 ", "(012) ", "万", "三",
    "千", "million", "usd", "USDT", "元", "원", "억", "천", "$", "đồng", "tr.", "k",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)

_PHONE_PLAIN = re.compile(rf"(?=[+(\d])(?<![A-Za-z0-9_])(?:\+ ?|\(\+?)?\d+(?:{phone._SEP}\d+)*")
_CARD_PLAIN = re.compile(rf"(?<![{payment_card._GLUE}+])\d+(?:[ -]\d+)*")
_IBAN_PLAIN = re.compile(rf"(?<![{iban._GLUE}])[A-Z]{{2}}\d{{2}}")
_WALLET_PLAIN = re.compile(
    rf"(?<![{crypto_wallet._GLUE}])[0-9A-Za-z]{{14,90}}(?![{crypto_wallet._GLUE}])"
)


def _spans(pattern: re.Pattern[str], text: str, shortest: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text) if m.end() - m.start() >= shortest]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_phone_candidates_as_plain(text: str) -> None:
    # the fast form leaves out only what the plain form's reader would drop as too short
    expected = _spans(_PHONE_PLAIN, text, phone._MIN_DIGITS)
    assert _spans(phone._CANDIDATE, text, phone._MIN_DIGITS) == expected


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_card_runs_as_plain(text: str) -> None:
    assert _spans(payment_card._RUN_RE, text, 13) == _spans(_CARD_PLAIN, text, 13)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_iban_and_wallet_starts_as_plain(text: str) -> None:
    assert _spans(iban._START_RE, text) == _spans(_IBAN_PLAIN, text)
    assert _spans(crypto_wallet._TOKEN_RE, text) == _spans(_WALLET_PLAIN, text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_number_before_a_mark_as_plain(text: str) -> None:
    """Visiting only numerals gives what ``finditer`` from the same clean start gives."""
    for end in range(len(text) + 1):
        plain = NUMERAL_RE.finditer(text, _clean_low(text, end), end)
        found, _ = amount._ending_at(text, end, 0)
        assert found == [m.span() for m in plain if m.end() == end]


def _clean_low(text: str, end: int) -> int:
    low = max(0, end - amount._WINDOW)
    floor = max(0, low - amount._WINDOW)  # a number longer than two windows is no amount
    chars = amount._NUMERAL_CHARS
    while low > floor and (text[low] in chars or text[low - 1] in chars):
        low -= 1
    return low


_MESSENGER_PIECES = [
    "telegram", "Telegram", "TG", "tg", "tele", "t.me/", "t[.]me/", "telegram.dog/",
    "tg://resolve?domain=", "@", "@apex_88", "WhatsApp", "whats app", "what's app", "WA", "Wa",
    "wa.me/", "chat.whatsapp.com/",
    "api.whatsapp.com/send?phone=", "微信", "微信号", "WeChat", "weixin://dl/chat?", "vx", "V信",
    "LINE", "line", "Line ID", "id line", "line.me/ti/p/", "lin.ee/", "賴", "加賴", "ไลน์", "kakao",
    "카톡", "open.kakao.com/o/", "signal", "Signal:", "signal.me/#p/", "시그널", ": ", "：", " ",
    "apex88", "lucky8888", "+85512345678", "010-1234-5678", "abcdefghijklmnopqrstuv", "x", "。",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MESSENGER_PIECES), max_size=12).map("".join))
def test_every_messenger_find_holds_a_hint_near_its_start(text: str) -> None:
    """Why messenger patterns may be tried only just before hints: none is found elsewhere."""
    folded = fold(text)
    for kind in KINDS.values():
        if not isinstance(kind, Messenger):
            continue
        hints = [h for low, high, found in kind._windows(folded) for h in found]
        for match in kind._combined.finditer(folded):
            assert any(h - _BEFORE_HINT <= match.start() <= h for h in hints), (kind.name, text)
    _hint_starts.cache_clear()
