"""Aggregate the agency's reports into the public index.

An identifier is published only when at least ``min_reports`` independent
reports from at least ``min_victims`` distinct victims name it; below that the
public answer must be the same as for a number nobody reported. Two reports are
not independent when the same victim tells the same story twice (a complaint
forwarded to two agencies, a file imported under two ids). A victim is known by
the phone, e-mail or name in the report's protected ``victim`` field; a report
without one counts as its own victim, since the agency accepted it as such.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from fraudlink.public.facts import FactTable, Gathered, ReportFacts
from fraudlink.public.index import OFFICIAL, WEB_SCHEMES, Entry, key_form, write_index
from fraudlink.public.tables import PublicWithdrawal
from fraudlink.store import Database
from fraudlink.store.schema import Identifier, Report, ReportIdentifier

#: agency kinds the public may check (cards stay inside the agency, amounts are not contacts)
PUBLISHED_KINDS = (
    "phone", "iban", "bank_account", "crypto_wallet", "url", "domain", "email",
    "telegram", "whatsapp", "line", "wechat", "kakao",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Thresholds:
    min_reports: int = 3
    min_victims: int = 2

    def met(self, tally: Gathered) -> bool:
        return tally.stories >= self.min_reports and tally.victims >= self.min_victims


def entry(kind: str, value: str, tally: Gathered) -> Entry:
    return Entry(kind, value, reports=tally.stories, victims=tally.victims,
                 first_seen=tally.first, last_seen=tally.last,
                 scam_types=tally.scam_types, countries=tally.countries)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PublishSummary:
    path: str
    entries: int
    reported: int
    official: int
    withheld: int
    withdrawn: int
    seconds: float

    def as_json(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


_SPACE = re.compile(r"\s+")


def victim_key(victim: dict[str, Any] | None, fallback: str) -> int:
    """Who the victim is, as far as the report says: phone digits, else e-mail, else name."""
    victim = victim if isinstance(victim, dict) else {}
    digits = "".join(ch for ch in str(victim.get("phone") or "") if ch.isdigit())
    if len(digits) >= 6:
        return _hash64("p:" + digits[-9:])
    for name in ("email", "name"):
        value = _SPACE.sub(" ", str(victim.get(name) or "")).strip().casefold()
        if value:
            return _hash64(f"{name[0]}:{value}")
    return _hash64("r:" + fallback)


def report_facts(report: Any) -> ReportFacts:
    fallback = f"{report.agency_id}:{report.external_id}"
    victim = victim_key(report.victim, fallback)
    story = _SPACE.sub(" ", report.narrative or "").strip().casefold()
    when: dt.datetime = report.reported_at
    return ReportFacts(
        story=_hash64(f"{victim}:{story}" if story else "r:" + fallback),
        victim=victim,
        day=when.date().isoformat(),
        country=report.country,
        scam_type=report.scam_type,
    )


def public_keys(kind: str, value: str) -> list[tuple[str, str]]:
    """The keys a stored identifier is published under; a local account also by its digits.

    The public types an account number without knowing how the agency wrote the bank.
    """
    keys = [(kind, value)]
    if kind == "bank_account" and ":" in value:
        keys.append((kind, value.rpartition(":")[2]))
    return keys


def _facts(database: Database) -> FactTable:
    columns = (Report.id, Report.agency_id, Report.external_id, Report.reported_at,
               Report.country, Report.scam_type, Report.narrative, Report.victim)  # fmt: skip
    with database.session() as session:
        table = FactTable(int(session.scalar(select(func.max(Report.id))) or 0) + 1)
        for row in session.execute(select(*columns).execution_options(yield_per=5000)):
            table.put(row.id, report_facts(row))
    return table


def _mentions(database: Database) -> Iterator[tuple[str, str, int]]:
    """Every (kind, value, report) mention, grouped so that one public key's arrive together.

    Links come last, ordered by their value with the web schemes replaced out (so
    ``http://x/p`` and ``https://x/p`` meet); every other kind comes in (kind, value)
    order, which the identifier index gives without a sort. Reports that only
    retracted packages brought count for nothing.
    """
    from fraudlink.access.scope import withdrawn as retracted

    unschemed: Any = Identifier.value
    for scheme in WEB_SCHEMES:
        unschemed = func.replace(unschemed, scheme, "")
    base = (
        select(Identifier.kind, Identifier.value, ReportIdentifier.report_id)
        .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
        .where(Identifier.valid.is_(True))
        .where(ReportIdentifier.report_id.not_in(retracted("report")))
        .execution_options(yield_per=20000)
    )
    others = [kind for kind in PUBLISHED_KINDS if kind != "url"]
    for stmt in (
        base.where(Identifier.kind.in_(others)).order_by(Identifier.kind, Identifier.value),
        base.where(Identifier.kind == "url").order_by(unschemed),
    ):
        with database.session() as session:
            for row in session.execute(stmt):
                yield row.kind, row.value, row.report_id


def tallies(database: Database) -> Iterator[tuple[tuple[str, str], Gathered]]:
    return aggregate(_facts(database), _mentions(database))


def aggregate(
    facts: FactTable, mentions: Iterable[tuple[str, str, int]]
) -> Iterator[tuple[tuple[str, str], Gathered]]:
    """One tally per public key, from mentions grouped by (kind, value) (any ORDER BY does).

    One identifier's reports are held at a time, so memory does not grow with the
    number of identifiers. Bank accounts are the exception: an account is also
    published under its digits alone, a key that sorts elsewhere, so they are
    gathered in a dict (they are a small share of what is reported).
    """
    accounts: dict[tuple[str, str], list[int]] = {}
    current: tuple[str, str] | None = None
    #: within one sort key: public key form -> (the first value written so, its reports)
    group: dict[str, tuple[str, list[int]]] = {}
    for kind, value, report_id in mentions:
        if kind == "bank_account":
            for key in public_keys(kind, value):
                accounts.setdefault(key, []).append(report_id)
            continue
        if (kind, sort_form(kind, value)) != current:
            yield from _gathered(facts, current, group)
            current, group = (kind, sort_form(kind, value)), {}
        group.setdefault(key_form(kind, value), (value, []))[1].append(report_id)
    yield from _gathered(facts, current, group)
    for key, found in accounts.items():
        yield key, facts.gather(found)


def _gathered(
    facts: FactTable, current: tuple[str, str] | None, group: dict[str, tuple[str, list[int]]]
) -> Iterator[tuple[tuple[str, str], Gathered]]:
    for value, ids in group.values():
        assert current is not None
        yield (current[0], value), facts.gather(ids)


def sort_form(kind: str, value: str) -> str:
    """What ``_mentions`` orders by: a link with every web scheme taken out.

    The database does the same with ``replace``, so ``http://x/p`` and ``https://x/p``
    (one public key) arrive together; values that only share this form are kept apart
    by their public key while they stream by.
    """
    if kind != "url":
        return value
    for scheme in WEB_SCHEMES:
        value = value.replace(scheme, "")
    return value


def official(database: Database) -> set[tuple[str, str]]:
    """The allow-list (shipped and the agency's own): platforms, banks' hotlines."""
    from fraudlink.link.networks import allowlist

    entries = {(a.kind, a.value) for a in allowlist.shipped()}
    with database.session() as session:
        entries.update((a.kind, a.value) for a in allowlist.entries(session))
    return entries


#: kinds whose values are the same thing: a number withdrawn as a phone is withdrawn on WhatsApp
_TWINS = {"phone": "whatsapp", "whatsapp": "phone"}


def twins(kind: str) -> tuple[str, ...]:
    """``kind`` and the kinds whose values are the same thing."""
    return (kind, _TWINS[kind]) if kind in _TWINS else (kind,)


def account_forms(value: str) -> tuple[str, str | None]:
    """A bank account's digits and its bank (``None`` when written without one)."""
    bank, _, digits = value.rpartition(":")
    return digits, bank or None


@dataclass(frozen=True, slots=True)
class Withdrawn:
    """The identifiers upheld disputes took out of the index.

    A bank account is withdrawn in every form the public may type it: withdrawn with its
    bank (``ICBC:123``), its digits-alone key goes too (it would answer for it); withdrawn
    as bare digits (the public typed no bank), the account written with any bank goes.
    """

    keys: frozenset[tuple[str, str]]
    bare_accounts: frozenset[str]

    def __contains__(self, key: object) -> bool:
        if key in self.keys:
            return True
        if not isinstance(key, tuple) or len(key) != 2 or key[0] != "bank_account":
            return False
        return account_forms(str(key[1]))[0] in self.bare_accounts


def withdrawn(database: Database) -> Withdrawn:
    with database.session() as session:
        rows = list(session.execute(select(PublicWithdrawal.kind, PublicWithdrawal.value)))
    keys = {(twin, key_form(kind, value)) for kind, value in rows for twin in twins(kind)}
    bare: set[str] = set()
    for kind, value in rows:
        if kind == "bank_account":
            digits, bank = account_forms(value)
            keys.add((kind, digits))
            if bank is None:
                bare.add(digits)
    return Withdrawn(frozenset(keys), frozenset(bare))


def publish(database: Database, out: Path, thresholds: Thresholds | None = None) -> PublishSummary:
    """Write the public index of ``database`` to ``out``, replacing it atomically."""
    import time

    started = time.perf_counter()
    limits = thresholds or Thresholds()
    allowed, removed = official(database), withdrawn(database)
    allowed_keys = {(kind, key_form(kind, value)) for kind, value in allowed}
    counts = {"reported": 0, "withheld": 0, "withdrawn": 0}

    def entries() -> Iterator[Entry]:
        for (kind, value), tally in tallies(database):
            key = (kind, key_form(kind, value))
            if key in allowed_keys:
                continue
            if key in removed:
                counts["withdrawn"] += 1
            elif limits.met(tally):
                counts["reported"] += 1
                yield entry(kind, value, tally)
            else:
                counts["withheld"] += 1
        for kind, value in sorted(allowed):
            if (kind, key_form(kind, value)) in allowed_keys:  # http and https: one entry
                allowed_keys.discard((kind, key_form(kind, value)))
                yield Entry(kind, value, status=OFFICIAL)

    meta = {
        "published_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "min_reports": str(limits.min_reports),
        "min_victims": str(limits.min_victims),
    }
    total = write_index(out, entries(), meta)
    return PublishSummary(str(out), total, counts["reported"], len(allowed), counts["withheld"],
                          counts["withdrawn"], round(time.perf_counter() - started, 3))  # fmt: skip
