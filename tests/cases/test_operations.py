"""Operations, seized assets through their legal course, restitution and dated USD figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fraudlink.cases import service
from fraudlink.cases.assets import (
    InvalidAssetTransition,
    check_asset_transition,
    propose_restitution,
)
from fraudlink.cases.operations import (
    add_asset,
    add_case,
    change_asset_state,
    log_action,
    open_operation,
    operation_statistics,
    restitution,
)
from fraudlink.cases.rates import import_rates, to_usd
from fraudlink.errors import NotFound
from fraudlink.ingest import ingest_files
from fraudlink.store import Database

DAY = dt.date(2025, 3, 1)


@pytest.mark.parametrize(
    ("current", "new"),
    [(None, "returned"), (None, "confiscated"), ("seized", "returned"), ("frozen", "forfeited"),
     ("returned", "seized"), ("confiscated", "seized"), ("released", "frozen")],
)  # fmt: skip
def test_forbidden_asset_steps_are_refused(current: str | None, new: str) -> None:
    with pytest.raises(InvalidAssetTransition):
        check_asset_transition(current, new, "court order 12/2025")


def test_confiscation_needs_a_court_order() -> None:
    with pytest.raises(InvalidAssetTransition, match="court order"):
        check_asset_transition("frozen", "confiscated", None)
    check_asset_transition("frozen", "confiscated", "Phnom Penh court 12/2025")


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
losses = st.dictionaries(st.text("abcdefgh", min_size=1, max_size=4), amounts, max_size=12)


@given(amounts, losses)
def test_restitution_adds_up_exactly_and_never_exceeds_a_loss(
    amount: Decimal, claims: dict[str, Decimal]
) -> None:
    proposal = propose_restitution(amount, "USD", claims)
    assert sum(proposal.shares.values(), Decimal(0)) + proposal.unallocated == amount
    assert all(share <= claims[victim] for victim, share in proposal.shares.items())
    assert all(share == share.quantize(Decimal("0.01")) for share in proposal.shares.values())
    assert proposal.unallocated >= 0


def test_restitution_is_pro_rata_in_payable_units() -> None:
    claims = {"a": Decimal(10), "b": Decimal(10), "c": Decimal(10)}
    proposal = propose_restitution(Decimal("20"), "KRW", claims)
    assert sorted(proposal.shares.values()) == [6, 7, 7] and proposal.unallocated == 0
    assert propose_restitution(Decimal("50"), "KRW", claims).unallocated == 20


def _rates(tmp_path: Path) -> Path:
    path = tmp_path / "rates.csv"
    path.write_text("date,currency,usd\n2025-01-01,THB,0.0290\n2025-02-01,THB,0.0300\n"
                    "2025-02-01,CNY,0.1380\nbad,THB,1\n", encoding="utf-8")  # fmt: skip
    return path


def test_usd_at_the_newest_rate_on_or_before_the_date(database: Database, tmp_path: Path) -> None:
    with database.session() as session:
        result = import_rates(session, _rates(tmp_path))
        assert (result.added, len(result.rejected)) == (3, 1)
        assert "line 5" in result.rejected[0]
        jan = to_usd(session, Decimal("1000"), "THB", dt.date(2025, 1, 31))
        feb = to_usd(session, Decimal("1000"), "THB", dt.date(2025, 2, 1))
        assert (jan.usd, jan.rate_on, feb.usd, feb.rate_on) == (
            Decimal("29.00"),
            dt.date(2025, 1, 1),
            Decimal("30.00"),
            dt.date(2025, 2, 1),
        )
        with pytest.raises(NotFound, match="rates import"):
            to_usd(session, Decimal(1), "THB", dt.date(2024, 12, 31))
        assert import_rates(session, _rates(tmp_path)).added == 0


def test_an_operation_from_raid_to_restitution(database: Database, tmp_path: Path) -> None:
    lines = [
        '{"id": "V1", "agency": "KH-NPA", "reported_at": "2025-01-05", "narrative": "",'
        ' "loss": {"amount": "3000", "currency": "USD"}}',
        '{"id": "V2", "agency": "KH-NPA", "reported_at": "2025-01-06", "narrative": "",'
        ' "loss": {"amount": "100000", "currency": "THB"}}',
    ]
    reports = tmp_path / "r.jsonl"
    reports.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest_files(database, [reports])
    with database.session() as session:
        import_rates(session, _rates(tmp_path))
        service.open_case(session, "KH-1", "compound", "KH-NPA", ["CN-MPS"])
        case = service.get_case(session, "KH-1")
        for report in ("V1", "V2"):
            service.attach_report(session, case, "KH-NPA", report)
        op = open_operation(session, "OP-1", "Sihanoukville", "KH-NPA", DAY, ["CN-MPS"])
        add_case(session, op, "KH-1")
        at = dt.datetime(2025, 3, 2, 5, tzinfo=dt.UTC)
        log_action(session, op, "raid", at, "KH-NPA", "Preah Sihanouk", persons=0)
        log_action(session, op, "arrest", at, "KH-NPA", "Preah Sihanouk", persons=287)
        log_action(session, op, "rescue", at, "KH-NPA", "Preah Sihanouk", persons=40)
        cash = add_asset(session, "cash", "safe", Decimal("6000.00"), "USD", "KH-NPA", DAY,
                         operation=op, case_reference="KH-1")  # fmt: skip
        with pytest.raises(InvalidAssetTransition):
            change_asset_state(session, cash, "returned", DAY, "KH-NPA")
        change_asset_state(session, cash, "confiscated", dt.date(2025, 2, 15), "KH-NPA", "order 7")
        proposal = restitution(session, cash)
        figures = operation_statistics(session, op, dt.date(2025, 2, 1))
    # V1 lost 3,000 USD, V2 100,000 THB = 3,000 USD at the confiscation date's rate
    assert proposal.shares == {"KH-NPA/V1": Decimal("3000.00"), "KH-NPA/V2": Decimal("3000.00")}
    assert figures["arrested"] == 287 and figures["rescued"] == 40 and figures["reports"] == 2
    assert figures["assets"] == {"confiscated": {"USD": "6000.00"}}
    assert figures["losses_usd"]["total"] == "6000.00"
    assert {r["currency"] for r in figures["losses_usd"]["rates"]} == {"THB", "USD"}


def test_figures_by_unit_roll_up_and_by_month(database: Database, tmp_path: Path) -> None:
    from fraudlink.access import set_parent
    from fraudlink.cases.statistics import as_csv, figures_by

    lines = [
        '{"id": "A1", "agency": "KH-NPA-PP", "reported_at": "2025-01-05T23:30:00-05:00",'
        ' "narrative": "", "loss": {"amount": "100", "currency": "USD"}}',
        '{"id": "A2", "agency": "KH-NPA-SR", "reported_at": "2025-02-06", "narrative": "",'
        ' "loss": {"amount": "50.5", "currency": "USD"}}',
        '{"id": "A3", "agency": "KH-NPA", "reported_at": "2025-02-07", "narrative": ""}',
    ]
    reports = tmp_path / "r.jsonl"
    reports.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest_files(database, [reports])
    with database.session() as session:
        set_parent(session, "KH-NPA-PP", "KH-NPA")
        set_parent(session, "KH-NPA-SR", "KH-NPA")
        op = open_operation(session, "OP-9", "x", "KH-NPA-PP", DAY)
        at = dt.datetime(2025, 2, 1, tzinfo=dt.UTC)
        log_action(session, op, "arrest", at, "KH-NPA-PP", "Phnom Penh", persons=12)
        by_unit = {g.key: g for g in figures_by(session, "unit")}
        by_month = {g.key: g for g in figures_by(session, "month")}
        by_province = {g.key: g for g in figures_by(session, "province")}
        text = as_csv(figures_by(session, "unit"))
    national = by_unit["KH-NPA"]
    assert (national.reports, national.arrested) == (3, 12)
    assert national.losses == {"USD": Decimal("150.5")}
    assert (by_unit["KH-NPA-PP"].reports, by_unit["KH-NPA-SR"].reports) == (1, 1)
    # 23:30 at UTC-5 on 5 January is 6 January in UTC; months are counted in UTC
    assert (by_month["2025-01"].reports, by_month["2025-02"].reports) == (1, 2)
    assert by_month["2025-02"].arrested == 12
    assert by_province["Phnom Penh"].arrested == 12
    assert "KH-NPA,3,12,0,USD,150.5" in text


def test_rescued_people_are_read_only_by_named_roles_of_their_agency(database: Database) -> None:
    from fraudlink.access.principal import principal_for_name
    from fraudlink.access.users import add_user
    from fraudlink.cases.rescued import (
        decide_trafficking_status,
        read_rescued,
        record_rescue,
        record_return,
        rescued_counts,
    )
    from fraudlink.errors import Forbidden, InputError

    with database.session() as session:
        person = record_rescue(session, "KH-NPA", "Nguyen Van A", DAY, "Bavet", "vn",
                               ["medical", "interpreter"])  # fmt: skip
        with pytest.raises(InputError):
            decide_trafficking_status(person, "recognised", "", "")
        decide_trafficking_status(person, "recognised", "NCCT", "Law on trafficking art. 10")
        with pytest.raises(InputError):
            record_return(person, DAY - dt.timedelta(days=1), None)
        record_return(person, DAY + dt.timedelta(days=9), "Embassy of Viet Nam")
        record_rescue(session, "KH-NPA", "Li Wei", DAY, nationality="CN")
        service.agency_id(session, "TH-RTP")
        add_user(session, "kh_liaison", "KH-NPA", ["liaison"], None)
        add_user(session, "kh_analyst", "KH-NPA", ["analyst"], None)
        add_user(session, "th_liaison", "TH-RTP", ["liaison"], None)
        person_id = person.id
    with database.session() as session:
        liaison = principal_for_name(session, "kh_liaison")
        assert read_rescued(session, liaison, person_id, "case KH-1").name == "Nguyen Van A"
        with pytest.raises(InputError, match="purpose"):
            read_rescued(session, liaison, person_id, None)
        with pytest.raises(Forbidden):
            read_rescued(session, principal_for_name(session, "kh_analyst"), person_id, "x")
        with pytest.raises(NotFound):
            read_rescued(session, principal_for_name(session, "th_liaison"), person_id, "x")
        counts = rescued_counts(session)
    assert counts == {"rescued": 2, "recognised": 1, "repatriated": 1,
                      "by_nationality": {"CN": 1, "VN": 1}}  # fmt: skip
    assert "Nguyen" not in str(counts)
