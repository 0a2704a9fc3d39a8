"""Cell widths as terminals count them, so Khmer, Thai, Lao and Myanmar rows keep tables square.

Rich counts a spacing vowel sign (Unicode category Mc, e.g. Khmer ា U+17B6) as no
cell, as grapheme-aware emulators do; the C library's ``wcwidth``, and so tmux,
xterm and most terminals an analyst reaches over SSH, give it one cell. A Khmer
name then pushed every border after it out of line. We count as the C library
does: zero only for non-spacing and enclosing marks and format characters.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import rich.cells
import rich.segment

_rich_size = rich.cells.get_character_cell_size


@lru_cache(maxsize=4096)
def character_cells(character: str, unicode_version: str = "auto") -> int:
    """Rich's width, except that a spacing mark Rich counts as zero takes its one cell."""
    size = _rich_size(character, unicode_version)
    if size == 0 and unicodedata.category(character) == "Mc":
        return 1
    return size


def install() -> None:
    """Make Rich measure with ``character_cells`` (idempotent; before any text is measured)."""
    if rich.cells.get_character_cell_size is character_cells:
        return
    rich.cells.get_character_cell_size = character_cells
    rich.segment.get_character_cell_size = character_cells  # type: ignore[attr-defined]
    rich.cells.cached_cell_len.cache_clear()
