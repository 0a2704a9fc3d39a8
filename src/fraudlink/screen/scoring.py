"""One score for a query against a listed entry, with every feature that moved it.

The name score comes from the cross-script ``compare``. Other evidence then
adjusts it, each adjustment recorded as a feature with its weight:

- a shared strong identifier (wallet, passport, registration number...) lifts
  the score to at least ``IDENTIFIER_FLOOR``: two records holding one wallet
  are one party whatever their names;
- the same birth date adds ``BIRTH_DATE_SAME`` (the same year only, half of
  it); birth years more than one apart subtract ``BIRTH_DATE_CONFLICT``;
- a shared nationality adds ``COUNTRY_SAME``; disjoint ones subtract
  ``COUNTRY_CONFLICT``.

A hit is a match when its final score reaches ``MATCH_THRESHOLD`` (0.8), the
same threshold as name comparison alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fraudlink.link.names import MATCH_THRESHOLD, NameMatch, compare
from fraudlink.link.names.matcher import check_name
from fraudlink.screen.model import STRONG_KINDS, Listed

IDENTIFIER_FLOOR = 0.99
BIRTH_DATE_SAME = 0.06
BIRTH_DATE_CONFLICT = 0.25
COUNTRY_SAME = 0.03
COUNTRY_CONFLICT = 0.1


@dataclass(frozen=True, slots=True)
class Query:
    """What is screened: names in any script, optionally dates, countries and identifiers."""

    names: tuple[str, ...]
    schema: str = "Person"
    birth_dates: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    identifiers: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for name in self.names:  # a name of thousands of characters made ranking quadratic
            check_name(name)


@dataclass(frozen=True, slots=True)
class Hit:
    list_name: str
    entry: Listed
    score: float
    match: bool
    features: dict[str, float]
    explanation: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "list": self.list_name,
            "id": self.entry.id,
            "caption": self.entry.caption,
            "schema": self.entry.schema,
            "score": self.score,
            "match": self.match,
            "features": self.features,
            "explanation": self.explanation,
        }


def best_name(query: Query, entry: Listed) -> tuple[NameMatch | None, str, str]:
    """The best-scoring pair of a query name and a listed name."""
    best: tuple[NameMatch | None, str, str] = (None, "", "")
    for mine in query.names:
        for theirs in entry.names:
            found = compare(mine, theirs, query.schema)
            if best[0] is None or found.score > best[0].score:
                best = (found, mine, theirs)
    return best


def _name_feature(found: NameMatch, mine: str, theirs: str) -> dict[str, Any]:
    return {
        "feature": "name",
        "weight": found.score,
        "query": mine,
        "listed": theirs,
        "detail": [f.as_dict() for f in found.explanation],
    }


def _birth_date(query: Query, entry: Listed) -> tuple[float, str]:
    if not query.birth_dates or not entry.birth_dates:
        return 0.0, ""
    pairs = [(a, b) for a in query.birth_dates for b in entry.birth_dates]
    if any(len(a) == len(b) == 10 and a == b for a, b in pairs):
        return BIRTH_DATE_SAME, "same birth date"
    if any(a[:4] == b[:4] and (len(a) == 4 or len(b) == 4 or a[:7] == b[:7]) for a, b in pairs):
        return BIRTH_DATE_SAME / 2, "same birth year"
    if all(abs(int(a[:4]) - int(b[:4])) > 1 for a, b in pairs):
        return -BIRTH_DATE_CONFLICT, "birth years differ"
    return 0.0, "birth dates close but not equal"


def _country(query: Query, entry: Listed) -> tuple[float, str]:
    mine, theirs = set(query.nationalities), set(entry.nationalities)
    if not mine or not theirs:
        return 0.0, ""
    if mine & theirs:
        return COUNTRY_SAME, f"nationality {', '.join(sorted(mine & theirs))}"
    return (
        -COUNTRY_CONFLICT,
        f"nationality {', '.join(sorted(mine))} vs {', '.join(sorted(theirs))}",
    )


def score_entry(query: Query, entry: Listed, list_name: str) -> Hit:
    """Score ``entry`` for ``query``; the explanation lists each feature and its weight."""
    found, mine, theirs = best_name(query, entry) if query.names else (None, "", "")
    score = found.score if found else 0.0
    features = {"name": score}
    explanation = [_name_feature(found, mine, theirs)] if found else []
    shared = sorted(set(query.identifiers) & set(entry.identifiers))
    strong = [pair for pair in shared if pair[0] in STRONG_KINDS]
    if strong:
        lift = max(IDENTIFIER_FLOOR - score, 0.0)
        score, features["identifier"] = max(score, IDENTIFIER_FLOOR), round(lift, 4)
        explanation.append(
            {
                "feature": "identifier",
                "weight": round(lift, 4),
                "detail": [f"{k}:{v}" for k, v in strong],
            }
        )
    for key, (weight, why) in (
        ("birth_date", _birth_date(query, entry)),
        ("nationality", _country(query, entry)),
    ):
        if why:
            score += weight
            features[key] = weight
            explanation.append({"feature": key, "weight": weight, "detail": why})
    score = round(min(max(score, 0.0), 1.0), 4)
    return Hit(list_name, entry, score, score >= MATCH_THRESHOLD, features, explanation)
