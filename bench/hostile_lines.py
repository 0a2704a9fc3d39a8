"""Hostile report lines: every separator and hint of every kind, alone and repeated.

Shared by ``bench/hostile.py`` and ``tests/extract/test_properties.py`` (which
loads this file by its path). Each line is a short *unit* repeated to about the
length asked for, after an optional *head*: a quadratic scan shows up as work
growing with the square of the length, whatever the unit finds.
Standard library only, so the test can load it without the benchmark's extras.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

#: separators and punctuation of every kind, in ASCII, full width and CJK
SEPARATORS = (
    *"@.:/-+_~=?&%#,;'\"()[]{}<>*!|\\\n\t ",
    *"＠．：／－＋，。、·・…﹒＃＿",
    "[.]", "(.)", "{.}", "[dot]", " dot ", "[at]", "(at)", "[@]", "://", "[://]", "//",
)  # fmt: skip
#: digits of several scripts and numeral words
DIGITS = (
    "1", "0", "9", "12", "123456", "1 ", "1-", "1.", "1,", "00", "+855", "(012)",
    "１", "៣", "๓", "٣", "一", "万", "億", "억", "천", "1k", "1.000", "1,000", "1 000",
)  # fmt: skip
#: what tells each kind to look: messenger hints and links, bank labels and names,
#: currency marks, legal forms, person labels, wallet and card prefixes
HINTS = (
    "0x", "0X", "T", "TR", "bc1", "1Bv", "3J", "L", "M", "r", "addr1", "USDT", "TRC20",
    "t.me/", "t[.]me/", "telegram.me/", "tg://resolve?domain=", "wa.me/",
    "api.whatsapp.com/send?phone=",
    "line.me/ti/p/~", "lin.ee/", "open.kakao.com/o/", "signal.me/#p/", "weixin://dl/chat?",
    "微信", "微信号：", "vx", "wx", "LINE", "LINE ID: ", "line:", "賴", "ไลน์", "WA", "Wa", "tg",
    "tele", "电报", "飞机", "텔레", "kakao", "카톡", "signal: ", "whatsapp ", "whats app",
    "ABA", "ABA Bank ", "account ", "account no ", "a/c", "账号", "账号：", "계좌", "บัญชี",
    "គណនី", "tài khoản", "rekening", "Maybank", "中国银行", "Wing", "KB",
    "$", "US$", "¥", "€", "£", "₫", "៛", "฿", "₩", "₱", "RMB", "USD", "元", "块钱", "원",
    "triệu", "million", "ដុល្លារ", "บาท", "dollars",
    "hxxp://", "https://", "http://", "www.", ".com", "xn--", "mailto:", "a@b", "a.b", "@a.",
    "Co., Ltd.", "Ltd", "Ltd1", "Inc", "Group", "有限公司", "集团", "公司：", "company: ",
    "Công ty ", "PT ", "บริษัท", "ក្រុមហ៊ុន", "株式会社", "주식회사", "Sdn Bhd",
    "嫌疑人", "嫌疑人：", "suspect: ", "suspect name is ", "용의자", "ជនសង្ស័យ", "ผู้ต้องสงสัย",
    "đối tượng", "Mr ", "Chen ", "陈志", "IBAN", "GB82", "GB82 WEST", "4111", "4111 1111",
    "order", "tel:", "2024-03-15", "12:34", "192.168.1.1", "ธนาคาร", "ធនាគារ",
)  # fmt: skip
#: each atom is repeated alone and followed by a digit (what most kinds look for next)
FORMS = ("{}", "{}1")
#: realistic units: a whole find, or a label with its value, repeated
COMPOUNDS = (
    "123456 ABA ", "ABA 123456 ", "account 123456 ABA ", "@abcde ", "a@b.c ", "x[at]apex[.]com ",
    "https://a.com/)", "apex.com.Next ", "a.bA", "a[.]bA", "Ltd1A", "a1A", "[.]1", "$1", "元1",
    "1万元", "2.3万元 ",
    "company: Apex Ltd, ", "公司：Apex Co., Ltd. ", "suspect: Chen Zhi, ", "+855 12 345 678 ",
    "010-1234-5678 ", "微信号：lucky8888，", "LINE ID: rich_bella88 ", "t.me/apex_88 ",
    "wa.me/85512345678 ", "0x52908400098527886E0F7030069857D2E4169EE7 ", "4111 1111 1111 1111 ",
    "GB82 WEST 1234 5698 7654 32 ", "账号：6222 0212 3456 7890 123 ", "US$12 million ",
    "1억 2천만 원 ", "50 triệu đồng ", "៥០០ ដុល្លារ ", "hxxps://apex-invest[.]com/x?a=1 ",
)  # fmt: skip
#: pieces of scam reports; a narrative is a seeded shuffle of them
_SENTENCES = (
    "The suspect, Chen Zhi of Apex Holdings Co., Ltd., told me to add WeChat lucky8888. ",
    "我通过微信号：lucky8888 联系，转账2.3万元到账号：6222 0212 3456 7890 123（中国银行）。",
    "그 사람은 카톡 apex88 으로 연락했고 1억 2천만 원을 보냈습니다. 010-1234-5678 ",
    "Tôi đã chuyển 50 triệu đồng vào tài khoản 0123456789 Vietcombank theo lời "
    "đối tượng Nguyễn Văn An. ",
    "ខ្ញុំបានផ្ញើ ៥០០ ដុល្លារ ទៅគណនី ABA 012 345 678 តាម Telegram @apex_team ។ ",
    "โอนเงิน 30,000 บาท เข้าบัญชี ธนาคารกสิกรไทย 123-4-56789-0 ไลน์ rich_bella88 ",
    "Deposit USDT (TRC20) to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t or "
    "0x52908400098527886E0F7030069857D2E4169EE7. ",
    "Site: hxxps://apex-invest[.]com/login?ref=88, mail support[at]apex-invest[.]com, "
    "wa.me/85512345678. ",
    "Card 4111 1111 1111 1111 was charged US$12 million; IBAN GB82 WEST 1234 5698 7654 32. ",
    "Call +855 12 345 678 or t.me/apex_88 on 2024-03-15 at 12:34 from 192.168.1.1. ",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Hostile:
    """A line made of ``unit`` over and over after ``head``."""

    name: str
    unit: str
    head: str = ""

    def line(self, length: int, variant: int = 0) -> str:
        """About ``length`` characters of whole units; each ``variant`` adds one more unit,
        so no cache of a value already seen answers for it and the end stays the same."""
        return self.head + self.unit * (max(1, length // len(self.unit)) + variant)


@dataclass(frozen=True, slots=True)
class Narrative:
    """A long report in several languages; each variant is another shuffle of the sentences."""

    name: str = "narrative"

    def line(self, length: int, variant: int = 0) -> str:
        rng = random.Random(variant)
        parts: list[str] = []
        size = 0
        while size < length:
            sentence = rng.choice(_SENTENCES)
            parts.append(sentence)
            size += len(sentence)
        return "".join(parts)


def atoms() -> list[str]:
    """Every unit to repeat: each atom in each form, then the compounds, without repeats."""
    units = [form.format(atom) for atom in (*SEPARATORS, *DIGITS, *HINTS) for form in FORMS]
    return list(dict.fromkeys([*units, *COMPOUNDS]))


def hostile() -> list[Hostile | Narrative]:
    """Every hostile line, each with a short readable name."""
    found: list[Hostile | Narrative] = [Hostile(repr(unit), unit) for unit in atoms()]
    found += [
        Narrative(),
        Hostile("https://a.com/ + ')'*", ")", head="https://a.com/"),
        Hostile("suspect: + 'A'*", "A", head="suspect: "),
        Hostile("x@ + 'a.'*", "a.", head="x@"),
    ]
    return found
