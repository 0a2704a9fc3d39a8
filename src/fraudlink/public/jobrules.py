"""The job-offer rules, read from data files an NGO can extend without code.

``data/jobcheck/signals.yaml`` names each signal, its weight and its reason in
every page language; ``phrases/<language>.yaml`` lists the words of each
signal in one language; ``places.yaml`` the compound areas in every script;
``pay.yaml`` how "far above the usual wage" is judged; ``advice.yaml`` what to
do and whom to call. A directory with the same layout may be given instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from fraudlink.errors import ConfigError
from fraudlink.extract.text import fold, lower_keep_length

_LATIN = "A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff"
_SPACED = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\uac00-\ud7af]")
#: between the words of a spaced phrase: spaces, or a hyphen ("high-paying", "data-entry")
_SPACED_JOINER = r"(?:\s*[-\u2010\u2011]\s*|\s+)"
#: scripts written without spaces: nothing, spaces, or a hyphen ("कॉल-सेंटर")
_UNSPACED_JOINER = r"(?:\s*[-\u2010\u2011]\s*|\s*)"
#: after a phrase ending in a Latin letter: its plural too ("high salaries" needs no own line)
_PLURAL = r"(?:s|es)?"


@dataclass(frozen=True, slots=True)
class Signal:
    name: str
    weight: int
    reasons: dict[str, str]

    def reason(self, language: str) -> str:
        return self.reasons.get(language) or self.reasons["en"]


@dataclass(frozen=True, slots=True)
class Combo:
    """A signal found when each group has one of its signals: the parts weigh more together."""

    name: str
    all_of: tuple[tuple[str, ...], ...]
    #: signals (or combinations found before this one) that make this one redundant
    none_of: tuple[str, ...] = ()


#: a number as wages are written: 1500, 1,500, 1.500, 1.500.000, 4,110.00, 2.5
_NUMBER = (
    r"(?<![0-9.,])"
    r"(?:[0-9]{1,3}(?:[.,'\u2019\u00a0\u202f][0-9]{3})+(?:[.,][0-9]{1,2})?"
    r"|[0-9]+(?:[.,][0-9]{1,2})?)"
    r"(?![0-9])"
)


#: between the two ends of a range of pay ("25-55 juta", "800 to 1,000 USD"): the range is read
#: at its middle, what a worker can expect; its top alone is what a few may earn
_RANGE = r"-|\u2013|~|\uff5e|\u81f3|\u5230|(?<![a-z])(?:to|hingga|sampai|\u0111\u1ebfn)(?![a-z])"


@dataclass(frozen=True, slots=True)
class Wage:
    """An amount of pay found in a text: where it is, and its value in its currency."""

    start: int
    end: int
    value: Decimal
    currency: str


def place_key(name: str) -> str:
    """A place name as compared: folded, lower case, without spaces or hyphens."""
    return re.sub(r"[\s\-\u2010\u2011]", "", lower_keep_length(fold(name)))


def _one_named(pattern: re.Pattern[str], country_of: dict[str, str], lowered: str) -> str | None:
    """The country of the places ``pattern`` finds in ``lowered``, if they are all in one."""
    named = {country_of.get(place_key(m.group())) for m in pattern.finditer(lowered)}
    named.discard(None)
    return named.pop() if len(named) == 1 else None


def parse_number(written: str) -> Decimal | None:
    """``1,500`` / ``1.500`` / ``1 500`` are thousands; a last group of 1-2 digits is decimals."""
    digits = re.sub(r"[^0-9.,]", "", written)
    head, sep, tail = "", "", ""
    match = re.fullmatch(r"(.*?)([.,])([0-9]{1,2})", digits)
    if match:
        head, sep, tail = match.groups()
    else:
        head = digits
    whole = re.sub(r"[.,]", "", head)
    try:
        return Decimal(f"{whole}.{tail}" if sep else whole) if whole else None
    except InvalidOperation:
        return None


@dataclass(frozen=True, slots=True)
class PayRules:
    factor: float
    usd_per_unit: dict[str, float]
    usual_monthly_usd: dict[str, float]
    language_country: dict[str, str]
    destination_usual: float
    per_day: re.Pattern[str]
    per_other: re.Pattern[str]
    #: words that make an amount a year's pay, divided by 12 ("연봉 2,400만 원", "年收 500万円")
    per_year: re.Pattern[str]
    #: words that make an amount something the worker pays (a fee, a cost, a deposit), no wage
    not_pay: re.Pattern[str]
    days_per_month: int
    #: currency words and signs, lower case -> ISO code
    currency_words: dict[str, str] = field(default_factory=dict)
    #: 万, 만, triệu, juta, k... -> (factor, currency meant when none is written)
    multipliers: dict[str, tuple[Decimal, str]] = field(default_factory=dict)
    #: words for pay that make a bare number a wage -> currency meant ("*": the language's)
    pay_words: dict[str, str] = field(default_factory=dict)
    language_currency: dict[str, str] = field(default_factory=dict)
    #: a bare number below 100,000 after a pay word is in these units (Korean 월 300 = 300만 원)
    bare_unit: dict[str, Decimal] = field(default_factory=dict)
    #: numbers written as words, read only before a multiplier (一万, 两万, one lakh)
    number_words: dict[str, Decimal] = field(default_factory=dict)
    pattern: re.Pattern[str] = field(default=re.compile(r"(?!)"))
    pay_word_pattern: re.Pattern[str] = field(default=re.compile(r"(?!)"))

    transit_usual: float = 400.0
    #: language -> every country whose people write it (zh: CN, HK, TW, MO, SG, MY)
    language_homes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: country -> its own dollar, which a bare "$" or "dollar" means in an advert placed there
    local_dollar: dict[str, str] = field(default_factory=dict)
    #: dollars that a bare 元 also means where they are spent (HK, TW, MO)
    yuan_dollars: frozenset[str] = frozenset()
    #: words that say US dollars or renminbi outright, so no locale rereads them
    explicit_usd: re.Pattern[str] = field(default=re.compile(r"(?!)"))
    explicit_cny: re.Pattern[str] = field(default=re.compile(r"(?!)"))
    #: names of the places that have their own dollar, and the country each is in
    dollar_places: re.Pattern[str] = field(default=re.compile(r"(?!)"))
    dollar_place_country: dict[str, str] = field(default_factory=dict)
    #: names of countries whose own wage is the yardstick for a job there
    wage_places: re.Pattern[str] = field(default=re.compile(r"(?!)"))
    wage_place_country: dict[str, str] = field(default_factory=dict)
    #: where Traditional Chinese is written, the first being the one assumed when none is named
    traditional_homes: tuple[str, ...] = ()
    #: characters written one way in Traditional Chinese and another in Simplified
    traditional_marks: frozenset[str] = frozenset()
    simplified_marks: frozenset[str] = frozenset()

    def is_traditional(self, text: str) -> bool:
        """Whether a Chinese text is Traditional: more of its marks than of Simplified ones."""
        traditional = sum(1 for char in text if char in self.traditional_marks)
        return traditional > sum(1 for char in text if char in self.simplified_marks)

    def homes(self, language: str | None) -> frozenset[str]:
        """The countries an advert in ``language`` is most likely written in and for."""
        listed = self.language_homes.get(language or "")
        if listed:
            return frozenset(listed)
        single = self.language_country.get(language or "")
        return frozenset({single}) if single else frozenset()

    def dollar_place(self, lowered: str) -> str | None:
        """The one dollar country (HK, SG, TW…) the text names, if it names exactly one."""
        return _one_named(self.dollar_places, self.dollar_place_country, lowered)

    def wage_place(self, lowered: str) -> str | None:
        """The one well-paying country (or dollar place) the text names, if exactly one."""
        named = {
            _one_named(self.wage_places, self.wage_place_country, lowered),
            self.dollar_place(lowered),
        }
        named.discard(None)
        return next(iter(named)) if len(named) == 1 else None

    def local_currency(
        self, currency: str, written: str, local: str | None, *, usd_too: bool = True
    ) -> str:
        """A bare "$" or 元 read as the dollar of the place the advert is in, not as USD or CNY.

        ``written`` is the amount as written (folded, lower case); an amount that
        says US dollars or renminbi outright keeps them.
        """
        if local is None:
            return currency
        if currency == "USD" and usd_too and not self.explicit_usd.search(written):
            return local
        if currency == "CNY" and local in self.yuan_dollars:
            return currency if self.explicit_cny.search(written) else local
        return currency

    def usual(self, country: str | None, abroad: bool = False, transit: bool = False) -> float:
        """The usual unskilled wage where the reader lives, or where the job is if lower."""
        home = self.usual_monthly_usd.get(country or "", self.usual_monthly_usd["default"])
        if abroad:
            return min(home, self.destination_usual)
        return min(home, self.transit_usual) if transit else home

    def wages(self, lowered: str, language: str | None) -> list[Wage]:
        """Every amount in ``lowered`` (folded, lower case) that reads as pay, with its currency.

        An amount counts when a currency is written with it, or a multiplier that
        implies one (``15 triệu``, ``2万``), or a word for pay just before it
        (``gaji 7 juta``, ``월 300``).
        """
        found = []
        for match in self.pattern.finditer(lowered):
            spelled = match["word"]
            if spelled and not match["mul"]:
                continue  # "one" alone is no wage; "one lakh" is
            value = self.number_words.get(spelled) if spelled else parse_number(match["num"])
            if value is None:
                continue
            top = parse_number(match["top"]) if match["top"] else None
            if top is not None and top > value:
                value = (value + top) / 2
            currency = self.currency_words.get((match["pre"] or match["post"] or "").strip())
            multiplier = self.multipliers.get((match["mul"] or "").strip())
            if multiplier:
                value *= multiplier[0]
                meant = multiplier[1]
                currency = currency or (
                    self.language_currency.get(language or "") if meant == "*" else meant
                )
            if not currency:
                before = lowered[max(0, match.start() - 14) : match.start()]
                said = [m for m in self.pay_word_pattern.finditer(before)]
                if not said:
                    continue
                meant = self.pay_words.get(said[-1].group().strip(), "*")
                currency = self.language_currency.get(language or "") if meant == "*" else meant
                if not currency:
                    continue
                if not multiplier and value < 100_000:
                    value *= self.bare_unit.get(currency, Decimal(1))
            written = match.group()
            start = match.start() + len(written) - len(written.lstrip())
            found.append(Wage(start, match.start() + len(written.rstrip()), value, currency))
        return found


@dataclass(frozen=True, slots=True)
class Rules:
    signals: dict[str, Signal]
    patterns: dict[str, re.Pattern[str]]
    levels: dict[str, int]
    combos: tuple[Combo, ...]
    pay: PayRules
    advice: dict[str, Any]
    #: a place name (``place_key``) -> the country it is in, for the places given one
    place_country: dict[str, str] = field(default_factory=dict)
    #: signals a real employer's advert carries and a lure rarely does (a named company, social
    #: insurance, an interview at its office): they lower the score only when no strong lure
    #: sign is found
    counters: frozenset[str] = frozenset()
    #: the strong lure signs: each a set of signals found together (pay far above the usual
    #: wage *and* no experience asked) that makes the counter-signals count for nothing
    strong_lure: tuple[frozenset[str], ...] = ()
    #: signals whose words count for nothing right after a negation ("no placement fee")
    negatable: frozenset[str] = frozenset()
    #: the negations, each matched as a phrase ending where the signal's words begin
    negation: re.Pattern[str] = field(default=re.compile(r"(?!)"))

    def country_of(self, name: str) -> str | None:
        key = place_key(name)
        return self.place_country.get(key) or self.place_country.get(re.sub("e?s$", "", key))


def _atoms(phrase: str) -> list[str]:
    """A phrase as regex pieces: one per character, a joiner between words, boundaries.

    The phrase is folded as the text is (digits of every script to 0-9, which
    also turns some Zawgyi Burmese letters into digits), so both sides agree.
    Scripts written without spaces (Chinese, Thai, Khmer) also match with none.
    """
    written = phrase.lower().split()
    words = lower_keep_length(fold(phrase)).split()
    joiner = _SPACED_JOINER if _SPACED.search(phrase) else _UNSPACED_JOINER
    atoms = [f"(?<![{_LATIN}])"] if re.match(f"[{_LATIN}]", written[0]) else []
    for n, word in enumerate(words):
        if n:
            atoms.append(joiner)
        atoms.extend(re.escape(char) for char in word)
    if re.search(f"[{_LATIN}]$", written[-1]):
        last = written[-1]
        if re.search(r"[^aeiouy]y$", last):  # salary -> salaries
            atoms[-1] = "(?:y|ies)"
        elif re.search(r"[a-z]$", last) and not last.endswith("s"):
            atoms.append(_PLURAL)
        atoms.append(f"(?![{_LATIN}])")
    return atoms


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: any spacing between words, whole words in Latin script."""
    return "".join(_atoms(phrase))


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    end: bool = False


def _emit(node: _Node) -> str:
    """The regex of a trie: shared prefixes tried once, longer phrases before shorter ones."""
    branches = [atom + _emit(child) for atom, child in node.children.items()]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if node.end else body


def _compile(phrases: list[str]) -> re.Pattern[str]:
    """One regex for many phrases, as a trie so a text is read in one pass however many."""
    root = _Node()
    for phrase in {p.strip() for p in phrases if p and p.strip()}:
        node = root
        for atom in _atoms(phrase):
            node = node.children.setdefault(atom, _Node())
        node.end = True
    return re.compile(_emit(root) or r"(?!)")


def _load(source: Traversable, name: str) -> Any:
    try:
        return yaml.safe_load(source.joinpath(name).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(
            f"Cannot read the job-check rules {name} ({error}); fix the file."
        ) from None


def _words(listed: object) -> list[str]:
    return [str(w) for w in listed] if isinstance(listed, list) else [str(listed)]


_LETTER = "a-z\u00c0-\u024f\u1e00-\u1eff"


def _unit_pattern(word: str) -> str:
    """A currency or multiplier word: whole among letters, but digits may touch it (RM4,000)."""
    body = r"\s*".join(re.escape(part) for part in fold(word).split())
    if re.match(f"[{_LETTER}]", word):
        body = f"(?<![{_LETTER}])" + body
    if re.search(f"[{_LETTER}]$", word):
        body += f"(?![{_LETTER}])"
    return body


def _alternation(words: list[str]) -> str:
    unique = sorted({w.strip().lower() for w in words if w and w.strip()}, key=len, reverse=True)
    return "|".join(_unit_pattern(w) for w in unique)


def _pay(data: dict[str, Any]) -> PayRules:
    currency_words = {
        word.strip().lower(): code.upper()
        for code, words in (data.get("currency_words") or {}).items()
        for word in _words(words)
    }
    multipliers = {
        str(word).strip().lower(): (Decimal(str(spec[0])), str(spec[1]).upper())
        for word, spec in (data.get("multipliers") or {}).items()
    }
    pay_words = {str(w).strip().lower(): str(c).upper() if c != "*" else "*"
                 for w, c in (data.get("pay_words") or {}).items()}  # fmt: skip
    number_words = {str(w).strip().lower(): Decimal(str(v))
                    for w, v in (data.get("number_words") or {}).items()}  # fmt: skip
    places = {str(k): _words(v) for k, v in (data.get("dollar_places") or {}).items()}
    paid = {str(k): _words(v) for k, v in (data.get("wage_places") or {}).items()}
    cur = _alternation(list(currency_words)) or r"(?!)"
    mul = _alternation(list(multipliers)) or r"(?!)"
    spelled = _alternation(list(number_words)) or r"(?!)"
    pattern = re.compile(
        rf"(?P<pre>(?:{cur}))?[ \u00a0]*(?P<num>{_NUMBER}|(?P<word>{spelled}))"
        rf"(?:[ \u00a0]*(?:{_RANGE})[ \u00a0]*(?P<top>{_NUMBER}))?[ \u00a0]*"
        rf"(?P<mul>(?:{mul}))?[ \u00a0]*(?P<post>(?:{cur}))?"
    )
    return PayRules(
        factor=float(data["factor"]),
        usd_per_unit={k.upper(): float(v) for k, v in data["usd_per_unit"].items()},
        usual_monthly_usd={k: float(v) for k, v in data["usual_monthly_usd"].items()},
        language_country=dict(data.get("language_country", {})),
        destination_usual=float(data.get("destination_usual_monthly_usd", 300)),
        transit_usual=float(data.get("transit_usual_monthly_usd", 400)),
        per_day=_compile(data.get("per_day", [])),
        per_other=_compile(data.get("per_other", [])),
        per_year=_compile(data.get("per_year", [])),
        not_pay=_compile(data.get("not_pay", [])),
        days_per_month=int(data.get("days_per_month", 26)),
        currency_words=currency_words,
        multipliers=multipliers,
        pay_words=pay_words,
        language_currency={
            k: str(v).upper() for k, v in (data.get("language_currency") or {}).items()
        },
        bare_unit={k.upper(): Decimal(str(v)) for k, v in (data.get("bare_unit") or {}).items()},
        number_words=number_words,
        pattern=pattern,
        pay_word_pattern=re.compile(_alternation(list(pay_words)) or r"(?!)"),
        language_homes={
            k: tuple(str(c).upper() for c in v)
            for k, v in (data.get("language_homes") or {}).items()
        },
        local_dollar={
            k.upper(): str(v).upper() for k, v in (data.get("local_dollar") or {}).items()
        },
        yuan_dollars=frozenset(str(c).upper() for c in data.get("yuan_dollars") or []),
        explicit_usd=re.compile(_alternation(_words(data.get("explicit_usd") or [])) or r"(?!)"),
        explicit_cny=re.compile(_alternation(_words(data.get("explicit_cny") or [])) or r"(?!)"),
        dollar_places=_compile([str(n) for names in places.values() for n in names]),
        dollar_place_country={
            place_key(str(n)): c.upper() for c, names in places.items() for n in names
        },
        traditional_homes=tuple(str(c).upper() for c in data.get("traditional_homes") or []),
        traditional_marks=frozenset(str(data.get("traditional_marks") or "")),
        simplified_marks=frozenset(str(data.get("simplified_marks") or "")),
        wage_places=_compile([str(n) for names in paid.values() for n in names]),
        wage_place_country={
            place_key(str(n)): c.upper() for c, names in paid.items() for n in names
        },
    )


def _phrase(file: str, signal: str, listed: object) -> str:
    """One phrase as written; a line ending in ':' unquoted is read by YAML as a mapping."""
    if isinstance(listed, dict | list):
        raise ConfigError(
            f"phrases/{file} lists {listed!r} under '{signal}'; put the phrase in quotes."
        )
    return str(listed)


def _phrases(source: Traversable, signals: dict[str, Signal]) -> dict[str, list[str]]:
    words: dict[str, list[str]] = {name: [] for name in signals}
    folder = source.joinpath("phrases")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith((".yaml", ".yml")):
            continue
        data = _load(folder, entry.name) or {}
        for name, listed in data.items():
            if name == "language":
                continue
            if name not in words:
                raise ConfigError(
                    f"phrases/{entry.name} lists words for '{name}', which signals.yaml "
                    "does not declare; add it there or fix the name."
                )
            words[name].extend(_phrase(entry.name, name, p) for p in listed or [])
    for name, groups in (_load(source, "places.yaml") or {}).items():
        words.setdefault(name, []).extend(p for group in groups for p in _place_names(group))
    return words


def _place_names(group: object) -> list[str]:
    """A group of places: a list of names, or ``{country: XX, names: [...]}``."""
    if isinstance(group, dict):
        return _words(group.get("names") or [])
    return _words(group)


def _place_countries(source: Traversable) -> dict[str, str]:
    """Each place name given a country -> that country, so a job at home is not abroad."""
    found: dict[str, str] = {}
    for groups in (_load(source, "places.yaml") or {}).values():
        for group in groups:
            if isinstance(group, dict) and group.get("country"):
                for name in _place_names(group):
                    found[place_key(name)] = str(group["country"]).upper()
    return found


def load_rules(directory: Path | None = None) -> Rules:
    """The rules in ``directory``, or the ones shipped with fraudlink."""
    if directory is None:
        return _shipped()
    return _read(directory)


@cache
def _shipped() -> Rules:
    return _read(files("fraudlink.public").joinpath("data/jobcheck"))


def _read(source: Traversable) -> Rules:
    declared = _load(source, "signals.yaml")
    declared_combos = declared.get("combos") or {}
    signals = {
        name: Signal(name, int(spec["weight"]), dict(spec["reason"]))
        for name, spec in (declared["signals"] | declared_combos).items()
    }
    combos = tuple(
        Combo(
            name, tuple(tuple(group) for group in spec["all_of"]), tuple(spec.get("none_of") or ())
        )
        for name, spec in declared_combos.items()
    )
    words = _phrases(source, signals)
    counter = declared.get("counter_signals") or {}
    counters = frozenset(counter.get("signals") or ())
    strong = tuple(frozenset(group) for group in counter.get("not_with") or ())
    unknown = sorted((counters | frozenset().union(*strong)) - signals.keys())
    if unknown:
        raise ConfigError(
            f"signals.yaml: counter_signals names undeclared signals {unknown}; declare them."
        )
    negated = declared.get("negated") or {}
    negatable = frozenset(negated.get("signals") or ())
    if negatable - signals.keys():
        raise ConfigError(
            f"signals.yaml: negated names undeclared signals {sorted(negatable - signals.keys())}; "
            "declare them."
        )
    return Rules(
        signals=signals,
        patterns={name: _compile(listed) for name, listed in words.items() if listed},
        levels={k: int(v) for k, v in declared["levels"].items()},
        combos=combos,
        pay=_pay(_load(source, "pay.yaml")),
        advice=_load(source, "advice.yaml"),
        place_country=_place_countries(source),
        counters=counters,
        strong_lure=strong,
        negatable=negatable,
        negation=_compile([str(w) for w in negated.get("words") or ()]),
    )
