"""Numbers as people write them in money: separators by locale, multiplier words, CJK numerals.

``1.200,50`` (de/vi/id), ``1,200.50`` (en/zh), ``2.3万``, ``一万二千``, ``1억 2천만``,
``2 tỷ 500 triệu``, ``1 ล้าน 5 แสน``, ``12 Millionen`` all reduce to one Decimal. The
pattern here finds the number part of an amount on folded text (digits of every script are
already ASCII); :func:`numeral_value` turns the matched text into a Decimal.

Multiplier words are "big" (≥ 10⁴: they close a group, like 万 and 亿) or "small"
(10, 100, 1000: they multiply the digits just before them, like 十 and 千), which is how
Chinese, Korean, Vietnamese and Thai compose numbers and also reads ``2 million 500 thousand``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_CJK_DIGITS = {
    **dict.fromkeys("零〇", 0),
    **dict.fromkeys("一壹일", 1),
    **dict.fromkeys("二两兩贰貳이", 2),
    **dict.fromkeys("三叁參삼", 3),
    **dict.fromkeys("四肆사", 4),
    **dict.fromkeys("五伍오", 5),
    **dict.fromkeys("六陆陸육", 6),
    **dict.fromkeys("七柒칠", 7),
    **dict.fromkeys("八捌팔", 8),
    **dict.fromkeys("九玖구", 9),
}
_CJK_UNITS = {
    **dict.fromkeys("十拾십", 10),
    **dict.fromkeys("百佰백", 100),
    **dict.fromkeys("千仟천", 1000),
    **dict.fromkeys("万萬만", 10**4),
    **dict.fromkeys("亿億억", 10**8),
    **dict.fromkeys("兆조", 10**12),
}

#: Multiplier words written after a number (case-insensitive for Latin ones).
WORD_UNITS: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "mn": 10**6,
    "mio": 10**6,
    "mio.": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "tausend": 10**3,
    "millionen": 10**6,
    "milliarde": 10**9,
    "milliarden": 10**9,
    "mrd": 10**9,
    "mrd.": 10**9,
    "milliard": 10**9,
    "milliards": 10**9,
    "millones": 10**6,
    "millón": 10**6,
    "lakh": 10**5,
    "lakhs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
    "nghìn": 10**3,
    "ngàn": 10**3,
    "nghin": 10**3,
    "ngan": 10**3,
    "triệu": 10**6,
    "trieu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
    "ty": 10**9,
    "ribu": 10**3,
    "rebu": 10**3,
    "rbu": 10**3,
    "rb": 10**3,
    "juta": 10**6,
    "jt": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "bilion": 10**9,
    "triliun": 10**12,
    "พัน": 10**3,
    "หมื่น": 10**4,
    "แสน": 10**5,
    "ล้าน": 10**6,
    "ពាន់": 10**3,
    "ម៉ឺន": 10**4,
    "សែន": 10**5,
    "លាន": 10**6,
    "ប៊ីលាន": 10**9,
    "ពាន់លាន": 10**9,
    "သိန်း": 10**5,
    "သန်း": 10**6,
    "ພັນ": 10**3,
    "ລ້ານ": 10**6,
}
#: Short multipliers glued to the digits (``5k``, ``$1.2m``, ``50tr``, ``10jt``).
GLUED_UNITS: dict[str, int] = {
    "k": 10**3,
    "m": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "tr": 10**6,
    "jt": 10**6,
    "juta": 10**6,
    "rb": 10**3,
    "rbu": 10**3,
    "ribu": 10**3,
    "rebu": 10**3,
}
#: Indonesian multipliers that are only ever said of rupiah (``50rb``, ``Rp 7,5 jt``)
RUPIAH_UNITS = frozenset({"jt", "juta", "rb", "rbu", "ribu", "rebu"})

#: Languages that write ``1.200,50``; the rest write ``1,200.50``.
DECIMAL_COMMA_LANGUAGES = frozenset(
    [
        "vi",
        "id",
        "de",
        "fr",
        "es",
        "pt",
        "it",
        "nl",
        "ru",
        "tr",
        "pl",
        "ro",
        "cs",
        "sk",
        "hu",
        "da",
        "sv",
        "nb",
        "no",
        "fi",
        "uk",
        "el",
        "bg",
        "hr",
        "sr",
        "sl",
        "lt",
        "lv",
        "et",
    ]
)
DECIMAL_COMMA_REGIONS = frozenset(
    [
        "VN",
        "ID",
        "DE",
        "AT",
        "FR",
        "ES",
        "PT",
        "IT",
        "NL",
        "BE",
        "RU",
        "TR",
        "PL",
        "RO",
        "CZ",
        "SK",
        "HU",
        "DK",
        "SE",
        "NO",
        "FI",
        "UA",
        "GR",
        "BR",
        "AR",
        "CL",
        "CO",
    ]
)

_ARABIC = (
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[,.'\u00a0\u202f]\d{3})*(?:[.,]\d+)?"
)
_DIGIT_CLASS = "".join(_CJK_DIGITS)
_UNIT_CLASS = "".join(_CJK_UNITS)
_NATIVE_SEGMENT = rf"(?:(?:{_ARABIC})|[{_DIGIT_CLASS}]{{1,12}})?[{_UNIT_CLASS}]{{1,4}}"
_NATIVE = rf"{_NATIVE_SEGMENT}(?:[ \u00a0]?{_NATIVE_SEGMENT})*[{_DIGIT_CLASS}]{{0,4}}"


def _alternation(words: dict[str, int]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


#: a Latin multiplier ends where its word ends; Thai and Khmer ones glue to what follows
_LATIN_END = r"(?![A-Za-z\u00c0-\u024f\u1e00-\u1eff])"
_WORD_UNIT = rf"(?:{_alternation(WORD_UNITS)}){_LATIN_END}"
_GLUED_UNIT = rf"(?:{_alternation(GLUED_UNITS)})(?![A-Za-z0-9])"
_GROUP = rf"(?:{_NATIVE}|(?:{_ARABIC})(?:{_GLUED_UNIT}|[ \u00a0]?{_WORD_UNIT})?)"
_GROUP_WITH_UNIT = rf"(?:{_NATIVE}|(?:{_ARABIC})[ \u00a0]?{_WORD_UNIT})"

#: The number part of an amount; starts with a digit or a CJK/Hangul numeral.
NUMERAL = rf"(?:{_GROUP})(?:[ \u00a0](?:{_GROUP_WITH_UNIT}))*"
#: the look-ahead lets the regex engine skip to candidate characters (15x faster on prose)
NUMERAL_RE = re.compile(rf"(?=[0-9{_DIGIT_CLASS}{_UNIT_CLASS}])(?:{NUMERAL})", re.IGNORECASE)
#: every CJK and Hangul numeral and multiplier character
NATIVE_CHARS = _DIGIT_CLASS + _UNIT_CLASS

_TOKEN_RE = re.compile(
    rf"(?P<arabic>{_ARABIC})|(?P<glued>(?<=\d)(?:{_alternation(GLUED_UNITS)})(?![A-Za-z0-9]))"
    rf"|(?P<word>{_WORD_UNIT})|(?P<digit>[{_DIGIT_CLASS}])|(?P<unit>[{_UNIT_CLASS}])",
    re.IGNORECASE,
)


_GROUPING = re.compile("[ \u00a0\u202f']")
_ARABIC_RE = re.compile(_ARABIC)


def decimal_comma(language: str | None, region: str | None) -> bool:
    """Whether ``1.200,50`` is the local notation (language first, then region)."""
    if language:
        return language in DECIMAL_COMMA_LANGUAGES
    return region in DECIMAL_COMMA_REGIONS if region else False


def arabic_value(text: str, comma_decimal: bool, whole_units: bool = False) -> Decimal:
    """``1.200,50``/``1,200.50``/``50.000.000``/``1 200`` to a Decimal.

    A single separator followed by exactly three digits is a thousands separator when the
    locale says so, or when ``whole_units`` (a currency without cents, such as VND, and no
    multiplier after it); otherwise it is the decimal point.
    """
    text = _GROUPING.sub("", text)
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
    elif dots + commas == 0:
        return Decimal(text)
    else:
        sep = "." if dots else ","
        tail = text.rsplit(sep, 1)[1]
        if dots + commas > 1 or (len(tail) == 3 and (whole_units or (sep == ".") == comma_decimal)):
            decimal_sep = ""
        else:
            decimal_sep = sep
    thousands = {".", ","} - {decimal_sep}
    for sep in thousands:
        text = text.replace(sep, "")
    return Decimal(text.replace(",", "."))


def numeral_value(text: str, comma_decimal: bool, whole_units: bool = False) -> Decimal:
    """The value of a matched :data:`NUMERAL` (``1억 2천만`` → 120000000)."""
    total = Decimal(0)
    group = Decimal(0)
    number: Decimal | None = None
    last_unit = 0
    has_unit = not _only_arabic(text)
    for token in _TOKEN_RE.finditer(text):
        kind, value = token.lastgroup, token.group()
        if kind == "arabic":
            number = arabic_value(value, comma_decimal, whole_units and not has_unit)
        elif kind == "digit":
            digit = Decimal(_CJK_DIGITS[value])
            number = digit if number is None else number * 10 + digit
        else:
            unit = _unit_value(kind, value)
            total, group = _apply_unit(total, group, number, unit)
            number, last_unit = None, unit
    if number is not None:
        number = _colloquial_tail(number, last_unit, text)
    return total + group + (number or 0)


def _only_arabic(text: str) -> bool:
    return _ARABIC_RE.fullmatch(text) is not None


def _unit_value(kind: str | None, value: str) -> int:
    if kind == "unit":
        return _CJK_UNITS[value]
    if kind == "glued":
        return GLUED_UNITS[value.lower()]
    return WORD_UNITS[value.lower()]


def _apply_unit(
    total: Decimal, group: Decimal, number: Decimal | None, unit: int
) -> tuple[Decimal, Decimal]:
    """Fold ``number`` and a multiplier into the running (total, group) pair."""
    if unit < 10**4:
        return total, group + Decimal(1 if number is None else number) * unit
    closed = group + (number or 0)
    if closed == 0:
        if total and total <= unit:  # ``万亿``, ``ล้านล้าน``: the unit scales all before it
            return total * unit, Decimal(0)
        closed = Decimal(0) if total else Decimal(1)
    if total and total < unit:
        return (total + closed) * unit, Decimal(0)
    return total + closed * unit, Decimal(0)


def _colloquial_tail(number: Decimal, last_unit: int, text: str) -> Decimal:
    """``两万五`` means 25000: a lone digit right after a unit counts in the next lower unit."""
    ends_native = text[-1] in _CJK_DIGITS and len(text) > 1 and text[-2] in _CJK_UNITS
    if ends_native and last_unit >= 100 and number < 10:
        return Decimal(number) * (last_unit // 10)
    return Decimal(number)


#: Thai numbers spelled in words, as scam messages write sums to slip past filters
#: (``ห้าพันบาท``, ``หนึ่งล้านห้าแสน``). ``ยี่`` is two only before ten, ``เอ็ด`` one only after it.
_THAI_DIGITS = {
    "ศูนย์": 0, "หนึ่ง": 1, "เอ็ด": 1, "สอง": 2, "ยี่": 2, "สาม": 3, "สี่": 4,
    "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8, "เก้า": 9,
}  # fmt: skip
_THAI_UNITS = {"สิบ": 10, "ร้อย": 100, "พัน": 10**3, "หมื่น": 10**4, "แสน": 10**5, "ล้าน": 10**6}
_THAI_DIGIT = "ศูนย์|หนึ่ง|สอง|ยี่(?=[ \u00a0]?สิบ)|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า"
_THAI_UNIT = "|".join(_THAI_UNITS)
#: one or more (digit) unit steps and a last digit, or a digit word alone
#: some write a space between the words (``หนึ่ง ล้าน ห้า แสน``)
_THAI_SPACE = "[ \u00a0]?"
_THAI_STEP = rf"(?:(?:{_THAI_DIGIT}|เอ็ด){_THAI_SPACE})?(?:{_THAI_UNIT})"
THAI_SPELLED = (
    rf"{_THAI_STEP}(?:{_THAI_SPACE}{_THAI_STEP})*(?:{_THAI_SPACE}(?:{_THAI_DIGIT}|เอ็ด))?"
    rf"|(?:{_THAI_DIGIT})"
)
_THAI_TOKEN = re.compile(rf"(?P<digit>{_THAI_DIGIT}|เอ็ด)|(?P<unit>{_THAI_UNIT})")


def thai_spelled_value(text: str) -> Decimal:
    """``สามหมื่นห้าพัน`` -> 35000, ``ห้าแสนล้าน`` -> 500000000000, ``สิบเอ็ด`` -> 11."""
    total, group = Decimal(0), Decimal(0)
    number: Decimal | None = None
    for token in _THAI_TOKEN.finditer(text):
        if token.lastgroup == "digit":
            number = Decimal(_THAI_DIGITS[token.group()])
        else:
            total, group = _apply_unit(total, group, number, _THAI_UNITS[token.group()])
            number = None
    return total + group + (number or 0)


def plain(value: Decimal) -> str:
    """A Decimal as a plain string, never in exponent form: ``1.2E+8`` → ``120000000``."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def safe_value(text: str, comma_decimal: bool, whole_units: bool = False) -> Decimal | None:
    """:func:`numeral_value`, or None when the text does not make a finite number."""
    try:
        value = numeral_value(text, comma_decimal, whole_units)
    except (InvalidOperation, ValueError, KeyError):
        return None
    return value if value.is_finite() else None
