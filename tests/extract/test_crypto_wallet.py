"""Crypto wallets: vectors built with the real codecs, published examples, glued text."""

from __future__ import annotations

import base58
import bech32
import pytest
from Crypto.Hash import keccak
from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract.base import Context, Match
from fraudlink.extract.kinds.crypto_wallet import CryptoWallet, bech32_polymod
from fraudlink.extract.text import FoldedText

WALLET = CryptoWallet()
USDT_TRC20 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
# BIP-173 / BIP-350 published vectors
P2WPKH = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
P2TR = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
# EIP-55 published vectors
EIP55 = [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
]
BECH32M_CONST = 0x2BC830A3


def find(text: str) -> list[Match]:
    folded = FoldedText.of(text)
    found = list(WALLET.find(folded, Context()))
    for match in found:
        assert match.start is not None and match.end is not None
        assert text[match.start : match.end] == match.raw
    return found


def only(text: str) -> Match:
    found = find(text)
    assert len(found) == 1, found
    return found[0]


def b58_address(version: int, payload: bytes) -> str:
    return str(base58.b58encode_check(bytes([version]) + payload).decode("ascii"))


def bech32m_address(hrp: str, version: int, program: bytes) -> str:
    """BIP-350 encoding, from the reference library's polymod and the published constant."""
    data = [version, *(bech32.convertbits(program, 8, 5) or [])]
    values = bech32.bech32_hrp_expand(hrp) + data
    polymod = bech32.bech32_polymod([*values, 0, 0, 0, 0, 0, 0]) ^ BECH32M_CONST
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(bech32.CHARSET[d] for d in data + checksum)


def eip55(address_bytes: bytes) -> str:
    lower = address_bytes.hex()
    digest = keccak.new(digest_bits=256, data=lower.encode()).hexdigest()
    return "0x" + "".join(
        c.upper() if c.isalpha() and int(h, 16) >= 8 else c
        for c, h in zip(lower, digest[:40], strict=True)
    )


@pytest.mark.parametrize(
    ("text", "value", "chain"),
    [
        (f"USDT {USDT_TRC20}로 보냈어요", USDT_TRC20, "trx"),
        (f"钱包地址：{GENESIS}，请转账。", GENESIS, "btc"),
        (f"ví tiền {P2SH}.", P2SH, "btc"),
        (f"กระเป๋า {P2WPKH} ครับ", P2WPKH, "btc"),
        (f"អាសយដ្ឋាន {P2TR}។", P2TR, "btc"),
        (f"send to {P2WPKH.upper()} now", P2WPKH, "btc"),
        (f"ETH（{EIP55[0]}）", EIP55[0].lower(), "eth"),
        ("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh 로", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "xrp"),
    ],
)
def test_found_in_many_languages(text: str, value: str, chain: str) -> None:
    match = only(text)
    assert (match.value, match.attributes["chain"], match.valid) == (value, chain, True)


@pytest.mark.parametrize("address", EIP55)
def test_eip55_vectors_valid_and_lower_cased(address: str) -> None:
    match = only(f"wallet {address}")
    assert match.valid and match.value == address.lower()


def test_eip55_case_flip_is_invalid() -> None:
    flipped = EIP55[0][:-1] + EIP55[0][-1].upper()
    assert only(flipped).valid is False


def test_single_case_ethereum_has_no_checksum_to_fail() -> None:
    assert only(EIP55[1].lower()).valid and only("0x" + EIP55[1][2:].upper()).valid


@pytest.mark.parametrize(
    "text", [f"x{USDT_TRC20}", f"{USDT_TRC20}abc", f"é{GENESIS}", EIP55[0] + "f"]
)
def test_latin_glue_makes_no_false_address(text: str) -> None:
    assert find(text) == []


def test_full_width_address_is_folded_and_raw_kept() -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) for c in USDT_TRC20)
    match = only(f"地址{wide}。")
    assert match.value == USDT_TRC20 and match.raw == wide


def test_flipped_character_is_reported_invalid() -> None:
    typo = USDT_TRC20[:-1] + "u"
    match = only(f"USDT {typo}")
    assert match.valid is False and match.attributes["chain"] == "trx"
    assert only(P2WPKH[:-1] + "5").valid is False


def test_mixed_case_bech32_is_not_an_address() -> None:
    assert find(P2WPKH[:10] + P2WPKH[10:].upper()) == []


def test_random_base58_text_is_ignored() -> None:
    assert find("abcdefghijkmnopqrstuvwxyzABCDEFGH and 1234567891234567891234567") == []


def test_normalise_structured_value() -> None:
    match = WALLET.normalise(f"  {EIP55[2]} ", Context())
    assert match is not None and match.value == EIP55[2].lower() and match.start is None
    assert WALLET.normalise("not a wallet", Context()) is None


payloads = st.binary(min_size=20, max_size=20)
versions = st.sampled_from(
    [(0x00, "btc"), (0x05, "btc"), (0x41, "trx"), (0x30, "ltc"), (0x1E, "doge|xvg")]
)


@given(payloads, versions)
def test_base58check_roundtrip(payload: bytes, version: tuple[int, str]) -> None:
    address = b58_address(version[0], payload)
    match = only(f"주소는 {address}입니다")
    assert (match.value, match.attributes["chain"], match.valid) == (address, version[1], True)
    assert WALLET.normalise(match.value, Context()) == Match(
        "crypto_wallet", address, address, attributes={"chain": version[1]}
    )


@given(payloads)
def test_tron_roundtrip(payload: bytes) -> None:
    address = b58_address(0x41, payload)
    assert address.startswith("T") and len(address) == 34
    assert only(f"TRC20：{address}，").value == address


@given(st.one_of(st.binary(min_size=20, max_size=20), st.binary(min_size=32, max_size=32)))
def test_segwit_v0_roundtrip(program: bytes) -> None:
    address = bech32.encode("bc", 0, program)
    assert address is not None
    assert only(f"BTC {address}。").value == address


@given(st.binary(min_size=32, max_size=32), st.integers(min_value=1, max_value=16))
def test_segwit_bech32m_roundtrip(program: bytes, version: int) -> None:
    address = bech32m_address("bc", version, program)
    assert only(f"{address}로").value == address
    legacy = bech32.bech32_encode("bc", [version, *(bech32.convertbits(program, 8, 5) or [])])
    assert all(not m.valid for m in find(legacy))  # v1+ in old bech32 is rejected (BIP-350)


@given(st.binary(min_size=20, max_size=20))
def test_eip55_roundtrip(payload: bytes) -> None:
    address = eip55(payload)
    match = only(f"เลขกระเป๋า {address} ครับ")
    assert match.valid and match.value == address.lower()


def _addresses() -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(b58_address, st.sampled_from([0x00, 0x05, 0x41]), payloads),
        st.builds(lambda p: bech32.encode("bc", 0, p) or "", payloads),
    )


@settings(max_examples=200)
@given(_addresses(), st.data())
def test_single_substitution_is_never_valid(address: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(address) - 1))
    alphabet = bech32.CHARSET if address.startswith("bc1") else base58.BITCOIN_ALPHABET.decode()
    char = data.draw(st.sampled_from(alphabet).filter(lambda c: c != address[index]))
    mutated = address[:index] + char + address[index + 1 :]
    assert all(not m.valid for m in find(f"to {mutated} ok"))


@given(st.binary(min_size=20, max_size=20), st.data())
def test_eip55_case_flip_never_valid(payload: bytes, data: st.DataObject) -> None:
    address = eip55(payload)
    letters = [i for i, c in enumerate(address) if i > 1 and c.isalpha()]
    if not letters or address[2:] in (address[2:].lower(), address[2:].upper()):
        return
    i = data.draw(st.sampled_from(letters))
    mutated = address[:i] + address[i].swapcase() + address[i + 1 :]
    if mutated[2:] in (mutated[2:].lower(), mutated[2:].upper()):
        return  # the flip made it single-case, which carries no checksum
    assert only(mutated).valid is False


@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for match in find(text):
        assert match.attributes["chain"]


@given(st.lists(st.integers(min_value=0, max_value=31), max_size=120))
def test_table_polymod_agrees_with_reference(values: list[int]) -> None:
    assert bech32_polymod(values) == bech32.bech32_polymod(values)
