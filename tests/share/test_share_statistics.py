"""The statistics-only package: figures leave, no person can (the minimisation safeguard)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from fraudlink.cases.rescued import record_rescue
from fraudlink.share import PackageBlocked, Request, create
from fraudlink.share.receive import open_package
from fraudlink.share.statistics import build, check, suppress_small
from fraudlink.share.tables import SharePackage

DAY = dt.date(2025, 3, 1)
NOW = dt.datetime(2025, 3, 2, tzinfo=dt.UTC)
PERSONAL = ("Sok Dara", "Li Wei", "Chen Zhi", "Nguyen Van A", "E1234567", "+855", "4111")


def _request(side: Any, **extra: Any) -> Request:
    return Request(kind="statistics", case="", to="CN-MPS", out=str(side.out / "s.flpkg"),
                   created_by="alice", tlp="GREEN", **extra)  # fmt: skip


def test_statistics_leave_without_any_person(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    with sender.db.session() as session:
        for n in range(4):
            record_rescue(session, "KH-NPA", f"Nguyen Van A{n}", DAY, nationality="VN")
        record_rescue(session, "KH-NPA", "Lone Person", DAY, nationality="LA")
        content = build(session, "month", None, None)
    text = json.dumps(content, ensure_ascii=False)
    assert not [p for p in PERSONAL if p in text] and "Lone Person" not in text
    # one rescued Lao national would be a person: the count is folded away
    assert content["rescued"]["by_nationality"] == {"VN": 4}
    outcome = kit.send(sender, _request(sender))
    received = open_package(receiver.db, Path(outcome.path), kit.passphrase, receiver.evidence,
                            "bo")  # fmt: skip
    assert received.counts == {"groups": 1}
    with receiver.db.session() as session:
        row = session.query(SharePackage).filter_by(direction="inbound").one()
        assert row.request["statistics"]["groups"][0]["reports"] == 2
        assert row.case_id is None


@pytest.mark.parametrize(
    "leak",
    [
        {"name": "Sok Dara"},
        {"victims": [{"name": "Sok Dara"}]},
        {"narrative": "paid Chen Zhi"},
    ],
)
def test_content_with_anything_but_figures_is_blocked(sender: Any, leak: dict[str, Any]) -> None:
    with sender.db.session() as session:
        content = build(session, "unit", None, None)
        content["groups"].append({"key": "KH-NPA", "reports": 1, "arrested": 0, "rescued": 0})
        content["groups"][-1].update(leak)
        reasons = check(session, content)
    assert reasons and "figures only" in reasons[0]


def test_a_group_named_like_a_person_or_a_card_is_blocked(
    sender: Any, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    with sender.db.session() as session:
        content = build(session, "unit", None, None)
        for key in ("Sok Dara", "card 4111 1111 1111 1111"):
            content["groups"].append({"key": key, "reports": 1, "arrested": 0, "rescued": 0})
        reasons = check(session, content)
        content["rescued"]["by_nationality"] = {"LA": 1}
        small = check(session, content)
    assert any("Sok Dara" in r for r in reasons) and any("1111" in r for r in reasons)
    assert any("singled out" in r for r in small)


def test_a_blocked_statistics_package_is_not_written(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    """A province typed as a person's name would carry that name out: nothing is written."""
    from fraudlink.cases.operations import log_action, open_operation

    kit.seed(sender, tmp_path)
    with sender.db.session() as session:
        op = open_operation(session, "OP-1", "x", "KH-NPA", DAY)
        log_action(session, op, "arrest", NOW, "KH-NPA", province="Sok Dara", persons=3)
    with pytest.raises(PackageBlocked, match="Sok Dara"):
        create(sender.db, _request(sender, statistics="province"), kit.passphrase)
    assert not (sender.out / "s.flpkg").exists()


def test_small_counts_fold_into_other() -> None:
    assert suppress_small({"VN": 5, "LA": 1, "TH": 2}) == {"VN": 5, "other": 3}
    assert suppress_small({"VN": 5, "LA": 1}) == {"VN": 5}
