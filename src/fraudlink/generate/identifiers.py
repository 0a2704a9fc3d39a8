"""Minting identifiers that pass the same checks a real extractor applies.

Every value is made valid on purpose (phone numbers accepted by phonenumbers,
wallet checksums, IBAN check digits, Luhn digits), because a generator that
emits invalid values would teach the linker to trust junk. Each identifier is
minted once per network and carries the forms it may be written in, so that
rendering a report costs string work only.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from random import Random

import base58
import bech32
import phonenumbers
from Crypto.Hash import keccak
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from schwifty import IBAN

from fraudlink.extract.kinds.bank_account import bank_code
from fraudlink.extract.kinds.payment_card import is_card
from fraudlink.generate.banks import Bank, banks_of


@dataclass(frozen=True, slots=True)
class Identifier:
    """One identifier in normal form (``value``) plus the ways it may be written.

    ``forms`` holds kind-specific written variants (for phones: international,
    national, E.164); ``attrs`` holds what the truth file records besides the
    value (``chain`` for wallets, ``bank`` for accounts).
    """

    kind: str
    value: str
    region: str | None = None
    forms: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()

    def truth(self) -> dict[str, str]:
        data = {"kind": self.kind, "value": self.value}
        data.update(self.attrs)
        return data


# ---------------------------------------------------------------- phones

_MOBILE_TYPES: tuple[int, ...] = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _example(region: str, kind: int) -> phonenumbers.PhoneNumber:
    for wanted in (kind, PhoneNumberType.FIXED_LINE):
        example = phonenumbers.example_number_for_type(region, wanted)
        if example is not None:
            return example
    raise ValueError(f"phonenumbers has no example number for region {region}")


def _valid_number(rng: Random, region: str, kind: int) -> phonenumbers.PhoneNumber:
    """A random number of ``region`` that phonenumbers accepts, grown from the region's example."""
    example = _example(region, kind)
    nsn = phonenumbers.national_significant_number(example)
    for attempt in range(400):
        keep = 1 + (attempt % 3) if len(nsn) > 6 else 1
        tail = "".join(rng.choice(string.digits) for _ in range(len(nsn) - keep))
        number = phonenumbers.PhoneNumber(
            country_code=example.country_code, national_number=int(nsn[:keep] + tail)
        )
        if not phonenumbers.is_valid_number(number):
            continue
        if kind not in _MOBILE_TYPES or phonenumbers.number_type(number) in _MOBILE_TYPES:
            return number
    return example


_BASES: dict[tuple[str, bool], list[tuple[phonenumbers.PhoneNumber, tuple[str, str, str]]]] = {}


def _bases(
    region: str, mobile: bool
) -> list[tuple[phonenumbers.PhoneNumber, tuple[str, str, str]]]:
    """Valid numbers of ``region`` with their written forms, found once per process.

    They come from their own fixed-seed ``Random`` so the cache holds the same
    numbers whichever seed or call order first filled it.
    """
    key = (region, mobile)
    if key not in _BASES:
        rng = Random(f"fraudlink-phone-bases:{region}:{mobile}")
        kind = PhoneNumberType.MOBILE if mobile else PhoneNumberType.FIXED_LINE
        numbers = [_valid_number(rng, region, kind) for _ in range(24)]
        _BASES[key] = [(n, _forms(n)) for n in numbers]
    return _BASES[key]


def _forms(number: phonenumbers.PhoneNumber) -> tuple[str, str, str]:
    return (
        phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
        phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
        phonenumbers.format_number(number, PhoneNumberFormat.E164),
    )


def _replace_tail(form: str, tail: str) -> str:
    """``form`` with its last ``len(tail)`` digits replaced, keeping spaces and dashes."""
    chars = list(form)
    position = len(tail)
    for index in range(len(chars) - 1, -1, -1):
        if position == 0:
            break
        if chars[index].isdigit():
            position -= 1
            chars[index] = tail[position]
    return "".join(chars)


_Desc = tuple[re.Pattern[str] | None, frozenset[int]]
_DESCS: dict[str, tuple[_Desc, _Desc, _Desc]] = {}


def _desc(desc: object) -> _Desc:
    pattern = getattr(desc, "national_number_pattern", None)
    lengths = frozenset(getattr(desc, "possible_length", ()) or ())
    return (re.compile(pattern) if pattern else None), lengths


def _matches(nsn: str, desc: _Desc) -> bool:
    pattern, lengths = desc
    if lengths and len(nsn) not in lengths:
        return False
    return pattern is not None and pattern.fullmatch(nsn) is not None


def _valid_fast(region: str, nsn: str) -> bool:
    """A sufficient test for ``is_valid_number``: the general pattern and a mobile or fixed one.

    ``is_valid_number`` tries every number type in turn; a national number that
    fits the region's general pattern and its mobile or fixed-line pattern is
    valid whatever else it fits, and checking only those is ten times faster.
    """
    descs = _DESCS.get(region)
    if descs is None:
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if meta is None:
            return False
        descs = _DESCS[region] = (
            _desc(meta.general_desc),
            _desc(meta.mobile),
            _desc(meta.fixed_line),
        )
    general, mobile, fixed = descs
    return _matches(nsn, general) and (_matches(nsn, mobile) or _matches(nsn, fixed))


def mint_phone(rng: Random, region: str, mobile: bool = True) -> Identifier:
    """A valid number of ``region``: a known-valid number with its last digits redrawn.

    Validity depends mostly on the leading digits and the length, so redrawing
    the tail keeps it valid almost always; it is checked anyway and redrawn if not.
    """
    bases = _bases(region, mobile)
    forms: tuple[str, ...] = bases[0][1]
    for _ in range(30):
        base, base_forms = bases[int(rng.random() * len(bases))]
        nsn = phonenumbers.national_significant_number(base)
        size = min(6, len(nsn) - 3)
        tail = digit_string(rng, size)
        if _valid_fast(region, nsn[:-size] + tail):
            forms = tuple(_replace_tail(form, tail) for form in base_forms)
            break
    return Identifier("phone", forms[2], region, forms)


def as_whatsapp(phone: Identifier) -> Identifier:
    return Identifier("whatsapp", phone.value, phone.region, phone.forms)


# ---------------------------------------------------------------- crypto wallets


def _eip55(raw: bytes) -> str:
    hex_address = raw.hex()
    digest = keccak.new(digest_bits=256, data=hex_address.encode("ascii")).hexdigest()
    return "0x" + "".join(
        c.upper() if c.isalpha() and int(d, 16) >= 8 else c
        for c, d in zip(hex_address, digest, strict=False)
    )


def mint_wallet(rng: Random, chain: str) -> Identifier:
    """A checksum-valid address; ``chain`` is btc, eth or trx."""
    if chain == "eth":
        value = _eip55(rng.randbytes(20))
    elif chain == "trx":
        value = base58.b58encode_check(b"\x41" + rng.randbytes(20)).decode("ascii")
    else:
        style = rng.random()
        if style < 0.4:
            value = bech32.encode("bc", 0, rng.randbytes(20 if style < 0.32 else 32)) or ""
        else:
            version = b"\x00" if style < 0.8 else b"\x05"
            value = base58.b58encode_check(version + rng.randbytes(20)).decode("ascii")
    # the normal form of an Ethereum address is lower-case; it is written EIP-55 mixed-case
    normal = value.lower() if chain == "eth" else value
    return Identifier("crypto_wallet", normal, None, (value,), (("chain", chain),))


# ---------------------------------------------------------------- cards and accounts

_CARD_PREFIXES = ("4", "4", "4", "51", "52", "53", "54", "55", "62", "356")  # JCB is 3528-3589


def luhn_digit(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char)
        if index % 2 == 0:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return str((10 - total % 10) % 10)


def mint_card(rng: Random) -> Identifier:
    prefix = rng.choice(_CARD_PREFIXES)
    body = prefix + digit_string(rng, 15 - len(prefix))
    value = body + luhn_digit(body)
    spaced = " ".join(value[i : i + 4] for i in range(0, 16, 4))
    return Identifier("payment_card", value, None, (spaced, value, spaced.replace(" ", "-")))


_IBAN_BANKS = {
    "GB": ("BARC", "NWBK", "LOYD", "HBUK", "MIDL"),
    "AE": ("033", "030", "035", "026"),
    "GE": ("NB", "BG", "TB"),
    "TR": ("00061", "00010", "00064", "00046"),
}
IBAN_COUNTRIES = frozenset(_IBAN_BANKS)


def _iban_account(rng: Random, country: str) -> tuple[str, str]:
    bank = rng.choice(_IBAN_BANKS[country])
    if country == "GB":
        return bank + digit_string(rng, 6), _digits(rng, 8)
    if country == "AE":
        return bank, _digits(rng, 16)
    if country == "GE":
        return bank, _digits(rng, 16)
    return bank, _digits(rng, 16)


def digit_string(rng: Random, count: int) -> str:
    """``count`` random decimal digits from one draw per 15 digits (a float holds about 15)."""
    parts = []
    while count > 0:
        size = min(count, 15)
        parts.append(f"{int(rng.random() * 10**size):0{size}d}")
        count -= size
    return "".join(parts)


def _digits(rng: Random, count: int) -> str:
    return str(1 + int(rng.random() * 9)) + digit_string(rng, count - 1)


def mint_iban(rng: Random, country: str) -> Identifier:
    bank_code, account = _iban_account(rng, country)
    iban = IBAN.generate(country, bank_code=bank_code, account_code=account)
    return Identifier("iban", iban.compact, country, (iban.formatted, iban.compact))


def mint_bank_account(rng: Random, country: str) -> Identifier:
    """A local mule account in the extractor's normal form: bank code, a colon, the digits.

    The code is the one ``fraudlink.extract`` reads from the bank's name, so the
    truth and what gets stored and linked are the same string.
    """
    bank: Bank = rng.choice(banks_of(country))
    digits = _digits(rng, rng.choice(bank.lengths))
    while is_card(digits):  # a Luhn-valid number in a card range is a card, not an account
        digits = _digits(rng, len(digits))
    grouped = bank.group(digits)
    code = bank_code(bank.name)
    return Identifier(
        "bank_account",
        f"{code}:{digits}" if code else digits,
        country,
        (grouped, digits),
        (("bank", bank.name), ("country", country)),
    )
