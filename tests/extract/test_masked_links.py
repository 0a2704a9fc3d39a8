"""A link whose path a warning page or a redacted report masked is no link: found on the
quoted messages of ``tests/data/realtext/sms-unseen-4b.jsonl``."""

from __future__ import annotations

from fraudlink.extract import Context, extract

JP = Context(region="JP", language="ja")


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.kind, m.value) for m in extract(text, JP) if m.valid}


def test_a_masked_path_gives_no_url() -> None:
    text = "お客様が不在の為お荷物を持ち帰りました。「https://t.co/**********」"
    assert _found(text) == {("domain", "t.co")}
    assert _found("see https://bit.ly/●●●● now") == {("domain", "bit.ly")}


def test_a_star_inside_a_real_path_is_kept() -> None:
    assert ("url", "https://bit.ly/abc*def") in _found("see https://bit.ly/abc*def now")
    assert ("url", "https://t.co/abc123") in _found("go https://t.co/abc123")
