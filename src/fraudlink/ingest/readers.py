"""Reading report files line by line: each line becomes a validated report or a rejection.

A bad line never stops the file: the reader says which line and why, and goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from fraudlink.errors import ColumnMappingError, UnsupportedFormat
from fraudlink.ingest.checks import (
    LineError,
    check_value,
    parse_constant,
    parse_float,
    parse_int,
)
from fraudlink.ingest.encodings import TextFile, open_text
from fraudlink.ingest.model import ReportLine, describe

REQUIRED = ("id", "agency", "reported_at", "narrative")
#: CSV columns with a meaning beyond "a field of the same name"; everything else not a
#: field of Report JSON Lines v1 is kept as an unknown field.
CSV_SPECIAL = ("loss_amount", "loss_currency", "identifiers", "suspects")
CSV_FIELDS = (*REQUIRED, "country", "language", "scam_type", "tlp", *CSV_SPECIAL)
#: the longest narrative by default (Settings.max_narrative): a seized chat log of
#: thousands of pages, yet small enough that extraction ends in seconds
DEFAULT_MAX_NARRATIVE = 4 << 20


def line_limit(max_narrative: int) -> int:
    """Characters of a raw line (or CSV field) read before it is refused unparsed: the
    narrative written entirely as ``\\uXXXX`` escapes, plus room for the other fields."""
    return 6 * max_narrative + (1 << 20)


def too_long(length: int, max_narrative: int, what: str) -> str:
    return (
        f"{what} of {length:,} characters is longer than the {max_narrative:,} allowed "
        "(FRAUDLINK_MAX_NARRATIVE); split the text or raise the limit"
    )


@dataclass(frozen=True, slots=True)
class Parsed:
    source: str
    line: int
    report: ReportLine
    raw: str
    content_hash: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.report.agency, self.report.id)


@dataclass(frozen=True, slots=True)
class Rejected:
    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


Outcome = Parsed | Rejected
ProgressCallback = Callable[[int], None]


def content_hash(data: Mapping[str, Any]) -> str:
    """Hash of the content, not the bytes: re-serialised lines with the same data are equal."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def jsonable(value: Any) -> Any:
    """Unknown fields may hold Decimals from the JSON parser; JSON columns want plain types."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)


def validate(
    source: str, line: int, data: object, raw: str, max_narrative: int = DEFAULT_MAX_NARRATIVE
) -> Outcome:
    if not isinstance(data, dict):
        return Rejected(source, line, "the line is not a JSON object")
    narrative = data.get("narrative")
    if isinstance(narrative, str) and len(narrative) > max_narrative:
        return Rejected(source, line, too_long(len(narrative), max_narrative, "the narrative"))
    try:
        check_value(data)
        report = ReportLine.model_validate(data)
    except LineError as error:
        return Rejected(source, line, str(error))
    except ValidationError as error:
        return Rejected(source, line, describe(error))
    return Parsed(source, line, report, raw, content_hash(data))


def parse_json_line(
    source: str, line: int, raw: str, max_narrative: int = DEFAULT_MAX_NARRATIVE
) -> Outcome:
    """One JSONL line, every way it can be wrong turned into a reason."""
    try:
        data = json.loads(
            raw, parse_float=parse_float, parse_int=parse_int, parse_constant=parse_constant
        )
    except json.JSONDecodeError as error:
        return Rejected(source, line, f"bad JSON: {error.msg} at column {error.colno}")
    except LineError as error:
        return Rejected(source, line, str(error))
    except RecursionError:
        return Rejected(source, line, "the JSON is nested too deeply")
    return validate(source, line, data, raw, max_narrative)


def _lines(text: TextFile, limit: int) -> Iterator[tuple[str, int]]:
    """Each line and its length, a line over ``limit`` characters as ``("", length)``: read
    on in pieces and dropped, so one 50 MB line costs no more memory than ``limit``."""
    while line := text.handle.readline(limit + 1):
        if len(line) <= limit or line.endswith("\n"):
            yield line, len(line)
            continue
        length = len(line)
        while line and not line.endswith("\n"):
            line = text.handle.readline(limit)
            length += len(line)
        yield "", length


def read_jsonl(
    path: Path,
    progress: ProgressCallback | None = None,
    encoding: str | None = None,
    max_narrative: int = DEFAULT_MAX_NARRATIVE,
) -> Iterator[Outcome]:
    source, limit = str(path), line_limit(max_narrative)
    with open_text(path, encoding) as text:
        for number, (line, length) in enumerate(_lines(text, limit), start=1):
            if progress:
                progress(text.size(line) if line else length)
            if not line:
                yield Rejected(source, number, too_long(length, max_narrative, "a line"))
                continue
            raw = line.rstrip("\r\n")
            if not raw.strip():
                continue
            undecoded = text.undecoded(raw)
            if undecoded:
                yield Rejected(source, number, undecoded)
                continue
            yield parse_json_line(source, number, raw, max_narrative)


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """``--map 'Report No=id'`` pairs as {csv column: field}."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        column, sep, target = pair.rpartition("=")
        if not sep or not column or target not in CSV_FIELDS:
            raise ColumnMappingError(
                f"--map {pair!r} must be COLUMN=FIELD with FIELD one of {', '.join(CSV_FIELDS)}."
            )
        mapping[column] = target
    return mapping


def _check_header(path: Path, header: list[str], mapping: dict[str, str], text: TextFile) -> None:
    undecoded = text.undecoded(",".join(header))
    if undecoded:
        raise ColumnMappingError(f"{path}: the header line is {undecoded}")
    unknown = [column for column in mapping if column not in header]
    if unknown:
        raise ColumnMappingError(
            f"{path}: --map names column(s) {', '.join(unknown)} that the header lacks "
            f"(the header has: {', '.join(header)})."
        )
    fields = {mapping.get(column, column) for column in header}
    missing = [field for field in REQUIRED if field not in fields]
    if missing:
        raise ColumnMappingError(
            f"{path}: the CSV header has no column for {', '.join(missing)}; "
            f"rename the column or map it with --map 'COLUMN={missing[0]}'."
        )


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def csv_row_to_report(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row (already renamed to field names) in the shape of a JSONL report."""
    data: dict[str, Any] = {k: v for k, v in row.items() if k not in CSV_SPECIAL and v != ""}
    data.setdefault("narrative", "")
    if row.get("loss_amount") or row.get("loss_currency"):
        data["loss"] = {
            "amount": row.get("loss_amount", ""),
            "currency": row.get("loss_currency", ""),
        }
    if row.get("identifiers"):
        data["identifiers"] = [
            {"kind": kind.strip(), "value": value.strip()}
            for kind, _, value in (item.partition(":") for item in _split(row["identifiers"]))
        ]
    if row.get("suspects"):
        data["persons"] = [{"name": name, "role": "suspect"} for name in _split(row["suspects"])]
    return data


def parse_date(value: str, date_format: str) -> str:
    """A CSV date in the agency's own layout (``%d/%m/%Y``) as ISO 8601 for the model.

    ``01/03/2025`` is 1 March in most of the world and 3 January in the US: guessing
    would misdate reports silently, so the layout is the user's to say.
    """
    try:
        return dt.datetime.strptime(value.strip(), date_format).isoformat()
    except ValueError:
        raise LineError(
            f"reported_at {value[:40]!r} does not match --date-format {date_format!r}"
        ) from None


def read_csv(
    path: Path,
    mapping: dict[str, str],
    progress: ProgressCallback | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    max_narrative: int = DEFAULT_MAX_NARRATIVE,
) -> Iterator[Outcome]:
    source = str(path)
    csv.field_size_limit(line_limit(max_narrative))
    with open_text(path, encoding, newline="") as text:
        reader = csv.reader(text.handle)
        header = _next_row(reader)
        if isinstance(header, csv.Error):
            raise ColumnMappingError(f"{path}: the CSV header cannot be read ({header}).")
        if header is None:
            return
        _check_header(path, header, mapping, text)
        names = [mapping.get(column, column) for column in header]
        start = reader.line_num + 1
        while (cells := _next_row(reader)) is not None:
            line, start = start, reader.line_num + 1
            if isinstance(cells, csv.Error):
                reason = f"bad CSV: {cells}"
                if "field limit" in str(cells):
                    reason = f"a field is longer than {line_limit(max_narrative):,} characters"
                    reason += f" (FRAUDLINK_MAX_NARRATIVE is {max_narrative:,})"
                yield Rejected(source, line, reason)
                continue
            if progress:
                progress(sum(text.size(cell) for cell in cells) + len(cells))
            if any(cell.strip() for cell in cells):
                yield _csv_outcome(source, line, names, cells, text, (date_format, max_narrative))


def _next_row(reader: Any) -> list[str] | csv.Error | None:
    """The next row, the error that stopped it (the reader goes on after it), or None at the end."""
    try:
        row: list[str] = next(reader)
    except StopIteration:
        return None
    except csv.Error as error:
        return error
    return row


def _csv_outcome(
    source: str,
    line: int,
    names: list[str],
    cells: list[str],
    text: TextFile,
    options: tuple[str | None, int] = (None, DEFAULT_MAX_NARRATIVE),
) -> Outcome:
    date_format, max_narrative = options
    if len(cells) != len(names):
        return Rejected(source, line, f"{len(cells)} cells where the header has {len(names)}")
    undecoded = text.undecoded("".join(cells))
    if undecoded:
        return Rejected(source, line, undecoded)
    row = dict(zip(names, cells, strict=True))
    if date_format and row.get("reported_at"):
        try:
            row["reported_at"] = parse_date(row["reported_at"], date_format)
        except LineError as error:
            return Rejected(source, line, str(error))
    return validate(source, line, csv_row_to_report(row), _csv_text(cells), max_narrative)


def _csv_text(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)
    return buffer.getvalue().rstrip("\r\n")


def read_reports(
    path: Path,
    mapping: dict[str, str] | None = None,
    progress: ProgressCallback | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    max_narrative: int = DEFAULT_MAX_NARRATIVE,
) -> Iterator[Outcome]:
    """Dispatch on the file's extension; other formats are refused up front.

    ``encoding`` is for files that are neither UTF-8 nor marked by a BOM
    (UTF-8, UTF-16 and UTF-32 with a BOM are recognised by it); ``date_format``
    (strptime) reads CSV dates that are not ISO 8601.
    """
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        return read_jsonl(path, progress, encoding, max_narrative)
    if suffix == ".csv":
        return read_csv(path, mapping or {}, progress, encoding, date_format, max_narrative)
    raise UnsupportedFormat(
        f"{path}: fraudlink reads Report JSON Lines (.jsonl) or CSV (.csv); convert the file first."
    )
