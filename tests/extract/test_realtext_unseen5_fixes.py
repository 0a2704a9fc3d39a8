"""Fixes found on the fifth gathering (``tests/data/realtext/zh-telegram-spam-unseen-5.jsonl``):
each written as the general rule it is, with the readings it must not take."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract import Context, extract

CN = Context(region="CN", language="zh")


def _found(text: str, context: Context = CN) -> set[tuple[str, str]]:
    return {(m.kind, m.value) for m in extract(text, context) if m.valid}


def _amounts(text: str) -> set[tuple[Decimal, str]]:
    return {
        (Decimal(m.value), m.attributes.get("currency", ""))
        for m in extract(text, CN)
        if m.kind == "amount" and m.valid
    }


# --- amounts ---------------------------------------------------------------------------


@settings(deadline=None)
@given(low=st.integers(1, 99_999), high=st.integers(1, 99_999))
def test_the_full_width_yuan_sign_is_the_yuan(low: int, high: int) -> None:
    """``￥`` (U+FFE5) folds to ``¥``, not to ASCII: it is a mark of its own."""
    text = f"日赚{low}￥—{high}￥卡接回U"
    assert _amounts(text) == {(Decimal(low), "CNY"), (Decimal(high), "CNY")}
    assert _amounts(f"收款￥{low}") == {(Decimal(low), "CNY")}


@settings(deadline=None)
@given(before=st.integers(1, 9), value=st.integers(1, 9_999))
def test_a_chinese_comma_ends_the_clause_before_a_sum(before: int, value: int) -> None:
    """``做1千U，400元利润``: the comma folds to ``,`` but is no digit group separator."""
    assert _amounts(f"可以保证做{before}千U，{value}元利润") == {(Decimal(value), "CNY")}


def test_an_ascii_comma_still_glues_a_number() -> None:
    assert _amounts("编号A,400元") == set()


# --- WeChat ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加VX13751998067", "+8613751998067"),
        ("详情WX13277240189马上", "+8613277240189"),
        ("加我VX----a13713637668", "a13713637668"),
        ("合作！VX::89584116", "89584116"),
        ("算命改运询问微信：99050403", "99050403"),
        ("微信号：1234567", "1234567"),
    ],
)
def test_wechat_ids_after_short_glued_or_dashed_labels(text: str, expected: str) -> None:
    assert ("wechat", expected) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "网盘加WX83430662.",  # digits glued to the short name: only a mobile number counts
        "维信：1890325",  # an obfuscated name: digits alone are not read as the id
        "微信QQ红包1755623854Q",  # a QQ number after no colon
        "型号WX2023",
        "微信：012345",  # an id of digits never starts with 0
        "微信：123456789012",  # longer than any QQ number
    ],
)
def test_digits_that_are_no_wechat_id(text: str) -> None:
    assert not {value for kind, value in _found(text) if kind == "wechat"}


# --- Telegram --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("认准博豪-@BOHAO63", "bohao63"),
        ("看图---@QGFQHS", "qgfqhs"),
        ("客服 - @apex_support", "apex_support"),
    ],
)
def test_a_handle_set_off_by_dashes(text: str, expected: str) -> None:
    assert ("telegram", expected) in _found(text)


@pytest.mark.parametrize("text", ["mail a-@bobby now", "see x-@abcde", "user--@example.com"])
def test_a_dash_that_continues_a_word_still_glues_the_at(text: str) -> None:
    assert not {value for kind, value in _found(text, Context()) if kind == "telegram"}


# --- phones with the country named before them -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("有需要的朋友私聊我缅号09693127685", "+959693127685"),
        ("泰国电话：0812345678", "+66812345678"),
        ("菲号09171234567", "+639171234567"),
    ],
)
def test_a_local_number_after_its_country_name_in_chinese(text: str, expected: str) -> None:
    assert ("phone", expected) in _found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("缅号 09693127685 或 13800138000", {"+959693127685", "+8613800138000"}),
        ("老号13800138000", {"+8613800138000"}),  # 老号 is "an old account", not Laos
        ("缅甸风景很美，联系13800138000", {"+8613800138000"}),  # no label: the report's region
    ],
)
def test_the_country_name_reaches_only_the_number_after_it(text: str, expected: set[str]) -> None:
    assert {value for kind, value in _found(text) if kind == "phone"} == expected
