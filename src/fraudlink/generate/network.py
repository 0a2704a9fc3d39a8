"""One scam operation: where it sits, whom it targets, and the identifiers it burns through.

A network mints identifiers as its reports need them and reuses earlier ones,
so every report after the first shares at least one identifier with an
earlier report of the same network: the ground truth is linkable by
construction. Local identifiers (a Korean mule account, a KakaoTalk id) are
only shown to victims of that country, as in real operations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from random import Random
from typing import Any

from fraudlink.generate import handles
from fraudlink.generate.identifiers import (
    IBAN_COUNTRIES,
    Identifier,
    as_whatsapp,
    mint_bank_account,
    mint_card,
    mint_iban,
    mint_phone,
    mint_wallet,
)
from fraudlink.generate.names import Name, has_names, make_name
from fraudlink.generate.phrases import SCAM_TYPES
from fraudlink.generate.world import (
    BASE_COUNTRIES,
    BOSS_NATIONALITIES,
    VICTIM_WEIGHTS,
    Weights,
    pick,
    weighted,
)

_LOCAL_KINDS = frozenset({"wechat", "line", "kakao", "bank_account", "iban"})
_BASE_KINDS: tuple[tuple[str, float], ...] = (
    ("phone", 18), ("telegram", 16), ("crypto_wallet", 18), ("url", 10), ("domain", 5),
    ("bank_account", 12), ("email", 3), ("payment_card", 3), ("whatsapp", 0),
)  # fmt: skip

_KINDS = Weights((*_BASE_KINDS, ("messenger", 14.0)))
_COUNTS = Weights((("1", 35), ("2", 35), ("3", 20), ("4", 10)))
_CHAINS = Weights((("trx", 5), ("eth", 3), ("btc", 2)))
#: kinds the shared set need not hold: URLs sit on a network's own domain (checked when
#: minted); wallets (160 random bits) and cards (~45) practically never collide
_UNIQUE_BY_CHANCE = frozenset({"url", "domain", "crypto_wallet", "payment_card"})
_SALTABLE = frozenset({"telegram", "wechat", "line", "kakao"})


@dataclass(slots=True)
class Person:
    name: Name
    role: str
    nationality: str
    birth_date: str

    def truth(self) -> dict[str, Any]:
        return {
            "name": self.name.native,
            "variants": list(self.name.variants),
            "role": self.role,
            "nationality": self.nationality,
            "birth_date": self.birth_date,
        }


def make_person(rng: Random, role: str, nationality: str) -> Person:
    birth = f"{rng.randint(1962, 2003)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return Person(make_name(rng, nationality), role, nationality, birth)


@dataclass(slots=True)
class Network:
    """A network's state while its reports are being written."""

    id: str
    base: str
    scam_types: tuple[str, ...]
    targets: tuple[tuple[str, float], ...]
    size: int
    start: float
    span: float
    written: int = 0
    used: list[Identifier] = field(default_factory=list)
    known: set[tuple[str, str]] = field(default_factory=set)
    universal: list[Identifier] = field(default_factory=list)
    local: dict[str, list[Identifier]] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)
    holders: dict[str, Person] = field(default_factory=dict)
    domains: list[Identifier] = field(default_factory=list)
    #: ``kind:value`` of every identifier minted by any network, shared, so no two collide
    taken: set[str] = field(default_factory=set)
    target_weights: Weights | None = None

    def pick_target(self, rng: Random) -> str:
        if self.target_weights is None:
            self.target_weights = Weights(self.targets)
        return self.target_weights.draw(rng)

    def truth(self) -> dict[str, Any]:
        return {
            "base_country": self.base,
            "scam_types": list(self.scam_types),
            "identifiers": [ident.truth() for ident in self.used],
            "persons": [person.truth() for person in self.persons],
        }


def new_network(
    rng: Random, network_id: str, size: int, start: float, span: float, taken: set[str]
) -> Network:
    base = weighted(rng, BASE_COUNTRIES)
    count = 1 + (size > 5) + (size > 40) + (rng.random() < 0.3)
    targets = tuple((weighted(rng, VICTIM_WEIGHTS), rng.random() + 0.2) for _ in range(count))
    scam_types = tuple(
        dict.fromkeys(pick(rng, SCAM_TYPES) for _ in range(1 + (rng.random() < 0.4)))
    )
    network = Network(network_id, base, scam_types, targets, size, start, span, taken=taken)
    network.persons.append(make_person(rng, "boss", weighted(rng, BOSS_NATIONALITIES)))
    for _ in range(1 + (size > 10) + (size > 100)):
        nationality = pick(rng, (base, targets[0][0], targets[-1][0]))
        nationality = nationality if has_names(nationality) else "CN"
        network.persons.append(make_person(rng, "recruiter", nationality))
    return network


def _mint(rng: Random, network: Network, kind: str, country: str, messenger: str) -> Identifier:
    if kind == "messenger":
        kind = messenger
    if kind == "phone":
        return mint_phone(rng, network.base if rng.random() < 0.6 else country)
    if kind == "whatsapp":
        return as_whatsapp(mint_phone(rng, network.base if rng.random() < 0.7 else country))
    if kind == "crypto_wallet":
        return mint_wallet(rng, _CHAINS.draw(rng))
    if kind in ("url", "domain"):
        if not network.domains or rng.random() < 0.2:
            network.domains.append(_new_domain(rng, network.taken))
        domain = pick(rng, network.domains)
        return handles.mint_url(rng, domain) if kind == "url" else domain
    if kind == "bank_account":
        return _mint_account(rng, network, country)
    if kind == "payment_card":
        return mint_card(rng)
    minter = {
        "telegram": handles.mint_telegram,
        "wechat": handles.mint_wechat,
        "line": handles.mint_line,
        "kakao": handles.mint_kakao,
        "email": handles.mint_email,
    }
    return minter[kind](rng)  # fmt: skip


def _new_domain(rng: Random, taken: set[str]) -> Identifier:
    domain = handles.mint_domain(rng)
    while "domain:" + domain.value in taken:
        domain = handles.mint_domain(rng, salt=str(rng.randint(1, 9999)))
    taken.add("domain:" + domain.value)
    return domain


def _fresh(rng: Random, network: Network, kind: str, country: str, messenger: str) -> Identifier:
    """A newly minted identifier that no other network (and no hub) uses."""
    for attempt in range(50):
        ident = _mint(rng, network, kind, country, messenger)
        if ident.kind in _UNIQUE_BY_CHANCE:
            return ident
        if attempt > 3 and ident.kind in _SALTABLE:
            ident = _salted(rng, ident)
        key = f"{ident.kind}:{ident.value}"
        if key not in network.taken:
            network.taken.add(key)
            return ident
    raise RuntimeError(f"cannot mint a fresh {kind} identifier")  # pragma: no cover


def _salted(rng: Random, ident: Identifier) -> Identifier:
    digits = str(rng.randint(10, 99999))
    forms = tuple(form + digits for form in ident.forms)
    return Identifier(ident.kind, ident.value + digits, ident.region, forms, ident.attrs)


def _mint_account(rng: Random, network: Network, country: str) -> Identifier:
    """A mule account, local to the victim (or an IBAN where IBANs are used), with its holder."""
    if country in IBAN_COUNTRIES:
        account = mint_iban(rng, country)
    elif network.base in IBAN_COUNTRIES and rng.random() < 0.3:
        account = mint_iban(rng, network.base)
    else:
        account = mint_bank_account(rng, country)
    region = account.region or country
    holder = make_person(rng, "money_mule", region if has_names(region) else "CN")
    network.persons.append(holder)
    network.holders[account.value] = holder
    return account


def _remember(network: Network, ident: Identifier, country: str) -> None:
    key = (ident.kind, ident.value)
    if key in network.known:
        return
    network.known.add(key)
    network.used.append(ident)
    if ident.kind in _LOCAL_KINDS or (ident.kind == "phone" and ident.region == country):
        network.local.setdefault(country, []).append(ident)
    else:
        network.universal.append(ident)
    if ident.kind == "url":
        domain = next(d for d in network.domains if d.value == dict(ident.attrs)["domain"])
        _remember(network, domain, country)


def _seen(rng: Random, network: Network, country: str) -> Identifier | None:
    """An identifier an earlier report showed that a victim in ``country`` could also see."""
    local = network.local.get(country, ())
    total = len(local) + len(network.universal)
    if not total:
        return None
    index = int(rng.random() * total)
    return local[index] if index < len(local) else network.universal[index - len(local)]


def pick_identifiers(
    rng: Random, network: Network, country: str, messenger: str
) -> list[Identifier]:
    """1–4 identifiers for one report; after the first report, at least one already used."""
    count = int(_COUNTS.draw(rng))
    chosen: list[Identifier] = []
    if network.used:
        chosen.append(_seen(rng, network, country) or pick(rng, network.used))
    fresh_rate = max(0.12, 0.7 / (1 + len(network.used)) ** 0.5)
    for _ in range(count - len(chosen)):
        ident = _seen(rng, network, country) if rng.random() > fresh_rate else None
        if ident is None:
            kind = _KINDS.draw(rng)
            ident = _fresh(rng, network, kind, country, messenger)
        if ident not in chosen:
            chosen.append(ident)
    for ident in chosen:
        _remember(network, ident, country)
    return chosen
