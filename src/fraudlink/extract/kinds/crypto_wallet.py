"""Crypto wallet addresses, each verified by its chain's own checksum.

Scam money moves through USDT on TRON and Ethereum and through Bitcoin, so a
wallet is the identifier that most often ties a victim's payment to a
network. A typo'd address must never link two reports, so every candidate is
checked: base58check (BTC, LTC, DOGE, DASH, TRON, XRP), bech32/bech32m
(BIP-173/BIP-350 segwit) and EIP-55 (Ethereum, when written in mixed case).

Policy for checksum failures: a token with the exact shape of an address of a
known chain (prefix, length, decoded size and version byte) whose checksum
fails is reported with ``valid=False``, so an analyst sees the typo but it
never links; anything that merely looks base58-ish is left out.

Monero, Bitcoin Cash (CashAddr), Zcash, Bitcoin Gold, Stellar, Polkadot,
Cardano and BNB Beacon Chain addresses are read in ``_chains`` with their own
checksums. Solana addresses are a bare base58 public key with no checksum:
any 32-byte base58 string would match, so one is reported only right after a
Solana label (``SOL:``, ``Solana``, ``Phantom``). A ``D…`` address is Dogecoin's
or Verge's (same version byte): a label before it names the chain, else the
chain is ``doge|xvg``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache, reduce
from operator import xor
from typing import NamedTuple

import base58
import bech32
from Crypto.Hash import keccak

from fraudlink.extract.base import Context, IdentifierKind, Match, register
from fraudlink.extract.kinds import _chains
from fraudlink.extract.text import FoldedText, fold

# Latin letters and ASCII digits glue onto an address and make it a different
# token; any other script (a Hangul particle, CJK punctuation) ends it.
_GLUE = "0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_BEFORE = rf"(?<![{_GLUE}])"
_AFTER = rf"(?![{_GLUE}])"

_ETH_RE = re.compile(rf"{_BEFORE}0x[0-9a-fA-F]{{40}}{_AFTER}")
_BASE58_RE = re.compile(rf"{_BEFORE}[1-9A-HJ-NP-Za-km-z]{{25,35}}{_AFTER}")
_BECH32_RE = re.compile(rf"{_BEFORE}(?:bc|ltc|BC|LTC)1[02-9ac-hj-np-zAC-HJ-NP-Z]{{6,87}}{_AFTER}")
# every address is a whole run of ASCII letters and digits, 14 (the shortest segwit) to 90
# long: one cheap pass finds such runs and ``classify`` tells the shapes apart
# the first character stands first so the engine skips to a letter or digit in C
_TOKEN_RE = re.compile(rf"[0-9A-Za-z](?<![{_GLUE}][0-9A-Za-z])[0-9A-Za-z]{{13,114}}{_AFTER}")

#: base58check version byte -> chain, per leading character of the address
_BASE58_VERSIONS: dict[str, tuple[tuple[int, str], ...]] = {
    "1": ((0x00, "btc"),),
    "3": ((0x05, "btc"),),
    "T": ((0x41, "trx"),),
    "L": ((0x30, "ltc"),),
    "M": ((0x32, "ltc"),),
    "D": ((0x1E, "doge"),),
    "9": ((0x16, "doge"),),
    "A": ((0x16, "doge"),),
    "X": ((0x4C, "dash"),),
    "7": ((0x10, "dash"),),
}
_XRP_PREFIX = "r"
_BECH32_HRPS = {"bc": "btc", "ltc": "ltc"}
#: BIP-350: the polymod constant of bech32m (witness version 1 and up); bech32's is 1
_BECH32M_CONST = 0x2BC830A3
_BECH32_LENGTHS = {"bc": (42, 62), "ltc": (43, 63)}
_GENERATORS = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


class Wallet(NamedTuple):
    value: str
    chain: str
    valid: bool


def _generator_table() -> tuple[int, ...]:
    """For each value of the checksum's top five bits, the XOR of BIP-173's generators."""
    return tuple(
        reduce(xor, (gen for bit, gen in enumerate(_GENERATORS) if top >> bit & 1), 0)
        for top in range(32)
    )


_GEN_TABLE = _generator_table()


def bech32_polymod(values: list[int]) -> int:
    """The same checksum as ``bech32.bech32_polymod``, one table look-up per value.

    The reference loops over five generators per character, which made segwit
    addresses the slowest part of wallet scanning; the tests check the two agree.
    """
    chk = 1
    for value in values:
        chk = ((chk & 0x1FFFFFF) << 5 ^ value) ^ _GEN_TABLE[chk >> 25]
    return chk


def _double_sha256(data: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


def _base58_wallet(token: str) -> Wallet | None:
    """A base58check address of a known chain, or None when the shape does not fit one."""
    if token.startswith(_XRP_PREFIX):
        versions: tuple[tuple[int, str], ...] = ((0x00, "xrp"),)
        alphabet = base58.XRP_ALPHABET
    else:
        versions = _BASE58_VERSIONS.get(token[0], ())
        alphabet = base58.BITCOIN_ALPHABET
    if not versions:
        return None
    try:
        payload = base58.b58decode(token, alphabet=alphabet)
    except ValueError:
        return None
    if len(payload) != 25:
        return None
    chain = dict(versions).get(payload[0])
    if chain is None or (chain == "trx" and len(token) != 34):
        return None
    valid = _double_sha256(payload[:21])[:4] == payload[21:]
    return Wallet(token, chain, valid)


def eip55_checksum(hex_address: str) -> str:
    """The EIP-55 mixed-case spelling of a 40-hex-digit Ethereum address."""
    lower = hex_address.lower()
    digest = keccak.new(digest_bits=256, data=lower.encode("ascii")).hexdigest()
    return "".join(
        char.upper() if int(nibble, 16) >= 8 else char
        for char, nibble in zip(lower, digest, strict=False)
    )


def _eth_wallet(token: str) -> Wallet:
    digits = token[2:]
    single_case = digits == digits.lower() or digits == digits.upper()
    valid = single_case or eip55_checksum(digits) == digits
    return Wallet("0x" + digits.lower(), "eth", valid)


def _bech32_wallet(token: str) -> Wallet | None:
    """A segwit address: bech32 for witness version 0, bech32m above (BIP-350)."""
    if token != token.lower() and token != token.upper():
        return None
    lower = token.lower()
    hrp, _, rest = lower.rpartition("1")
    if hrp not in _BECH32_HRPS:
        return None
    data = [bech32.CHARSET.find(char) for char in rest]
    const = bech32_polymod(bech32.bech32_hrp_expand(hrp) + data)
    valid = const in (1, _BECH32M_CONST) and _witness_ok(data[:-6], const)
    if not valid and len(lower) not in _BECH32_LENGTHS[hrp]:
        return None
    return Wallet(lower, _BECH32_HRPS[hrp], valid)


def _witness_ok(data: list[int], const: int) -> bool:
    if not data or data[0] > 16:
        return False
    version = data[0]
    if (version == 0) != (const == 1):
        return False
    program = bech32.convertbits(data[1:], 5, 8, False)
    if program is None or not 2 <= len(program) <= 40:
        return False
    return version != 0 or len(program) in (20, 32)


@lru_cache(maxsize=16384)
def classify(token: str) -> Wallet | None:
    """The wallet a whole (already folded) token spells, valid or not, or None.

    Cached: a network's wallets recur across hundreds of reports.
    """
    if _ETH_RE.fullmatch(token):
        return _eth_wallet(token)
    found = None
    if _BECH32_RE.fullmatch(token):
        found = _bech32_wallet(token)
    elif _BASE58_RE.fullmatch(token):
        found = _base58_wallet(token)
    if found is not None:
        return found
    for reader in _chains.CHECKED:
        reading = reader(token)
        if reading is not None:
            return Wallet(token.lower() if reading[0] in _LOWER_CHAINS else token, *reading)
    return None


_LOWER_CHAINS = frozenset({"bch", "ada", "bnb"})
_LABEL_WINDOW = 40
_SOLANA_LABEL = re.compile(r"(?<![a-z])(?:sol|solana|phantom)(?![a-z])")
_DOGE_LABEL = re.compile(r"(?<![a-z])(?:doge|dogecoin)(?![a-z])")
_XVG_LABEL = re.compile(r"(?<![a-z])(?:xvg|verge)(?![a-z])")


def _labelled(folded: str, start: int, token: str, wallet: Wallet | None) -> Wallet | None:
    """Chains only a label can name: Solana keys, and Dogecoin against Verge."""
    before = folded[max(0, start - _LABEL_WINDOW) : start].lower()
    if wallet is None:
        reading = _chains.solana(token) if _SOLANA_LABEL.search(before) else None
        return Wallet(token, *reading) if reading else None
    if wallet.chain == "doge" and token.startswith("D"):
        if _XVG_LABEL.search(before):
            return wallet._replace(chain="xvg")
        if not _DOGE_LABEL.search(before):
            return wallet._replace(chain="doge|xvg")
    return wallet


def _match(wallet: Wallet, raw: str, start: int | None, end: int | None) -> Match:
    return Match(
        kind="crypto_wallet",
        value=wallet.value,
        raw=raw,
        start=start,
        end=end,
        valid=wallet.valid,
        attributes={"chain": wallet.chain},
    )


@register
class CryptoWallet(IdentifierKind):
    """Addresses of BTC, ETH, TRON and 14 more chains; ``chain`` names which."""

    name = "crypto_wallet"
    priority = 90

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        first = _TOKEN_RE.search(text.folded)  # no long token, no generator
        return self._wallets(text, first.start()) if first else ()

    def _wallets(self, text: FoldedText, first: int) -> Iterator[Match]:
        for found in _TOKEN_RE.finditer(text.folded, first):
            start, end = found.span()
            wallet = _labelled(text.folded, start, found.group(), classify(found.group()))
            if wallet is not None:
                yield _match(wallet, text.raw(start, end), start, end)

    def normalise(self, raw: str, context: Context) -> Match | None:
        token = fold(raw.strip())
        wallet = _labelled(token, 0, token, classify(token))
        return None if wallet is None else _match(wallet, raw, None, None)
