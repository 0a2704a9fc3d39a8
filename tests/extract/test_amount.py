"""Amounts with their currency, in every notation the brief lists and a few more."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract.base import Context, Match, kind
from fraudlink.extract.numerals import arabic_value, plain
from fraudlink.extract.text import FoldedText

AMOUNT = kind("amount")
assert AMOUNT is not None


def amounts(text: str, language: str | None = None, region: str | None = None) -> list[Match]:
    assert AMOUNT is not None
    found = list(AMOUNT.find(FoldedText.of(text), Context(region=region, language=language)))
    for match in found:
        assert match.start is not None and match.end is not None
        assert text[match.start : match.end] == match.raw
    return found


def only(text: str, language: str | None = None, region: str | None = None) -> tuple[str, str]:
    found = amounts(text, language, region)
    assert len(found) == 1, found
    return found[0].value, found[0].attributes["currency"]


@pytest.mark.parametrize(
    ("text", "language", "value", "currency"),
    [
        ("US$12 million", "en", "12000000", "USD"),
        ("$6.76 billion", "en", "6760000000", "USD"),
        ("230 million yuan", "en", "230000000", "CNY"),
        ("2.3万元", "zh", "23000", "CNY"),
        ("5万美元", "zh", "50000", "USD"),
        ("人民币1,200元", "zh", "1200", "CNY"),
        ("¥5000", "zh", "5000", "CNY"),
        ("3千元", "zh", "3000", "CNY"),
        ("¥1.5亿", "zh", "150000000", "CNY"),
        ("1.5亿元", "zh", "150000000", "CNY"),
        ("一万二千元", "zh", "12000", "CNY"),
        ("两万元", "zh", "20000", "CNY"),
        ("两万五元", "zh", "25000", "CNY"),
        ("一万零五元", "zh", "10005", "CNY"),
        ("一百二十万元", "zh", "1200000", "CNY"),
        ("1亿2000万元", "zh", "120000000", "CNY"),
        ("1万亿元", "zh", "1000000000000", "CNY"),
        ("１２,０００元", "zh", "12000", "CNY"),
        ("1억 2천만 원", "ko", "120000000", "KRW"),
        ("3,000만원", "ko", "30000000", "KRW"),
        ("500만 원", "ko", "5000000", "KRW"),
        ("천만 원", "ko", "10000000", "KRW"),
        ("₩50,000", "ko", "50000", "KRW"),
        ("50 triệu đồng", "vi", "50000000", "VND"),
        ("2 tỷ đồng", "vi", "2000000000", "VND"),
        ("2 tỷ 500 triệu đồng", "vi", "2500000000", "VND"),
        ("1,5 triệu đồng", "vi", "1500000", "VND"),
        ("50.000.000 VND", "vi", "50000000", "VND"),
        ("500.000đ", "vi", "500000", "VND"),
        ("500.000 ₫", "vi", "500000", "VND"),
        ("300 đô la", "vi", "300", "USD"),
        ("៥០០ ដុល្លារ", "km", "500", "USD"),
        ("១ លាន រៀល", "km", "1000000", "KHR"),
        ("40,000៛", "km", "40000", "KHR"),
        ("15,000 บาท", "th", "15000", "THB"),
        ("2 ล้านบาท", "th", "2000000", "THB"),
        ("๑๕,๐๐๐ บาท", "th", "15000", "THB"),
        ("฿500", "th", "500", "THB"),
        ("12 Millionen US-Dollar", "de", "12000000", "USD"),
        ("1,5 Mio. €", "de", "1500000", "EUR"),
        ("€1.200,50", "de", "1200.5", "EUR"),
        ("5,000 USDT", "en", "5000", "USDT"),
        ("0.25 BTC", "en", "0.25", "BTC"),
        ("3 ETH", "en", "3", "ETH"),
        ("USDC 1,000", "en", "1000", "USDC"),
        ("RM 5,000", "ms", "5000", "MYR"),
        ("RM5k", "ms", "5000", "MYR"),
        ("Rp 10 juta", "id", "10000000", "IDR"),
        ("Rp10.000.000", "id", "10000000", "IDR"),
        ("₱20,000", "tl", "20000", "PHP"),
        ("20,000 pesos", "tl", "20000", "PHP"),
        ("¥300万", "ja", "3000000", "JPY"),
        ("300万円", "ja", "3000000", "JPY"),
        ("£1,250.75", "en", "1250.75", "GBP"),
        ("S$500", "en", "500", "SGD"),
        ("HK$1,000", "zh", "1000", "HKD"),
        ("NT$300", "zh", "300", "TWD"),
        ("A$50", "en", "50", "AUD"),
        ("USD 2,500.00", "en", "2500", "USD"),
        ("2500USD", "en", "2500", "USD"),
        ("100$", "km", "100", "USD"),
        ("10 000 €", "fr", "10000", "EUR"),
        ("5 lakh rupees", "en", "500000", "INR"),
        ("lost $5k", "en", "5000", "USD"),
        ("50tr đồng", "vi", "50000000", "VND"),
    ],
)
def test_notations(text: str, language: str, value: str, currency: str) -> None:
    assert only(text, language) == (value, currency)


@pytest.mark.parametrize(
    ("text", "language", "region", "currency"),
    [
        ("$100", None, None, "USD"),
        ("$100", "en", "KH", "USD"),
        ("$100", "en", "SG", "SGD"),
        ("$100", "zh", "HK", "HKD"),
        ("500 dollars", "en", "AU", "AUD"),
        ("¥100", "ja", None, "JPY"),
        ("¥100", None, "JP", "JPY"),
        ("¥100", "zh", None, "CNY"),
        ("300元", "zh", "TW", "TWD"),
        ("300元", "zh", "CN", "CNY"),
        ("$500 AUD", "en", None, "AUD"),
    ],
)
def test_ambiguous_marks_follow_context(
    text: str, language: str | None, region: str | None, currency: str
) -> None:
    assert only(text, language, region)[1] == currency


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # money has two decimals at most: one separator before three digits groups
        # thousands in any locale (``1.000THB`` in a Thai SMS is a thousand baht)
        ("1.200 USD", "en", "1200"),
        ("1.200 EUR", "de", "1200"),
        ("1,200 EUR", "de", "1200"),
        ("1,25 EUR", "de", "1.25"),
        ("1.25 USD", "en", "1.25"),
        ("1.200 ETH", "en", "1.2"),
        ("50.000 VND", "en", "50000"),
        ("1,200.50 USD", "vi", "1200.5"),
        ("1.200,50 USD", "en", "1200.5"),
    ],
)
def test_separators_follow_locale(text: str, language: str, value: str) -> None:
    assert only(text, language)[0] == value


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("2023年5月20日", "zh"),
        ("in 2023 we met", "en"),
        ("call +855 12 345 678", "en"),
        ("Call 010-1234-5678", "ko"),
        ("5% interest per day", "en"),
        ("1.5亿", "zh"),
        ("50 triệu", "vi"),
        ("千万不要转账", "zh"),
        ("他是公司的职员", "zh"),
        ("회사원입니다", "ko"),
        ("20/05/2023", "en"),
        ("order A12345 USD", "en"),
        ("v1.500 dollars", "en"),
        ("5 wonderful days", "en"),
        ("100 đôi giày", "vi"),
        ("", "en"),
    ],
)
def test_no_amount_without_currency(text: str, language: str) -> None:
    assert amounts(text, language) == []


def test_several_amounts_in_a_narrative() -> None:
    text = "我先转了2万元，后来又用USDT付了5,000 USDT，共损失约人民币5.6万元。"
    found = amounts(text, "zh")
    assert [(m.value, m.attributes["currency"]) for m in found] == [
        ("20000", "CNY"),
        ("5000", "USDT"),
        ("56000", "CNY"),
    ]


def test_offsets_point_into_original_with_folded_digits() -> None:
    text = "ខ្ញុំបានផ្ញើ ៥០០ ដុល្លារ ទៅគាត់"
    (match,) = amounts(text, "km")
    assert match.raw == "៥០០ ដុល្លារ"
    assert text[match.start : match.end] == "៥០០ ដុល្លារ"  # type: ignore[misc]


def test_normalise_structured_value() -> None:
    assert AMOUNT is not None
    match = AMOUNT.normalise(" 2.3万元 ", Context(language="zh"))
    assert match is not None
    assert (match.value, match.attributes["currency"], match.start) == ("23000", "CNY", None)
    assert AMOUNT.normalise("2.3万", Context(language="zh")) is None
    assert AMOUNT.normalise("paid 5 USD yesterday", Context()) is None


def test_value_is_never_in_exponent_form() -> None:
    assert plain(Decimal("1.2E+8")) == "120000000"
    assert plain(Decimal("1200.500")) == "1200.5"
    assert plain(Decimal("0E-8")) == "0"
    assert only("US$1.2 trillion", "en")[0] == "1200000000000"


def group_thousands(number: int, separator: str) -> str:
    digits = str(number)
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return separator.join([digits, *groups])


@settings(max_examples=300, deadline=None)
@given(
    number=st.integers(min_value=0, max_value=10**15),
    code=st.sampled_from(["USD", "EUR", "USDT", "THB", "VND", "CNY", "KRW"]),
    language=st.sampled_from(["en", "vi", "de", "zh", "th", "km"]),
    before=st.booleans(),
)
def test_grouped_integer_parses_back(number: int, code: str, language: str, before: bool) -> None:
    separator = "." if language in {"vi", "de"} else ","
    written = group_thousands(number, separator)
    text = f"{code} {written}" if before else f"{written} {code}"
    assert only(text, language) == (str(number), code)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), language=st.sampled_from([None, "zh", "ko", "vi", "de"]))
def test_arbitrary_text_never_crashes(text: str, language: str | None) -> None:
    for match in amounts(text, language):
        assert Decimal(match.value) >= 0
        assert "E" not in match.value


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("0123456789.,  万亿千元$¥원억만 triệuđồngUSD៥០ល")),
        max_size=80,
    )
)
def test_amount_alphabet_soup_never_crashes(text: str) -> None:
    for match in amounts(text, "zh"):
        assert match.value == plain(Decimal(match.value))


@settings(max_examples=200, deadline=None)
@given(number=st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_normalise_is_idempotent(number: Decimal) -> None:
    assert AMOUNT is not None
    first = AMOUNT.normalise(f"{plain(number)} USD", Context(language="en"))
    assert first is not None
    second = AMOUNT.normalise(f"{first.value} {first.attributes['currency']}", Context())
    assert second is not None
    assert (second.value, second.attributes) == (first.value, first.attributes)
    assert Decimal(first.value) == number


def test_huge_line_is_linear() -> None:
    text = "1" * 200_000 + " 万" * 10_000 + "," * 50_000
    assert isinstance(amounts(text, "zh"), list)
    assert arabic_value("1'000", comma_decimal=False) == Decimal(1000)


# ------------------------------------------------------------ amounts seen on real text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ลุ้นค่าโทร 500บาท สมัครดวงดีรายวัน 3บ/ขค", ["500", "3"]),
        ("รับโชคทองมูลค่า100,000บ. ลุ้นกด*124#", ["100000"]),
        ("เงินฉุกเฉิน 50,000.- บาทดอกเบี้ยถูก", ["50000"]),
        ("โทรออก(29บ/พ)ไม่รวมVAT", ["29"]),
        ("oOJWdJS 1.000THB http://x", ["1000"]),
        ("รับ BTC 200฿ ทั้งคุณและเพื่อน", ["200"]),
    ],
)
def test_thai_baht_abbreviations(text: str, value: list[str]) -> None:
    found = amounts(text, "th", "TH")
    assert [m.value for m in found] == value
    assert {m.attributes["currency"] for m in found} == {"THB"}


@pytest.mark.parametrize("text", ["บัญชี 3บัญชี", "ห้อง 3บริษัท", "ราคา 300 ต่อคน"])
def test_thai_consonant_starting_a_word_is_no_baht(text: str) -> None:
    assert amounts(text, "th", "TH") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1억을 송금했다", "100000000"),
        ("전세 자금 1억 빌려 주는 거다", "100000000"),
        ("1억 2천만 이체해 주세요", "120000000"),
        ("대출금 5천만 상환", "50000000"),
        ("300만 원을 보내", "3000000"),
        ("5천만원을 이체", "50000000"),
    ],
)
def test_korean_won_without_its_word(text: str, value: str) -> None:
    assert only(text, "ko", "KR") == (value, "KRW")


@pytest.mark.parametrize(
    "text", ["3만 명이 왔다", "조회수 10만 회를 넘었다", "1억 년 전", "2016 한글로 조사 4318"]
)
def test_korean_counted_things_are_no_won(text: str) -> None:
    assert amounts(text, "ko", "KR") == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Thu nhập 500k~3000k/ngày", ["500000", "3000000"]),
        ("lương 800k/ngày", ["800000"]),
        ("chuyển 5 triệu vào tài khoản", ["5000000"]),
        ("phí 2tr", ["2000000"]),
        ("nhận 1tr5 mỗi ngày", ["1500000"]),
        ("thu nhập 350–999k/ngay", ["999000"]),
    ],
)
def test_vietnamese_dong_without_its_word(text: str, values: list[str]) -> None:
    found = amounts(text, "vi", "VN")
    assert [m.value for m in found] == values
    assert {m.attributes["currency"] for m in found} == {"VND"}


@pytest.mark.parametrize("text", ["5 triệu người xem", "video 4k đẹp", "năm 2k"])
def test_vietnamese_counts_are_no_dong(text: str) -> None:
    assert amounts(text, "vi", "VN") == []


def test_kuai_is_money_unless_a_noun_follows() -> None:
    assert only("给了他500块。", "zh", "CN") == ("500", "CNY")
    assert only("５０００块", "zh", "CN") == ("5000", "CNY")
    assert amounts("买了3块蛋糕", "zh", "CN") == []


@pytest.mark.parametrize(
    ("text", "region", "value", "currency"),
    [
        ("我被骗走了20万", "CN", "200000", "CNY"),
        ("转账5万到对方账户", "CN", "50000", "CNY"),
        ("一共损失1.5万", "CN", "15000", "CNY"),
        ("损失二十万", "CN", "200000", "CNY"),
        ("匯款5萬", "TW", "50000", "TWD"),
    ],
)
def test_chinese_sum_after_a_money_verb(text: str, region: str, value: str, currency: str) -> None:
    assert only(text, "zh", region) == (value, currency)


@pytest.mark.parametrize(
    "text", ["粉丝10万人", "他有3万个粉丝", "骗了3万多人", "这个视频有5万播放"]
)
def test_chinese_counts_are_no_yuan(text: str) -> None:
    assert amounts(text, "zh", "CN") == []
