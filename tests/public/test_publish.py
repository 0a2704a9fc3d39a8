"""Threshold rules: below them the public answer is the one for a number nobody reported."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from fraudlink.public.check import check
from fraudlink.public.facts import FactTable, ReportFacts
from fraudlink.public.publish import Thresholds, aggregate, publish
from fraudlink.store import Database

from .conftest import Publish, report

PHONE = ("phone", "+855 12 345 678")


def test_two_reports_from_two_victims_are_not_reported(published: Publish) -> None:
    index = published([report(1, "Sok Dara", [PHONE]), report(2, "Chan Vanna", [PHONE])])
    assert check(index, "phone", "012 345 678", "KH").answer == {"reported": False}


def test_three_reports_from_one_victim_are_not_reported(published: Publish) -> None:
    index = published([report(n, "Sok Dara", [PHONE]) for n in range(3)])
    assert check(index, "phone", "012 345 678", "KH").answer == {"reported": False}


def test_three_reports_from_two_victims_are_reported(published: Publish) -> None:
    victims = ["Sok Dara", "Sok Dara", "Chan Vanna"]
    index = published([report(n, v, [PHONE]) for n, v in enumerate(victims)])
    answer = check(index, "phone", "012 345 678", "KH").answer
    assert answer["reported"] is True
    assert (answer["reports"], answer["victims"]) == (3, 2)
    assert answer["scam_types"] == ["investment"]
    assert answer["first_seen"] <= answer["last_seen"]  # type: ignore[operator]


def test_the_same_story_told_twice_is_one_report(published: Publish) -> None:
    same = "They sold me a fake phone."
    rows = [report(n, "Sok Dara", [PHONE], narrative=same) for n in (1, 2)]
    rows.append(report(3, "Chan Vanna", [PHONE]))
    assert check(published(rows), "phone", "+85512345678").answer == {"reported": False}


def test_thresholds_are_configurable(published: Publish) -> None:
    rows = [report(1, "Sok Dara", [PHONE]), report(2, "Chan Vanna", [PHONE])]
    index = published(rows, Thresholds(min_reports=2, min_victims=2))
    assert check(index, "phone", "+85512345678").answer["reported"] is True


def test_allow_listed_identifiers_answer_official(published: Publish) -> None:
    rows = [report(n, f"Victim {n}", [("domain", "facebook.com")]) for n in range(4)]
    index = published(rows)
    assert check(index, "domain", "https://www.facebook.com/").answer == {
        "reported": False,
        "official": True,
    }
    assert check(index, "url", "https://facebook.com/").answer["official"] is True
    page = check(index, "url", "https://facebook.com/fake.page.support")
    assert page.answer == {"reported": False}


def test_republishing_replaces_the_file_atomically(
    published: Publish, database: Database, tmp_path: Path
) -> None:
    index = published([report(n, f"Victim {n}", [PHONE]) for n in range(3)])
    out = tmp_path / "public.sqlite"
    before = out.stat().st_ino
    publish(database, out, Thresholds(min_reports=4))
    assert out.stat().st_ino != before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    index.refresh()
    assert check(index, "phone", "+85512345678").answer == {"reported": False}


def test_the_index_holds_no_identifier_in_clear(published: Publish, tmp_path: Path) -> None:
    published([report(n, f"Victim {n}", [PHONE, ("telegram", "@scam_boss_kh")]) for n in range(3)])
    data = (tmp_path / "public.sqlite").read_bytes()
    secrets = (b"85512345678", b"scam_boss_kh", b"Victim", b"KH-NPA", b"Report number", b"money")
    for secret in secrets:
        assert secret not in data
    tables = sqlite3.connect(tmp_path / "public.sqlite").execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
    )
    assert sorted(name for (name,) in tables) == ["entry", "meta"]


def test_aggregation_grows_linearly_and_keeps_one_identifier_at_a_time(
    cpu_growth: Callable[[Callable[[int], object], int], float],
) -> None:
    """Mentions grouped by identifier are tallied as they stream; 4 times as many cost
    about 4 times the CPU (a quadratic step would cost 16)."""

    def work(n: int) -> int:
        facts = FactTable(n)
        for r in range(n):
            facts.put(r, ReportFacts(story=r, victim=r // 2, day="2025-06-01",
                                     country="KH", scam_type="investment"))  # fmt: skip
        mentions = (("phone", f"+8551{p:07d}", (p * 31 + j) % n)
                    for p in range(n // 3) for j in range(3))  # fmt: skip
        return sum(1 for _ in aggregate(facts, mentions))

    assert work(30) == 10
    assert cpu_growth(work, 3000) < 8


def test_a_link_typed_without_its_scheme_finds_the_reported_https_page(
    published: Publish,
) -> None:
    page = ("url", "https://shop-vip.example.com/pay?id=7")
    index = published([report(n, v, [page]) for n, v in enumerate(["Sok Dara", "Chan Vanna"] * 2)])
    for typed in ("shop-vip.example.com/pay?id=7", "http://shop-vip.example.com/pay?id=7",
                  "hxxps://shop-vip[.]example[.]com/pay?id=7"):  # fmt: skip
        assert check(index, "url", typed).answer["reported"] is True, typed
    assert check(index, "url", "shop-vip.example.com/other").answer == {"reported": False}


def test_reports_of_a_page_over_http_and_https_count_together(published: Publish) -> None:
    rows = [report(1, "Sok Dara", [("url", "http://shop-vip.example.com/pay")]),
            report(2, "Chan Vanna", [("url", "https://shop-vip.example.com/pay")]),
            report(3, "Lim Sokha", [("url", "shop-vip.example.com/pay")])]  # fmt: skip
    answer = check(published(rows), "url", "https://shop-vip.example.com/pay").answer
    assert (answer["reported"], answer["reports"], answer["victims"]) == (True, 3, 3)


_SCHEMES = st.sampled_from(["http://", "https://", "ftp://"])
_PARTS = st.sampled_from(["a.com", "a.com/p", "a.com/p?u=https://b.com", "a.com/p?u=b.com",
                          "b.com/https://x", "b.com/x"])  # fmt: skip


@given(st.lists(st.tuples(_SCHEMES, _PARTS), min_size=1, max_size=30))
def test_links_are_gathered_once_per_page_whatever_the_scheme(
    links: list[tuple[str, str]],
) -> None:
    """Fed in the database's order, every page (scheme aside) gets one tally of all its reports."""
    from fraudlink.public.index import key_form
    from fraudlink.public.publish import sort_form

    facts = FactTable(len(links))
    for n in range(len(links)):
        facts.put(n, ReportFacts(story=n, victim=n, day="2025-06-01", country="KH",
                                 scam_type="investment"))  # fmt: skip
    mentions = sorted((("url", s + p, n) for n, (s, p) in enumerate(links)),
                      key=lambda m: (m[0], sort_form(m[0], m[1])))  # fmt: skip
    tallies = [(key_form(*key), tally.stories) for key, tally in aggregate(facts, mentions)]
    expected: dict[str, int] = {}
    for scheme, part in links:
        page = key_form("url", scheme + part)
        expected[page] = expected.get(page, 0) + 1
    assert sorted(tallies) == sorted(expected.items())
