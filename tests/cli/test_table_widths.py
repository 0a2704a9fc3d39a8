"""Tables stay square in Khmer, Thai, Lao, Myanmar, Han and Hangul, measured as the C
library's wcwidth measures (what tmux and xterm use to place characters)."""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import locale

import pytest

from fraudlink.cli.common import SafeConsole, data_table

NAMES = ("ស្វាយរៀង", "សុខ ដារា", "陈志", "Nguyễn Văn", "ผู้เสียหาย", "박정욱", "ເງິນ", "မြန်မာ")


def _libc_width() -> object:
    try:
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no C.UTF-8 locale to measure with the C library's wcwidth")
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.wcwidth.argtypes = [ctypes.c_wchar]
    return lambda line: sum(max(libc.wcwidth(char), 0) for char in line)


@pytest.mark.parametrize("width", [80, 120])
def test_every_row_of_a_mixed_script_table_is_as_wide_as_the_header(width: int) -> None:
    measure = _libc_width()
    table = data_table("name", "country", "note")
    for name in NAMES:
        table.add_row(name, "KH", "ok")
    buffer = io.StringIO()
    SafeConsole(file=buffer, width=width).print(table)
    lines = buffer.getvalue().splitlines()
    assert len({measure(line) for line in lines}) == 1, lines  # type: ignore[operator]
