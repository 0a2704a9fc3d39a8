"""Money flow: import is idempotent and names bad rows; trace follows FIFO, in time order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fraudlink.errors import ColumnMappingError, NotFound
from fraudlink.link.flow import (
    Payment,
    import_transactions,
    normalise_account,
    trace_account,
    trace_payments,
)
from fraudlink.link.flow.generate import generate_transactions, write_csv
from fraudlink.store import Database

T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


def pay(a: str, b: str, amount: str, hours: float, ref: str | None = None) -> Payment:
    return Payment(a, b, Decimal(amount), "USD", T0 + dt.timedelta(hours=hours), ref)


def test_fifo_mixing_passes_on_only_the_victims_share_in_arrival_order() -> None:
    trace = trace_payments("VICTIM", [
        pay("OTHER", "MULE", "300", 0),      # clean money arrives first
        pay("VICTIM", "MULE", "1000", 1),
        pay("MULE", "MULE2", "500", 2),      # 300 clean first, then 200 of the victim's
        pay("MULE", "WALLET", "800", 3),     # the other 800 of the victim's
        pay("MULE2", "EXCHANGE", "200", 4),  # the 300 clean arrived first at MULE2 too
    ])  # fmt: skip
    carried = {(h.from_account, h.to_account): h.amount for h in trace.hops}
    assert carried == {
        ("VICTIM", "MULE"): Decimal("1000"),
        ("MULE", "MULE2"): Decimal("200"),
        ("MULE", "WALLET"): Decimal("800"),
    }
    ends = {(e.account, e.amount, e.reason) for e in trace.ends}
    assert ends == {
        ("WALLET", Decimal("800"), "no outgoing records"),
        ("MULE2", Decimal("200"), "held"),
    }


def test_money_never_leaves_before_it_arrived() -> None:
    trace = trace_payments("VICTIM", [
        pay("MULE", "BOSS", "700", 0),       # paid out before the victim's money came
        pay("VICTIM", "MULE", "700", 1),
    ])  # fmt: skip
    assert [(h.from_account, h.to_account) for h in trace.hops] == [("VICTIM", "MULE")]
    assert [(e.account, e.reason) for e in trace.ends] == [("MULE", "held")]


@given(st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=8))
def test_traced_money_is_conserved(amounts: list[int]) -> None:
    payments = [pay("VICTIM", "M1", str(a), i) for i, a in enumerate(amounts)]
    payments.append(pay("M1", "M2", str(sum(amounts) // 2 or 1), 100))
    trace = trace_payments("VICTIM", payments)
    assert sum(e.amount for e in trace.ends) == sum(amounts)


def test_accounts_are_normalised_like_identifiers() -> None:
    assert normalise_account("gb82 west 1234 5698 7654 32") == "GB82WEST12345698765432"
    assert normalise_account("vcb: 0123-456-789") == "VCB:0123456789"
    assert normalise_account("0x52908400098527886E0F7030069857D2E4169EE7") == (
        "0x52908400098527886e0f7030069857d2e4169ee7"
    )
    assert normalise_account("6222 0212-3456") == "622202123456"


CSV = """from,to,amount,currency,time,reference
GB82 WEST 1234 5698 7654 32,VCB:0123 456 789,1500.50,usd,2025-03-01T09:00:00+07:00,R1
VCB:0123456789,TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE,1400,USD,2025-03-01T12:00:00+07:00,R2
A,B,-5,USD,2025-03-01T12:00:00,R3
A,B,10,USD,yesterday,R4
A,B,10,XXQ,2025-03-01T12:00:00,R5
VCB:0123456789,VCB:555,50.25,USD,2025-03-02T12:00:00+07:00,
"""


def test_import_names_bad_rows_and_is_idempotent(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "tx.csv"
    path.write_text(CSV, encoding="utf-8")
    first = import_transactions(database, [path])
    assert (first.added, first.unchanged) == (3, 0)
    assert [r.line for r in first.rejected] == [4, 5, 6]
    assert "positive number" in first.rejected[0].reason
    assert "ISO 8601" in first.rejected[1].reason
    again = import_transactions(database, [path])
    assert (again.added, again.unchanged) == (0, 3)
    trace = trace_account(database, "gb82west12345698765432")
    assert [str(h.amount) for h in trace.hops] == ["1500.5", "1400", "50.25"]
    ends = {e.account: (str(e.amount), e.reason) for e in trace.ends}
    assert ends == {
        "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE": ("1400", "no outgoing records"),
        "VCB:555": ("50.25", "no outgoing records"),
        "VCB:0123456789": ("50.25", "held"),
    }


def test_trace_of_an_unknown_account_says_what_to_do(database: Database) -> None:
    with pytest.raises(NotFound, match="fraudlink transactions import"):
        trace_account(database, "NOPE:1")


def test_a_header_without_amount_is_refused(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("from,to,currency,time\nA,B,USD,2025-01-01T00:00:00\n", encoding="utf-8")
    with pytest.raises(ColumnMappingError, match="amount"):
        import_transactions(database, [path])


def test_generated_victims_money_reaches_a_cashout_wallet(tmp_path: Path) -> None:
    payments = generate_transactions(120, seed=2)
    victim = next(p for p in payments if p.from_account.startswith("VICTIM:"))
    trace = trace_payments(victim.from_account, payments)
    assert max(h.depth for h in trace.hops) == 3
    assert any(e.account.startswith("CASHOUT:") for e in trace.ends)
    assert sum(e.amount for e in trace.ends) == victim.amount
    assert write_csv(payments).count("\n") == len(payments) + 1
