"""Each safeguard blocks on its own, and the sender reads every failing rule, one line each."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fraudlink.access.principal import acting_as
from fraudlink.errors import Forbidden, InputError, NotFound
from fraudlink.share import (
    PackageBlocked,
    Request,
    approve,
    create,
    open_package,
    record_consular,
)
from fraudlink.share.content import mask_cards, minimise
from fraudlink.share.tables import SharePackage
from fraudlink.store.schema import Case, CaseSubject, Report

NOW = dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)


def request(side: Any, kit: Any, kind: str = "case_notification", **options: Any) -> Request:
    return Request(
        kind=kind,
        case=kit.case,
        to="CN-MPS",
        out=str(side.out / "p.flpkg"),
        created_by="alice",
        **options,
    )


def blocked(side: Any, kit: Any, req: Request) -> list[str]:
    with pytest.raises(PackageBlocked) as caught:
        create(side.db, req, kit.passphrase, acting_as(side.db, req.created_by))
    assert not Path(req.out).exists() and not Path(req.out + ".partial").exists()
    assert str(caught.value).count("\n  - ") == len(caught.value.reasons)
    with side.db.session() as session:  # the refusal is kept, with its reasons
        row = session.scalars(select(SharePackage).order_by(SharePackage.id.desc())).first()
        assert row is not None and row.status == "blocked"
        assert row.problems == caught.value.reasons and row.kind == req.kind
    return caught.value.reasons


def flag_subject(side: Any, kit: Any, name: str, flags: dict[str, object]) -> None:
    entity_id = kit.entity(side.db, name)
    with side.db.session() as session:
        subject = session.scalars(
            select(CaseSubject).where(CaseSubject.entity_id == entity_id)
        ).one()
        subject.flags = flags


def test_article3_blocks_a_political_case(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path, {"political": True, "religious": True})
    reasons = blocked(sender, kit, request(sender, kit))
    assert len(reasons) == 2
    assert "political character; INTERPOL's Article 3" in reasons[0]


def test_non_refoulement_keeps_an_asylum_seeker_out_of_repatriation(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    suspect = kit.entity(sender.db, "Chen Zhi")
    record_consular(sender.db, kit.case, suspect, NOW, False, None, None, "alice")
    flag_subject(sender, kit, "Chen Zhi", {"asylum_seeker": True})
    flag_subject(sender, kit, "Li Wei", {"at_risk_of_persecution": True})
    req = request(sender, kit, "repatriation_request", subject=suspect, legal_basis="extradition")
    reasons = blocked(sender, kit, req)
    assert [r.split(" is flagged")[0] for r in reasons] == [
        "Subject Chen Zhi (suspect)",
        "Subject Li Wei (victim)",
    ]
    assert all("non-refoulement" in r for r in reasons)
    # the same people may still be named in a case notification
    assert kit.send(sender, request(sender, kit)).status == "written"


def test_minimisation_rule_and_minimiser(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    content = {
        "victims": [{"ref": 1, "name": "Sok Dara", "nationality": "KH"}],
        "reports": [{"narrative": "card 4111-1111-1111-1111", "victim": {"x": 1}}],
    }
    kept = minimise({**content, "victims": [dict(content["victims"][0])]}, "victim_support")
    assert kept["victims"][0]["name"] == "Sok Dara"
    assert kept["reports"][0]["narrative"] == "card 411111******1111"
    stripped = minimise(
        {"victims": [{"ref": 1, "name": "Sok Dara"}], "reports": []}, "investigation"
    )
    assert stripped["victims"] == [{"ref": 1}]
    assert mask_cards("ref 4111111111111112 stays") == "ref 4111111111111112 stays"  # not Luhn
    from fraudlink.share.markings import Markings
    from fraudlink.share.safeguards import Draft, minimisation

    kit.seed(sender, tmp_path)
    with sender.db.session() as session:
        case = session.scalars(select(Case)).one()
        draft = Draft(
            session, "case_notification", case, "CN-MPS", "KH", Markings(), "investigation", content
        )
        reasons = minimisation(draft)
    assert reasons == [
        "A victim's name would leave although purpose 'investigation' does not need victims' "
        "personal data.",
        "A payment card number ending 1111 would leave unmasked.",
    ]


@pytest.mark.parametrize(
    ("requested", "notified", "expected"),
    [
        (True, None, "asked for their consulate to be notified, but no notification time"),
        (False, NOW, "did not ask for consular notification, yet the consulate was notified"),
        (True, NOW - dt.timedelta(hours=1), "notified before they were told of their right"),
    ],
)
def test_consular_notification_follows_the_persons_request(
    sender: Any,
    receiver: Any,
    tmp_path: Path,
    kit: Any,
    requested: bool,
    notified: dt.datetime | None,
    expected: str,
) -> None:
    kit.seed(sender, tmp_path)
    suspect = kit.entity(sender.db, "Chen Zhi")
    req = request(sender, kit, "repatriation_request", subject=suspect, legal_basis="deportation")
    assert "no consular-notification record" in blocked(sender, kit, req)[0]
    record_consular(sender.db, kit.case, suspect, NOW, requested, notified, "CN", "alice")
    assert expected in blocked(sender, kit, req)[0]


def test_tlp_may_not_be_lowered_and_red_needs_another_supervisor(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    with sender.db.session() as session:
        session.scalars(select(Case)).one().tlp = "AMBER+STRICT"
    assert "would lower it" in blocked(sender, kit, request(sender, kit, tlp="GREEN"))[0]
    lin, sam = acting_as(sender.db, "lin"), acting_as(sender.db, "sam")
    outcome = create(sender.db, request(sender, kit, tlp="AMBER+STRICT"), kit.passphrase, lin)
    assert outcome.status == "awaiting_approval"
    with pytest.raises(InputError, match="another person than its creator"):
        approve(sender.db, outcome.package_id, lin, kit.passphrase)
    with pytest.raises(Forbidden, match="supervisor"):
        approve(sender.db, outcome.package_id, acting_as(sender.db, "alice"), kit.passphrase)
    assert approve(sender.db, outcome.package_id, sam, kit.passphrase).status == "written"
    with pytest.raises(InputError, match="not awaiting approval"):
        approve(sender.db, outcome.package_id, sam, kit.passphrase)


def test_a_package_blocked_at_approval_stays_blocked_with_its_reasons(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    with sender.db.session() as session:
        session.scalars(select(Case)).one().tlp = "AMBER+STRICT"
    lin, sam = acting_as(sender.db, "lin"), acting_as(sender.db, "sam")
    req = request(sender, kit, tlp="AMBER+STRICT")
    outcome = create(sender.db, req, kit.passphrase, lin)
    assert outcome.status == "awaiting_approval"
    with sender.db.session() as session:  # the case changed meanwhile
        session.scalars(select(Case)).one().flags = {"political": True}
    with pytest.raises(PackageBlocked) as caught:
        approve(sender.db, outcome.package_id, sam, kit.passphrase)
    assert not Path(req.out).exists()
    with sender.db.session() as session:
        row = session.scalars(select(SharePackage)).one()
        assert (row.status, row.problems) == ("blocked", caught.value.reasons)
    with pytest.raises(InputError, match="'blocked', not awaiting approval"):
        approve(sender.db, outcome.package_id, sam, kit.passphrase)


def test_no_onward_sharing_without_permission(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    kit.send(sender, request(sender, kit))
    bo = acting_as(receiver.db, "bo")
    open_package(receiver.db, sender.out / "p.flpkg", kit.passphrase, receiver.evidence, bo)
    third = kit.side(str(tmp_path / "th.db"), "TH-RTP", "TH", tmp_path / "th")
    kit.introduce(receiver, third)
    onward = Request(
        kind="case_notification",
        case=kit.case,
        to="TH-RTP",
        out=str(receiver.out / "p.flpkg"),
        created_by="bo",
    )
    reasons = blocked(receiver, kit, onward)
    assert reasons == [
        f"Case {kit.case} holds information from KH-NPA (package "
        f"{reasons[0].split('package ')[1][:8]}) that may not be passed on without "
        "KH-NPA's permission."
    ]
    back = Request(
        kind="case_notification",
        case=kit.case,
        to="KH-NPA",
        out=str(receiver.out / "back.flpkg"),
        created_by="bo",
    )
    assert kit.send(receiver, back, approver="lin").status == "written"
    third.db.dispose()


def test_a_package_is_as_restrictive_as_its_most_restrictive_record(
    db_url: str, tmp_path: Path, kit: Any
) -> None:
    """Issue 10, item 2: an AMBER package of an AMBER case carried RED and AMBER+STRICT
    reports, created by an unregistered user, and left with no approval."""
    sender = kit.side(db_url, "KH-NPA", "KH", tmp_path / "kh")
    receiver = kit.side(str(tmp_path / "cn.db"), "CN-MPS", "CN", tmp_path / "cn")
    kit.introduce(sender, receiver)
    kit.seed(sender, tmp_path)
    with sender.db.session() as session:
        for report in session.scalars(select(Report)):
            report.tlp = "RED" if report.external_id == "r2" else "AMBER+STRICT"
    stranger = Request(
        kind="case_notification", case=kit.case, to="CN-MPS", out=str(tmp_path / "x"),
        created_by="eve", tlp="RED", recipients=["insp. Wang"],
    )  # fmt: skip
    with pytest.raises(NotFound, match="No user 'eve'"):
        create(sender.db, stranger, kit.passphrase, acting_as(sender.db, "eve"))
    assert blocked(sender, kit, request(sender, kit)) == [
        "Report r2 is TLP:RED; a package marked TLP:AMBER would lower it "
        "(mark it TLP:RED or leave that record out)."
    ]
    red = request(sender, kit, tlp="RED")
    assert blocked(sender, kit, red) == [
        "TLP:RED goes only to named people: give --recipient NAME for each person at CN-MPS "
        "who may read it."
    ]
    alice = acting_as(sender.db, "alice")
    outcome = create(sender.db, replace(red, recipients=["insp. Wang"]), kit.passphrase, alice)
    assert outcome.status == "awaiting_approval" and not Path(red.out).exists()
    with pytest.raises(Forbidden, match="supervisor"):
        approve(sender.db, outcome.package_id, alice, kit.passphrase)
    approve(sender.db, outcome.package_id, acting_as(sender.db, "sam"), kit.passphrase)
    bo = acting_as(receiver.db, "bo")
    received = open_package(receiver.db, Path(red.out), kit.passphrase, receiver.evidence, bo)
    assert received.tlp == "RED"
    with receiver.db.session() as session:
        row = session.scalars(select(SharePackage)).one()
        assert row.request["manifest"]["recipients"] == ["insp. Wang"]
        assert row.approved_by == "sam"
    sender.db.dispose()
    receiver.db.dispose()


def test_the_two_person_rule_covers_everything_above_green_or_naming_people() -> None:
    from fraudlink.share.markings import needs_approval

    assert not needs_approval("CLEAR", False) and not needs_approval("GREEN", False)
    assert needs_approval("GREEN", True) and needs_approval("AMBER", False)
    assert needs_approval("AMBER+STRICT", False) and needs_approval("RED", False)
