"""Account identifiers in one normal form, so that two banks' files name an account alike.

An account is keyed by the normal form its identifier kind gives it, so the
ledger's accounts and the reports' identifiers meet. IBANs and crypto wallets
go through ``fraudlink.extract.normalise`` (checksums verified); ``BANK:digits``
keeps its bank prefix so that the same digits at two banks stay two accounts;
other account numbers lose spaces and dashes.
"""

from __future__ import annotations

import re

from fraudlink.extract import normalise
from fraudlink.extract.base import Context

_IBAN_SHAPE = re.compile(r"^[A-Za-z]{2}\d{2}[A-Za-z0-9 ]{10,}$")
_PREFIXED = re.compile(r"^([A-Za-z][A-Za-z0-9]{1,15})\s*:\s*([\d\s\-.]+)$")
_SEPARATORS = re.compile(r"[\s\-.]+")
_CONTEXT = Context()


ACCOUNT_KINDS = ("bank_account", "crypto_wallet", "iban")


def normalise_account(raw: str) -> str:
    """The normal form of an account, IBAN, or wallet as a bank or exchange wrote it.

    ``crypto_wallet:TAtTV…`` (as ``lookup`` and ``networks`` print identifiers) and
    ``TAtTV…`` are one account: a known kind prefix is read as that kind.
    """
    text = raw.strip()
    kind, sep, rest = text.partition(":")
    if sep and kind.lower() in ACCOUNT_KINDS:
        found = normalise(kind.lower(), rest.strip(), _CONTEXT)
        if found is not None and found.valid:
            return found.value
        text = rest.strip()
    if _IBAN_SHAPE.match(text):
        found = normalise("iban", text, _CONTEXT)
        if found is not None and found.valid:
            return found.value
    prefixed = _PREFIXED.match(text)
    if prefixed:
        return f"{prefixed[1].upper()}:{_SEPARATORS.sub('', prefixed[2])}"
    wallet = normalise("crypto_wallet", text, _CONTEXT)
    if wallet is not None and wallet.valid:
        return wallet.value
    return _SEPARATORS.sub("", text).upper() if _looks_numeric(text) else text


def _looks_numeric(text: str) -> bool:
    return bool(text) and _SEPARATORS.sub("", text).isdigit()
