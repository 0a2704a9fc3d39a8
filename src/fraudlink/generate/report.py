"""One Report JSON Lines v1 object: the victim's narrative plus the optional structured fields.

Which optional fields appear is drawn per report at roughly the rates real
agency exports show (language 70 %, loss 85 %, structured identifiers 40 %,
persons 30 %), so consumers meet every combination, including empty
narratives whose identifiers are only in the structured list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any

from fraudlink.generate.amounts import Money, draw_money, write_money
from fraudlink.generate.dates import write_date
from fraudlink.generate.identifiers import Identifier, mint_phone
from fraudlink.generate.names import Name, make_name
from fraudlink.generate.network import Network, Person, pick_identifiers
from fraudlink.generate.notation import render_identifier
from fraudlink.generate.phrases import PHRASEBOOKS, Phrasebook
from fraudlink.generate.world import VICTIM_COUNTRIES, VictimCountry, Weights, pick

_COUNTRIES = {c.code: c for c in VICTIM_COUNTRIES}
_CONTACT = frozenset({"phone", "telegram", "whatsapp", "wechat", "line", "kakao", "email"})
_DEFAULT_LABELS = {"wechat": ("WeChat: ",), "kakao": ("KakaoTalk: ",), "line": ("LINE: ",)}
_REPORT_ROLE = {"boss": "suspect", "recruiter": "recruiter", "money_mule": "money_mule"}
_LANGUAGES = {c.code: Weights(c.languages) for c in VICTIM_COUNTRIES}
_CURRENCIES = {
    c.code: Weights(((c.currency, 75), ("USD", 10), ("USDT", 15))) for c in VICTIM_COUNTRIES
}
_HUB_TEMPLATE = {"domain": 0, "telegram": 1, "phone": 2}
_CHANNELS = ("hotline", "web", "app", "walk-in", "email", "referral")


@dataclass(frozen=True, slots=True)
class _Scene:
    """Who reports, in which language, about what, and when."""

    country: VictimCountry
    language: str
    scam_type: str
    ts: float


class ReportWriter:
    """Turns a network's next report (or a solo one) into a JSON-ready dict."""

    def __init__(self, rng: Random, hubs: tuple[Identifier, ...]) -> None:
        self.rng = rng
        # a bank's hotline is called by that country's victims; platforms are everyone's
        self.local_hubs = {
            c.code: [h for h in hubs if h.kind != "phone"]
            + [h for h in hubs if h.region == c.code] * 4
            for c in VICTIM_COUNTRIES
        }
        self.sequence: dict[str, int] = {}
        #: the identifiers the last report mentions (its own and a hub), for labelled corpora
        self.planted: list[Identifier] = []
        self.victim_names: dict[str, list[Name]] = {}
        self.victim_phones = {
            c.code: [mint_phone(rng, c.code).forms[1] for _ in range(8)] for c in VICTIM_COUNTRIES
        }

    def next_id(self, country: VictimCountry) -> str:
        number = self.sequence.get(country.agency, 0) + 1
        self.sequence[country.agency] = number
        return f"{country.agency}-{number:07d}"

    def pick_country(self, network: Network) -> VictimCountry:
        return _COUNTRIES[network.pick_target(self.rng)]

    def write(
        self, network: Network, country: VictimCountry, report_id: str, ts: float
    ) -> dict[str, Any]:
        rng = self.rng
        language = _LANGUAGES[country.code].draw(rng)
        scam_type = pick(rng, network.scam_types)
        idents = pick_identifiers(rng, network, country.code, pick(rng, country.messengers))
        hub = pick(rng, self.local_hubs[country.code]) if rng.random() < 0.25 else None
        self.planted = idents if hub is None else [*idents, hub]
        report: dict[str, Any] = {"id": report_id, "agency": country.agency}
        report["reported_at"] = self._timestamp(ts, country)
        if rng.random() < 0.95:
            report["country"] = country.code
        if rng.random() < 0.7:
            report["language"] = language
        if rng.random() < 0.92:
            report["scam_type"] = scam_type
        self._fill(report, network, _Scene(country, language, scam_type, ts), idents, hub)
        return report

    def _fill(
        self,
        report: dict[str, Any],
        network: Network,
        scene: _Scene,
        idents: list[Identifier],
        hub: Identifier | None,
    ) -> None:
        """The narrative and the optional fields after the header."""
        rng = self.rng
        country, language, scam_type = scene.country, scene.language, scene.scam_type
        money = draw_money(rng, _CURRENCIES[country.code].draw(rng)) if rng.random() < 0.9 else None
        persons = self._persons(network, idents) if rng.random() < 0.3 else []
        written = [(i, render_identifier(rng, i, country.code, language)) for i in idents]
        shown = None if hub is None else (hub, render_identifier(rng, hub, country.code, language))
        empty = rng.random() < 0.03
        book = PHRASEBOOKS[language]
        narrative = self._narrative(book, scam_type, written, money, persons, shown)
        if rng.random() < 0.3:
            when = datetime.fromtimestamp(scene.ts, country.tz).date()
            when -= timedelta(days=int(rng.random() * 60))
            narrative = write_date(rng, language, when) + narrative
        report["narrative"] = "" if empty else narrative
        if money is not None and rng.random() < 0.94:
            report["loss"] = {"amount": money.field, "currency": money.currency}
        if empty or rng.random() < 0.4:
            report["identifiers"] = self._structured(written, shown, empty)
        if persons:
            report["persons"] = [self._person_entry(p) for p in persons]
        if rng.random() < 0.85:
            report["victim"] = self._victim(country, language)
        if rng.random() < 0.15:
            report["channel"] = pick(rng, _CHANNELS)
        if rng.random() < 0.08:
            report["case_ref"] = (
                f"{report['agency']}/{report['reported_at'][:4]}/{report['id'][-5:]}"
            )

    def _timestamp(self, ts: float, country: VictimCountry) -> str:
        """Local time with its offset, sometimes UTC with ``Z`` as some exports write it."""
        if self.rng.random() < 0.2:
            return datetime.fromtimestamp(int(ts), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return datetime.fromtimestamp(int(ts), country.tz).isoformat()

    def _persons(self, network: Network, idents: list[Identifier]) -> list[Person]:
        holders = [network.holders[i.value] for i in idents if i.value in network.holders]
        if holders and self.rng.random() < 0.7:
            return holders[:2]
        others = [p for p in network.persons if p.role != "money_mule"] or network.persons
        return self.rng.sample(others, min(len(others), pick(self.rng, (1, 1, 2))))

    def _person_entry(self, person: Person) -> dict[str, Any]:
        rng = self.rng
        names = person.name.all
        entry: dict[str, Any] = {"name": pick(rng, names), "role": _REPORT_ROLE[person.role]}
        if rng.random() < 0.25 and len(names) > 1:
            entry["aliases"] = rng.sample([n for n in names if n != entry["name"]], 1)
        if rng.random() < 0.5:
            entry["nationality"] = person.nationality
        if rng.random() < 0.25:
            entry["birth_date"] = person.birth_date
        return entry

    def _narrative(
        self,
        book: Phrasebook,
        scam_type: str,
        written: list[tuple[Identifier, str]],
        money: Money | None,
        persons: list[Person],
        hub: tuple[Identifier, str] | None,
    ) -> str:
        rng = self.rng
        parts = [pick(rng, book.intros[scam_type])] if rng.random() < 0.85 else []
        parts += [self._sentence(book, ident, text) for ident, text in written]
        if persons and rng.random() < 0.6:
            parts.append(pick(rng, book.person).format(name=pick(rng, persons[0].name.all)))
        if money is not None and rng.random() < 0.75:
            parts.append(pick(rng, book.loss).format(amount=write_money(rng, money, book.language)))
        if hub is not None:
            template = book.hub[_HUB_TEMPLATE[hub[0].kind]]
            parts.insert(int(rng.random() * (len(parts) + 1)), template.format(x=hub[1]))
        parts.append(pick(rng, book.closing))
        return book.joiner.join(p for p in parts if p)

    def _sentence(self, book: Phrasebook, ident: Identifier, text: str) -> str:
        rng = self.rng
        if ident.kind == "bank_account":
            return pick(rng, book.bank).format(bank=dict(ident.attrs)["bank"], x=text)
        key = ident.kind if ident.kind != "crypto_wallet" else f"crypto_wallet:{ident.attrs[0][1]}"
        labels = book.labels.get(key) or _DEFAULT_LABELS.get(ident.kind, ("",))
        text = pick(rng, labels) + text
        if ident.kind in ("phone", "whatsapp") and rng.random() < 0.5:
            return pick(rng, book.phone).format(x=text)
        if ident.kind in _CONTACT:
            return pick(rng, book.contact).format(x=text)
        if ident.kind in ("url", "domain"):
            return pick(rng, book.site).format(x=text)
        return pick(rng, book.payment).format(x=text)

    def _structured(
        self,
        written: list[tuple[Identifier, str]],
        hub: tuple[Identifier, str] | None,
        everything: bool,
    ) -> list[dict[str, str]]:
        rng = self.rng
        chosen = written if everything or rng.random() < 0.6 else [pick(rng, written)]
        rows = []
        for ident, text in chosen:
            row = {"kind": ident.kind, "value": text}
            if ident.kind == "bank_account":
                row["bank"] = dict(ident.attrs)["bank"]
            rows.append(row)
        if hub is not None and (everything or rng.random() < 0.3):
            rows.append({"kind": hub[0].kind, "value": hub[1]})
        return rows

    def _victim_names(self, country: str) -> list[Name]:
        """Victims' names per country, made on first use: a name costs more than a report."""
        pool = self.victim_names.get(country)
        if pool is None:
            pool = self.victim_names[country] = [make_name(self.rng, country) for _ in range(400)]
        return pool

    def _victim(self, country: VictimCountry, language: str) -> dict[str, Any]:
        rng = self.rng
        name = pick(rng, self._victim_names(country.code))
        phone = pick(rng, self.victim_phones[country.code])
        phone = phone[:-2] + f"{int(rng.random() * 100):02d}" if phone[-2:].isdigit() else phone
        shown = name.native if language != "en" or rng.random() < 0.5 else name.all[-1]
        return {"name": shown, "phone": phone, "age": 18 + int(rng.random() * 67)}
