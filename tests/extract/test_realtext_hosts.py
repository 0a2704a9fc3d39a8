"""Bare hosts in real prose: abbreviations and joints are no domains, country-code hosts are."""

from __future__ import annotations

import pytest

from fraudlink.extract import Context, extract


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.value) for m in extract(text, Context(region="ID", language="id"))]


@pytest.mark.parametrize(
    "text",
    [
        "Ass.sy SUGIYONO mau beli",
        "SMS No.PIN Pemenang anda",
        "Ref:763179369.GRATIS PULSA",
        "info klik di www.info",
        "Jl.Sudirman no 5",
        "please transfer it.now",
        "rekening bri.no 123",
        "run setup.py and main.rs",
    ],
)
def test_prose_is_no_domain(text: str) -> None:
    assert not [kind for kind, _ in _found(text) if kind in ("domain", "url")]


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("visit wallet-help.rs now", "wallet-help.rs"),
        ("see pages.example.sh for it", "example.sh"),
        ("buy at sklep.com.pl today", "sklep.com.pl"),
        ("get paid2x.mov here", "paid2x.mov"),
        ("klik www.promobni46.tk", "promobni46.tk"),
    ],
)
def test_country_code_hosts_without_scheme(text: str, domain: str) -> None:
    assert ("domain", domain) in _found(text)


def test_a_link_with_its_scheme_keeps_an_amount_like_host() -> None:
    found = _found("claim at https://5usdt.com/claim now")
    assert ("url", "https://5usdt.com/claim") in found
    assert not [kind for kind, _ in found if kind == "amount"]


def test_a_full_stop_before_a_capitalised_word_is_no_host() -> None:
    from fraudlink.extract import Context, extract

    text = "tang 1 nam phi quan ly.TEL:0902 299695"
    found = {(m.kind, m.value) for m in extract(text, Context(region="VN", language="vi"))}
    assert found == {("phone", "+84902299695")}
    assert {m.value for m in extract("WWW.EM559.COM", Context()) if m.kind == "domain"} == {
        "em559.com"
    }
