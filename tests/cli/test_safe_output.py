"""Text written by scammers is shown as text: no markup, no terminal controls, no bidi tricks."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.table import Table

from fraudlink.cli.common import SafeConsole, styled, visible

HOSTILE = "[/bold]x[red]\x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07\u202eabc\x9b"


def _render(*items: object) -> str:
    console = SafeConsole(file=io.StringIO(), width=200, color_system=None)
    console.print(*items)
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_markup_and_controls_in_data_print_as_text() -> None:
    table = Table("title")
    table.add_row(HOSTILE)
    out = _render(HOSTILE, table, styled(("case", "bold"), " ", HOSTILE))
    assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out and "\x07" not in out
    assert out.count("[/bold]x[red]") == 3
    assert "␛[2J" in out and "<U+202E>abc" in out


@given(st.text())
def test_visible_keeps_length_order_and_every_printable_character(text: str) -> None:
    shown = visible(text)
    assert not any(ord(c) < 0x20 and c not in "\n\t" for c in shown)
    kept = [c for c in text if c.isprintable() and not 0x200E <= ord(c) <= 0x206F]
    assert all(c in shown for c in kept)
