"""Language by script or by n-gram model, and the region each language points to."""

from __future__ import annotations

import pytest

from fraudlink.extract import context_for
from fraudlink.extract.language import detect_language, normalise_language, region_for_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ខ្ញុំត្រូវបានបោកប្រាស់តាមអនឡាញ", "km"),
        ("저는 투자 사기를 당했습니다 010-1234-5678", "ko"),
        ("ฉันถูกหลอกให้โอนเงิน 15,000 บาท", "th"),
        ("ຂ້ອຍຖືກຫລອກລວງເງິນ", "lo"),
        ("ကျွန်တော် လိမ်လည်ခံရပါတယ်", "my"),
        ("私は投資詐欺にあいました", "ja"),
        ("我被骗了，微信号：lucky8888，损失5万美元", "zh"),
        ("Tôi bị lừa đảo qua điện thoại, mất 50 triệu đồng", "vi"),
        ("Saya ditipu oleh penipu yang mengaku dari bank", "id"),
        ("Saya telah ditipu oleh sindiket pelaburan dan kerugian saya besar", "ms"),
        ("Niloko ako ng isang lalaki sa Facebook at nawalan ako ng pera", "tl"),
        ("I was scammed by a fake investment website last month", "en"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_latin_urls_do_not_outvote_the_script() -> None:
    text = "ខ្ញុំបានចូល https://apex-invest.com/login?ref=abcdef ហើយបាត់ប្រាក់"
    assert detect_language(text) == "km"


def test_no_letters_no_language() -> None:
    assert detect_language("") is None
    assert detect_language("+855 12 345 678") is None


@pytest.mark.parametrize(
    ("language", "region"),
    [
        ("km", "KH"),
        ("ko", "KR"),
        ("vi", "VN"),
        ("th", "TH"),
        ("zh-Hans-CN", "CN"),
        ("JA", "JP"),
        ("ms", "MY"),
        ("id", "ID"),
        ("lo", "LA"),
        ("my", "MM"),
        ("tl", "PH"),
        ("en", None),
        (None, None),
    ],
)
def test_region_for_language(language: str | None, region: str | None) -> None:
    assert region_for_language(language) == region


def test_normalise_language() -> None:
    assert normalise_language("zh_TW") == "zh"
    assert normalise_language("  ") is None


def test_context_country_beats_language() -> None:
    assert context_for("kh", "vi", "xin chào").region == "KH"
    assert context_for(None, "vi", "").region == "VN"
    detected = context_for(None, None, "전화 주세요")
    assert (detected.language, detected.region) == ("ko", "KR")
    assert context_for(None, None, "hello there my friend").region is None
