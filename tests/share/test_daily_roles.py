"""The daily work end to end: an analyst, a liaison officer and a supervisor at one agency,
a liaison officer at the partner, each on their own database, through the CLI only.

What each person sees is asserted on the text they read (and on --json where a
machine reads it): a look-up, a money trace with offsets and an exchange, a
package shown before approval, approved, opened, corrected and retracted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from fraudlink.cli.main import app

PASS = "correct horse battery staple"
WALLET = "TLbZzx2w5smaVqST8oB5iKgasEhfsFTuCB"
LEDGER = f"""from,to,amount,currency,time,reference
VICTIM:r1,KBANK:111-222-333,35000,THB,2025-03-01T10:00:00+07:00,T1
KBANK:111222333,crypto_wallet:{WALLET},1000,USDT,2025-03-01T05:00:00Z,T2
"""


#: API tokens of the people who sign in (made with `fraudlink token create`).
TOKENS: dict[str, str] = {}


def as_user(user: str, *args: str, code: int = 0) -> str:
    env = {"FRAUDLINK_PASSPHRASE": PASS, "FRAUDLINK_USER": user, "COLUMNS": "100"}
    env |= {"FRAUDLINK_TOKEN": TOKENS.get(user, ""), "FRAUDLINK_PASSWORD": "a long password 1"}
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == code, (args, result.output, result.exception)
    return str(result.output)


def released(made: str, db: str) -> dict[str, Any]:
    """The package, approved by the supervisor when the rules make it wait for one."""
    outcome: dict[str, Any] = json.loads(made)
    if outcome["status"] == "awaiting_approval":
        as_user("sam", "package", "approve", outcome["package_id"], "--db", db)
    return outcome


def test_analyst_liaison_and_supervisor_across_two_agencies(tmp_path: Path, kit: Any) -> None:
    kh, cn = str(tmp_path / "kh.db"), str(tmp_path / "cn.db")
    for code, country, db in (("KH-NPA", "KH", kh), ("CN-MPS", "CN", cn)):
        as_user("admin", "agency", "init", code, "--country", country, "--name", code, "--db", db)
        as_user("admin", "agency", "export-card", str(tmp_path / f"{code}.json"), "--db", db)
    as_user("admin", "agency", "add", str(tmp_path / "CN-MPS.json"), "--db", kh)
    as_user("admin", "agency", "add", str(tmp_path / "KH-NPA.json"), "--db", cn)
    for name, agency, role, db in (
        ("alice", "KH-NPA", "liaison", kh), ("sam", "KH-NPA", "supervisor", kh),
        ("li", "CN-MPS", "liaison", cn),
    ):  # fmt: skip
        as_user("admin", "user", "add", name, "--agency", agency, "--role", role, "--db", db)
        TOKENS[name] = as_user("admin", "token", "create", name, "--db", db).splitlines()[-1]
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    side = type("Side", (), {"code": "KH-NPA", "db": open_database(Settings(db=kh))})()
    kit.seed(side, tmp_path)
    side.db.dispose()

    # the analyst: which reports hold this phone, written as the victim wrote it?
    as_user("ana", "link", "--db", kh)
    seen = as_user("ana", "lookup", "phone", "012 345 678", "--country", "KH", "--db", kh)
    assert "phone:+85512345678" in seen and "2 reports" in seen
    assert "KH-NPA/r1" in seen and "KH-NPA/r2" in seen
    [chen] = [json.loads(line) for line in as_user(
        "ana", "person", "find", "陈志", "--db", kh, "--json").splitlines()]  # fmt: skip
    assert "Chen Zhi" in chen["names"] and chen["reports"] == ["KH-NPA/r1"]

    # the analyst follows the money: +07:00 then Z, two hours later, THB exchanged into USDT
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(LEDGER, "utf-8")
    as_user("ana", "transactions", "import", str(ledger), "--db", kh)
    trail = as_user("ana", "trace", "VICTIM:r1", "--db", kh)
    assert trail.index("03:00Z") < trail.index("05:00Z")
    assert "exchanged from THB" in trail and f"rests at {WALLET}" in trail

    # the liaison officer asks for evidence for a prosecution: no_court lifted
    exhibit = tmp_path / "bank statement 2025-03.pdf"
    exhibit.write_bytes(b"%PDF-1.4 statement")
    out1 = str(tmp_path / "p1.flpkg")
    made = json.loads(as_user(
        "alice", "package", "create", "evidence_transfer", out1, "--case", kit.case,
        "--to", "CN-MPS", "--tlp", "AMBER+STRICT", "--purpose", "prosecution",
        "--handling", "crime_only", "--handling", "no_onward", "--evidence", str(exhibit),
        "--method", "bank production order", "--authorisation", "warrant PP-2025-19",
        "--request", "use at trial of Chen Zhi", "--db", kh, "--json"))  # fmt: skip
    package = made["package_id"]
    assert made["status"] == "awaiting_approval"

    # the supervisor reads it before approving
    shown = as_user("sam", "package", "show", package, "--db", kh)
    assert "awaiting_approval" in shown and "created by alice" in shown
    assert "not approved" in shown and "bank statement 2025-03.pdf" in shown
    assert "handling crime_only" in shown and "no_court" not in shown
    assert "purpose: prosecution" in shown and "safeguards: passed" in shown
    as_user("sam", "package", "approve", package, "--db", kh)
    assert "approved by sam" in as_user("sam", "package", "show", package[:8], "--db", kh)
    as_user("alice", "package", "open", out1, "--db", kh, code=1)  # one's own package
    log = [json.loads(line) for line in as_user(
        "x", "audit", "log", "--json", "--record", f"share_package/{package}", "--db", kh
    ).splitlines()]  # fmt: skip
    assert [(e["action"], e["user"]) for e in log] == [
        ("create", "alice"),
        ("approve", "sam"),
        ("export", "sam"),
    ]
    trusted = as_user("x", "audit", "log", "--json", "--record", "agency_key", "--db", kh)
    assert json.loads(trusted)["user"] == "admin"

    # the partner's liaison officer opens it and sees what was asked, why, under which codes
    evidence = tmp_path / "cn-evidence"
    opened = as_user("li", "package", "open", out1, "--db", cn, "--evidence-dir", str(evidence))
    assert "purpose: prosecution" in opened and "handling: crime_only, no_onward" in opened
    [stored] = list(evidence.glob("*/*"))
    assert stored.name == exhibit.name and stored.read_bytes() == exhibit.read_bytes()
    inbound = json.loads(as_user("li", "package", "show", package, "--db", cn, "--json"))
    assert inbound["direction"] == "inbound" and inbound["approved_by"] == "sam"
    assert inbound["request"]["request"] == "use at trial of Chen Zhi"
    assert "no_court" not in inbound["markings"]["handling"]
    [item] = inbound["contents"]["evidence_item"]
    assert "bank production order under warrant PP-2025-19" in item

    # a case notification, corrected, then retracted: the receiver sees what each changed
    out2, out3, out4 = (str(tmp_path / f"p{n}.flpkg") for n in (2, 3, 4))
    note = json.loads(as_user("alice", "package", "create", "case_notification", out2, "--case",
                              kit.case, "--to", "CN-MPS", "--db", kh, "--json"))  # fmt: skip
    assert note["status"] == "awaiting_approval"  # it names people: a second officer approves
    as_user("sam", "package", "approve", note["package_id"], "--db", kh)
    assert "imported: " in as_user("li", "package", "open", out2, "--db", cn)
    corrected = json.loads(as_user("alice", "package", "correct", note["package_id"], out3,
                                   "--reason", "wrong date", "--db", kh, "--json"))  # fmt: skip
    as_user("sam", "package", "approve", corrected["package_id"], "--db", kh)
    assert "replaced: " in as_user("li", "package", "open", out3, "--db", cn)
    released(as_user("alice", "package", "retract", corrected["package_id"], out4,
                     "--reason", "sent in error", "--db", kh, "--json"), kh)  # fmt: skip
    withdrawn = as_user("li", "package", "open", out4, "--db", cn)
    assert "withdrew: " in withdrawn and "report" in withdrawn
    assert "nothing new" not in withdrawn
