"""Address formats of the chains scam and sanctions lists carry beyond BTC, ETH and TRON.

Each function reads one whole token and answers ``(chain, valid)`` when the token has the
exact shape of that chain's address (prefix, length, decoded size), or None. ``valid`` is
the chain's own checksum:

- Monero (XMR): Monero's base58 (8-byte blocks, 11 characters each), network byte 18
  (standard, ``4…``) or 42 (subaddress, ``8…``), Keccak-256 of the rest, first 4 bytes.
- Bitcoin Cash CashAddr (BCH): ``bitcoincash:q…``/``p…``, the 40-bit BCH polymod.
- Zcash transparent (ZEC): base58check with a two-byte version (``t1``, ``t3``).
- Bitcoin Gold (BTG): base58check, version 38 (``G…``) or 23 (``A…``).
- Stellar (XLM): ``G…`` 56 characters of base32, CRC16-XModem of version and key.
- Polkadot (DOT): SS58 with network prefix 0 (``1…``), Blake2b-512 checksum.
- Cardano (ADA): Shelley bech32 with human part ``addr``.
- BNB Beacon Chain (BNB): bech32 with human part ``bnb``.
- Solana (SOL): a bare base58 public key of 32 bytes with no checksum at all; any random
  token of that size fits, so the caller reports one only after a Solana label.

Verge (XVG) P2PKH addresses share Dogecoin's version byte (30, ``D…``): the address
alone cannot say which; the caller names the chain from a label, else both.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

import base58
import bech32
from Crypto.Hash import keccak

Reading = tuple[str, bool]

_XMR_ALPHABET = base58.BITCOIN_ALPHABET.decode()
_XMR_BLOCK_SIZES = {0: 0, 2: 1, 3: 2, 5: 3, 6: 4, 7: 5, 9: 6, 10: 7, 11: 8}
_XMR_RE = re.compile(r"[48][1-9A-HJ-NP-Za-km-z]{94}")


def monero(token: str) -> Reading | None:
    if not _XMR_RE.fullmatch(token):
        return None
    data = bytearray()
    for start in range(0, len(token), 11):
        block = token[start : start + 11]
        size = _XMR_BLOCK_SIZES.get(len(block))
        if size is None:
            return None
        number = 0
        for char in block:
            number = number * 58 + _XMR_ALPHABET.index(char)
        if number >= 1 << (8 * size):
            return None
        data += number.to_bytes(size, "big")
    if len(data) != 69 or data[0] not in (18, 42):
        return None
    digest = keccak.new(digest_bits=256, data=bytes(data[:65])).digest()
    return "xmr", digest[:4] == data[65:]


_CASHADDR_GENERATORS = (0x98F2BC8E61, 0x79B76D99E2, 0xF33E5FB3C4, 0xAE2EABE2A8, 0x1E4F43E470)
_CASHADDR_RE = re.compile(r"[qp][02-9ac-hj-np-z]{41}")


def _cashaddr_polymod(values: list[int]) -> int:
    chk = 1
    for value in values:
        top = chk >> 35
        chk = ((chk & 0x07FFFFFFFF) << 5) ^ value
        for bit, generator in enumerate(_CASHADDR_GENERATORS):
            if top >> bit & 1:
                chk ^= generator
    return chk ^ 1


def cashaddr(token: str) -> Reading | None:
    """``q…``/``p…`` of 42 characters, the ``bitcoincash:`` prefix implied (one case only)."""
    lower = token.lower()
    if token not in (lower, token.upper()) or not _CASHADDR_RE.fullmatch(lower):
        return None
    prefix = [ord(char) & 0x1F for char in "bitcoincash"] + [0]
    data = [bech32.CHARSET.find(char) for char in lower]
    return "bch", _cashaddr_polymod(prefix + data) == 0


def _base58check(token: str, size: int) -> bytes | None:
    try:
        payload = base58.b58decode(token)
    except ValueError:
        return None
    return payload if len(payload) == size else None


def _checksum_ok(payload: bytes) -> bool:
    body, check = payload[:-4], payload[-4:]
    return hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] == check


def zcash(token: str) -> Reading | None:
    if not (token.startswith(("t1", "t3")) and len(token) == 35):
        return None
    payload = _base58check(token, 26)
    if payload is None or payload[:2] not in (b"\x1c\xb8", b"\x1c\xbd"):
        return None
    return "zec", _checksum_ok(payload)


def bitcoin_gold(token: str) -> Reading | None:
    if token[:1] not in ("G", "A") or len(token) != 34:
        return None
    payload = _base58check(token, 25)
    if payload is None or payload[0] != (38 if token[0] == "G" else 23):
        return None
    return "btg", _checksum_ok(payload)


def _crc16_xmodem(data: bytes) -> int:
    return binascii.crc_hqx(data, 0)


def stellar(token: str) -> Reading | None:
    if len(token) != 56 or token[0] != "G" or token != token.upper():
        return None
    try:
        raw = base64.b32decode(token)
    except (binascii.Error, ValueError):
        return None
    if raw[0] != 6 << 3:
        return None
    return "xlm", _crc16_xmodem(raw[:-2]).to_bytes(2, "little") == raw[-2:]


def polkadot(token: str) -> Reading | None:
    if token[:1] != "1" or not 46 <= len(token) <= 48:
        return None
    try:
        raw = base58.b58decode(token)
    except ValueError:
        return None
    if len(raw) != 35 or raw[0] != 0:
        return None
    digest = hashlib.blake2b(b"SS58PRE" + raw[:33], digest_size=64).digest()
    return "dot", digest[:2] == raw[33:]


def _bech32_any(token: str, hrp: str, chain: str, lengths: range) -> Reading | None:
    lower = token.lower()
    if token not in (lower, token.upper()) or not lower.startswith(hrp + "1"):
        return None
    if len(lower) not in lengths:
        return None
    data = [bech32.CHARSET.find(char) for char in lower[len(hrp) + 1 :]]
    if -1 in data:
        return None
    return chain, bech32.bech32_polymod(bech32.bech32_hrp_expand(hrp) + data) == 1


def cardano(token: str) -> Reading | None:
    return _bech32_any(token, "addr", "ada", range(58, 115))


def bnb_beacon(token: str) -> Reading | None:
    return _bech32_any(token, "bnb", "bnb", range(42, 43))


def solana(token: str) -> Reading | None:
    """A 32-byte base58 key: shape only, nothing to verify (see the module docstring)."""
    if not 32 <= len(token) <= 44:
        return None
    try:
        raw = base58.b58decode(token)
    except ValueError:
        return None
    return ("sol", True) if len(raw) == 32 else None


#: tried in this order on a token no BTC/ETH/TRON/XRP/LTC/DOGE/DASH reading claimed
CHECKED = (monero, cashaddr, zcash, bitcoin_gold, stellar, polkadot, cardano, bnb_beacon)
