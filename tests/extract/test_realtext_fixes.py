"""Misses and false finds seen on real text, fixed in general (issue 11).

Thai sums spelled in words, Vietnam's pre-2018 eleven-digit mobiles, Indonesian holders
who write the second name in lower case, "several hundred" in Chinese and Korean, and
Telegram adverts that glue their signature to a handle or an invite link.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fraudlink.extract import Context, extract
from fraudlink.extract.kinds._web import INVITE_LENGTHS, invite_token
from fraudlink.extract.kinds.phone import VN_RENUMBERED, vn_renumbered
from fraudlink.extract.numerals import thai_spelled_value

_THAI = ["", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
_PLACES = [(10**5, "แสน"), (10**4, "หมื่น"), (10**3, "พัน"), (100, "ร้อย")]


def spell_thai(n: int) -> str:
    """Our own Thai spelling of ``n`` (1 ≤ n), to check the reader against."""
    if n >= 10**6:
        high, low = divmod(n, 10**6)
        return spell_thai(high) + "ล้าน" + (spell_thai(low) if low else "")
    words = ""
    for value, unit in _PLACES:
        digit, n = divmod(n, value)
        words += _THAI[digit] + unit if digit else ""
    tens, ones = divmod(n, 10)
    words += {0: "", 1: "สิบ", 2: "ยี่สิบ"}.get(tens, _THAI[tens] + "สิบ")
    if ones:
        words += "เอ็ด" if ones == 1 and words else _THAI[ones]
    return words


def _found(
    text: str, kind: str, language: str | None = None, region: str | None = None
) -> list[str]:
    context = Context(language=language, region=region)
    return [m.value for m in extract(text, context) if m.kind == kind and m.valid]


@given(st.integers(min_value=1, max_value=10**12))
def test_thai_spelled_numbers_read_back(n: int) -> None:
    assert thai_spelled_value(spell_thai(n)) == Decimal(n)


@given(
    st.integers(min_value=1, max_value=10**9),
    st.sampled_from(["โอนเงิน", "ราคา", "", "ค่าธรรมเนียม "]),
)
def test_a_spelled_sum_before_baht_is_an_amount(n: int, before: str) -> None:
    matches = [m for m in extract(f"{before}{spell_thai(n)}บาท", Context(language="th"))]
    assert [(m.value, m.attributes["currency"]) for m in matches if m.kind == "amount"] == [
        (str(n), "THB")
    ]


_THAI_WORDS = re.compile("|".join([*_THAI[1:], "เอ็ด", "ยี่", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน", "ล้าน"]))


@given(st.integers(min_value=1, max_value=10**9), st.randoms())
def test_a_sum_spelled_with_spaces_between_words(n: int, rnd: random.Random) -> None:
    words = _THAI_WORDS.findall(spell_thai(n))
    spaced = "".join(word + rnd.choice(["", " "]) for word in words)
    assert _found(f"โอนเงิน {spaced}บาท", "amount", "th") == [str(n)]


@pytest.mark.parametrize(
    "text", ["หลายพันบาท", "หลักล้านบาท", "เป็นแสนบาท", "ความสามารถ", "สามคน", "ห้าแสนคน"]
)
def test_vague_or_uncounted_thai_words_are_no_amount(text: str) -> None:
    assert _found(text, "amount", "th") == []


def test_digits_before_a_thai_multiplier_keep_their_reading() -> None:
    assert _found("ราคา 5 ล้านบาท", "amount", "th") == ["5000000"]
    assert _found("รับ 1 ล้าน 5 แสนบาท", "amount", "th") == ["1500000"]


_OLD = st.sampled_from(sorted(VN_RENUMBERED))
_SEVEN = st.text(alphabet="0123456789", min_size=7, max_size=7)


@given(_OLD, _SEVEN)
def test_old_vietnamese_mobiles_become_the_new_number(old: str, rest: str) -> None:
    new = vn_renumbered(f"0{old}{rest}")
    assert new == f"0{VN_RENUMBERED[old]}{rest}"
    assert vn_renumbered(new) == new  # a fixed point
    assert vn_renumbered(f"84{old}{rest}") == f"84{VN_RENUMBERED[old]}{rest}"


@given(st.text(alphabet="0123456789", min_size=7, max_size=14))
def test_other_digits_are_left_alone(digits: str) -> None:
    if not any(digits[len(p) : len(p) + 3] in VN_RENUMBERED for p in ("0", "84", "0084")):
        assert vn_renumbered(digits) == digits


@given(_OLD, _SEVEN)
def test_an_old_mobile_in_vietnamese_text_is_found_as_the_new_one(old: str, rest: str) -> None:
    expected = f"+84{VN_RENUMBERED[old]}{rest}"
    if not phonenumbers.is_valid_number(phonenumbers.parse(expected)):
        return  # a block the new plan leaves unassigned
    text = f"Goi ngay 0{old} {rest[:3]} {rest[3:]} de nhan qua"
    assert _found(text, "phone", "vi", "VN") == [expected]
    assert _found(f"LH +84 {old}{rest}", "phone", "vi", "VN") == [expected]


def test_an_eleven_digit_number_elsewhere_is_not_renumbered() -> None:
    assert _found("Call 01203456789 now", "phone", "en", "GB") == []


@given(
    st.sampled_from(INVITE_LENGTHS),
    st.text(alphabet="ABCDEFGHabcdefgh0123456789_-", min_size=22, max_size=22),
    st.text(alphabet="DrTGxyz-", max_size=5),
    st.booleans(),
)
def test_an_invite_hash_is_cut_to_telegram_lengths(
    length: int, chars: str, glued: str, joinchat: bool
) -> None:
    legacy = length == 22 and not joinchat
    token = ("AAAA" + chars)[:length] if legacy else chars[:length]
    cut = invite_token(token + glued, joinchat)
    assert cut == token
    assert invite_token(cut, joinchat) == cut  # a fixed point


def test_a_glued_invite_link_ends_with_its_hash() -> None:
    text = "yuuh256739https://t.me/+j6dbY_4-NetiNzRhDr-TG发广告日发百万"
    assert _found(text, "telegram", "zh", "CN") == ["j6dbY_4-NetiNzRh"]
    assert [u.split("://")[1] for u in _found(text, "url", "zh", "CN")] == [
        "t.me/+j6dbY_4-NetiNzRh"
    ]


@pytest.mark.parametrize(
    ("text", "handles"),
    [
        ("财富热线，@huitongUSDThttps://t.me/huitong168886/54", ["huitongusdt", "huitong168886"]),
        ("/suoha@KLRGAMEbot", ["klrgamebot"]),
        ("加飞机：@AA997878流程…需要加飞机：@AA997878FTZ", ["aa997878"]),
        ("@shop01 或 @shop012", ["shop01", "shop012"]),  # a digit more is another handle
        ("注册网：d9620点com飞机搜：AGZL688", ["agzl688"]),  # "search on Telegram"
        ("微信飞机号Tlg飞机号TngtoBank微信解限制", []),  # Telegram accounts for sale
        ("see robot@home.com at the bottom", []),
    ],
)
def test_telegram_handles_in_adverts(text: str, handles: list[str]) -> None:
    assert _found(text, "telegram", "zh", "CN") == handles


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("单人稳定收益一天几百块！", "zh"),
        ("被骗了数十万元", "zh"),
        ("上百万元", "zh"),
        ("수백만원을 잃었다", "ko"),
    ],
)
def test_several_hundred_is_no_amount(text: str, language: str) -> None:
    assert _found(text, "amount", language) == []


def test_a_counted_chinese_sum_is_still_an_amount() -> None:
    assert _found("玩家刚充了5000块", "amount", "zh", "CN") == ["5000"]
    assert _found("三百块", "amount", "zh", "CN") == ["300"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Transfer ke BRI 0123-01-000123-53-1 a/n Farida hanum", "Farida hanum"),
        ("rek BCA 1234567890 a.n Siti nur haliza\nkonfirmasi", "Siti nur haliza"),
        ("a/n Farida hanum. Rek: 0248147033", "Farida hanum"),
        ("a/n Farida hanum bank BRI", "Farida hanum"),
        ("a/n Budi bisa ditransfer ke rekening itu", "Budi"),
        ("a/n Budi aja.", "Budi"),
        ("a/n Sari ya kak", "Sari"),
        ("a/n ARYA. rek: 131-000-7252-937", "ARYA"),
    ],
)
def test_a_holder_may_write_the_second_name_in_lower_case(text: str, name: str) -> None:
    assert _found(text, "person", "id", "ID") == [name]


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ("收益500+长期简单正规包回本可签合同效果不满意全额退+V13294281183", "+8613294281183"),
        ("让你的生活更加美好详情添加V13029395407", "+8613029395407"),
        ("白嫖勿扰加V:Xinl799", "xinl799"),
    ],
)
def test_add_v_is_the_wechat_slang(text: str, account: str) -> None:
    assert _found(text, "wechat", "zh", "CN") == [account]


@pytest.mark.parametrize("text", ["C+V copy paste", "Vitamin C+V", "加Victor"])
def test_a_v_after_a_plus_is_not_always_wechat(text: str) -> None:
    assert _found(text, "wechat", "zh", "CN") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bank in ke Maybank 1140 1234 5678, nama akaun: Siti binti Ahmad", "Siti binti Ahmad"),
        ("Nama akaun: Nurul aina\nTerima kasih", "Nurul aina"),
        ("Nama akaun : AHMAD bin Ali, Maybank", "AHMAD bin Ali"),
    ],
)
def test_malay_account_holders(text: str, name: str) -> None:
    assert _found(text, "person", "ms", "MY") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Pemegang akaun Maybank yang dihormati, akaun anda disekat",
        "Nama akaun Maybank anda telah disekat",
        "Nama akaun anda telah disekat",
        "pemegang akaun Public Bank sila kemaskini",
        "Kepada pemegang akaun BSN",
    ],
)
def test_a_bank_addressing_its_customers_names_no_one(text: str) -> None:
    assert _found(text, "person", "ms", "MY") == []


@pytest.mark.parametrize(
    ("text", "domains"),
    [
        ("网站：d9625点com", ["d9625.com"]),
        ("www点594www点com不用谢", ["594www.com"]),
        ("注册网：z789點bet飛僟溲：AGZL688", ["z789.bet"]),
        ("打开APP点VIP会员", []),  # 点 is also "click"
        ("下午3点com", []),
        ("iPhone点me", []),
    ],
)
def test_a_han_dot_in_a_made_up_site_name(text: str, domains: list[str]) -> None:
    assert _found(text, "domain", "zh", "CN") == domains
