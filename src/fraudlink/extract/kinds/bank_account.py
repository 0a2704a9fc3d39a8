"""Local (non-IBAN) bank account numbers, found only where the text says so.

Mule accounts in Asia are plain digit strings (``6222 0212 3456 7890 123``,
``123-456-789012``) that look like any other number, so a digit run becomes
an account only after a label in some language (``account``, ``账号``,
``계좌``, ``tài khoản``, ``គណនី``, ``เลขบัญชี``...) or right after a bank's
name. The bank named nearby gives the value a prefix (``VCB:0123456789``), so
the same digits at two banks never merge.

A labelled number that is a Luhn-valid card is left to ``payment_card``:
shown here it would print a card number in full.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import ahocorasick
import phonenumbers

from fraudlink.extract.base import Context, IdentifierKind, Match, register
from fraudlink.extract.kinds.payment_card import PaymentCard, card_grouped, is_card
from fraudlink.extract.text import FoldedText, fold, lower_keep_length

#: short bank code -> the ways people write the bank's name, in several scripts
BANKS: dict[str, tuple[str, ...]] = {
    "ICBC": ("中国工商银行", "中國工商銀行", "工商银行", "工商銀行", "工行", "ICBC"),
    "CCB": ("中国建设银行", "中國建設銀行", "建设银行", "建設銀行", "建行", "CCB"),
    "ABC": ("中国农业银行", "中國農業銀行", "农业银行", "農業銀行", "农行"),
    "BOC": ("中国银行", "中國銀行", "Bank of China", "BOC"),
    "BOCOM": ("交通银行", "交通銀行", "交行", "BOCOM"),
    "CMB": ("招商银行", "招商銀行", "招行", "CMB"),
    "PSBC": ("中国邮政储蓄银行", "邮储银行", "邮政储蓄", "郵政儲蓄", "PSBC"),
    "CITIC": ("中信银行", "中信銀行", "CITIC"),
    "CMBC": ("民生银行", "民生銀行"),
    "CIB": ("兴业银行", "興業銀行"),
    "SPDB": ("浦发银行", "浦發銀行", "SPDB"),
    "PAB": ("平安银行", "平安銀行"),
    "CTBC": ("中国信托", "中國信託", "CTBC"),
    "CATHAY": ("國泰世華銀行", "國泰世華", "国泰世华", "Cathay United"),
    "BOT": ("臺灣銀行", "台灣銀行", "台湾银行", "Bank of Taiwan"),
    "HANGSENG": ("恒生銀行", "恒生银行", "Hang Seng"),
    "HSBC": ("汇丰银行", "滙豐銀行", "匯豐銀行", "HSBC"),
    "KBSTAR": ("KB국민은행", "국민은행", "Kookmin", "KB"),
    "SHINHAN": ("신한은행", "Shinhan"),
    "WOORI": ("우리은행", "Woori Bank"),
    "HANA": ("하나은행", "Hana Bank"),
    "NH": ("NH농협", "농협은행", "농협", "NH"),
    "IBK": ("IBK기업은행", "기업은행", "IBK"),
    "KAKAOBANK": ("카카오뱅크", "KakaoBank", "Kakao Bank"),
    "TOSSBANK": ("토스뱅크", "Toss Bank"),
    "VCB": ("Vietcombank", "Ngoại thương", "VCB"),
    "TCB": ("Techcombank", "TCB"),
    "BIDV": ("BIDV",),
    "VIETINBANK": ("VietinBank", "Công Thương", "CTG"),
    "AGRIBANK": ("Agribank",),
    "MBBANK": ("MB Bank", "MBBank", "Quân đội"),
    "ACB": ("ACB", "Á Châu"),
    "SACOMBANK": ("Sacombank", "STB"),
    "VPBANK": ("VPBank",),
    "TPBANK": ("TPBank",),
    "ABA": ("ABA Bank", "Advanced Bank of Asia", "ABA"),
    "ACLEDA": ("ACLEDA", "អេស៊ីលីដា"),
    "WING": ("Wing Bank", "Wing"),
    "CANADIA": ("Canadia Bank", "Canadia"),
    "PRINCE": ("Prince Bank",),
    "KBANK": ("ธนาคารกสิกรไทย", "กสิกรไทย", "กสิกร", "Kasikornbank", "Kasikorn", "KBank"),
    "SCB": ("ไทยพาณิชย์", "Siam Commercial", "SCB"),
    "BBL": ("ธนาคารกรุงเทพ", "Bangkok Bank", "BBL"),
    "KTB": ("กรุงไทย", "Krungthai", "Krung Thai", "KTB"),
    "BAY": ("กรุงศรี", "Krungsri"),
    "TTB": ("ทหารไทยธนชาต", "ttb"),
    "GSB": ("ออมสิน", "GSB"),
    "MAYBANK": ("Maybank", "Malayan Banking"),
    "CIMB": ("CIMB",),
    "PBB": ("Public Bank",),
    "RHB": ("RHB",),
    "BCA": ("Bank Central Asia", "BCA"),
    "MANDIRI": ("Mandiri",),
    "BRI": ("Bank Rakyat Indonesia", "BRI"),
    "BNI": ("Bank Negara Indonesia", "BNI"),
    "BDO": ("BDO",),
    "METROBANK": ("Metrobank", "Metropolitan Bank"),
    "BPI": ("BPI",),
    "KBZ": ("KBZ",),
    "AYA": ("AYA Bank",),
    "BCEL": ("BCEL",),
    "DBS": ("DBS",),
    "OCBC": ("OCBC",),
    "UOB": ("UOB",),
    "MUFG": ("三菱UFJ", "MUFG"),
    "MIZUHO": ("みずほ銀行", "Mizuho"),
    "SMBC": ("三井住友銀行", "SMBC"),
    "JPBANK": ("ゆうちょ銀行", "ゆうちょ"),
    "CHASE": ("JPMorgan Chase", "Chase Bank", "Chase"),
    "BOFA": ("Bank of America", "BofA"),
    "WELLSFARGO": ("Wells Fargo",),
    "CBA": ("Commonwealth Bank", "CommBank"),
    "WESTPAC": ("Westpac",),
    "ANZ": ("ANZ",),
    "BARCLAYS": ("Barclays",),
}

#: words that say "the next number is a bank account", longest first per language
LABELS: tuple[str, ...] = (
    "bank account number", "bank account", "account number", "account no", "account",
    "acct", "a/c", "acc no", "số tài khoản", "tài khoản", "stk", "nomor rekening",
    "no rekening", "no. rekening", "rekening", "rekeningnya", "norek", "rek", "no. akaun",
    "nombor akaun", "akaun",
    "银行账户", "銀行帳戶", "收款账号", "收款帳號", "银行账号", "銀行帳號", "账号", "帳號", "账户",
    "帳戶", "卡号", "卡號", "계좌번호", "계좌", "통장", "លេខគណនី", "គណនី", "เลขที่บัญชี",
    "เลขบัญชี", "บัญชี", "口座番号", "口座",
)  # fmt: skip

#: a label right after one of these names another platform's account, not a bank's
_NOT_BANK = re.compile(
    r"(?<![A-Za-z])(?:QQ|微信|微信号|WeChat|支付宝|支付寶|Alipay|Telegram|Line|LINE|Kakao|카카오톡|Zalo|"
    r"Facebook|Gmail|email|Skype|WhatsApp|TikTok|Instagram|Binance|OKX|Huobi|Bybit|Coinbase|"
    r"UID)\s*$",
    re.IGNORECASE,
)

_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_LATIN_RE = re.compile(rf"[{_LATIN}]")
_GLUE = "0-9" + _LATIN
# 6 to 20 digits, grouped by single spaces or dashes; not a phone ("+"), not an amount
# a number that goes on in ``x`` or ``*`` is masked (``4413-0100-0226-XXX``): not an account
_DIGITS_BODY = rf"\d(?:[ .-]?\d){{5,19}}(?![{_GLUE}])(?![.,]\d)(?![ .-]?[\dxX*×])"
_DIGITS = rf"(?<![{_GLUE}+]){_DIGITS_BODY}"
_SIX_DIGITS = re.compile(r"\d(?:[ .-]?\d){5}")  # how ``_DIGITS_BODY`` starts
# a full stop ends the clause unless a number or a bracket follows (``No. 123 a.n. (BCA)``)
_STOP = r"\.(?![ \t]*$|\s+[^\d(（])"
_AFTER_LABEL = re.compile(rf"(?:[^\d\n。！？!?；;។៕៖.]|{_STOP}){{0,24}}?(?P<digits>{_DIGITS})")
# a bank's bare name (with a qualifier: ``中國銀行(香港)``) takes a number in the same
# clause, even glued to it (``Maybank628479431552``)
_AFTER_BANK = re.compile(
    r"(?:[ \t]?[(（][^()（）\d\n]{1,12}[)）]|[ \t][Bb]ank(?![A-Za-z]))?"
    rf"(?:(?=\d)|(?:[^\d\n,，、。；;()（）.]|{_STOP}){{0,12}}?(?<![{_GLUE}+]))"
    rf"(?P<digits>{_DIGITS_BODY})"
)
# ``paid into 123 at Maybank``, ``123 a.n. (BCA)``: the bank named right after the digits
_BEFORE_BANK = re.compile(
    rf"(?P<digits>{_DIGITS})(?:[^\d\n。！？!?；;។៕៖,，、:：.]|{_STOP}){{1,12}}$"
)
_DATE_RE = re.compile(r"\d{4}[ .-]\d{1,2}[ .-]\d{1,2}|\d{1,2}[ .-]\d{1,2}[ .-]\d{4}")
#: ``1.500.000``: a sum in thousands, not an account (``2731.7942.96`` is one)
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+\.\d{1,2}")  # or ``1234567.50``
_NON_DIGIT = re.compile(r"\D")
_OWN_FORM = re.compile(r"([A-Z]+):\d{6,20}")
_BANK_CODE = {fold(n).casefold(): code for code, names in BANKS.items() for n in names}
#: names of five characters or fewer (``KB``, ``ABA``, ``Wing``) count only as written
_SHORT = 5


class _Term(NamedTuple):
    word: str  # as listed, folded
    code: str | None  # bank code, or None for a label
    exact_case: bool  # a short bank name (``BCA``) counts only as written
    latin_first: bool  # must not follow a Latin letter
    latin_last: bool  # must not precede one


def _term(word: str, code: str | None) -> _Term:
    """A term with its checks worked out once, not at every hit."""
    return _Term(
        word,
        code,
        code is not None and len(word) <= _SHORT,
        _LATIN_RE.match(word) is not None,
        _LATIN_RE.match(word[-1]) is not None,
    )


class _Hit(NamedTuple):
    start: int
    end: int
    code: str | None


def _automaton() -> ahocorasick.Automaton:
    """One pass finds every label and bank name; Aho-Corasick keeps this linear in the text."""
    automaton = ahocorasick.Automaton()
    terms: list[tuple[str, str | None]] = [(label, None) for label in LABELS]
    terms += [(name, code) for code, names in BANKS.items() for name in names]
    for word, code in terms:
        folded = fold(word)
        automaton.add_word(_lower(folded), _term(folded, code))
    automaton.make_automaton()
    return automaton


def _lower(text: str) -> str:
    return lower_keep_length(text)


_TERMS = _automaton()


def _hits(folded: str) -> list[_Hit]:
    """Labels and bank names, each standing alone (no Latin letter glued on either side)."""
    hits = []
    for last, term in _TERMS.iter(_lower(folded)):
        start, end = last + 1 - len(term.word), last + 1
        if term.exact_case and folded[start:end] != term.word:
            continue
        if term.latin_first and start > 0 and _LATIN_RE.match(folded[start - 1]):
            continue
        if term.latin_last and _LATIN_RE.match(folded, end):
            continue
        hits.append(_Hit(start, end, term.code))
    hits.sort()
    return hits


def bank_code(name: str) -> str | None:
    """The short code of a bank written as ``name`` (any script or case), or None.

    A name not listed as such is read by the longest bank name inside it
    (``HSBC Hong Kong`` is HSBC, ``ธนาคารกรุงไทย`` is Krungthai).
    """
    folded = fold(name)
    exact = _BANK_CODE.get(folded.casefold())
    if exact is not None:
        return exact
    inside = [hit for hit in _hits(folded) if hit.code is not None]
    return max(inside, key=lambda hit: hit.end - hit.start).code if inside else None


def _nearest_bank(folded: str, banks: list[_Hit], label: _Hit, start: int, end: int) -> _Hit | None:
    """A bank named between label and digits, else just before the label, else just after."""
    between = [b for b in banks if label.start < b.end and b.end <= start]
    before = [
        b for b in banks if label.start - 30 <= b.start and b.end <= label.start
        and "\n" not in folded[b.end : label.start]
    ]  # fmt: skip
    after = [b for b in banks if end <= b.start <= end + 30 and "\n" not in folded[end : b.start]]
    for found in (between, before, after[:1]):
        if found:
            return found[-1]
    return None


def _trim(folded: str, start: int, end: int) -> int:
    """End of the account when a compact number is followed by another one after a space."""
    first_space = folded.find(" ", start, end)
    if first_space > 0 and sum(c.isdigit() for c in folded[start:first_space]) >= 8:
        return first_space
    return end


def _account(
    folded: str, label: _Hit, span: tuple[int, int], banks: list[_Hit]
) -> tuple[Match, int] | None:
    """The account and where the next one may start looking for its bank."""
    start, end = span[0], _trim(folded, *span)
    digits = _NON_DIGIT.sub("", folded[start:end])
    bare = label.code is not None
    # a bank's bare name before the digits needs a long number; right after them, any
    short = len(digits) < (6 if end <= label.start else 8)
    written = folded[start:end]
    if is_card(digits) and card_grouped(written):
        return None
    if _DATE_RE.fullmatch(written) or _THOUSANDS.fullmatch(written) or (bare and short):
        return None
    if _NOT_BANK.search(folded, max(0, label.start - 12), label.start):
        return None
    if bare and end <= label.start:  # ``123 at Maybank``: that bank
        named: _Hit | None = label
    else:
        named = _nearest_bank(folded, banks, label, start, end)
    bank = named.code if named else None
    match = Match(
        kind="bank_account",
        value=f"{bank}:{digits}" if bank else digits,
        raw="",
        start=start,
        end=end,
        attributes={"bank": bank} if bank else {},
    )
    return match, max(end, named.end if named else end)


def _any_start(starts: list[int], low: int, high: int) -> bool:
    """Whether some hit of the sorted ``starts`` begins in ``[low, high)``."""
    first = bisect_left(starts, low)
    return first < len(starts) and starts[first] < high


_WORD = re.compile(rf"[{_LATIN}]{{3,}}")
_INTRODUCED = re.compile(r"[:：=]")
#: words that may stand between a label and its number (``account number``, ``no rek BCA``)
_NUMBER_WORDS = frozenset({"no", "nomor", "number", "num", "nombor", "bank", "the", "is", "ini"})


def _loose_phone(folded: str, label: _Hit, span: tuple[int, int], region: str | None) -> bool:
    """A phone number the label does not introduce: other words stand between them
    (``Account Statement for 07742676969``), and the digits make a valid phone.
    """
    if label.code is not None or label.end > span[0]:
        return False
    if _INTRODUCED.search(folded, label.end, span[0]):
        return False  # ``Account details: Westpac, 466558323``: the label introduces it
    words = [
        w for w in _WORD.findall(folded, label.end, span[0])
        if w.casefold() not in _NUMBER_WORDS and w.casefold() not in _BANK_CODE
    ]  # fmt: skip
    if not words:
        return False
    try:
        number = phonenumbers.parse(folded[span[0] : span[1]], region or "ZZ")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def _spans(
    folded: str, hits: list[_Hit], banks: list[_Hit]
) -> Iterator[tuple[_Hit, tuple[int, int]]]:
    """Each label or bank name with the digits it introduces, in order of the digits.

    Three shapes: digits after a label (``account: 123``), after a label and a
    bank (``Account details: Chase, 123``), and after or just before a bank's
    name (``Maybank 123``, ``paid into 123 at Maybank``).
    """
    found = []
    hit_starts = [hit.start for hit in hits]  # hits and banks come sorted: looked up by bisection
    bank_starts = [bank.start for bank in banks]
    for hit in hits:
        after = (_AFTER_BANK if hit.code else _AFTER_LABEL).match(folded, hit.end)
        if after is None and hit.code is None:
            first = bisect_left(bank_starts, hit.end)
            bank = banks[first] if first < len(banks) else None
            ok = bank is not None and bank.start <= hit.end + 24
            after = _AFTER_LABEL.match(folded, bank.end) if bank and ok else None
        if after is not None:
            found.append((hit, after.span("digits")))
        if hit.code is not None:
            before = _BEFORE_BANK.search(folded, max(0, hit.start - 48), hit.start)
            if before is not None and not _any_start(hit_starts, before.end("digits"), hit.start):
                # ``123。គណនី ABA`` : the label between introduces what follows it
                found.append((hit, before.span("digits")))
    found.sort(key=lambda item: item[1])
    return iter(found)


@register
class BankAccount(IdentifierKind):
    """Labelled local account numbers; ``BANKCODE:digits`` when a bank is named nearby."""

    name = "bank_account"
    priority = 70

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        folded = text.folded
        if _SIX_DIGITS.search(folded) is None:
            return ()  # every account shape starts with six digits: without them, no label search
        hits = _hits(folded)
        return self._accounts(text, hits, context.region) if hits else ()

    def _accounts(self, text: FoldedText, hits: list[_Hit], region: str | None) -> Iterator[Match]:
        folded = text.folded
        banks = [hit for hit in hits if hit.code is not None]
        starts = [bank.start for bank in banks]
        seen: set[int] = set()
        floor = 0
        for hit, span in _spans(folded, hits, banks):
            if span[0] in seen:
                continue
            # a bank named with an earlier account belongs to that account
            low = max(span[0] - 90, floor)
            nearby = banks[bisect_left(starts, low) : bisect_right(starts, span[1] + 40)]
            found = _account(folded, hit, span, nearby)
            if found is not None and _loose_phone(folded, hit, span, region):
                continue
            if found is not None and _placeholder(found[0].value):
                continue  # ``บัญชี 999999999``, ``111-1111-1111``: a number shown as an example
            if found is not None:
                seen.add(span[0])
                floor = found[1]
                yield _with_raw(found[0], text)

    def normalise(self, raw: str, context: Context) -> Match | None:
        folded = fold(raw)
        runs = re.findall(r"\d(?:[ -]?\d)*", folded)
        digits = re.sub(r"\D", "", runs[0]) if len(runs) == 1 else ""
        if not 6 <= len(digits) <= 20:
            return None
        if is_card(digits):
            return PaymentCard().normalise(digits, context)
        own = _OWN_FORM.fullmatch(folded.strip())  # our normal form given back: ``KBANK:123``
        if own is not None and own.group(1) in BANKS:
            bank: str | None = own.group(1)
        else:
            named = [hit.code for hit in _hits(folded) if hit.code is not None]
            bank = named[0] if named else None
        return Match(
            kind="bank_account",
            value=f"{bank}:{digits}" if bank else digits,
            raw=raw,
            attributes={"bank": bank} if bank else {},
        )


def _placeholder(value: str) -> bool:
    """An account number of one digit repeated stands for any account, not one."""
    digits = re.sub(r"\D", "", value)
    return len(set(digits)) == 1


def _with_raw(match: Match, text: FoldedText) -> Match:
    assert match.start is not None and match.end is not None
    return Match(
        kind=match.kind,
        value=match.value,
        raw=text.raw(match.start, match.end),
        start=match.start,
        end=match.end,
        attributes=match.attributes,
    )
