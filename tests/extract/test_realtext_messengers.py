"""Messenger ids, not ordinary words that follow a messenger's name."""

from __future__ import annotations

import pytest

from fraudlink.extract import Context, extract


def _ids(text: str) -> list[tuple[str, str]]:
    kinds = ["telegram", "line", "wechat", "kakao", "whatsapp"]
    return [(m.kind, m.value) for m in extract(text, Context(region="ID"), kinds=kinds)]


@pytest.mark.parametrize(
    "text",
    ["pakai LINE atau WA saja", "add me on telegram group now", "meet @Central Plaza tomorrow"],
)
def test_ordinary_words_are_no_ids(text: str) -> None:
    assert _ids(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Line: apexsupport", ("line", "apexsupport")),
        ("LINE ID apexsupport", ("line", "apexsupport")),
        ("Telegram apex_support", ("telegram", "apex_support")),
        ("微信 lucky8888", ("wechat", "lucky8888")),
        ("contact @ApexSupport now", ("telegram", "apexsupport")),
    ],
)
def test_ids_with_evidence(text: str, found: tuple[str, str]) -> None:
    assert _ids(text) == [found]


def test_a_link_after_a_line_label_is_no_id() -> None:
    assert _ids("หรือแอดไลน์ www.linee.live/q0uD") == []
    assert _ids("LINE ID: john.doe") == [("line", "john.doe")]
