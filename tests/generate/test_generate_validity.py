"""Every identifier the truth lists passes the checks of the real libraries."""

from __future__ import annotations

from typing import Any

import base58
import bech32
import phonenumbers
from Crypto.Hash import keccak
from hypothesis import given
from hypothesis import strategies as st
from schwifty import IBAN

from fraudlink.generate.identifiers import luhn_digit, mint_card


def _luhn_ok(number: str) -> bool:
    digits = [int(c) for c in reversed(number)]
    total = sum(digits[0::2]) + sum(sum(divmod(2 * d, 10)) for d in digits[1::2])
    return total % 10 == 0


def _eip55(address: str) -> str:
    lower = address[2:].lower()
    digest = keccak.new(digest_bits=256, data=lower.encode()).hexdigest()
    return "0x" + "".join(
        c.upper() if int(h, 16) >= 8 else c for c, h in zip(lower, digest, strict=False)
    )


def _check_wallet(ident: dict[str, Any]) -> None:
    value, chain = ident["value"], ident["chain"]
    if chain == "eth":
        # normal form lower-case (as the extractor stores it); written EIP-55 mixed-case
        assert value == value.lower() and len(value) == 42 and _eip55(value) != value
    elif chain == "trx":
        raw = base58.b58decode_check(value)
        assert raw[0] == 0x41 and len(raw) == 21 and value.startswith("T")
    elif value.startswith("bc1"):
        version, program = bech32.decode("bc", value)
        assert version == 0 and program is not None and len(program) in (20, 32)
    else:
        raw = base58.b58decode_check(value)
        assert raw[0] in (0x00, 0x05) and len(raw) == 21


def _check(ident: dict[str, Any]) -> None:
    kind, value = ident["kind"], ident["value"]
    if kind in ("phone", "whatsapp"):
        number = phonenumbers.parse(value)
        assert phonenumbers.is_valid_number(number), value
        assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == value
    elif kind == "crypto_wallet":
        _check_wallet(ident)
    elif kind == "iban":
        assert IBAN(value).compact == value
    elif kind == "payment_card":
        assert value.isdigit() and len(value) == 16 and _luhn_ok(value)
    elif kind in ("telegram", "wechat", "line", "kakao", "email", "domain"):
        assert value == value.lower() and " " not in value


def test_every_truth_identifier_validates(generated: Any) -> None:
    kinds = set()
    for network in generated.truth["networks"].values():
        for ident in network["identifiers"]:
            _check(ident)
            kinds.add(ident["kind"])
    for hub in generated.truth["hubs"]:
        _check(hub)
    expected = {"phone", "whatsapp", "telegram", "crypto_wallet", "url", "domain", "bank_account"}
    assert expected <= kinds


def test_all_wallet_styles_and_ibans_occur(generated: Any) -> None:
    values = [
        i
        for n in generated.truth["networks"].values()
        for i in n["identifiers"]
        if i["kind"] in ("crypto_wallet", "iban")
    ]
    prefixes = {v["value"][:3] if v["kind"] == "crypto_wallet" else "iban" for v in values}
    assert {"bc1", "iban"} <= prefixes
    assert {v["value"][0] for v in values} >= {"1", "3", "T", "0"}


def test_no_identifier_belongs_to_two_networks(generated: Any) -> None:
    owner: dict[tuple[str, str], str] = {}
    hubs = {(h["kind"], h["value"]) for h in generated.truth["hubs"]}
    for network_id, network in generated.truth["networks"].items():
        for ident in network["identifiers"]:
            key = (ident["kind"], ident["value"])
            assert key not in hubs
            assert owner.setdefault(key, network_id) == network_id, key


@given(st.text("0123456789", min_size=15, max_size=15))
def test_luhn_digit_makes_any_body_valid(body: str) -> None:
    assert _luhn_ok(body + luhn_digit(body))


def test_cards_pass_luhn() -> None:
    import random

    rng = random.Random(5)
    assert all(_luhn_ok(mint_card(rng).value) for _ in range(200))
