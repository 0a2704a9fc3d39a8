"""Payment card numbers: Luhn-valid, of a known brand, kept masked and hashed.

Stolen and mule cards link victims across countries, but a full card number
must never be shown outside the agency (DESIGN: "stored masked + hashed").
So ``value`` is the masked form (first 6 + last 4) unless the caller asks for
``show_sensitive``; ``raw`` is masked the same way, character for character,
so it still lines up with ``start``/``end``; the ``sha256`` attribute of the
full number lets two reports of one card link without either showing it.

Luhn alone passes one random number in ten, so a candidate must also fit a
brand's IIN range and lengths. A number that fails Luhn in free text is
simply not a card (most digit runs fail it); a value *given* as a card in a
structured field that fails Luhn is returned with ``valid=False``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

from fraudlink.extract.base import Context, IdentifierKind, Match, register
from fraudlink.extract.text import FoldedText, fold

_GLUE = "0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_GLUE_RE = re.compile(rf"[{_GLUE}]")
# digit groups joined by one space or dash; a leading "+" makes it a phone number
# (runs shorter than 13 characters are turned away by the engine, not in Python; the
# first digit is read before any look-around so the engine skips to digits in C)
_RUN_RE = re.compile(rf"\d(?<![{_GLUE}+]\d)(?=[\d -]{{12}})\d*(?:[ -]\d+)*")
_GROUP_RE = re.compile(r"\d+")
#: a card with its expiry and CVV fits in this many characters; longer runs are tables of numbers
_LONGEST_RUN = 64

#: (brand, lowest IIN prefix, highest IIN prefix, allowed lengths); first fit wins
_BRANDS: tuple[tuple[str, str, str, frozenset[int]], ...] = (
    ("amex", "34", "34", frozenset({15})),
    ("amex", "37", "37", frozenset({15})),
    ("jcb", "3528", "3589", frozenset(range(16, 20))),
    ("diners", "300", "305", frozenset({14, 16})),
    ("diners", "36", "36", frozenset({14, 16})),
    ("diners", "38", "39", frozenset({14, 16})),
    ("visa", "4", "4", frozenset({13, 16, 19})),
    ("mir", "2200", "2204", frozenset(range(16, 20))),
    ("mastercard", "2221", "2720", frozenset({16})),
    ("mastercard", "51", "55", frozenset({16})),
    ("maestro", "50", "50", frozenset(range(13, 20))),
    ("maestro", "56", "58", frozenset(range(13, 20))),
    ("unionpay", "62", "62", frozenset({16, 19})),
    ("discover", "6011", "6011", frozenset(range(16, 20))),
    ("discover", "644", "649", frozenset(range(16, 20))),
    ("discover", "65", "65", frozenset(range(16, 20))),
    ("rupay", "60", "60", frozenset({16})),
    ("maestro", "6304", "6304", frozenset(range(13, 20))),
    ("maestro", "6759", "6759", frozenset(range(13, 20))),
    ("maestro", "6761", "6763", frozenset(range(13, 20))),
    ("napas", "9704", "9704", frozenset({16, 19})),
)


_BY_FIRST_DIGIT = {
    digit: tuple(entry for entry in _BRANDS if entry[1][0] == digit) for digit in "0123456789"
}


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check every issuer's card number passes."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def card_brand(digits: str) -> str | None:
    """The brand whose IIN range and lengths fit ``digits``, or None."""
    for brand, low, high, lengths in _BY_FIRST_DIGIT.get(digits[:1], ()):
        if len(digits) in lengths and low <= digits[: len(low)] <= high:
            return brand
    return None


def is_card(digits: str) -> bool:
    """A Luhn-valid number of a known brand (other kinds use this to keep PANs out)."""
    return 13 <= len(digits) <= 19 and card_brand(digits) is not None and luhn_ok(digits)


def card_grouped(written: str) -> bool:
    """Whether digit groups are laid out as cards print them: one run, ``4-4-4-4``, ``4-6-5``,
    ``4-4-4-4-3``, ``6-13``. An account number is grouped by its bank's own plan
    (``5829-01-012786-534``), which no card uses, even when its digits pass Luhn.
    """
    groups = [len(group) for group in _GROUP_RE.findall(written)]
    if len(groups) <= 1:
        return True
    if groups[0] == 6:
        return len(groups) == 2
    return groups[0] == 4 and all(size in (4, 5, 6) for size in groups[1:-1]) and groups[-1] >= 3


def mask(digits: str) -> str:
    return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


def _mask_raw(raw: str, folded: str) -> str:
    """``raw`` with the digits that ``mask`` hides replaced by ``*``, separators kept."""
    count = sum(char.isdigit() for char in folded)
    out: list[str] = []
    seen = 0
    for original, char in zip(raw, folded, strict=True):
        if char.isdigit():
            seen += 1
            out.append("*" if 6 < seen <= count - 4 else original)
        else:
            out.append(original)
    return "".join(out)


_NON_DIGIT = re.compile(r"\D")


def _match(digits: str, raw: str, span: tuple[int, int] | None, context: Context) -> Match:
    return Match(
        kind="payment_card",
        value=digits if context.show_sensitive else mask(digits),
        raw=raw,
        start=None if span is None else span[0],
        end=None if span is None else span[1],
        valid=is_card(digits),
        attributes={
            "brand": card_brand(digits) or "unknown",
            "sha256": hashlib.sha256(digits.encode("ascii")).hexdigest(),
        },
    )


def _candidates(folded: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of whole digit groups holding 13-19 digits: the widest first, then leftmost."""
    groups = [(m.start() + start, m.end() + start) for m in _GROUP_RE.finditer(folded[start:end])]
    before = [0]
    for low, high in groups:
        before.append(before[-1] + high - low)
    size = len(groups)
    for width in range(min(size, 19), 0, -1):
        for first in range(size - width + 1):
            if 13 <= before[first + width] - before[first] <= 19:
                yield groups[first][0], groups[first + width - 1][1]


def _cards_in_run(folded: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    taken = start
    for low, high in _candidates(folded, start, end):
        if low < taken:
            continue
        digits = _NON_DIGIT.sub("", folded[low:high])
        if is_card(digits) and card_grouped(folded[low:high]):
            yield low, high
            taken = high


@register
class PaymentCard(IdentifierKind):
    """Card numbers (PANs) with optional spaces or dashes; masked unless show_sensitive."""

    name = "payment_card"
    priority = 85

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        first = _RUN_RE.search(text.folded)  # most reports have no long run: no generator then
        return self._cards(text, context, first.start()) if first else ()

    def _cards(self, text: FoldedText, context: Context, first: int) -> Iterator[Match]:
        folded = text.folded
        for run in _RUN_RE.finditer(folded, first):
            start, end = run.span()
            if not 13 <= end - start <= _LONGEST_RUN:
                continue
            if end < len(folded) and _GLUE_RE.match(folded[end]):
                continue
            for low, high in sorted(_cards_in_run(folded, start, end)):
                digits = _NON_DIGIT.sub("", folded[low:high])
                raw = text.raw(low, high)
                if not context.show_sensitive:
                    raw = _mask_raw(raw, folded[low:high])
                yield _match(digits, raw, (low, high), context)

    def normalise(self, raw: str, context: Context) -> Match | None:
        digits = re.sub(r"[\s-]", "", fold(raw))
        if not (digits.isascii() and digits.isdigit() and 13 <= len(digits) <= 19):
            return None
        shown = raw if context.show_sensitive else mask(digits)
        return _match(digits, shown, None, context)
