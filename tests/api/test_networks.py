"""Network detail with key players, its graph, explaining a link and the money trace, per scope."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fraudlink.link import link_reports
from fraudlink.link.flow import import_transactions

Server = Any
IBAN = "GB82 WEST 1234 5698 7654 32"
LEDGER = """from,to,amount,currency,time,reference
GB82WEST12345698765432,VCB:0123456789,1500.50,USD,2026-03-02T09:00:00+07:00,T1
VCB:0123456789,TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE,1400,USD,2026-03-02T12:00:00+07:00,T2
VCB:0123456789,VCB:999,100,USD,2026-03-03T12:00:00+07:00,T3
"""


def _network(server: Server, user: str = "kh_analyst") -> int:
    link_reports(server.database)
    listed = server.client.get("/api/v1/networks", headers=server.auth(user)).json()
    return int(listed["items"][0]["id"])


def test_detail_carries_key_players_and_only_what_the_caller_sees(loaded: Server) -> None:
    network = _network(loaded)
    own = loaded.client.get(f"/api/v1/networks/{network}", headers=loaded.auth("kh_analyst"))
    assert own.status_code == 200, own.text
    body = own.json()
    assert {"KH-1", "PP-1"} <= set(body["reports"])
    assert "TH-1" not in body["reports"]
    labels = [p["label"] for p in body["players"]]
    assert "phone:+85512345678" in labels
    assert all("TH-1" not in label for label in labels)
    thai = loaded.client.get(f"/api/v1/networks/{network}", headers=loaded.auth("th_analyst"))
    assert thai.status_code in (200, 404)
    assert "KH-1" not in thai.text and "Suspect KH-1" not in thai.text


def test_graph_has_reports_identifiers_persons_with_positions(loaded: Server) -> None:
    network = _network(loaded)
    answer = loaded.client.get(
        f"/api/v1/networks/{network}/graph", headers=loaded.auth("kh_analyst")
    )
    assert answer.status_code == 200, answer.text
    graph = answer.json()
    kinds = {node["kind"] for node in graph["nodes"]}
    assert kinds == {"report", "identifier", "person"}
    ids = {node["id"] for node in graph["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert len({(n["x"], n["y"]) for n in graph["nodes"]}) == len(graph["nodes"])
    labels = {node["label"] for node in graph["nodes"]}
    assert "phone:+85512345678" in labels and "Suspect KH-1" in labels
    assert not any("TH-" in label for label in labels)


def test_graph_needs_a_purpose(loaded: Server) -> None:
    network = _network(loaded)
    bare = loaded.auth("kh_analyst", purpose=False)
    answer = loaded.client.get(f"/api/v1/networks/{network}/graph", headers=bare)
    assert answer.status_code == 428
    assert answer.headers["content-type"] == "application/problem+json"


def test_players_are_paged_with_a_cursor(loaded: Server) -> None:
    network = _network(loaded)
    path = f"/api/v1/networks/{network}/players?limit=1"
    first = loaded.client.get(path, headers=loaded.auth("kh_analyst")).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = loaded.client.get(
        f"{path}&cursor={first['next_cursor']}", headers=loaded.auth("kh_analyst")
    ).json()
    assert second["items"] and second["items"][0] != first["items"][0]


def test_explain_gives_the_chain_and_hides_unseen_reports(loaded: Server) -> None:
    _network(loaded)
    path = "/api/v1/networks/explain?a=KH-NPA/KH-1&b=KH-PP/PP-1"
    answer = loaded.client.get(path, headers=loaded.auth("kh_analyst"))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["linked"] is True
    assert [step["identifier"] for step in body["path"]] == ["phone:+85512345678"]
    stranger = loaded.client.get(path, headers=loaded.auth("th_analyst"))
    assert stranger.status_code == 404
    assert stranger.headers["content-type"] == "application/problem+json"


def test_money_trace_of_an_account_a_visible_report_names(server: Server, tmp_path: Path) -> None:
    line = server.report("KH-NPA", "KH-9", f"Sent the money to {IBAN}")
    line["identifiers"] = [{"kind": "iban", "value": IBAN}]
    sent = server.client.post("/api/v1/reports", json=[line], headers=server.auth("kh_analyst"))
    assert sent.status_code == 200, sent.text
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    import_transactions(server.database, [ledger])
    link_reports(server.database)
    path = "/api/v1/trace?account=" + IBAN.replace(" ", "%20")
    answer = server.client.get(path, headers=server.auth("kh_analyst"))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [(h["from"], h["to"]) for h in body["hops"]][:1] == [
        ("GB82WEST12345698765432", "VCB:0123456789")
    ]
    columns = {a["account"]: a["column"] for a in body["diagram"]["accounts"]}
    assert columns["GB82WEST12345698765432"] == 0 and columns["VCB:0123456789"] == 1
    assert server.client.get(path, headers=server.auth("th_analyst")).status_code == 404


def _listed(server: Server, user: str) -> list[dict[str, Any]]:
    answer = server.client.get("/api/v1/networks", headers=server.auth(user))
    assert answer.status_code == 200, answer.text
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


def test_list_counts_what_each_caller_sees_stored_and_released(loaded: Server) -> None:
    """Own agencies' reports come from the stored figures; a joint-case release and a RED
    report one is named on are added to them; nothing else counts."""
    link_reports(loaded.database)
    kh = _listed(loaded, "kh_analyst")
    # KH-1, PP-1 (a unit's) and KH-RED (the submitter is named on it); not TH-1
    assert [row["size"] for row in kh] == [3]
    assert kh[0]["countries"] == {"KH": 3}
    assert kh[0]["identifiers"] == [{"identifier": "phone:+85512345678", "reports": 3}]
    assert _listed(loaded, "th_analyst") == []  # TH-1 alone is no network to Thailand
    loaded.release_kh1()
    th = _listed(loaded, "th_analyst")  # TH-1 and the released KH-1
    assert [(row["id"], row["size"], row["countries"]) for row in th] == [
        (kh[0]["id"], 2, {"TH": 1, "KH": 1})
    ]
    assert _listed(loaded, "kh_analyst") == kh  # the release adds nothing KH did not see
