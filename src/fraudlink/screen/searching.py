"""Screening against every stored list, with each list's index held in memory once per process.

``screener(database)`` returns the process-wide ``Screener`` of that database.
Before each search it compares the lists' tokens (new on every import) with
the ones it loaded, in one small query, and reloads only the lists that
changed, so an import by another process is seen on the next query.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select

from fraudlink.link.names.matcher import score_only
from fraudlink.screen.index import NameIndex
from fraudlink.screen.keys import query_keys, typo_keys
from fraudlink.screen.rank import ranking_score
from fraudlink.screen.scoring import Hit, Query, score_entry
from fraudlink.screen.store import load_entries, load_index
from fraudlink.screen.tables import WatchIdentifier, WatchList
from fraudlink.store import Database

CANDIDATES = 12  #: distinct names per list that go through the full comparison
TYPO_CANDIDATES = 8  #: more names from the deletion-key (typo) pass
MIN_SCORE = 0.5  #: hits below this are not returned unless asked
OVERLAP_SHARE = 0.1  #: share of key overlap in the candidate ranking


@dataclass(slots=True)
class _Loaded:
    name: str
    token: str
    index: NameIndex


class Screener:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.lists: dict[int, _Loaded] = {}
        self._lock = threading.Lock()

    def refresh(self, connection: Connection) -> None:
        """Reload lists whose token changed (a re-import); forget removed ones."""
        stmt = select(WatchList.id, WatchList.name, WatchList.token)
        current = {r.id: (r.name, r.token) for r in connection.execute(stmt)}
        with self._lock:
            for gone in set(self.lists) - set(current):
                del self.lists[gone]
            for list_id, (name, token) in current.items():
                loaded = self.lists.get(list_id)
                if loaded is None or loaded.token != token:
                    self.lists[list_id] = _Loaded(name, token, load_index(connection, list_id))

    def _name_candidates(self, query: Query, loaded: _Loaded, limit: int) -> list[int]:
        """Entry ordinals, best first: the compare score, with key overlap breaking near-ties.

        Candidates come from the IDF pass and the typo (deletion-key) pass; each
        pass's overlap is scaled to its best candidate.

        Ranking blends ``compare`` with the IDF overlap (``OVERLAP_SHARE``) so a
        listed name behind a typo that ``compare`` rejects still ranks above names
        that merely share a common surname; the score reported stays evidence-only.
        """
        index = loaded.index
        wanted = max(CANDIDATES, 2 * limit)
        found = _distinct(
            index, index.candidates(*query_keys(query.names, query.schema), 4 * wanted), wanted
        )
        top = max((overlap for _, overlap in found), default=1.0) or 1.0
        overlaps = {ordinal: overlap / top for ordinal, overlap in found}
        typos = index.typo_candidates(typo_keys(query.names, query.schema), TYPO_CANDIDATES)
        most = max((weight for _, weight in typos), default=1.0) or 1.0
        for ordinal, weight in typos:
            overlaps[ordinal] = max(overlaps.get(ordinal, 0.0), weight / most)
        best: dict[int, float] = {}
        for ordinal, overlap in overlaps.items():
            if index.schemas[ordinal] != query.schema:
                continue
            name, schema = index.names[ordinal], query.schema
            score = max(
                ranking_score(score_only(q, name, schema), q, name, schema) for q in query.names
            )
            rank = (1 - OVERLAP_SHARE) * score + OVERLAP_SHARE * overlap
            owner = int(index.owner[ordinal])
            best[owner] = max(best.get(owner, 0.0), rank)
        return sorted(best, key=lambda o: -best[o])[:limit]

    def _identifier_candidates(self, connection: Connection, query: Query) -> dict[int, set[int]]:
        found: dict[int, set[int]] = defaultdict(set)
        for kind, value in query.identifiers:
            stmt = select(WatchIdentifier.list_id, WatchIdentifier.ordinal).where(
                WatchIdentifier.kind == kind, WatchIdentifier.value == value
            )
            for list_id, ordinal in connection.execute(stmt):
                found[list_id].add(ordinal)
        return found

    def search(self, query: Query, limit: int = 10, min_score: float = MIN_SCORE) -> list[Hit]:
        """The best hits over every list, highest score first (retrieval order within ties)."""
        hits: list[Hit] = []
        with self.database.engine.connect() as connection:
            self.refresh(connection)
            by_id = self._identifier_candidates(connection, query)
            for list_id, loaded in list(self.lists.items()):
                ranked = self._name_candidates(query, loaded, limit) if query.names else []
                ranked += sorted(set(by_id.get(list_id, ())) - set(ranked))
                entries = load_entries(connection, list_id, ranked)
                hits += [score_entry(query, entries[o], loaded.name) for o in ranked]
        hits = [h for h in hits if h.score >= min_score]
        return sorted(hits, key=lambda h: -h.score)[:limit]


def _distinct(
    index: NameIndex, found: list[tuple[int, float]], wanted: int
) -> list[tuple[int, float]]:
    """The best candidates up to ``wanted`` distinct names, with every copy of those names.

    A list can hold one name many times (namesakes, aliases); copies cost no extra
    comparison (``compare`` is cached) and must not crowd other names off the shortlist."""
    names: set[str] = set()
    kept = []
    for ordinal, overlap in found:
        name = index.names[ordinal]
        if name not in names and len(names) >= wanted:
            continue
        names.add(name)
        kept.append((ordinal, overlap))
    return kept


_SCREENERS: dict[str, Screener] = {}
_GUARD = threading.Lock()


def screener(database: Database) -> Screener:
    """The process-wide screener of ``database`` (one per database URL)."""
    url = database.engine.url.render_as_string(hide_password=False)
    with _GUARD:
        found = _SCREENERS.get(url)
        if found is None or found.database is not database:
            found = _SCREENERS[url] = Screener(database) if found is None else found
            found.database = database
        return found
