"""IBANs, spaced or compact, verified with schwifty (ISO 13616 mod-97).

Mule accounts in Europe and the Gulf appear in reports as IBANs. The country
code fixes the length, so a candidate is read to exactly that many characters
(skipping the single spaces or dashes people group them with) and must then
end; this keeps the next word of the sentence out of the number.

Policy for checksum failures (the same as for wallets): an IBAN whose country,
length and structure fit but whose check digits fail is reported with
``valid=False``; one that does not fit its country's structure is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from schwifty import IBAN
from schwifty.exceptions import InvalidChecksumDigits, SchwiftyException
from schwifty.registry import get_iban_spec

from fraudlink.extract.base import Context, IdentifierKind, Match, register
from fraudlink.extract.text import FoldedText, fold

_GLUE = "0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff"
# the first letter stands first so the engine skips to a capital in C
_START_RE = re.compile(rf"[A-Z](?<![{_GLUE}][A-Z])[A-Z]\d{{2}}")
_GLUE_RE = re.compile(rf"[{_GLUE}]")
_SEPARATORS = " -"


def _iban_length(country: str) -> int | None:
    try:
        return int(get_iban_spec(country).iban_length)
    except SchwiftyException:
        return None


def _read(folded: str, start: int, length: int) -> tuple[str, int] | None:
    """Read ``length`` IBAN characters from ``start``; single separators between them."""
    chars: list[str] = []
    pos = start
    while len(chars) < length and pos < len(folded):
        char = folded[pos]
        if char.isascii() and char.isalnum():
            chars.append(char)
        elif not (char in _SEPARATORS and chars and folded[pos - 1] not in _SEPARATORS):
            return None
        pos += 1
    if len(chars) < length or (pos < len(folded) and _GLUE_RE.match(folded[pos])):
        return None
    return "".join(chars).upper(), pos


@lru_cache(maxsize=4096)
def check(compact: str) -> bool | None:
    """True when valid, False for a checksum failure only, None when it is no IBAN at all."""
    try:
        IBAN(compact)
    except InvalidChecksumDigits:
        return False
    except SchwiftyException:
        return None
    return True


def _match(compact: str, valid: bool, raw: str, start: int | None, end: int | None) -> Match:
    return Match(
        kind="iban",
        value=compact,
        raw=raw,
        start=start,
        end=end,
        valid=valid,
        attributes={"country": compact[:2]},
    )


@register
class Iban(IdentifierKind):
    """International bank account numbers; value is the compact upper-case form."""

    name = "iban"
    priority = 90

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        first = _START_RE.search(text.folded)  # no ``AB12``, no generator
        return self._ibans(text, first.start()) if first else ()

    def _ibans(self, text: FoldedText, first: int) -> Iterator[Match]:
        folded = text.folded
        resume = 0
        for found in _START_RE.finditer(folded, first):
            start = found.start()
            length = _iban_length(found.group()[:2])
            if start < resume or length is None:
                continue
            read = _read(folded, start, length)
            if read is None:
                continue
            compact, end = read
            valid = check(compact)
            if valid is not None:
                resume = end
                yield _match(compact, valid, text.raw(start, end), start, end)

    def normalise(self, raw: str, context: Context) -> Match | None:
        compact = re.sub(r"[\s-]", "", fold(raw)).upper()
        valid = check(compact) if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact) else None
        return None if valid is None else _match(compact, valid, raw, None, None)
