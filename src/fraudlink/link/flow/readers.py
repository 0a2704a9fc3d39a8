"""Reading transaction CSV files: each row becomes a transaction or a rejection with its line.

Columns: ``from, to, amount, currency, time, reference`` (``reference``
optional). Amounts are exact decimals; times are ISO 8601 (UTC when no zone
is given). A bad row never stops the file.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from fraudlink.errors import ColumnMappingError, UnsupportedFormat
from fraudlink.ingest.readers import Rejected as Rejected
from fraudlink.link.flow.accounts import normalise_account
from fraudlink.money import is_known_currency, plain_decimal

REQUIRED = ("from", "to", "amount", "currency", "time")


@dataclass(frozen=True, slots=True)
class Payment:
    """One transaction in normal form; ``line`` is where it was read."""

    from_account: str
    to_account: str
    amount: Decimal
    currency: str
    at: dt.datetime
    reference: str | None = None
    source: str | None = None
    line: int | None = None

    @property
    def dedup_key(self) -> str:
        """Re-imports change nothing: the reference, or sender + receiver + time without one."""
        if self.reference:
            return f"ref:{self.reference}"
        return f"ft:{self.from_account}|{self.to_account}|{self.at.isoformat()}"


def parse_time(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _amount(text: str) -> Decimal:
    value = Decimal(text.strip().replace(",", ""))
    if not value.is_finite() or value <= 0:
        raise InvalidOperation
    return plain_decimal(value)


def parse_row(row: dict[str, str], source: str, line: int) -> Payment | Rejected:
    cells = {key: (row.get(key) or "").strip() for key in (*REQUIRED, "reference")}
    missing = [key for key in REQUIRED if not cells[key]]
    if missing:
        return Rejected(source, line, f"empty {', '.join(missing)}")
    try:
        amount = _amount(cells["amount"])
    except InvalidOperation:
        return Rejected(source, line, f"amount {cells['amount']!r} is not a positive number")
    try:
        at = parse_time(cells["time"])
    except ValueError:
        return Rejected(source, line, f"time {cells['time']!r} is not ISO 8601")
    currency = cells["currency"].upper()
    if not is_known_currency(currency):
        return Rejected(source, line, f"currency {cells['currency']!r} is not a currency code")
    sender, receiver = normalise_account(cells["from"]), normalise_account(cells["to"])
    if sender == receiver:
        return Rejected(source, line, "from and to are the same account")
    return Payment(sender, receiver, amount, currency, at, cells["reference"] or None, source, line)


def read_transactions(path: Path) -> Iterator[Payment | Rejected]:
    if path.suffix.lower() != ".csv":
        raise UnsupportedFormat(f"{path}: transactions are read from CSV; export them as .csv.")
    source = str(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip().lower() for name in reader.fieldnames or []]
        absent = [name for name in REQUIRED if name not in header]
        if absent:
            raise ColumnMappingError(
                f"{path}: the header lacks {', '.join(absent)}; "
                f"transactions need the columns {', '.join(REQUIRED)} (and reference)."
            )
        reader.fieldnames = header
        for row in reader:
            if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
                continue
            yield parse_row(row, source, reader.line_num)
