"""A yente-shaped ``/match`` body, so clients written for OpenSanctions' yente can screen here.

Request: ``{"queries": {"q1": {"schema": "Person", "properties": {"name": [...],
"birthDate": [...], "nationality": [...]}}}}``; response:
``{"responses": {"q1": {"query": ..., "results": [...], "total": {...}}}}`` with
each result carrying ``id``, ``caption``, ``schema``, ``properties``,
``datasets``, ``score``, ``match``, ``features`` and ``explanation``.

Differences from yente:

- ``features`` are ours (``name``, ``identifier``, ``birth_date``,
  ``nationality``), with each feature's weight, not logic-v2's feature names;
  ``explanation`` (absent in yente) lists every feature with its detail, down
  to the token pairs of the name comparison.
- ``score`` and ``match`` use our threshold (0.8) and our cross-script name
  comparison; a ``threshold`` or ``algorithm`` field in the request is ignored.
- Only Person, Organization, Company and LegalEntity queries are screened
  (the last two as Organization); identifiers are read from ``passportNumber``,
  ``idNumber``, ``registrationNumber``, ``taxNumber``, ``publicKey`` (wallets),
  ``iban``, ``email`` and ``phone``.
- ``datasets`` name the stored list each result came from; there is no
  dataset scope in the URL and no ``/search`` or ``/entities`` endpoint here.
- ``total`` is ``{"value": n, "relation": "eq"}`` over the returned results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from fraudlink.screen.formats.common import country_code, identifier, iso_date
from fraudlink.store import Database

if TYPE_CHECKING:  # the scorer brings the name tables: loaded on the first match, not at start
    from fraudlink.screen.scoring import Hit, Query

_ID_PROPS = {
    "passportNumber": "passport",
    "idNumber": "national_id",
    "registrationNumber": "registration",
    "taxNumber": "tax_id",
    "publicKey": "crypto_wallet",
    "iban": "iban",
    "email": "email",
    "phone": "phone",
}


class EntityExample(BaseModel):
    model_config = ConfigDict(extra="ignore")

    schema_: str = Field("Person", alias="schema")
    properties: dict[str, list[str]] = Field(default_factory=dict)


class MatchRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    queries: dict[str, EntityExample]


class MatchResult(BaseModel):
    id: str
    caption: str
    schema_: str = Field(alias="schema")
    properties: dict[str, list[str]]
    datasets: list[str]
    score: float
    match: bool
    features: dict[str, float]
    explanation: list[dict[str, Any]]

    model_config = ConfigDict(populate_by_name=True)


class Total(BaseModel):
    value: int
    relation: str = "eq"


class QueryResponse(BaseModel):
    query: EntityExample
    results: list[MatchResult]
    total: Total


class MatchResponse(BaseModel):
    responses: dict[str, QueryResponse]


def to_query(example: EntityExample) -> Query:
    from fraudlink.screen.scoring import Query

    props = example.properties
    schema = "Person" if example.schema_ == "Person" else "Organization"
    ids = [identifier(kind, v) for p, kind in _ID_PROPS.items() for v in props.get(p, [])]
    countries = props.get("nationality", []) + props.get("country", [])
    return Query(
        names=tuple(props.get("name", []) + props.get("alias", [])),
        schema=schema,
        birth_dates=tuple(d for d in map(iso_date, props.get("birthDate", [])) if d),
        nationalities=tuple(c for c in map(country_code, countries) if c),
        identifiers=tuple(pair for pair in ids if pair),
    )


def _result(hit: Hit) -> MatchResult:
    entry = hit.entry
    properties = {
        "name": entry.names[:1],
        "alias": entry.names[1:],
        "birthDate": entry.birth_dates,
        "nationality": entry.nationalities,
    }
    return MatchResult(
        id=entry.id,
        caption=entry.caption,
        schema=entry.schema,
        properties={k: v for k, v in properties.items() if v},
        datasets=[hit.list_name, *entry.datasets],
        score=hit.score,
        match=hit.match,
        features=hit.features,
        explanation=hit.explanation,
    )


def match(
    database: Database, request: MatchRequest, limit: int = 5, dataset: str | None = None
) -> MatchResponse:
    """Answer a yente ``/match`` body from the stored lists (only list ``dataset`` if named)."""
    from fraudlink.screen.searching import screener  # numpy and the index: on first match

    engine = screener(database)
    responses = {}
    for key, example in request.queries.items():
        wanted = limit if dataset is None else limit * 10
        hits = engine.search(to_query(example), wanted)
        if dataset is not None:
            hits = [h for h in hits if h.list_name == dataset][:limit]
        results = [_result(h) for h in hits]
        responses[key] = QueryResponse(
            query=example, results=results, total=Total(value=len(results))
        )
    return MatchResponse(responses=responses)
