"""The ``domain`` kind: registrable domains by the public-suffix list shipped offline."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract.base import KINDS, Context, Match
from fraudlink.extract.kinds import domain as _domain  # noqa: F401  (registers the kind)
from fraudlink.extract.text import FoldedText


def found(text: str) -> list[Match]:
    matches = list(KINDS["domain"].find(FoldedText.of(text), Context()))
    for match in matches:
        assert text[match.start : match.end] == match.raw
    return matches


def values(text: str) -> list[str]:
    return [match.value for match in found(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("请访问 apex-invest.com 注册", ["apex-invest.com"]),  # zh
        ("apex-invest[.]com에서 투자했어요", ["apex-invest.com"]),  # ko
        ("Trang web apex-invest(dot)com.vn rất uy tín.", ["apex-invest.com.vn"]),  # vi
        ("เว็บ APEX-INVEST.CO.TH ค่ะ", ["apex-invest.co.th"]),  # th
        ("គេហទំព័រ apex-invest[.]com.kh។", ["apex-invest.com.kh"]),  # km
        ("サイトはapex-invest.jpです", ["apex-invest.jp"]),  # ja
        ("visit https://mail.apex-invest.co.uk/x today", ["apex-invest.co.uk"]),  # en
        ("hxxps://login[.]apex-invest[.]com/x", ["apex-invest.com"]),
        ("apex-invest dot com", ["apex-invest.com"]),
        ("our site apex.github.io and apex.blogspot.com", ["apex.github.io", "apex.blogspot.com"]),
        ("github.io itself", ["github.io"]),
        ("https://例子.中国/x", ["xn--fsqu00a.xn--fiqs8s"]),
        ("bücher.de", ["xn--bcher-kva.de"]),
        ("t.me/apex_support", ["t.me"]),
        ("apex.com.Next time", ["apex.com"]),
    ],
)
def test_domains(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "file.txt, photo.jpg, setup.exe, example.exe, script.py, notes.md, archive.zip",
        "version v1.2 or 2.0.1, paid 1.5 BTC, 3.14159",
        "e.g. this, i.e. that, U.S. dollars, a.m. and p.m.",
        "It ended.Next day I paid.Then home.Today",
        "the dot com bubble",
        "ip 203.0.113.7 only",
        "mail me: lucky@qq.com or lucky[at]qq[.]com",
        "localhost and intranet",
    ],
)
def test_not_domains(text: str) -> None:
    assert values(text) == []


def test_the_span_is_the_host_as_written() -> None:
    (match,) = found("访问 hxxps://www[.]apex-invest[.]com/x")
    assert match.raw == "www[.]apex-invest[.]com"


def test_normalise_a_field_value() -> None:
    kind = KINDS["domain"]
    for raw in ("APEX-INVEST.COM", "https://www.apex-invest.com/x", "apex-invest[.]com"):
        match = kind.normalise(raw, Context())
        assert match is not None and match.value == "apex-invest.com"
    assert kind.normalise("file.txt", Context()) is None


_GUARD = """
import socket
def refuse(*args, **kwargs):
    raise SystemExit("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from fraudlink.extract.base import KINDS, Context
from fraudlink.extract.kinds import domain
from fraudlink.extract.text import FoldedText
text = FoldedText.of("a.b.apex.co.uk x.pages.dev")
found = [m.value for m in KINDS["domain"].find(text, Context())]
assert found == ["apex.co.uk", "x.pages.dev"], found
print("offline ok")
"""


def test_the_public_suffix_list_is_never_fetched() -> None:
    """In a fresh interpreter (no warm cache), with every socket call refused."""
    result = subprocess.run(
        [sys.executable, "-c", _GUARD], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "offline ok" in result.stdout
    assert socket.socket.connect is not None


_hosts = st.from_regex(
    r"([a-z][a-z0-9-]{0,6}[a-z0-9]\.){1,3}(com|net|org|co\.uk|com\.vn|in\.th)", fullmatch=True
)


@settings(max_examples=200, deadline=None)
@given(_hosts)
def test_normalise_is_idempotent(host: str) -> None:
    first = KINDS["domain"].normalise(host, Context())
    assert first is not None
    again = KINDS["domain"].normalise(first.value, Context())
    assert again is not None and again.value == first.value


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes(text: str) -> None:
    for match in found(text):
        assert match.value == match.value.lower() and "." in match.value
