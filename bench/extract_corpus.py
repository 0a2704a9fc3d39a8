"""A labelled multilingual corpus for ``bench/extract.py``, built from templates.

Used until ``fraudlink.generate`` offers per-report planted identifiers. Each
document is a short narrative in one language with identifiers written the way
victims write them (local and international phone formats, native and
full-width digits, defanged links, identifiers glued to particles) and with
distractors that must yield nothing (dates, order numbers, amounts, IPs,
version strings). ``truth`` lists the planted (kind, normal form) pairs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from random import Random

import base58
import bech32
import phonenumbers
from Crypto.Hash import keccak
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from schwifty import IBAN

LANGUAGES = {
    "zh": ("CN", "我被骗了。对方电话{phone}，微信同号。{distractor}。转账到{wallet}，网站{url}。"),
    "ko": ("KR", "사기범 연락처는 {phone}로 했고 {distractor}. 지갑 {wallet}로 송금, 사이트 {url}"),
    "vi": ("VN", "Tôi bị lừa. Số điện thoại {phone}, {distractor}. Ví {wallet}, trang {url}."),
    "th": ("TH", "ฉันถูกหลอก โทร {phone} ค่ะ {distractor} โอนไป {wallet} เว็บ {url}"),
    "km": ("KH", "ខ្ញុំត្រូវបានបោក ទូរស័ព្ទ {phone} ។ {distractor} កាបូប {wallet} គេហទំព័រ {url}"),
    "en": ("US", "They called me from {phone}. {distractor}. I sent USDT to {wallet} via {url}."),
    "id": ("ID", "Saya ditipu. Hubungi {phone}. {distractor}. Dompet {wallet}, situs {url}."),
    "ms": ("MY", "Saya ditipu, nombor {phone}. {distractor}. Dompet {wallet}, laman {url}."),
    "ja": ("JP", "詐欺に遭いました。電話{phone}。{distractor}。送金先{wallet}、サイト{url}。"),
    "tl": ("PH", "Niloko ako. Tumawag sa {phone}. {distractor}. Wallet {wallet}, site {url}."),
}
EXTRAS = (
    " Email {email}.",
    " IBAN {iban}.",
    " Card {card}.",
    " Also {phone2}.",
    "",
)
DISTRACTORS = (
    "on 2024-03-15 at 21:30",
    "order 20240315123456",
    "paid 12.345.678 VND",
    "tracking 7350 1234 5678 9012",
    "server 192.168.100.200",
    "app version 10.0.19041.1234",
    "lost 1,250,000 KRW",
    "订单号 138001380001",
    "$1234567890 total",
)
NATIVE_DIGITS = {"km": "០១២៣៤៥៦៧៨៩", "th": "๐๑๒๓๔๕๖๗๘๙"}
WORDS = ("apex", "golden", "lucky", "invest", "trade", "coin", "asia", "prime", "star", "bit")
TLDS = ("com", "net", "io", "co.uk", "com.kh", "vn", "xyz", "top")


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    language: str
    region: str
    truth: tuple[tuple[str, str], ...]


def _phone(rng: Random, region: str) -> phonenumbers.PhoneNumber:
    example = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    nsn = phonenumbers.national_significant_number(example)
    while True:
        keep = min(3, len(nsn) - 4)
        digits = nsn[:keep] + "".join(rng.choice("0123456789") for _ in nsn[keep:])
        number = phonenumbers.parse("+" + str(example.country_code) + digits)
        if phonenumbers.is_valid_number(number):
            return number


def _write_phone(rng: Random, number: phonenumbers.PhoneNumber, language: str) -> str:
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    styles = [
        e164,
        phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
        phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
        "00" + e164[1:],
        phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL).replace(" ", "-"),
    ]
    written = rng.choice(styles)
    roll = rng.random()
    if language in NATIVE_DIGITS and roll < 0.4:
        return written.translate(str.maketrans("0123456789", NATIVE_DIGITS[language]))
    if language in {"zh", "ja"} and roll < 0.3:
        return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c == "+" else c for c in written)
    return written


def _eth(rng: Random) -> str:
    raw = rng.randbytes(20).hex()
    digest = keccak.new(digest_bits=256, data=raw.encode()).hexdigest()
    pairs = zip(raw, digest, strict=False)
    return "0x" + "".join(c.upper() if int(h, 16) >= 8 else c for c, h in pairs)


def _wallet(rng: Random) -> tuple[str, str]:
    """(as written, normal form)."""
    chain = rng.choice(("eth", "trx", "btc"))
    if chain == "eth":
        value = _eth(rng)
        return value, value.lower()
    if chain == "trx":
        value = base58.b58encode_check(b"\x41" + rng.randbytes(20)).decode()
        return value, value
    value = bech32.encode("bc", 0, rng.randbytes(20)) or ""
    return value, value


def _url(rng: Random) -> tuple[str, str, str]:
    """(as written, url normal form, registrable domain)."""
    domain = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}{rng.randint(1, 99)}.{rng.choice(TLDS)}"
    path = rng.choice(("", "/login", "/app/download"))
    url = f"https://{domain}{path}"
    written = rng.choice((url, url.replace("https", "hxxps"), url.replace(".", "[.]", 1)))
    return written, url, domain


def _card(rng: Random) -> tuple[str, str]:
    body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    number = body + str((10 - total % 10) % 10)
    return " ".join(number[i : i + 4] for i in range(0, 16, 4)), number


def _iban(rng: Random) -> str:
    account = "".join(rng.choice("0123456789") for _ in range(10))
    return str(IBAN.generate("DE", bank_code="37040044", account_code=account).compact)


def document(rng: Random) -> Document:
    language = rng.choice(list(LANGUAGES))
    region, template = LANGUAGES[language]
    phone, phone2 = _phone(rng, region), _phone(rng, region)
    wallet_raw, wallet = _wallet(rng)
    url_raw, url, domain = _url(rng)
    card_raw, card = _card(rng)
    iban = _iban(rng)
    email = f"{rng.choice(WORDS)}.{rng.randint(10, 9999)}@{rng.choice(WORDS)}mail.com"
    extra = rng.choice(EXTRAS)
    text = (template + extra).format(
        phone=_write_phone(rng, phone, language),
        phone2=_write_phone(rng, phone2, language),
        distractor=rng.choice(DISTRACTORS),
        wallet=wallet_raw,
        url=url_raw,
        email=email,
        iban=" ".join(iban[i : i + 4] for i in range(0, len(iban), 4)),
        card=card_raw,
    )
    e164 = phonenumbers.format_number
    truth = [
        ("phone", e164(phone, PhoneNumberFormat.E164)),
        ("crypto_wallet", wallet),
        ("url", url),
        ("domain", domain),
    ]
    truth += {
        " Email {email}.": [("email", email)],
        " IBAN {iban}.": [("iban", iban)],
        " Card {card}.": [("payment_card", card_fingerprint(card))],
        " Also {phone2}.": [("phone", e164(phone2, PhoneNumberFormat.E164))],
        "": [],
    }[extra]
    return Document(text, language, region, tuple(truth))


def card_fingerprint(number: str) -> str:
    """Cards are compared by hash, since fraudlink only ever shows them masked."""
    return hashlib.sha256(number.encode()).hexdigest()


def corpus(megabytes: float, seed: int = 7) -> Iterator[Document]:
    """Documents until their UTF-8 size reaches ``megabytes``."""
    rng = Random(seed)
    size = 0
    while size < megabytes * 1_000_000:
        doc = document(rng)
        size += len(doc.text.encode())
        yield doc
