"""The yente-shaped /match body: a yente client's request in, a yente-shaped response out."""

from __future__ import annotations

from pathlib import Path

from fraudlink.screen import import_list
from fraudlink.screen.yente import MatchRequest, MatchResponse, match
from fraudlink.store import Database


def test_match_request_and_response_shape(database: Database, data: Path) -> None:
    import_list(database, data / "ftm.jsonl", "opensanctions")
    body = {"queries": {"q1": {"schema": "Person", "properties": {
        "name": ["陳志"], "birthDate": ["1987-12-16"], "nationality": ["kh"]}}}}  # fmt: skip
    response = match(database, MatchRequest.model_validate(body))
    dumped = response.model_dump(by_alias=True)
    result = dumped["responses"]["q1"]["results"][0]
    assert set(result) == {"id", "caption", "schema", "properties", "datasets", "score",
                           "match", "features", "explanation"}  # fmt: skip
    assert result["id"] == "fl-prince-chairman" and result["schema"] == "Person"
    assert result["match"] and result["score"] == 1.0
    assert result["datasets"][0] == "opensanctions"
    assert dumped["responses"]["q1"]["total"] == {"value": 1, "relation": "eq"}
    assert dumped["responses"]["q1"]["query"]["schema"] == "Person"
    assert MatchResponse.model_validate(dumped) == response


def test_match_by_wallet_only(database: Database, data: Path) -> None:
    import_list(database, data / "ftm.jsonl", "opensanctions")
    body = {"queries": {"w": {"schema": "Person", "properties": {
        "publicKey": ["0x901bb9583b24d97e995513c6778dc6888ab6870e"]}}}}  # fmt: skip
    [result] = match(database, MatchRequest.model_validate(body)).responses["w"].results
    assert result.match and result.features["identifier"] > 0
