"""What a line must be before its fields are even looked at: storable text, bounded shape.

Both databases must be able to store every value of a line that passes, so
the reader refuses here what one of them would refuse later (and lose the
batch with it): text UTF-8 cannot encode (lone surrogates, from ``\\udc00``
escapes or undecodable bytes), NUL characters (PostgreSQL text and JSONB hold
none), nesting deeper than any report needs, and numbers too long to be data.
"""

from __future__ import annotations

from decimal import Decimal

#: deeper than any report (a person's document is 4 levels down) by a wide margin
MAX_DEPTH = 32
#: characters of one JSON number: 64 digits are more than any amount or id needs
MAX_NUMBER_CHARS = 64
#: a number's power of ten beyond which it is no quantity a report speaks of
MAX_EXPONENT = 64


class LineError(ValueError):
    """A line that cannot be stored, with the reason to print beside its number."""


def parse_int(text: str) -> int:
    """``json.loads`` hook: a 5,000-digit number is refused before Python converts it."""
    if len(text) > MAX_NUMBER_CHARS:
        raise LineError(f"a number of {len(text)} digits is too long ({text[:12]}…)")
    return int(text)


def parse_float(text: str) -> Decimal:
    """``json.loads`` hook: decimals stay exact, and ``1e400`` is refused, not kept as infinity."""
    if len(text) > MAX_NUMBER_CHARS:
        raise LineError(f"a number of {len(text)} characters is too long ({text[:12]}…)")
    value = Decimal(text)
    if abs(value.adjusted()) > MAX_EXPONENT:
        raise LineError(f"the number {text} is out of range")
    return value


def parse_constant(text: str) -> float:
    """``json.loads`` hook: NaN and Infinity are no JSON, and PostgreSQL's JSONB refuses them."""
    raise LineError(f"{text} is not a JSON number")


def check_text(text: str, where: str) -> None:
    if text.isascii():
        if "\x00" in text:
            raise LineError(f"'{where}' holds a NUL character, which cannot be stored")
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise LineError(
            f"'{where}' holds text that is not valid Unicode at character {error.start + 1} "
            "(a lone surrogate, or a byte the file's encoding does not have; "
            "if the file is not UTF-8, give its encoding with --encoding)"
        ) from None
    if "\x00" in text:
        raise LineError(f"'{where}' holds a NUL character, which cannot be stored")


def label(key: str) -> str:
    """A field name as a reason may quote it: short, printable, whatever the line held."""
    if len(key) <= 40 and key.isprintable():
        return key
    return repr(key[:40])[1:-1] + ("…" if len(key) > 40 else "")


def check_value(value: object, where: str = "", depth: int = 0) -> None:
    """Every string (keys too) storable, nesting at most ``MAX_DEPTH`` deep."""
    if depth > MAX_DEPTH:
        raise LineError(f"'{where}' is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        check_text(value, where or "line")
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = f"{where}.{label(str(key))}" if where else label(str(key))
            check_text(str(key), inner)
            check_value(item, inner, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_value(item, f"{where}.{index}" if where else str(index), depth + 1)
