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

from fraudlink.extract.base import Context, IdentifierKind, Match, register
from fraudlink.extract.kinds._web import starts_host
from fraudlink.extract.numerals import (
    GLUED_UNITS,
    NATIVE_CHARS,
    NUMERAL_RE,
    WORD_UNITS,
    decimal_comma,
    plain,
    safe_value,
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
    **dict.fromkeys(["元", "圆", "圓", "块钱", "塊錢"], "元"),
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
    **{"บาท": "THB", "ดอลลาร์สหรัฐ": "USD", "ดอลลาร์": "USD", "หยวน": "CNY", "ยูโร": "EUR"},
    **{"ริงกิต": "MYR", "เรียล": "KHR", "วอน": "KRW", "เยน": "JPY"},
    **{"ដុល្លារ": "USD", "ដុល្លា": "USD", "រៀល": "KHR", "បាត": "THB"},
    **{"ກີບ": "LAK", "ໂດລາ": "USD", "ບາດ": "THB", "ကျပ်": "MMK", "ဒေါ်လာ": "USD"},
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


def _alternation(marks: dict[str, str]) -> str:
    """Longest first; a mark ending in a Latin letter must end its word."""
    parts = []
    for mark in sorted(marks, key=len, reverse=True):
        tail = _LATIN_TAIL if _LATIN_LETTER.match(mark[-1]) else ""
        parts.append(re.escape(mark) + tail)
    return "|".join(parts)


_LOOKUP = {mark.casefold(): code for mark, code in {**_EITHER_SIDE, **_AFTER_ONLY}.items()}
_PREFIX_BY_LAST: dict[str, list[str]] = {}
for _mark in sorted((mark.casefold() for mark in _EITHER_SIDE), key=len, reverse=True):
    _PREFIX_BY_LAST.setdefault(_mark[-1], []).append(_mark)
_CJK_WORDS = {mark: code for mark, code in _EITHER_SIDE.items() if "\u4e00" <= mark[0] <= "\u9fff"}
#: ``5000元人民币``: a second mark may follow the first, glued, in Chinese only.
_SUFFIX_RE = re.compile(
    rf"[ \u00a0]?(?P<mark>{_alternation({**_EITHER_SIDE, **_AFTER_ONLY})})"
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
        if prefix is None and suffix is None:
            return None
        if prefix is None and not _left_boundary(folded, start):
            return None
        if prefix is not None and not _glued_prefix_ok(folded, prefix, start, context):
            return None
        if not _number_alone(folded, start, end, suffix is None):
            return None
        marks = [prefix[1]] if prefix is not None else []
        if suffix is not None:
            marks += [m for m in (suffix.group("mark"), suffix.group("second")) if m]
        mark = next((m for m in marks if _is_specific(m)), marks[0])
        currency = resolve_currency(mark, context)
        if currency is None:
            return None
        value = _plain_value(folded[start:end], comma, currency in _WHOLE_UNITS)
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
    taken = [(m.start or 0, m.end or 0) for m in marked]
    found = []
    for number in _IMPLIED_RUPIAH.finditer(text.folded):
        start, end = number.span()
        if any(low < end and start < high for low, high in taken):
            continue
        value = _plain_value(number.group(), True, False)
        if value is not None and value != "0":
            raw = text.raw(start, end)
            found.append(Match("amount", value, raw, start, end, attributes={"currency": "IDR"}))
    return found


def _suffix_possible(folded: str, end: int) -> bool:
    after = end + 1 if end < len(folded) and folded[end] in " \u00a0" else end
    return after < len(folded) and folded[after] in _SUFFIX_FIRST


def _left_boundary(folded: str, start: int) -> bool:
    """A number glued to a word or another number is part of that (an id, a date)."""
    if start == 0:
        return True
    before = folded[start - 1]
    if _LEFT_BLOCKERS.match(before):
        return False
    return not (_HANGUL.match(before) and _HANGUL.match(folded[start]))
