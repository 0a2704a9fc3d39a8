"""Phone numbers, in E.164.

``phonenumbers``' own matcher finds little more than numbers written with a
country code, so we scan the folded text ourselves: a candidate is a run of
digit groups joined by the separators people use (space, ``-``, ``.``, ``/``,
parentheses). Each window of consecutive groups, longest first, is handed to
``phonenumbers`` to validate. Before that, the cheap checks below turn away
what is not a phone: groups glued to letters or URLs, dates, times, IP
addresses, thousands-grouped amounts, numbers next to a currency, and numbers
labelled as orders, tracking or accounts. A local number right after a Chinese
label naming its country (``缅号09…``, ``泰国电话：08…``) is read in that country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from fraudlink.extract.base import Context, IdentifierKind, Match, register
from fraudlink.extract.text import FoldedText

_SEP = r"(?:[ \-./\u00a0\u2009\u202f\u2010-\u2015\u2212]{1,3}|\s?\(|\)[ \-]?)"
# Every character of a candidate is of this class; the look-ahead turns away in C what
# cannot reach ``_MIN_DIGITS`` characters (no longer candidate starts before the class ends).
_CANDIDATE_CHARS = r"[\d\s+()\-./\u00a0\u2009\u202f\u2010-\u2015\u2212]"
_MIN_DIGITS = 7
# ``(?:\+ ?|\(\+?)?\d+`` written so the first character is read before any look-around:
# the engine then skips to a digit, ``+`` or ``(`` in C instead of trying every place
_CANDIDATE = re.compile(
    rf"[+(\d](?<![A-Za-z0-9_][+(\d])(?={_CANDIDATE_CHARS}{{{_MIN_DIGITS - 1}}})"
    rf"(?:(?<=\+) ?\d+|(?<=\()\+?\d+|(?<=\d)\d*)(?:{_SEP}\d+)*"
)
_GROUP = re.compile(r"\d+")

_MAX_DIGITS = 15  # E.164
_MAX_WINDOW_GROUPS = 8
_LOOKBACK = 24

_CURRENCY_AFTER = re.compile(
    r" ?(?:[$€£¥₩₫฿៛元円원块圓万萬億亿千百만억천]|đ(?![a-zà-ỹ])|រៀល|ដុល្លារ|บาท|ล้าน|ກີບ"
    r"|(?:vnd|usdt?|usdc|khr|riels?|thb|baht|cny|rmb|yuan|krw|won|jpy|yen|idr|rupiah|myr"
    r"|ringgit|php|pesos?|eur|euros?|dollars?|đồng|dong|triệu|nghìn|ngàn|tỷ|millions?"
    r"|billions?|thousand|juta|ribu|k)\b)"
)
_CURRENCY_BEFORE = re.compile(
    r"(?:[$€£¥₩₫฿៛]|\b(?:us\$?|usd|vnd|khr|thb|cny|rmb|krw|jpy|idr|rp|myr|php|eur|usdt)"
    r"|人民币|美元|金额|金額) ?$"
)
_NEGATIVE = (
    r"order|tracking|track|invoice|ref|reference|txid|transaction|hash|version|serial|parcel"
    r"|account|acct|a/c|iban|card|swift|订单|訂單|单号|單號|运单|快递|交易|流水|账号|帳號|账户"
    r"|卡号|版本|주문|송장|운송장|계좌|카드|đơn hàng|vận đơn|giao dịch|tài khoản|stk|thẻ|注文"
    r"|追跡|口座|พัสดุ|บัญชี|คำสั่งซื้อ|គណនី|កាត|pesanan|resi|rekening|akaun|kad"
)
_POSITIVE = (
    r"phone|tel|call|mobile|hotline|whatsapp|viber|zalo|telegram|line|sms|contact|điện thoại"
    r"|sđt|gọi|电话|電話|手机|手機|联系|聯繫|致电|전화|연락처|휴대폰|핸드폰|โทร|เบอร์"
    r"|ទូរស័ព្ទ|telp|telefon|nomor|ponsel|handphone"
)
_KEYWORDS = re.compile(rf"(?P<neg>{_NEGATIVE})|(?P<pos>{_POSITIVE})")

_GLUE_LEFT = frozenset("#@\\=&%$€£¥₩₫฿៛¢^*~_+")
#: ``/`` glues a number into a path (``abc/123``), not into a list (``(WA)/0812…``)
_GLUE_IF_WORD_BEFORE = frozenset("/")
_GLUE_RIGHT = frozenset("%@_°℃$€£¥₩₫฿៛¢")
_GLUE_IF_DIGIT_AROUND = frozenset(".,:-/")


def _is_word(char: str) -> bool:
    """ASCII letters and digits, and Latin letters with diacritics, glue; other scripts do not."""
    if char.isascii():
        return char.isalnum()
    return char.isalpha() and (char < "\u0250" or "\u1e00" <= char <= "\u1eff")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A run of digit groups in the folded text and what surrounds it."""

    folded: str
    start: int  # where the run starts (at ``+`` or ``(`` when there is one)
    groups: list[tuple[int, int]]
    glued_left: bool
    glued_right: bool


def _glued_left(folded: str, start: int) -> bool:
    if start == 0:
        return False
    before = folded[start - 1]
    if _is_word(before) or before in _GLUE_LEFT:
        return True
    if before in _GLUE_IF_DIGIT_AROUND and start >= 2 and folded[start - 2].isdigit():
        return True
    if before in _GLUE_IF_WORD_BEFORE and start >= 2 and _is_word(folded[start - 2]):
        return True
    return bool(_CURRENCY_BEFORE.search(folded[max(0, start - 8) : start].lower()))


def _glued_right(folded: str, end: int) -> bool:
    if end >= len(folded):
        return False
    after = folded[end]
    if _is_word(after) or after in _GLUE_RIGHT:
        return True
    if after in _GLUE_IF_DIGIT_AROUND and end + 1 < len(folded) and _is_word(folded[end + 1]):
        return not (after in ".,;:" and folded[end + 1].isupper())  # ``3680.Offer``: a new sentence
    return bool(_CURRENCY_AFTER.match(folded[end : end + 12].lower()))


#: letters glued after a number that dials from home (``08452810075over``, ``…639.terima``,
#: ``09065171142-stopsms``): a typo or a missing space, not an id, when the digits are this
#: many and start so; after a hyphen only a word in lower case (ids run in capitals)
_DIALLED = re.compile(r"(?:\+|0)\d{8,14}(?:[.,]?[^\W\d_]|-[^\W\d_A-Z]{2})")


def _forgiven_right(folded: str, start: int, end: int) -> bool:
    return _DIALLED.match(folded, start, min(len(folded), end + 3)) is not None and not (
        _CURRENCY_AFTER.match(folded[end : end + 12].lower())
    )


#: a call word glued before a number that dials from home (``To claim, call09050000327``):
#: the word says where the number starts, which a letter before digits otherwise hides
_CALL_GLUED = re.compile(r"(?<![^\W\d_])(?:call|tel|telp|phone|ring|hp|hub|wa)(?=[+0]\d)", re.I)
_CANDIDATE_AT = re.compile(
    rf"[+\d](?={_CANDIDATE_CHARS}{{{_MIN_DIGITS - 1}}})(?:(?<=\+) ?\d+|(?<=\d)\d*)"
)


def _call_glued(folded: str) -> Iterator[_Candidate]:
    """One compact number glued after a call word; nothing glued after it but a word."""
    for word in _CALL_GLUED.finditer(folded):
        found = _CANDIDATE_AT.match(folded, word.end())
        if found is None or found.end() - found.start() < _MIN_DIGITS:
            continue
        start, end = found.span()
        if (end < len(folded) and folded[end].isdigit()) or (
            _glued_right(folded, end) and not _forgiven_right(folded, start, end)
        ):
            continue
        groups = [g.span() for g in _GROUP.finditer(folded, start, end)]
        yield _Candidate(folded, start, groups, False, False)


_SENTENCE_END = re.compile(r"[。！？!?；;\n។]|\.\s")


def _labelled_not_phone(folded: str, start: int) -> bool:
    """True when the nearest label before the number, in its sentence, says order, account..."""
    before = folded[max(0, start - _LOOKBACK) : start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    labels = list(_KEYWORDS.finditer(before.lower()))
    return bool(labels) and labels[-1].lastgroup == "neg"


def _candidates(folded: str, first: int = 0) -> Iterator[_Candidate]:
    for found in _CANDIDATE.finditer(folded, first):
        start, end = found.span()
        if end - start < _MIN_DIGITS:
            continue
        groups = [g.span() for g in _GROUP.finditer(folded, start, end)]
        if sum(g_end - g_start for g_start, g_end in groups) < _MIN_DIGITS:
            continue
        left, right = _glued_left(folded, start), _glued_right(folded, end)
        if right and len(groups) == 1 and not left and _forgiven_right(folded, start, end):
            right = False
        if (left or right) and len(groups) == 1:
            continue
        yield _Candidate(folded, start, *_spaced_out(folded, groups), left, right)


def _spaced_out(folded: str, groups: list[tuple[int, int]]) -> tuple[list[tuple[int, int]]]:
    """``0 9 6 1 2 3 4 5 6 7``: digits spaced one by one to dodge filters read as one group."""
    if sum(1 for low, high in groups if high - low == 1) < _MIN_DIGITS:
        return (groups,)
    merged: list[tuple[int, int]] = []
    spaced = False  # whether the last merged group is a run of spaced single digits
    for low, high in groups:
        single = high - low == 1
        if merged and single and spaced and folded[merged[-1][1] : low] == " ":
            merged[-1] = (merged[-1][0], high)
            continue
        merged.append((low, high))
        spaced = single
    return (merged,)


def _is_date(day_or_year: str, middle: str, last: str, sep: str) -> bool:
    """``2024-01-15``, ``15/01/2024``, ``01.15.2024`` and, alone, ``15.01.24``."""
    if sep.strip() not in {"-", "/", "."} or not (0 < len(middle) <= 2 and 0 < int(middle) <= 31):
        return False
    if len(day_or_year) == 4:
        return 1900 <= int(day_or_year) <= 2099 and 0 < int(middle) <= 12 and len(last) <= 2
    if len(last) == 4:
        return 1900 <= int(last) <= 2099 and 0 < len(day_or_year) <= 2
    return False


def _is_short_date(parts: list[str], seps: list[str]) -> bool:
    """``15.01.24`` or ``15/01/24`` standing alone."""
    return (
        len(set(seps)) == 1
        and seps[0] in {".", "/"}
        and all(len(p) == 2 for p in parts)
        and 1 <= int(parts[0]) <= 31
        and 1 <= int(parts[1]) <= 12
    )


def _is_compact_date(digits: str) -> bool:
    """``20240115``: order and tracking numbers often start with one."""
    return (
        len(digits) == 8
        and digits[:2] in {"19", "20"}
        and 1 <= int(digits[4:6]) <= 12
        and 1 <= int(digits[6:]) <= 31
    )


def _other_shape(parts: list[str], seps: list[str], international: bool) -> bool:
    """Dates, IP addresses, thousands-grouped amounts and card-like blocks are not phones."""
    for k in range(len(parts) - 2):
        if seps[k] == seps[k + 1] and _is_date(parts[k], parts[k + 1], parts[k + 2], seps[k]):
            return True
    if len(parts) == 3 and _is_short_date(parts, seps):
        return True
    for k in range(len(parts) - 3):
        quad = parts[k : k + 4]
        if set(seps[k : k + 3]) == {"."} and all(len(p) <= 3 and int(p) <= 255 for p in quad):
            return True
    if international:
        return False
    if len(parts) == 1:
        return _is_compact_date(parts[0])
    thousands = len(parts) >= 3 and len(set(seps)) == 1 and seps[0] in {".", " ", "\u00a0"}
    return (
        thousands
        and not parts[0].startswith("0")
        and len(parts[0]) <= 3
        and all(len(p) == 3 for p in parts[1:])
    )


#: Vietnam's eleven-digit mobiles, renumbered to ten digits in 2018 (old prefix -> new):
#: Viettel 016x -> 03x, MobiFone 0120/1/2/6/8 -> 070/079/077/076/078, VinaPhone
#: 0123/4/5/7/9 -> 083/084/085/081/082, Vietnamobile 0186/8 -> 056/058, Gmobile 0199 -> 059.
#: Old scam messages and reports still carry them; the same line answers on the new number.
VN_RENUMBERED = {
    **{f"16{d}": f"3{d}" for d in "23456789"},
    **{"120": "70", "121": "79", "122": "77", "126": "76", "128": "78"},
    **{"123": "83", "124": "84", "125": "85", "127": "81", "129": "82"},
    **{"186": "56", "188": "58", "199": "59"},
}


def vn_renumbered(digits: str) -> str:
    """``01203456789`` -> ``0703456789`` (also after ``84``); any other digits unchanged."""
    for prefix in ("0", "84", "0084"):
        nsn = digits[len(prefix) :]
        if digits.startswith(prefix) and len(nsn) == 10 and nsn[:3] in VN_RENUMBERED:
            return prefix + VN_RENUMBERED[nsn[:3]] + nsn[3:]
    return digits


@lru_cache(maxsize=65536)
def _e164(digits: str, international: bool, region: str | None) -> str | None:
    """The E.164 form of a candidate's digits, or None when it is not a valid number."""
    if region == "VN" or (international and digits.startswith("84")):
        digits = vn_renumbered(digits)
    if international or (digits.startswith("00") and not digits.startswith("000")):
        found = _international(digits if international else digits[2:])
        if found or international:
            return found
    if not region:
        return None
    try:
        number = phonenumbers.parse(digits, region)
    except NumberParseException:
        return None
    if phonenumbers.is_valid_number(number) and _written_as_at_home(digits, number, region):
        return _format(number)
    return None


def _international(digits: str) -> str | None:
    """Digits after ``+``: built directly (parse costs three times more), parse as fallback.

    Country codes are prefix-free, so the first known one is the one.
    """
    for length in (1, 2, 3):
        code = int(digits[:length])
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            nsn = digits[length:]
            number = phonenumbers.PhoneNumber(country_code=code, national_number=int(nsn or "0"))
            if nsn.startswith("0") and len(nsn) > 1:
                number.italian_leading_zero = True
                number.number_of_leading_zeros = len(nsn) - len(nsn.lstrip("0"))
            if phonenumbers.is_valid_number(number):
                return _format(number)
            break
    try:
        number = phonenumbers.parse("+" + digits, None)
    except NumberParseException:
        return None
    return _format(number) if phonenumbers.is_valid_number(number) else None


def _format(number: phonenumbers.PhoneNumber) -> str:
    return str(phonenumbers.format_number(number, PhoneNumberFormat.E164))


_BARE_IS_NATIONAL: dict[tuple[str, str, int], bool] = {}


def _written_as_at_home(digits: str, number: phonenumbers.PhoneNumber, region: str) -> bool:
    """A local number counts only as people write it there: ``012 345 678``, not ``12345678``.

    Without this, every bare 8-digit number in a Cambodian report would be a phone.
    """
    nsn = phonenumbers.national_significant_number(number)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    prefix = (metadata.national_prefix if metadata else None) or ""
    if (prefix and digits == prefix + nsn) or digits == str(number.country_code) + nsn:
        return True
    if digits == nsn:  # fine where numbers are written bare (Chinese mobiles, US)
        key = (region, nsn[:4], len(nsn))
        if key not in _BARE_IS_NATIONAL:
            _BARE_IS_NATIONAL[key] = _national_digits(number) == nsn
        return _BARE_IS_NATIONAL[key]
    return digits == _national_digits(number)


def _national_digits(number: phonenumbers.PhoneNumber) -> str:
    return re.sub(r"\D", "", phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))


def _card_like(parts: Sequence[str]) -> bool:
    """Four or more blocks of four digits: a card, an IBAN or a tracking number."""
    return len(parts) >= 4 and all(len(p) == 4 for p in parts)


class _Windows:
    """Tries the windows of consecutive groups of one candidate, longest first."""

    def __init__(self, candidate: _Candidate, region: str | None) -> None:
        self.c = candidate
        self.region = region
        folded, groups = candidate.folded, candidate.groups
        self.parts = tuple(folded[s:e].replace(" ", "") for s, e in groups)
        self.seps = tuple(folded[groups[k][1] : groups[k + 1][0]] for k in range(len(groups) - 1))
        prefix = folded[candidate.start : groups[0][0]]
        self.international = "+" in prefix

    def matches(self, text: FoldedText) -> Iterator[Match]:
        c = self.c
        found = _numbers_in(
            self.parts, self.seps, self.international, c.glued_left, c.glued_right, self.region
        )
        # costly, so only once a number validates
        if found and not _labelled_not_phone(c.folded, c.start):
            for i, j, value in found:
                yield self._match(text, i, j, value)

    def _match(self, text: FoldedText, i: int, j: int, value: str) -> Match:
        folded = self.c.folded
        start = self.c.start if i == 0 else self.c.groups[i][0]
        end = self.c.groups[j][1]
        if folded[start] == "(" and ")" not in folded[start:end]:
            start += 1
        return Match("phone", value, text.raw(start, end), start, end)


@lru_cache(maxsize=65536)
def _numbers_in(
    parts: tuple[str, ...],
    seps: tuple[str, ...],
    international: bool,
    glued_left: bool,
    glued_right: bool,
    region: str | None,
) -> tuple[tuple[int, int, str], ...]:
    """The phones in a run of digit groups: (first group, last group, E.164), left to right.

    Cached on the run as written: the same numbers recur across reports.
    """
    if _card_like(parts):
        return ()
    found: list[tuple[int, int, str]] = []
    i, count = 0, len(parts)
    while i < count:
        window = _longest_from(parts, seps, international, glued_left, glued_right, region, i)
        if window is None:
            i += 1
            continue
        found.append((i, *window))
        i = window[0] + 1
    return tuple(found)


def _longest_from(
    parts: tuple[str, ...],
    seps: tuple[str, ...],
    international: bool,
    glued_left: bool,
    glued_right: bool,
    region: str | None,
    i: int,
) -> tuple[int, str] | None:
    if (i == 0 and glued_left) or (i > 0 and not _splits(parts, seps, i - 1)):
        return None
    last = len(parts) - 1
    for j in range(min(last, i + _MAX_WINDOW_GROUPS - 1), i - 1, -1):
        if (j == last and glued_right) or (j < last and not _splits(parts, seps, j)):
            continue
        digits = "".join(parts[i : j + 1])
        if len(digits) < _MIN_DIGITS:
            return None
        plus = international and i == 0
        if len(digits) > _MAX_DIGITS + (0 if plus else 2):
            continue
        if _other_shape(list(parts[i : j + 1]), list(seps[i:j]), plus):
            continue
        value = _e164(digits, plus, region)
        if value:
            return j, value
    return None


def _splits(parts: tuple[str, ...], seps: tuple[str, ...], k: int) -> bool:
    """Whether one number may end after group ``k`` and another start: a space, or a ``/``
    between two whole numbers (``081316523061/087822962308``).
    """
    if " " in seps[k]:
        return True
    return seps[k] == "/" and len(parts[k]) >= _MIN_DIGITS and len(parts[k + 1]) >= _MIN_DIGITS


#: ``缅号09693127685``, ``泰国电话：0812345678``: a Chinese advert names the country of a
#: local number written right after it (the compounds' own numbers, not the reader's)
_COUNTRY_NAMES = {
    "缅甸": "MM", "缅": "MM", "泰国": "TH", "泰": "TH", "柬埔寨": "KH", "柬": "KH",
    "越南": "VN", "老挝": "LA", "菲律宾": "PH", "菲": "PH", "马来西亚": "MY", "马来": "MY",
    "大马": "MY", "印尼": "ID",
}  # fmt: skip
_NAMED_COUNTRY = re.compile(
    "(" + "|".join(sorted(_COUNTRY_NAMES, key=len, reverse=True)) + ")"
    r"(?:号码|号|手机号码?|电话号码?|手机|电话)[ \t:]{0,3}$"
    "|(?:" + "|".join(_COUNTRY_NAMES) + ")(?:号|手机|电话)"
)


def _named_region(folded: str, start: int) -> str | None:
    """The country a label right before the number names (``缅号``), if any."""
    found = _NAMED_COUNTRY.search(folded[max(0, start - 10) : start])
    return _COUNTRY_NAMES[found.group(1)] if found and found.group(1) else None


@register
class Phone(IdentifierKind):
    """A phone number; local formats need the region of the report or its language."""

    name = "phone"
    priority = 40

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        first = _CANDIDATE.search(text.folded)  # no run of digits, no generator
        if first is None:
            glued = _call_glued(text.folded) if _CALL_GLUED.search(text.folded) else ()
            return [m for c in glued for m in _Windows(c, context.region).matches(text)]
        return self._phones(text, context.region, first.start())

    def _phones(self, text: FoldedText, region: str | None, first: int) -> Iterator[Match]:
        named = _NAMED_COUNTRY.search(text.folded) is not None
        for candidate in _candidates(text.folded, first):
            local = _named_region(text.folded, candidate.start) if named else None
            yield from _Windows(candidate, local or region).matches(text)
        for candidate in _call_glued(text.folded):
            yield from _Windows(candidate, region).matches(text)

    def normalise(self, raw: str, context: Context) -> Match | None:
        """A phone given in a field: trusted to be one, so a bare national number is accepted."""
        folded = FoldedText.of(raw).folded.strip()
        digits = re.sub(r"\D", "", folded)
        if not digits:
            return None
        international = folded.startswith("+") or (
            digits.startswith("00") and not digits.startswith("000")
        )
        if context.region == "VN" or (international and digits.removeprefix("00")[:2] == "84"):
            digits = vn_renumbered(digits)
        try:
            number = phonenumbers.parse(
                "+" + digits.removeprefix("00") if international else digits,
                None if international else context.region,
            )
        except NumberParseException:
            return Match("phone", digits, raw, valid=False)
        if not phonenumbers.is_valid_number(number):
            return Match("phone", digits, raw, valid=False)
        return Match("phone", phonenumbers.format_number(number, PhoneNumberFormat.E164), raw)
