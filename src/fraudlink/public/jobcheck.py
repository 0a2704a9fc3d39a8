"""The job-offer check: how much an advert or chat message looks like a scam-compound lure.

Each reason points at the words that raised it (offsets into the text as
given, after Unicode NFC), so the reader sees why; the level is the sum of the
weights of the signals found. Contacts in the text that the public index holds
as reported weigh most of all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from fraudlink.errors import InputError
from fraudlink.extract.text import fold, lower_keep_length
from fraudlink.public.jobrules import Rules, Wage, load_rules

if TYPE_CHECKING:
    from fraudlink.extract import Match
    from fraudlink.public.index import PublicIndex

MAX_TEXT = 20_000
MESSENGERS = frozenset({"telegram", "whatsapp", "line", "wechat", "kakao"})
#: signals found by place names, which may be the reader's own country
_PLACED = ("risky_country", "transit_country")
#: signals that make a high wage suspicious: the work asks for nothing, or the advert itself
#: boasts of its pay
_UNSKILLED = ("no_experience", "lure_role", "high_risk_role", "easy_money", "high_pay_promise")
#: signals that put the job in a scam-compound country, where the local wage is the yardstick
_RISKY = ("compound_area", "risky_country")
#: signals that take the worker away from home at the employer's cost: a wage far above the
#: reader's own is then the bait, whatever the role
_UPROOTED = (
    "travel_paid",
    "board_lodging",
    "transit_country",
    "work_abroad",
    "third_country_route",
)
#: signals that the work asks for real skills: then a high wage is no lure
_SKILLED = ("qualification_required",)


class BadAdvert(InputError):
    """An advert the check cannot read (empty or too long)."""


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Reason:
    signal: str
    weight: int
    text: str
    hits: tuple[Hit, ...]

    def as_json(self) -> dict[str, object]:
        return {"signal": self.signal, "weight": self.weight, "reason": self.text,
                "words": [h.as_json() for h in self.hits]}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Assessment:
    level: str
    score: int
    reasons: tuple[Reason, ...]
    advice: str
    hotline: dict[str, str] | None = None
    text: str = field(default="", repr=False)

    def as_json(self) -> dict[str, object]:
        return {"level": self.level, "score": self.score,
                "reasons": [r.as_json() for r in self.reasons],
                "advice": self.advice, "hotline": self.hotline}  # fmt: skip


def assess(
    text: str,
    *,
    language: str = "en",
    nationality: str | None = None,
    index: PublicIndex | None = None,
    rules: Rules | None = None,
) -> Assessment:
    """Score ``text``; ``language`` is the reader's, for reasons and advice."""
    from fraudlink.extract import context_for, extract

    rules = rules or load_rules()
    if not text.strip():
        raise BadAdvert("Paste the job advert or the message you received.")
    if len(text) > MAX_TEXT:
        raise BadAdvert(f"The text is too long; paste at most {MAX_TEXT} characters.")
    text = unicodedata.normalize("NFC", text)
    country = (nationality or "").strip().upper() or None
    context = context_for(country, None, text)
    found = extract(text, context)
    hits = _phrase_hits(rules, text)
    for name, spans in (
        ("messenger_contact", [m for m in found if m.kind in MESSENGERS]),
        ("reported_contact", _reported(found, index)),
    ):
        if spans:
            hits.setdefault(name, []).extend(_hit(text, m) for m in spans)
    homes = frozenset({country}) if country else rules.pay.homes(context.language)
    _drop_places_at_home(rules, hits, homes)
    risky = any(name in hits for name in _RISKY)
    unskilled = any(name in hits for name in _UNSKILLED)
    uprooted = any(name in hits for name in _UPROOTED)
    if (risky or unskilled or uprooted) and not any(name in hits for name in _SKILLED):
        place = _dollar_place(rules, text, country)
        writer = _writer_country(rules, text, context.language, country, place)
        wage_country = (
            _job_country(rules, text, hits)
            or country
            or writer
            or rules.pay.language_country.get(context.language or "")
        )
        usual = rules.pay.usual(wage_country, risky, "transit_country" in hits)
        local = rules.pay.local_dollar.get(writer or place or "")
        high = _high_pay(rules, text, found, rules.pay.factor * usual, context.language,
                         local, usd_too=bool(writer) or not risky)  # fmt: skip
        if high:
            hits["pay_far_above"] = high
    _combine(rules, hits)
    _drop_counters_beside_strong_lures(rules, hits)
    return _judge(rules, hits, text, language, country)


def _drop_places_at_home(rules: Rules, hits: dict[str, list[Hit]], homes: frozenset[str]) -> None:
    """A country named in an advert written at home is no destination abroad.

    "Thailand" in a Thai advert, or Cambodia in a Khmer one, is where the reader
    already lives: it is no transit or compound country for them. Only places
    that ``places.yaml`` gives a country are judged so; compound towns count
    for every reader.
    """
    if not homes:
        return
    for name in _PLACED:
        kept = [h for h in hits.get(name, []) if rules.country_of(h.text) not in homes]
        if kept:
            hits[name] = kept
        else:
            hits.pop(name, None)


def _job_country(rules: Rules, text: str, hits: dict[str, list[Hit]]) -> str | None:
    """The well-paying country the job is in (Japan, Korea, Hong Kong…), whose wage then applies.

    Lawful migrant work there pays far more than at home, so the reader's own
    wage would make every such job look like bait. Not when the advert also
    names a compound or transit country: the lower wage there stays the yardstick.
    """
    if any(name in hits for name in (*_RISKY, "transit_country")):
        return None
    return rules.pay.wage_place(lower_keep_length(fold(text)))


def _writer_country(
    rules: Rules, text: str, language: str | None, country: str | None, place: str | None
) -> str | None:
    """Where the advert was written, when that decides its dollar whatever the job's place.

    Hong Kong, Taiwan and Macau write Traditional Chinese and price in their own
    dollar with a bare "$" or 元, even for work abroad ("柬埔寨月薪$3萬" is HKD).
    The place named among them decides which; Hong Kong when none is named.
    """
    if country or language != "zh" or not rules.pay.is_traditional(text):
        return None
    return place if place in rules.pay.traditional_homes else rules.pay.traditional_homes[0]


def _dollar_place(rules: Rules, text: str, country: str | None) -> str | None:
    """The place with its own dollar the advert is in, which decides what a bare "$" is.

    The reader's own country counts when it has one; otherwise the one such
    place the text names.
    """
    if country in rules.pay.local_dollar:
        return country
    return rules.pay.dollar_place(lower_keep_length(fold(text)))


def _combine(rules: Rules, hits: dict[str, list[Hit]]) -> None:
    """Add each combination whose every group has a signal found, with those signals' words."""
    for combo in rules.combos:
        if any(name in hits for name in combo.none_of):
            continue
        chosen = [next((hits[n] for n in group if n in hits), None) for group in combo.all_of]
        if all(chosen):
            hits[combo.name] = [spans[0] for spans in chosen if spans]


def _drop_counters_beside_strong_lures(rules: Rules, hits: dict[str, list[Hit]]) -> None:
    """Counter-signals count only when no strong lure sign is found.

    A named company, social insurance or an interview at an office set a real
    employer's call-centre job in Bangkok apart from a lure with the same role
    and place; but recruiters copy such words too, so they never outweigh a
    held passport, a compound town, messenger-only contact or pay far above the
    usual wage for work that asks for nothing.
    """
    if any(group <= hits.keys() for group in rules.strong_lure):
        for name in rules.counters:
            hits.pop(name, None)


def _phrase_hits(rules: Rules, text: str) -> dict[str, list[Hit]]:
    folded = lower_keep_length(fold(text))
    hits: dict[str, list[Hit]] = {}
    for name, pattern in rules.patterns.items():
        spans = [
            Hit(m.start(), m.end(), text[m.start() : m.end()])
            for m in pattern.finditer(folded)
            if name not in rules.negatable or not _negated(rules, folded, m.start())
        ]
        if spans and name in rules.signals:
            hits[name] = spans
    return hits


#: how far before a word a negation is looked for ("no placement fee", "walang bayad na")
_NEGATION_CHARS = 12


def _negated(rules: Rules, folded: str, start: int) -> bool:
    """Whether a negation ends just before ``start``: "no fee" says there is none to pay."""
    window = folded[max(0, start - _NEGATION_CHARS) : start].rstrip(" -:")
    return any(m.end() == len(window) for m in rules.negation.finditer(window))


def _hit(text: str, match: Match) -> Hit:
    start, end = match.start or 0, match.end or 0
    return Hit(start, end, text[start:end])


def _reported(found: list[Match], index: PublicIndex | None) -> list[Match]:
    from fraudlink.public.index import REPORTED, entry_key
    from fraudlink.public.publish import PUBLISHED_KINDS, public_keys

    contacts = [m for m in found if m.kind in PUBLISHED_KINDS and m.valid]
    if index is None or not contacts:
        return []
    keyed = [(m, entry_key(*key)) for m in contacts for key in public_keys(m.kind, m.value)]
    answers = index.lookup([key for _, key in keyed])
    return list({id(m): m for (m, _), a in zip(keyed, answers, strict=True)
                 if a is not None and a.status == REPORTED}.values())  # fmt: skip


def _high_pay(
    rules: Rules,
    text: str,
    found: list[Match],
    usd_limit: float,
    language: str | None,
    local: str | None = None,
    *,
    usd_too: bool = True,
) -> list[Hit]:
    """Amounts of pay worth at least ``usd_limit`` a month.

    The job check reads wages itself (``1.500 USD``, ``月薪2万``, ``30 triệu``,
    ``월 300``, ``RM4,000``) with the words of ``pay.yaml``, and also takes the
    amounts the extractors found. ``local`` is the dollar of the place the
    advert is in: a bare 元 there (Hong Kong, Taiwan, Macau) is that dollar,
    and so is a bare "$" unless ``usd_too`` is false: an advert for work in a
    scam-compound country means US dollars by "$", the currency paid there.
    """
    pay = rules.pay
    lowered = lower_keep_length(fold(text))
    limit = Decimal(str(usd_limit))
    read = pay.wages(lowered, language)
    amounts = [(w.start, w.end, w.value, w.currency) for w in read]
    amounts += [
        (m.start or 0, m.end or 0, Decimal(m.value), m.attributes.get("currency", "").upper())
        for m in found
        if m.kind == "amount" and not _inside_read(m.start or 0, m.end or 0, read)
    ]
    hits: dict[tuple[int, int], Hit] = {}
    for start, end, value, written in amounts:
        currency = pay.local_currency(written, lowered[start:end], local, usd_too=usd_too)
        rate = pay.usd_per_unit.get(currency)
        after = lowered[end : end + 16]
        before = lowered[max(0, start - 8) : start]
        clause = _clause_before(lowered, start)
        if rate is None or pay.per_other.search(after) or pay.per_other.search(before):
            continue
        if pay.not_pay.search(clause):
            continue  # a fee, a cost or a deposit the worker pays is no wage
        monthly = value * Decimal(str(rate))
        if pay.per_year.search(after) or pay.per_year.search(clause):
            monthly /= 12
        elif pay.per_day.search(after) or pay.per_day.search(before):
            monthly *= pay.days_per_month
        if monthly >= limit:
            hits[(start, end)] = Hit(start, end, text[start:end])
    return _outermost(list(hits.values()))


#: where a clause ends: a sentence mark, a comma or semicolon, a line break (not a decimal point)
_CLAUSE_END = re.compile(r"[\n;,!?\u3001\u3002\uff0c\uff01\uff1f\uff1b]|\.(?![0-9])")
#: how far back the words that qualify an amount are read ("연봉 하위 25% 약 2,400만 원")
_CLAUSE_CHARS = 24


def _clause_before(lowered: str, start: int) -> str:
    """The words before an amount in its own clause: what it is pay, a fee or a year's worth of."""
    window = lowered[max(0, start - _CLAUSE_CHARS) : start]
    ends = list(_CLAUSE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _inside_read(start: int, end: int, read: list[Wage]) -> bool:
    """Whether the wage reader already read this span (a range "25-55 juta" is read as a whole)."""
    return any(w.start <= start and end <= w.end for w in read)


def _outermost(hits: list[Hit]) -> list[Hit]:
    """The hits that no other hit contains (the extractor and the wage reader may overlap)."""
    kept: list[Hit] = []
    for hit in sorted(set(hits), key=lambda h: (h.start, -h.end)):
        if not kept or hit.end > kept[-1].end:
            kept.append(hit)
    return kept


def _judge(
    rules: Rules, hits: dict[str, list[Hit]], text: str, language: str, country: str | None
) -> Assessment:
    reasons = sorted(
        (
            Reason(
                name,
                rules.signals[name].weight,
                rules.signals[name].reason(language),
                tuple(sorted(set(spans), key=lambda h: h.start)),
            )
            for name, spans in hits.items()
        ),
        key=lambda r: (-r.weight, r.hits[0].start),
    )
    score = sum(r.weight for r in reasons)
    levels = rules.levels
    level = "high" if score >= levels["high"] else "medium" if score >= levels["medium"] else "low"
    advice: dict[str, Any] = rules.advice
    said = advice["advice"][level]
    return Assessment(level, score, tuple(reasons), said.get(language) or said["en"],
                      _hotline(advice, language, country), text)  # fmt: skip


def _hotline(advice: dict[str, Any], language: str, country: str | None) -> dict[str, str] | None:
    country = country or advice.get("language_country", {}).get(language)
    found = advice.get("hotlines", {}).get(country or "")
    if not found:
        fallback = advice["no_hotline"]
        return {"name": fallback.get(language) or fallback["en"], "phone": ""}
    names = found["name"]
    return {"name": names.get(language) or names["en"], "phone": str(found["phone"]),
            "country": str(country)}  # fmt: skip


def signal_names() -> list[str]:
    return sorted(load_rules().signals)
