"""The hub rule's priors: what an operation owns needs more evidence than what looks public."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from fraudlink.link.networks import link_reports
from fraudlink.link.networks.explain import explain
from fraudlink.link.networks.graph import partition
from fraudlink.link.networks.hubs import NEVER, PERSONAL_HUB_GROUPS, looks_official, profile
from fraudlink.store import Database

Row = dict[str, Any]
Load = Callable[[list[Row], str], None]
Networks = Callable[[], dict[str, int]]


def test_public_numbers_and_home_pages_look_official() -> None:
    assert looks_official("phone", "+6628888888")  # a Bangkok landline
    assert not looks_official("phone", "+66812345678")  # a Thai mobile
    assert looks_official("url", "https://www.scb.co.th/")
    assert not looks_official("url", "https://scb-th.top/login?code=7")
    assert not looks_official("crypto_wallet", "TF4Bz7cT4bcWKMSyHAdGkikWd3cxHKPMCg")


def test_a_mobile_star_over_three_fragments_links() -> None:
    # reports 0-1, 2-3, 4-5 are fragments joined by their own handles; a mobile joins them
    rep = np.array([0, 1, 2, 3, 4, 5, 0, 2, 4, 6], np.int64)
    ident = np.array([1, 1, 2, 2, 3, 3, 4, 4, 4, 4], np.int64)
    rows = [(1, "telegram", "a1"), (2, "telegram", "b2"), (3, "telegram", "c3"),
            (4, "phone", "+66812345678")]  # fmt: skip
    degree = np.bincount(ident)
    hub_profile = profile(rows, degree)
    assert hub_profile.needed[4] == PERSONAL_HUB_GROUPS
    linked = partition(7, rep, ident, (), hub_profile.needed)
    assert len(set(linked.labels.tolist())) == 1 and 4 not in linked.verdicts  # cannot be one
    as_landline = profile([*rows[:3], (4, "phone", "+6628888888")], degree)
    split = partition(7, rep, ident, (), as_landline.needed)
    assert split.verdicts[4].hub and len(set(split.labels.tolist())) == 4  # 3 fragments + report 6


def test_an_ordinary_degree_for_its_kind_never_makes_a_hub() -> None:
    # 500 wallets two victims paid, 20 that eight paid: five victims is ordinary for a wallet
    degree = np.array([0] + [2] * 500 + [8] * 20 + [5, 900], np.int64)
    rows = [(i, "crypto_wallet", f"w{i}") for i in range(1, len(degree))]
    needed = profile(rows, degree).needed
    assert needed[521] == NEVER and needed[522] == PERSONAL_HUB_GROUPS


def test_a_hotline_written_for_another_country_is_no_evidence(
    database: Database, load: Load, hub_rows: list[Row], make_report: Callable[..., Row],
    networks_of: Networks,
) -> None:  # fmt: skip
    # the hub phone +63 2 7899 6030 read as an Indonesian number by two unrelated victims
    variant = ("phone", "+62 632 7899 6030")
    rows = [*hub_rows, make_report("V1", [variant, ("telegram", "@ring0_alpha")]),
            make_report("V2", [variant, ("telegram", "@ring1_alpha")])]  # fmt: skip
    load(rows, "variant.jsonl")
    link_reports(database)
    networks = networks_of()
    assert networks["V1"] == networks["N0-1"] != networks["V2"] == networks["N1-1"]
    ignored = dict(explain(database, "V1", "V2").ignored)
    assert "written for another country" in ignored["phone:+6263278996030"]
