"""Every reader on a small file written in its format; hostile and broken files refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from followthemoney import model
from hypothesis import given
from hypothesis import strategies as st

from fraudlink.errors import InputError, UnsupportedFormat
from fraudlink.screen.formats import detect_format, read_list
from fraudlink.screen.formats.common import country_code, iso_date

WALLET = ("crypto_wallet", "0x901bb9583b24d97e995513c6778dc6888ab6870e")


def test_ftm_file_is_valid_followthemoney(data: Path) -> None:
    import json

    for line in (data / "ftm.jsonl").read_text("utf-8").splitlines():
        proxy = model.get_proxy(json.loads(line))
        assert proxy.schema.name in {"Person", "Company", "CryptoWallet", "Sanction"}


def test_ftm_reads_persons_companies_and_wallet_holders(data: Path) -> None:
    parsed = read_list(data / "ftm.jsonl")
    assert parsed.format == "ftm" and parsed.list_date == dt.date(2025, 10, 14)
    chen = next(e for e in parsed.entries if e.id == "fl-prince-chairman")
    assert chen.names == ["Chen Zhi", "陈志", "Vincent Chen"]
    assert chen.birth_dates == ["1987-12-16"] and chen.nationalities == ["CN", "KH"]
    assert WALLET in chen.identifiers and ("passport", "EA1234567") in chen.identifiers
    group = next(e for e in parsed.entries if e.id == "fl-prince-group")
    assert group.schema == "Organization" and ("registration", "00012345") in group.identifiers
    assert len(parsed.entries) == 2


def test_ofac_xml(data: Path) -> None:
    parsed = read_list(data / "sdn.xml")
    assert parsed.format == "ofac-xml" and parsed.list_date == dt.date(2025, 10, 14)
    assert [e.id for e in parsed.entries] == ["ofac-90001", "ofac-90002"]  # the vessel is skipped
    chen = parsed.entries[0]
    assert chen.names == ["Zhi CHEN", "Vincent CHEN"] and chen.birth_dates == ["1987-12-16"]
    assert chen.nationalities == ["KH"] and WALLET in chen.identifiers


def test_ofac_csv_set_joins_aliases(data: Path) -> None:
    parsed = read_list(data / "ofac_csv" / "sdn.csv")
    assert parsed.format == "ofac-csv"
    chen, group = parsed.entries
    assert chen.names == ["CHEN, Zhi", "CHEN, Vincent"] and chen.birth_dates == ["1987-12-16"]
    assert ("passport", "EA1234567") in chen.identifiers and WALLET in chen.identifiers
    assert group.schema == "Organization"
    assert group.names == ["PRINCE HOLDING GROUP", "PRINCE GROUP"]
    assert ("registration", "00012345") in group.identifiers


def test_un_xml(data: Path) -> None:
    parsed = read_list(data / "un.xml")
    assert parsed.format == "un-xml" and parsed.list_date == dt.date(2025, 10, 20)
    park, lotus = parsed.entries
    assert park.names == ["JUNG-WOOK PARK", "박정욱", "Bak Jeong-uk"]
    assert park.nationalities == ["KR"]
    assert park.birth_dates == ["1979-03-02"] and ("passport", "M12345678") in park.identifiers
    assert lotus.schema == "Organization" and "金莲贸易有限公司" in lotus.names


def test_simple_csv(data: Path) -> None:
    parsed = read_list(data / "watchlist.csv")
    assert [e.id for e in parsed.entries] == ["w1", "w2", "w3", "w4"]
    assert WALLET in parsed.entries[0].identifiers


@pytest.mark.parametrize(
    ("name", "error", "words"),
    [
        ("bomb.xml", InputError, "entities"),
        ("truncated.xml", InputError, "truncated"),
        ("wrong.txt", UnsupportedFormat, "not a watchlist format"),
    ],
)
def test_hostile_and_broken_files(data: Path, name: str, error: type, words: str) -> None:
    with pytest.raises(error) as caught:
        read_list(data / name)
    message = str(caught.value)
    assert words in message and message.count(". ") == 0 and message.endswith(".")


def test_wrong_format_forced(data: Path) -> None:
    with pytest.raises(UnsupportedFormat, match="not a OFAC SDN XML"):
        read_list(data / "un.xml", "ofac-xml")


def test_detect(data: Path) -> None:
    assert detect_format(data / "ftm.jsonl") == "ftm"
    assert detect_format(data / "ofac_csv" / "sdn.csv") == "ofac-csv"
    assert detect_format(data / "watchlist.csv") == "csv"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_iso_date_reads_list_notations(day: dt.date) -> None:
    assert iso_date(day.isoformat()) == day.isoformat()
    assert iso_date(day.strftime("%d %b %Y")) == day.isoformat()
    assert iso_date(day.strftime("%m/%d/%Y")) == day.isoformat()
    assert iso_date(f"circa {day.year}") == str(day.year)


@given(st.text(max_size=30))
def test_iso_date_never_raises(text: str) -> None:
    result = iso_date(text)
    assert result is None or result[:4].isdigit()


def test_country_codes() -> None:
    assert country_code("Cambodia") == "KH" and country_code("kh") == "KH"
    assert country_code("Korea, South") == "KR" and country_code("Atlantis") is None
