"""Read a watchlist file of any supported format into ``ParsedList`` (nothing is written).

Formats: ``ftm`` (FollowTheMoney JSON Lines, as OpenSanctions exports),
``ofac-xml`` (``sdn.xml``), ``ofac-csv`` (``sdn.csv`` with ``alt.csv``),
``un-xml`` (UN Security Council consolidated list) and ``csv`` (our simple CSV).
Without ``--format`` the format is told from the file's first bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fraudlink.errors import InputError, UnsupportedFormat
from fraudlink.screen.formats.common import WatchlistFileError
from fraudlink.screen.formats.csvlists import read_ofac_csv, read_simple_csv
from fraudlink.screen.formats.ftm import read_ftm
from fraudlink.screen.formats.xmllists import read_ofac_xml, read_un_xml
from fraudlink.screen.model import ParsedList

READERS: dict[str, Callable[[Path], ParsedList]] = {
    "ftm": read_ftm,
    "ofac-xml": read_ofac_xml,
    "ofac-csv": read_ofac_csv,
    "un-xml": read_un_xml,
    "csv": read_simple_csv,
}

__all__ = ["READERS", "WatchlistFileError", "detect_format", "read_list"]


def _head(path: Path) -> str:
    with path.open("rb") as handle:
        return handle.read(4096).decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")


def detect_format(path: Path) -> str:
    """Guess the format from content, not the file name (downloads are often renamed)."""
    head = _head(path)
    if head.startswith("{"):
        return "ftm"
    if head.startswith("<"):
        if "sdnList" in head:
            return "ofac-xml"
        if "CONSOLIDATED_LIST" in head:
            return "un-xml"
        return "un-xml" if "<!DOCTYPE" in head or "<!ENTITY" in head else "unknown-xml"
    first = head.split("\n", 1)[0]
    if first.split(",", 1)[0].strip().isdigit():
        return "ofac-csv"
    if "name" in [c.strip().strip('"').lower() for c in first.split(",")]:
        return "csv"
    raise UnsupportedFormat(
        f"{path.name} is not a watchlist format fraudlink reads; "
        f"pass --format with one of: {', '.join(READERS)}."
    )


def read_list(path: Path, format: str | None = None) -> ParsedList:
    """The whole list, checked; raises ``InputError`` with one sentence on any problem."""
    if not path.is_file():
        raise InputError(f"{path} does not exist or is not a file; give the path of a list.")
    chosen = format or detect_format(path)
    if chosen == "unknown-xml":
        raise UnsupportedFormat(
            f"{path.name} is XML but neither an OFAC SDN nor a UN consolidated list; "
            "check the file or pass --format."
        )
    if chosen not in READERS:
        raise UnsupportedFormat(f"Unknown format {chosen!r}; use one of: {', '.join(READERS)}.")
    try:
        parsed = READERS[chosen](path)
    except UnicodeDecodeError as error:
        raise WatchlistFileError(
            f"{path.name} is not UTF-8 text (byte {error.start}); save the list as UTF-8."
        ) from error
    if not parsed.entries:
        raise InputError(f"{path.name} holds no person or organisation; nothing was imported.")
    return parsed
