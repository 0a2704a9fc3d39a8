"""Which encoding a report file is in: its byte-order mark, the user's word, or UTF-8.

A file is decoded with ``surrogateescape``, so a byte the encoding does not
have becomes a lone surrogate in the text instead of an exception that would
end the file: the line holding it is reported (with a hint to give
``--encoding``) and the lines after it still load.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from fraudlink.errors import InputError

#: longest first: a UTF-32-LE mark begins with the UTF-16-LE one
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: bytes per character where a line's size in bytes is simply proportional to its length
FIXED_WIDTH = {"utf-16": 2, "utf-32": 4}


def check_encoding(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(
            f"--encoding {name!r} is not an encoding Python knows; try utf-8, latin-1 or cp1252."
        ) from None


def sniff(path: Path, given: str | None) -> str:
    """The BOM's encoding if the file starts with one (it cannot be mistaken), else ``given``."""
    with path.open("rb") as handle:
        start = handle.read(4)
    for bom, name in BOMS:
        if start.startswith(bom):
            return name
    return check_encoding(given) if given else "utf-8"


@dataclass(frozen=True, slots=True)
class TextFile:
    handle: TextIO
    encoding: str

    def size(self, text: str) -> int:
        """Bytes the text took in the file, for a progress bar counted in bytes."""
        width = FIXED_WIDTH.get(self.encoding)
        if width:
            return len(text) * width
        if text.isascii():
            return len(text)
        base = "utf-8" if self.encoding == "utf-8-sig" else self.encoding
        return len(text.encode(base, "surrogateescape"))

    def undecoded(self, text: str) -> str:
        """Why ``text`` holds bytes the file's encoding lacks, or "" when it holds none."""
        if text.isascii():
            return ""
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            name = self.encoding.removesuffix("-sig").upper()
            return (
                f"not {name} text (character {error.start + 1}); "
                "give the file's encoding with --encoding, e.g. --encoding latin-1"
            )
        return ""


@contextmanager
def open_text(path: Path, given: str | None, newline: str | None = None) -> Iterator[TextFile]:
    encoding = sniff(path, given)
    with path.open(encoding=encoding, errors="surrogateescape", newline=newline) as handle:
        yield TextFile(handle, encoding)
