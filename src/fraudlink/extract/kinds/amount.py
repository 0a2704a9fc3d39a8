"""Amounts of money with their currency, written in any language and notation.

Only a number with an explicit currency is an amount: ``US$12 million``, ``2.3万元``,
``1억 2천만 원``, ``50 triệu đồng``, ``៥០០ ដុល្លារ``, ``5,000 USDT``. A bare number never is,
which keeps dates, phone numbers and percentages out.

Ambiguous marks are read from the context and documented here:

- ``$`` and the word "dollar" are USD, unless the region has its own dollar
  (AU, CA, NZ, SG, HK, TW, BN, MX): scams in Southeast Asia are priced in US dollars.
- ``¥`` is JPY when the language is Japanese or the region Japan, else CNY.
- ``元``/``块钱`` are TWD in Taiwan, HKD in Hong Kong, MOP in Macau, else CNY.
- "peso" is PHP unless the region is a Latin American peso country; "rupee" is INR
  unless the region is Pakistan, Sri Lanka or Nepal.
- "pound(s)" is GBP in the United Kingdom (EGP, LBP in Egypt, Lebanon) and a weight
  anywhere else.
- In the Philippines (region PH, language Tagalog/Filipino) a ``P`` or ``p`` glued before
  or after a number is the peso (``P100``, ``500P``, ``free 40p``, ``P21 Million``,
  ``300kPHP``), as is a capital ``P`` written apart (``P 1999``, ``199 P,``); nowhere
  else, where ``40p`` is pence and ``P2`` a page. One digit before the letter is a label
  (``Room 3P``), not a sum.
- In Indonesian (language ``id`` or region ID) ``jt``/``juta``/``rb``/``ribu`` after a
  number say rupiah even without ``Rp`` (``pulsa 50rb``, ``cek 35jt``).

A number glued to letters (``USDT5x``), one with a leading zero (``0871872627``: an id
or a phone) and one that starts a host name (``100usdt.com``) are never amounts.

The value is a Decimal written plainly (``"120000000"``, never ``1.2E+8``, trailing zeros
dropped); ``currency`` is ISO 4217 or a crypto asset (USDT, USDC, BTC, ETH...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import ClassVar

import ahocorasick

from fraudlink.extract.base import Context, IdentifierKind, Match, overlaps_any, register
from fraudlink.extract.kinds._web import starts_host
from fraudlink.extract.numerals import (
    GLUED_UNITS,
    NATIVE_CHARS,
    NUMERAL_RE,
    THAI_SPELLED,
    WORD_UNITS,
    decimal_comma,
    plain,
    safe_value,
    thai_spelled_value,
)
from fraudlink.extract.text import FoldedText, lower_keep_length

_CODES = [
    "USD",
    "CNY",
    "JPY",
    "KRW",
    "VND",
    "THB",
    "KHR",
    "MYR",
    "IDR",
    "PHP",
    "SGD",
    "HKD",
    "TWD",
    "AUD",
    "CAD",
    "NZD",
    "EUR",
    "GBP",
    "CHF",
    "INR",
    "MMK",
    "LAK",
    "BND",
    "MOP",
    "AED",
    "SAR",
    "RUB",
    "BRL",
    "MXN",
    "USDT",
    "USDC",
    "BUSD",
    "DAI",
    "BTC",
    "ETH",
    "TRX",
    "BNB",
]

#: Marks written before or after the number.
_EITHER_SIDE: dict[str, str] = {
    **{code: code for code in _CODES},
    **{"RMB": "CNY", "NTD": "TWD", "VNĐ": "VND", "RM": "MYR", "RP": "IDR", "RP.": "IDR"},
    **{"US$": "USD", "U.S.$": "USD", "US $": "USD", "S$": "SGD", "SG$": "SGD", "HK$": "HKD"},
    **{"NT$": "TWD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD"},
    **{"R$": "BRL", "MX$": "MXN", "$": "$", "€": "EUR", "£": "GBP", "¥": "¥", "₩": "KRW"},
    "￥": "¥",  # the full-width yuan sign, NFKC-folded to ``¥`` but not to ASCII
    **{"₫": "VND", "฿": "THB", "៛": "KHR", "₱": "PHP", "₹": "INR", "₽": "RUB", "₭": "LAK"},
    **dict.fromkeys(["人民币", "人民幣", "人民元"], "CNY"),
    **dict.fromkeys(["美元", "美金"], "USD"),
    **dict.fromkeys(["港币", "港幣", "港元"], "HKD"),
    **dict.fromkeys(["新台币", "新台幣", "台币", "台幣"], "TWD"),
    **dict.fromkeys(["日元", "日圆", "日圓", "日币", "日幣"], "JPY"),
    **dict.fromkeys(["韩元", "韓元", "韩币", "韓幣"], "KRW"),
    **dict.fromkeys(["欧元", "歐元"], "EUR"),
    **dict.fromkeys(["英镑", "英鎊"], "GBP"),
    **dict.fromkeys(["泰铢", "泰銖"], "THB"),
    **dict.fromkeys(["越南盾", "越盾"], "VND"),
    **dict.fromkeys(["瑞尔", "瑞爾", "柬币"], "KHR"),
    **dict.fromkeys(["令吉", "马币", "馬幣"], "MYR"),
    **dict.fromkeys(["新币", "新幣", "新加坡元"], "SGD"),
    **{"澳元": "AUD", "加元": "CAD", "印尼盾": "IDR", "比索": "PHP", "卢比": "INR"},
    **dict.fromkeys(["比特币", "比特幣"], "BTC"),
    **dict.fromkeys(["以太坊", "以太币", "以太幣"], "ETH"),
    **dict.fromkeys(["泰达币", "泰達幣"], "USDT"),
}

#: Marks written only after the number (words, and marks that are words elsewhere).
_AFTER_ONLY: dict[str, str] = {
    **dict.fromkeys(["元", "圆", "圓", "块钱", "塊錢", "块", "塊"], "元"),
    **{"円": "JPY", "ドル": "USD", "ユーロ": "EUR", "ウォン": "KRW", "バーツ": "THB"},
    **{"원": "KRW", "달러": "USD", "엔": "JPY", "위안": "CNY", "유로": "EUR", "바트": "THB"},
    **{"테더": "USDT", "비트코인": "BTC", "이더리움": "ETH"},
    **dict.fromkeys(["dollar", "dollars", "bucks", "dólares", "dolar", "dólar"], "$"),
    **dict.fromkeys(["us dollars", "us dollar", "u.s. dollars", "us-dollar", "dolar as"], "USD"),
    **{"singapore dollars": "SGD", "hong kong dollars": "HKD", "australian dollars": "AUD"},
    **{"canadian dollars": "CAD", "taiwan dollars": "TWD", "new taiwan dollars": "TWD"},
    **dict.fromkeys(["euro", "euros"], "EUR"),
    **dict.fromkeys(["pounds sterling", "sterling"], "GBP"),
    **dict.fromkeys(["pound", "pounds"], "pound"),
    **dict.fromkeys(["yuan", "renminbi", "nhân dân tệ", "tệ"], "CNY"),
    **{"yen": "JPY", "won": "KRW", "baht": "THB", "bạt": "THB", "ringgit": "MYR"},
    **dict.fromkeys(["dong", "đồng", "đ"], "VND"),
    **dict.fromkeys(["riel", "riels"], "KHR"),
    **dict.fromkeys(["rupiah", "rupiahs"], "IDR"),
    **dict.fromkeys(["peso", "pesos"], "peso"),
    **dict.fromkeys(["rupee", "rupees"], "rupee"),
    **{"kyat": "MMK", "kyats": "MMK", "kip": "LAK", "tether": "USDT", "ether": "ETH"},
    **dict.fromkeys(["bitcoin", "bitcoins"], "BTC"),
    **dict.fromkeys(["đô la", "đô", "đô mỹ"], "USD"),
    **{"บาท": "THB", "บ.": "THB", "บ": "THB", "ดอลลาร์สหรัฐ": "USD", "ดอลลาร์": "USD"},
    **{"หยวน": "CNY", "ยูโร": "EUR"},
    **{"ริงกิต": "MYR", "เรียล": "KHR", "วอน": "KRW", "เยน": "JPY"},
    **{"ដុល្លារ": "USD", "ដុល្លា": "USD", "រៀល": "KHR", "បាត": "THB"},
    **{"ກີບ": "LAK", "ໂດລາ": "USD", "ບາດ": "THB", "ကျပ်": "MMK", "ဒေါ်လာ": "USD"},
    # Arabic, Persian, Urdu and Hindi: the dollar is the ``$`` of the region, the rupee
    # the region's rupee (both resolved as their Latin names are)
    **dict.fromkeys(["دولار", "دولارات", "دولاراً", "دلار", "ڈالر", "डॉलर"], "$"),
    **dict.fromkeys(["دولار أمريكي", "دولار امريكي"], "USD"),
    **dict.fromkeys(["روپے", "روپیہ", "रुपये", "रुपए", "रुपया"], "rupee"),
}

_DOLLAR_REGIONS = {
    "AU": "AUD", "CA": "CAD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "TW": "TWD",
    "BN": "BND", "MX": "MXN",
}  # fmt: skip
_YUAN_REGIONS = {"TW": "TWD", "HK": "HKD", "MO": "MOP"}
_PESO_REGIONS = {"MX": "MXN", "AR": "ARS", "CL": "CLP", "CO": "COP", "UY": "UYU", "DO": "DOP"}
_RUPEE_REGIONS = {"PK": "PKR", "LK": "LKR", "NP": "NPR"}
#: "pounds" is money only where the pound is the currency; elsewhere it is a weight
_POUND_REGIONS = {"GB": "GBP", "GG": "GBP", "JE": "GBP", "IM": "GBP", "EG": "EGP", "LB": "LBP"}
#: Latin marks that are also the first letters of codes (``RP176781``): glued to the
#: digits they are money only where that currency is spent
_LOCAL_GLUED = {"rp": "ID", "rp.": "ID", "rm": "MY"}
#: Currencies written without cents, so ``50.000 VND`` is fifty thousand anywhere.
_WHOLE_UNITS = frozenset({"VND", "IDR", "KRW", "JPY", "KHR", "LAK", "MMK", "CLP", "PYG"})

_LATIN_LETTERS = r"A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_LATIN_LETTER = re.compile(f"[{_LATIN_LETTERS}]")
_LATIN_TAIL = f"(?![{_LATIN_LETTERS}])"


#: ``3บ/ขค``, ``50,000 บ.``: the Thai abbreviation of baht is one consonant, which also
#: starts words (``บัญชี``, ``บริษัท``); it is the currency only where no Thai letter follows
_THAI_ABBREVIATIONS = frozenset({"บ"})
_THAI_TAIL = "(?![\u0e00-\u0e7f])"
#: ``500块``, ``给了我200塊。``: 块 is also the measure word of pieces (``3块蛋糕``), so it
#: is money only where no Han character follows it (``块钱`` is a mark of its own)
_HAN_MEASURE_WORDS = frozenset({"块", "塊"})
_HAN_TAIL = "(?![\u3400-\u4dbf\u4e00-\u9fff])"


def _alternation(marks: dict[str, str]) -> str:
    """Longest first; a mark ending in a Latin letter must end its word."""
    parts = []
    for mark in sorted(marks, key=len, reverse=True):
        tail = _LATIN_TAIL if _LATIN_LETTER.match(mark[-1]) else ""
        tail = _THAI_TAIL if mark in _THAI_ABBREVIATIONS else tail
        tail = _HAN_TAIL if mark in _HAN_MEASURE_WORDS else tail
        parts.append(re.escape(mark) + tail)
    return "|".join(parts)


_LOOKUP = {mark.casefold(): code for mark, code in {**_EITHER_SIDE, **_AFTER_ONLY}.items()}
_PREFIX_BY_LAST: dict[str, list[str]] = {}
for _mark in sorted((mark.casefold() for mark in _EITHER_SIDE), key=len, reverse=True):
    _PREFIX_BY_LAST.setdefault(_mark[-1], []).append(_mark)
_CJK_WORDS = {mark: code for mark, code in _EITHER_SIDE.items() if "\u4e00" <= mark[0] <= "\u9fff"}
#: ``5000元人民币``: a second mark may follow the first, glued, in Chinese only.
#: ``50,000.- บาท``: Thai prices close the number with ``.-`` before the currency
_PRICE_DASH = r"(?:[.,]-)?"
_SUFFIX_RE = re.compile(
    rf"{_PRICE_DASH}[ \u00a0]?(?P<mark>{_alternation({**_EITHER_SIDE, **_AFTER_ONLY})})"
    rf"(?P<second>{_alternation(_CJK_WORDS)})?",
    re.IGNORECASE,
)
_SUFFIX_FIRST = frozenset(
    char for mark in {**_EITHER_SIDE, **_AFTER_ONLY} for char in (mark[0].lower(), mark[0].upper())
)
_LEFT_BLOCKERS = re.compile(r"[A-Za-z0-9_.,+/]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def resolve_currency(mark: str, context: Context) -> str | None:
    """The ISO 4217 code a mark stands for in this context (see the module docstring)."""
    code = _LOOKUP[mark.casefold()]
    region = context.region or ""
    if code == "pound":
        return _POUND_REGIONS.get(region)
    if code == "$":
        return _DOLLAR_REGIONS.get(region, "USD")
    if code == "¥":
        return "JPY" if context.language == "ja" or region == "JP" else "CNY"
    if code == "元":
        return _YUAN_REGIONS.get(region, "CNY")
    if code == "peso":
        return _PESO_REGIONS.get(region, "PHP")
    if code == "rupee":
        return _RUPEE_REGIONS.get(region, "INR")
    return code


def _is_specific(mark: str) -> bool:
    return _LOOKUP[mark.casefold()] not in {"$", "¥", "元", "peso", "rupee", "pound"}


@register
class Amount(IdentifierKind):
    """A sum of money: Decimal ``value`` plus ``currency``."""

    name: ClassVar[str] = "amount"
    #: an explicit currency is strong evidence, but a checksum-verified card or phone wins
    priority: ClassVar[int] = 60

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        numbers = _numbers(text.folded)
        marked = list(self._amounts(text, context, numbers)) if numbers else []
        if _rupiah_context(context) and _RUPIAH_HINT.search(text.folded):
            marked += _implied_rupiah(text, marked)
        if _in_context(context, "ko", "KR") and _WON_HINT.search(text.folded):
            marked += _implied_won(text, marked, numbers)
        if _in_context(context, "vi", "VN") and _DONG_HINT.search(text.folded):
            marked += _implied_dong(text, marked)
        if _peso_context(context) and _PESO_HINT.search(text.folded):
            marked += _implied_peso(text, marked)
        if context.language == "zh" and _YUAN_HINT.search(text.folded):
            marked += _implied_yuan(text, marked, context)
        if _SPELLED_BAHT_HINT.search(text.folded):
            marked += _spelled_baht(text, marked)
        return marked

    def _amounts(
        self, text: FoldedText, context: Context, numbers: list[tuple[int, int]]
    ) -> Iterator[Match]:
        comma = decimal_comma(context.language, context.region)
        for start, end in numbers:
            found = self._around(text, start, end, context, comma)
            if found is not None:
                yield found

    def normalise(self, raw: str, context: Context) -> Match | None:
        stripped = raw.strip()
        for found in self.find(FoldedText.of(stripped), context):
            if found.start == 0 and found.end == len(stripped):
                return Match(self.name, found.value, raw, attributes=found.attributes)
        return None

    def _around(
        self, text: FoldedText, start: int, end: int, context: Context, comma: bool
    ) -> Match | None:
        """The amount a number makes with the currency marks before and after it, if any."""
        folded = text.folded
        prefix = _prefix(folded, start)
        suffix = _SUFFIX_RE.match(folded, end) if _suffix_possible(folded, end) else None
        if suffix is not None and _leads_next(folded, suffix):
            suffix = None
        if prefix is None and suffix is None:
            return None
        if prefix is None and not _left_boundary(text, start):
            return None
        if prefix is not None and not _glued_prefix_ok(folded, prefix, start, context):
            return None
        if not _number_alone(
            folded, start, end, suffix is None and not _priced(folded, prefix, start, end)
        ):
            return None
        if _approximate(folded, start):
            return None
        marks = [prefix[1]] if prefix is not None else []
        if suffix is not None:
            marks += [m for m in (suffix.group("mark"), suffix.group("second")) if m]
            if prefix is not None and _glued_suffix(folded, prefix, start, end):
                marks = marks[1:] + marks[:1]  # ``BTC 200฿``: 200 baht worth of bitcoin
        mark = next((m for m in marks if _is_specific(m)), marks[0])
        currency = resolve_currency(mark, context)
        if currency is None or not _word_code_ok(folded, mark, start, end, context):
            return None
        number = folded[start:end]
        whole = currency in _WHOLE_UNITS or (
            currency not in _CRYPTO and _THOUSANDS_DOT.fullmatch(number) is not None
        )
        value = _plain_value(number, comma, whole)
        if value is None:
            return None
        first = prefix[0] if prefix is not None else start
        last = suffix.end() if suffix is not None else end
        if starts_host(folded, first, last):
            return None
        return Match(
            self.name, value, text.raw(first, last), first, last,
            attributes={"currency": currency},
        )  # fmt: skip


#: ``几百块``, ``数十万元``, ``上百万``, ``수천만 원``, ``몇백만원``: "several hundred", no number
_APPROXIMATE_BEFORE = frozenset("几幾数數多好上成몇수")
_BARE_UNITS = frozenset("十拾百佰千仟万萬亿億십백천만억")


def _leads_next(folded: str, suffix: re.Match[str]) -> bool:
    """``16 £3/wk``, ``300 ฿500``: a symbol glued to the number after it is that number's
    mark, written before it as symbols are; it does not also close the number before."""
    mark, end = suffix.group("mark"), suffix.end()
    if suffix.group("second") or mark.isalpha() or end >= len(folded):
        return False
    return suffix.start("mark") > suffix.start() and folded[end].isdigit()


def _approximate(folded: str, start: int) -> bool:
    """A multiplier with no digit before it, after a word for "several", is a vague size."""
    return start > 0 and folded[start] in _BARE_UNITS and folded[start - 1] in _APPROXIMATE_BEFORE


#: crypto assets are priced to many decimals (``1.000 ETH`` is one ether)
_CRYPTO = frozenset({"USDT", "USDC", "BUSD", "DAI", "BTC", "ETH", "TRX", "BNB"})
#: ``1.000THB``, ``1,200 EUR``: money has two decimals at most, so one separator before
#: exactly three digits groups thousands whatever the locale's decimal mark
_THOUSANDS_DOT = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")


def _glued_suffix(folded: str, prefix: tuple[int, str], start: int, end: int) -> bool:
    """A mark glued after the number, where the one before stands apart from it, is the
    number's own currency (``BTC 200฿``); otherwise the mark before it is read first."""
    spaced_before = prefix[0] + len(prefix[1]) < start
    glued_after = end < len(folded) and folded[end] not in " \u00a0"
    return spaced_before and glued_after


@lru_cache(maxsize=16384)
def _plain_value(number: str, comma: bool, whole_units: bool) -> str | None:
    """The value of a written number as a plain string; cached, the same sums recur."""
    value = safe_value(number, comma, whole_units)
    return None if value is None else plain(value)


def _prefix(folded: str, start: int) -> tuple[int, str] | None:
    """The mark written just before a number (``US$``, ``RM ``, ``人民币``): start and mark."""
    before = start - 1
    if before >= 0 and folded[before] in " \u00a0":
        before -= 1
    if before < 0:
        return None
    for mark in _PREFIX_BY_LAST.get(folded[before].casefold(), ()):
        first = before + 1 - len(mark)
        if first >= 0 and folded[first : before + 1].casefold() == mark:
            latin = _LATIN_LETTER.match(mark[0]) is not None
            if not (latin and first and _LATIN_LETTER.match(folded[first - 1])):
                return first, mark
    return None


def _mark_automaton() -> ahocorasick.Automaton:
    """Each mark with its length and whether it starts and ends with a Latin letter.

    Lower-casing keeps a letter Latin or not, so the mark tells what the text has there.
    """
    automaton = ahocorasick.Automaton()
    for mark in {**_EITHER_SIDE, **_AFTER_ONLY}:
        lowered = lower_keep_length(mark)
        latin_first = _LATIN_LETTER.match(lowered[0]) is not None
        latin_last = _LATIN_LETTER.match(lowered[-1]) is not None
        automaton.add_word(lowered, (len(mark), latin_first, latin_last))
    automaton.make_automaton()
    return automaton


_MARKS = _mark_automaton()
_NUMERAL_CHARS = frozenset("0123456789" + NATIVE_CHARS)
_NUMERAL_CHAR = re.compile(f"[0-9{NATIVE_CHARS}]")
_WINDOW = 48
#: what a number can end with: a digit of any script, a multiplier, the end of a unit word
_NUMERAL_END = re.compile(
    f"[\\d{re.escape(NATIVE_CHARS)}"
    f"{re.escape(''.join(sorted({unit[-1] for unit in [*WORD_UNITS, *GLUED_UNITS]})))}]",
    re.IGNORECASE,
)


def _numbers(folded: str) -> list[tuple[int, int]]:
    """Spans of the numbers a currency mark touches, in order.

    The marks are found first, in one Aho-Corasick pass; only the text just
    before and after each mark is read for numbers, because numbers without a
    mark (dates, phones, ids) are most of the digits in a report.
    """
    size, spans = len(folded), set()
    read = 0  # where the numbers before the last mark were read from: never read again
    if _NUMERAL_CHAR.search(folded) is None:
        return []  # prose without a number: no marks to look for
    for last, (length, latin_first, latin_last) in _MARKS.iter(lower_keep_length(folded)):
        start, end = last + 1 - length, last + 1
        if _inside_word(folded, start, end, latin_first, latin_last):
            continue  # ``eth`` in ``together``
        before = start - 1 if start and folded[start - 1] in " \u00a0" else start
        if folded.startswith((".-", ",-"), before - 2):
            before -= 2  # ``50,000.- บาท``
        # a multiplier word may stand between (``230 million yuan``)
        if (
            before
            and _NUMERAL_END.match(folded, before - 1)
            and _NUMERAL_CHAR.search(folded, max(0, before - 40), before)
        ):
            found, read = _ending_at(folded, before, read)
            spans.update(found)
        after = end + 1 if end < size and folded[end] in " \u00a0" else end
        if after < size and folded[after] in _NUMERAL_CHARS:
            number = NUMERAL_RE.match(folded, after)
            if number is not None:
                spans.add(number.span())
    return sorted(spans)


def _inside_word(folded: str, start: int, end: int, latin_first: bool, latin_last: bool) -> bool:
    """A Latin mark glued to a Latin letter is part of a word (``eth`` in ``method``)."""
    latin = _LATIN_LETTER.match
    if latin_first and start and latin(folded[start - 1]):
        return True
    return latin_last and end < len(folded) and latin(folded[end]) is not None


def _ending_at(folded: str, end: int, read: int) -> tuple[list[tuple[int, int]], int]:
    """The number that ends at ``end``, read from a clean start before it, and where the
    last number read starts (the next mark reads on from there, with the same split).

    Without ``read``, a run of marks (``$1$1$1…``) read the same window once per mark.
    """
    low = max(0, end - _WINDOW)
    # back to a clean start, but never more than another window (a number that long is no
    # amount) nor into what the last mark read: a run of marks would be quadratic
    floor = max(0, low - _WINDOW, read)
    while low > floor and (folded[low] in _NUMERAL_CHARS or folded[low - 1] in _NUMERAL_CHARS):
        low -= 1
    # ``NUMERAL_RE.finditer`` from ``low``, visiting only the places it can start (a numeral)
    spans, pos = [], max(low, read)
    while (first := _NUMERAL_CHAR.search(folded, pos, end)) is not None:
        read = first.start()
        number = NUMERAL_RE.match(folded, read, end)
        if number is None:
            pos = read + 1
            continue
        if number.end() == end:
            spans.append(number.span())
        pos = number.end()
    return spans, read


def _glued_prefix_ok(folded: str, prefix: tuple[int, str], start: int, context: Context) -> bool:
    """``RP176781`` is a code in English; ``Rp5000`` is money in Indonesia."""
    region = _LOCAL_GLUED.get(prefix[1].casefold())
    if region is None or prefix[0] + len(prefix[1]) < start:
        return True
    return context.region == region or context.language == ("id" if region == "ID" else "ms")


#: ``£1.50pm``, ``£1.50perWKsub``: a symbol, then pounds and pence; what is glued after
#: is the rate (per minute, per week), not an id as in ``USDT5x``
_PRICE = re.compile(r"\d{1,6}[.,]\d{2}")


def _priced(folded: str, prefix: tuple[int, str] | None, start: int, end: int) -> bool:
    if prefix is None or _LATIN_LETTER.match(prefix[1][-1]) or prefix[1][-1].isalnum():
        return False
    return _PRICE.fullmatch(folded, start, end) is not None


#: ISO codes that are also everyday capitals in other languages' text (``PHP``, the
#: language; ``to 88222 PHP.``): read as money only where the currency is at home, or
#: when the number is written as money (grouped or with cents)
_WORD_CODES = {"php": ("PH", "tl", "fil")}
_MONEY_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+[.,]\d{2}")


def _word_code_ok(folded: str, mark: str, start: int, end: int, context: Context) -> bool:
    home = _WORD_CODES.get(mark.casefold())
    if home is None or context.region == home[0] or context.language in home[1:]:
        return True
    if context.region is None and context.language is None:
        return True
    return _MONEY_NUMBER.fullmatch(folded, start, end) is not None


_LEADING_ZERO = re.compile(r"0\d")
_GLUED_AFTER = re.compile(f"[{_LATIN_LETTERS}0-9]")


def _number_alone(folded: str, start: int, end: int, no_suffix: bool) -> bool:
    """Not an id: no leading zero (``0871 872 6270``), no letters glued after (``USDT5x``)."""
    if _LEADING_ZERO.match(folded, start):
        return False
    return not (no_suffix and _GLUED_AFTER.match(folded, end))


def _rupiah_context(context: Context) -> bool:
    return context.language == "id" or (context.language is None and context.region == "ID")


_RUPIAH_HINT = re.compile(r"\d[ \u00a0]?(?:jt|juta|rb|rbu|ribu|rebu)(?![a-z])", re.IGNORECASE)
_IMPLIED_RUPIAH = re.compile(
    rf"(?<![{_LATIN_LETTERS}0-9_.,/+])(?P<number>\d{{1,3}}(?:[.,]\d{{1,3}})*[ \u00a0]?"
    rf"(?:jt|juta|rb|rbu|ribu|rebu))(?![{_LATIN_LETTERS}0-9])",
    re.IGNORECASE,
)


def _implied_rupiah(text: FoldedText, marked: list[Match]) -> list[Match]:
    """``pulsa 50rb``, ``cek 35jt``: rupiah by their multiplier, where no mark was read."""
    found = []
    for number in _IMPLIED_RUPIAH.finditer(text.folded):
        start, end = number.span()
        if overlaps_any(marked, start, end):
            continue
        value = _plain_value(number.group(), True, False)
        if value is not None and value != "0":
            raw = text.raw(start, end)
            found.append(Match("amount", value, raw, start, end, attributes={"currency": "IDR"}))
    return found


def _suffix_possible(folded: str, end: int) -> bool:
    if folded.startswith((".-", ",-"), end):
        end += 2
    after = end + 1 if end < len(folded) and folded[end] in " \u00a0" else end
    return after < len(folded) and folded[after] in _SUFFIX_FIRST


#: Chinese clause marks that fold to ASCII ones: ``1千U，400元`` is two sums, not ``U,400``
_CLAUSE_MARKS = frozenset("，、；")


def _left_boundary(text: FoldedText, start: int) -> bool:
    """A number glued to a word or another number is part of that (an id, a date)."""
    if start == 0:
        return True
    folded = text.folded
    before = folded[start - 1]
    if _LEFT_BLOCKERS.match(before):
        return text.original[start - 1] in _CLAUSE_MARKS
    return not (_HANGUL.match(before) and _HANGUL.match(folded[start]))


def _in_context(context: Context, language: str, region: str) -> bool:
    return context.language == language or (context.language is None and context.region == region)


def _free(marked: list[Match], start: int, end: int) -> bool:
    return not any((m.start or 0) < end and start < (m.end or 0) for m in marked)


# ------------------------------------------------------------------ Korean won, implied
#
# Korean speech names sums by their myriad units and leaves the currency out: ``1억을
# 송금했다``, ``전세 자금 1억 빌려``, ``3천만 이체``. A number with 만, 억 or 조 counts as won
# only with a money word on either side, and never before a counter (``3만 명``).

_WON_HINT = re.compile(r"\d[ \u00a0]?(?:[십백천][ \u00a0]?)?[만억조]")
_WON_START = re.compile(
    r"(?<![A-Za-z0-9_.,/+\-])\d[\d,.]*[ \u00a0]?(?:[십백천][ \u00a0]?)?[만억조]"
)
_WON_COUNTERS = (
    "명|개|건|번|회|년|개월|달|일|분|초|시간|살|세|위|등|배|점|표|평|호|층|장|권|대|마리|주|"
    "가구|세대|톤|리터|킬로|미터|km|m|%|퍼센트|포인트|원|명의|뷰|조회|팔로"
)
_WON_PARTICLE = (
    "(?:을|를|이|가|은|는|도|씩|까지|정도|만큼|이나|밖에|으로|로|에|짜리|이상|가량|상당|원)?"
)
_WON_VERBS = (
    "송금|입금|이체|보내|보냈|빌려|빌리|빌린|대출|갚|인출|출금|결제|지급|지불|납부|상환|충전|"
    "환전|편취|가로채|뜯|잃|날렸|손해|피해|현금|돈|찾아|뽑아"
)
_WON_AFTER = re.compile(rf"{_WON_PARTICLE}[ \u00a0]?(?:{_WON_VERBS})")
_WON_COUNTER_AFTER = re.compile(rf"[ \u00a0]?(?:{_WON_COUNTERS})")
_WON_BEFORE = re.compile(
    "(?:돈|금액|자금|현금|대출금?|잔액|잔고|예금|적금|보증금|수수료|벌금|원금|이자|송금|이체|"
    "입금|출금|인출|상환|빚|채무|피해액|피해금|전세|월세|급여|월급|연봉|비용|합계|총)"
    r"[은는이가을를도의에]?[ \u00a0]*(?:약[ \u00a0]?)?$"
)


def _implied_won(
    text: FoldedText, marked: list[Match], numbers: list[tuple[int, int]]
) -> list[Match]:
    folded = text.folded
    found: list[Match] = []
    for hint in _WON_START.finditer(folded):
        number = NUMERAL_RE.match(folded, hint.start())
        if number is None:
            continue
        start, end = number.span()
        if not _free(marked + found, start, end) or _LEADING_ZERO.match(folded, start):
            continue
        after = folded[end : end + 12]
        if _WON_COUNTER_AFTER.match(after):
            continue
        if not (_WON_AFTER.match(after) or _WON_BEFORE.search(folded[max(0, start - 14) : start])):
            continue
        value = _plain_value(folded[start:end], False, True)
        if value is not None and value != "0":
            raw = text.raw(start, end)
            found.append(Match("amount", value, raw, start, end, attributes={"currency": "KRW"}))
    return found


# --------------------------------------------------------------- Vietnamese dong, implied
#
# Vietnamese messages write dong as ``800k``, ``2tr``, ``1tr5`` (1.5 million) and ``5 triệu``
# without ``đồng``. The glued ``k``/``tr`` are money slang; a spelled multiplier
# (``triệu``, ``tỷ``, ``nghìn``) counts only after a money word (``chuyển 5 triệu``), as
# ``5 triệu người`` is five million people.

_DONG_HINT = re.compile(r"\d[ \u00a0]?(?:k|tr|triệu|trieu|tỷ|tỉ|nghìn|ngàn)", re.IGNORECASE)
_DONG_GLUED = re.compile(
    rf"(?<![{_LATIN_LETTERS}0-9_.,/+])(?P<number>\d{{1,6}}(?:[.,]\d{{1,3}})?)"
    rf"(?P<unit>k|tr)(?P<tail>\d)?(?![{_LATIN_LETTERS}0-9])",
    re.IGNORECASE,
)
_DONG_WORD = re.compile(
    rf"(?<![{_LATIN_LETTERS}0-9_.,/+\-–])(?P<number>\d{{1,3}}(?:[.,]\d{{1,3}})?)[ \u00a0]"
    rf"(?P<unit>triệu|trieu|tỷ|tỉ|nghìn|ngàn)(?![{_LATIN_LETTERS}])",
    re.IGNORECASE,
)
_DONG_CUE = re.compile(
    r"(?:chuyển|chuyen|ck|nạp|nap|vay|lương|luong|thu nhập|tiền|tien|phí|phi|trúng|thưởng|"
    r"giá|cọc|nộp|rút|trả|hoàn|lãi|nợ|chiếm đoạt|lừa|kiếm|hoa hồng|số tiền|khoản|mất)"
    rf"(?![{_LATIN_LETTERS}])[^.!?\n]{{0,16}}$",
    re.IGNORECASE,
)
_DONG_UNITS = {"k": 10**3, "tr": 10**6, "triệu": 10**6, "trieu": 10**6}
_DONG_UNITS |= {"tỷ": 10**9, "tỉ": 10**9, "nghìn": 10**3, "ngàn": 10**3}


def _implied_dong(text: FoldedText, marked: list[Match]) -> list[Match]:
    folded = text.folded
    found: list[Match] = []
    candidates = [(m, True) for m in _DONG_GLUED.finditer(folded)]
    candidates += [(m, False) for m in _DONG_WORD.finditer(folded)]
    for number, glued in candidates:
        start, end = number.span()
        if not _free(marked + found, start, end):
            continue
        small = glued and number.group("unit").lower() == "k" and len(number.group("number")) == 1
        if (small or not glued) and not _DONG_CUE.search(folded[max(0, start - 40) : start]):
            continue  # ``5 triệu người``, ``4k video``: no money word before
        unit, tail = number.group("unit"), number.groupdict().get("tail")
        value = _dong_value(number.group("number"), unit, tail)
        if value is not None:
            raw = text.raw(start, end)
            found.append(Match("amount", value, raw, start, end, attributes={"currency": "VND"}))
    return found


def _dong_value(number: str, unit: str, tail: str | None) -> str | None:
    """``800k`` → 800000, ``1tr5`` → 1500000, ``1,5 triệu`` → 1500000."""
    base = safe_value(number.replace(",", "."), False)
    if base is None or base == 0:
        return None
    scale = _DONG_UNITS[unit.lower()]
    value = base * scale
    if tail is not None:
        value += int(tail) * scale // 10
    return plain(value)


# ------------------------------------------------------------------- Chinese yuan, implied
#
# Victims and police write the sum after the verb that moved it and leave 元 out: ``被骗走了
# 20万``, ``转账5万到对方账户``, ``匯款5萬``. A number with 万/萬/亿/億 is money only right
# after such a verb (a particle between), never before a counter (``10万人``, ``3万个粉丝``);
# the currency is the region's yuan, as for 元.

_YUAN_HINT = re.compile(r"[\d〇一二两兩三四五六七八九十百千][万萬亿億]")
_YUAN_VERBS = (
    "转账|轉賬|轉帳|转了|轉了|汇款|匯款|汇了|匯了|打款|付款|支付|充值|借款|借了|贷款|貸款|"
    "骗走|騙走|骗了|騙了|被骗|被騙|损失|損失|投资|投資|投入|存入|提现|提現|取现|取現|"
    "缴纳|繳納|交了|给了|給了|赔偿|賠償|退款|罚款|罰款|保证金|保證金|手续费|手續費|押金|"
    "共计|共計|合计|合計|涉案金额|涉案金額|金额|金額|诈骗|詐騙"
)
_YUAN_BEFORE = re.compile(rf"(?:{_YUAN_VERBS})(?:了|走|去|出|约|約|近|共|共计|多达|多達)*$")
_YUAN_COUNTER = re.compile(
    r"(?:多|余|餘)?(?:人|名|次|个|個|条|條|份|单|單|粉|播放|字|步|公里|年|件|户|戶|张|張|部|台|元)"
)
_YUAN_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.,/+\-])(?:\d+(?:[.,]\d+)?|[〇一二两兩三四五六七八九十百千]+)[万萬亿億]"
    r"(?:[〇一二两兩三四五六七八九十百千\d]+[千百十]?)?"
)


def _implied_yuan(text: FoldedText, marked: list[Match], context: Context) -> list[Match]:
    folded = text.folded
    found: list[Match] = []
    for number in _YUAN_NUMBER.finditer(folded):
        start, end = number.span()
        if not _free(marked + found, start, end) or _YUAN_COUNTER.match(folded, end):
            continue
        if not _YUAN_BEFORE.search(folded[max(0, start - 10) : start]):
            continue
        value = _plain_value(folded[start:end], False, False)
        currency = resolve_currency("元", context)
        if value is not None and value != "0" and currency is not None:
            raw = text.raw(start, end)
            found.append(Match("amount", value, raw, start, end, attributes={"currency": currency}))
    return found


# --------------------------------------------------------------- Thai baht, spelled out
#
# Thai scam messages spell sums in words to slip past filters: ``โอนห้าพันบาท``, ``รับเงิน
# สิบล้านบาท``. Only a spelled number right before ``บาท`` is money; one that starts with a
# bare multiplier says no number after a word of vagueness (``หลายพันบาท``, "several
# thousand baht"; ``หลักล้านบาท``, "millions") or after digits (``5 ล้านบาท`` is read whole).

_SPELLED_BAHT_HINT = re.compile(
    r"(?:สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน|ศูนย์|หนึ่ง|เอ็ด|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)[ \u00a0]?บาท"
)
_SPELLED_BAHT = re.compile(rf"(?P<number>{THAI_SPELLED})[ \u00a0]?บาท")
_THAI_DIGIT_FIRST = re.compile("ศูนย์|หนึ่ง|สอง|ยี่|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า")
#: what a bare multiplier may not follow: vagueness, digits, or a number word the match
#: left out (``หนึ่ง ล้าน`` read from ``ล้าน`` on would lose the one)
_THAI_VAGUE_BEFORE = re.compile(
    r"(?:หลาย|หลัก|เป็น|นับ|ไม่กี่|ร่วม|เกือบ|กว่า|\d|ศูนย์|หนึ่ง|เอ็ด|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า"
    r"|สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน)[ \u00a0]?$"
)


def _spelled_baht(text: FoldedText, marked: list[Match]) -> list[Match]:
    folded = text.folded
    found: list[Match] = []
    for money in _SPELLED_BAHT.finditer(folded):
        start, end = money.span("number")
        bare = not _THAI_DIGIT_FIRST.match(folded, start)
        if bare and _THAI_VAGUE_BEFORE.search(folded, max(0, start - 8), start):
            continue
        if not _free(marked + found, start, money.end()):
            continue
        value = plain(thai_spelled_value(folded[start:end]))
        if value != "0":
            raw = text.raw(start, money.end())
            match = Match("amount", value, raw, start, money.end(), attributes={"currency": "THB"})
            found.append(match)
    return found


# -------------------------------------------------------------- Philippine peso, by letter
#
# Philippine SMS write the peso as the letter ``P`` (the sign ``₱`` is hard to type):
# ``P100 bonus``, ``hanggang P19800``, ``1088P``, ``FREE 40p``, ``P 1999``, ``P21 Million``,
# ``300kPHP``, ``php88k``, ``Php. 88,000``. Read only where the peso is at home. The
# letter must stand apart from words and ids (``JegP613+``, ``Qq5p654``, ``P1,OOO,OOO``),
# and ``P.`` after a spaced number is an initial (``2520 P. Guevarra St.``), ``p. 5`` a
# page: a small ``p`` counts only glued to the number, a spaced ``P`` before a number not
# after another number (``Section 3 P 12``).

_PESO_HINT = re.compile(r"\d[ \u00a0]?(?:k|m)?p|p(?:hp)?\.?[ \u00a0]?\d", re.IGNORECASE)
_PESO_NUMBER = r"(?!0\d)\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|(?!0\d)\d{1,9}(?:\.\d{1,2})?"
_PESO_MULTIPLIER = r"(?P<mult>[kKM](?![A-Za-z])|[ \u00a0]?(?:million|Million|MILLION)(?![A-Za-z]))?"
_PESO_END = r"(?![A-Za-z0-9'’]|[.,][A-Za-z0-9])"
_PESO_BEFORE = re.compile(
    rf"(?<![{_LATIN_LETTERS}0-9_.,/+\-@#=])"
    rf"(?:(?<!\d[ \u00a0])P[ \u00a0]|P|p|(?:PHP|Php|php)\.?[ \u00a0]?)"
    rf"(?P<number>{_PESO_NUMBER}){_PESO_MULTIPLIER}{_PESO_END}"
)
#: a letter after a single digit is a label (``Room 3P``, ``1P 2P 3P``), so a peso written
#: after the number needs two digits (``40p``, ``500P``); ``P`` before one may be one peso
_PESO_NUMBER_AFTER = r"(?!0\d)\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|(?!0\d)\d{2,9}(?:\.\d{1,2})?"
_PESO_AFTER = re.compile(
    rf"(?<![{_LATIN_LETTERS}0-9_.,/+\-@#=])(?P<number>{_PESO_NUMBER_AFTER})"
    rf"(?P<mult>[kK])?(?:(?:P|p|PHP|Php|php){_PESO_END}"
    rf"|[ \u00a0](?:P|p)(?![A-Za-z0-9.'’]|[ \u00a0]?\d))"
)
_PESO_SCALE = {"k": 10**3, "m": 10**6, "million": 10**6}


def _peso_context(context: Context) -> bool:
    return context.region == "PH" or context.language in ("tl", "fil")


def _implied_peso(text: FoldedText, marked: list[Match]) -> list[Match]:
    folded = text.folded
    found: list[Match] = []
    for money in (*_PESO_BEFORE.finditer(folded), *_PESO_AFTER.finditer(folded)):
        start, end = money.span()
        if not _free(marked + found, start, end) or starts_host(folded, start, end):
            continue
        value = safe_value(money.group("number").replace(",", ""), False)
        if value is None or value == 0:
            continue
        mult = (money.group("mult") or "").strip().lower()
        if mult:
            value *= _PESO_SCALE[mult]
        raw = text.raw(start, end)
        found.append(Match("amount", plain(value), raw, start, end, attributes={"currency": "PHP"}))
    return found
