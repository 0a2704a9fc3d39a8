"""Money as victims write it: local units (万, 억, triệu, ล้าน, juta), symbols and separators.

Every written form states exactly the amount of the report's ``loss`` field,
so an amount extractor can be scored against it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from fraudlink.generate.notation import KHMER, THAI, native_digits
from fraudlink.generate.world import pick

#: rough US dollars per unit, used only to make amounts plausible per currency
USD_RATE: dict[str, float] = {
    "USD": 1.0, "USDT": 1.0, "CNY": 0.14, "TWD": 0.031, "HKD": 0.128, "KRW": 0.00073,
    "VND": 0.00004, "THB": 0.028, "KHR": 0.00025, "MYR": 0.22, "IDR": 0.000063, "JPY": 0.0067,
    "SGD": 0.74, "PHP": 0.017, "AUD": 0.65, "GBP": 1.27,
}  # fmt: skip
ZERO_DECIMAL = frozenset({"KRW", "VND", "IDR", "JPY", "KHR"})


@dataclass(frozen=True, slots=True)
class Money:
    units: int
    cents: int
    currency: str

    @property
    def field(self) -> str:
        """The ``loss.amount`` string: a plain decimal."""
        if self.currency in ZERO_DECIMAL:
            return str(self.units)
        return f"{self.units}.{self.cents:02d}"


def draw_money(rng: Random, currency: str) -> Money:
    """A heavy-tailed loss, mostly hundreds to tens of thousands of dollars, rounded off."""
    usd = min(rng.lognormvariate(8.3, 1.4), 3_000_000.0)
    value = usd / USD_RATE[currency]
    magnitude = 10 ** max(len(str(int(value))) - pick(rng, (1, 2, 2, 3)), 0)
    units = max(round(value / magnitude) * magnitude, 1)
    cents = 0
    if currency not in ZERO_DECIMAL and rng.random() < 0.12:
        units, cents = int(value), 1 + int(rng.random() * 99)
    return Money(units, cents, currency)


def _commas(m: Money, sep: str = ",", point: str = ".") -> str:
    text = f"{m.units:,}".replace(",", sep)
    return text + (f"{point}{m.cents:02d}" if m.cents else "")


def _unit(m: Money, size: int, point: str = ".") -> str | None:
    """``m`` in units of ``size`` (万 = 10⁴, triệu = 10⁶) when that is exact to two decimals."""
    if m.cents or m.units < size or (m.units * 100) % size:
        return None
    whole, rest = divmod(m.units, size)
    if not rest:
        return str(whole)
    return f"{whole}{point}{f'{rest * 100 // size:02d}'.rstrip('0')}"


def _korean(m: Money) -> str | None:
    if m.cents or m.units < 10_000 or m.units % 10_000:
        return None
    eok, man = divmod(m.units // 10_000, 10_000)
    parts = [f"{eok}억"] if eok else []
    if man:
        parts.append(f"{man // 1000}천만" if man % 1000 == 0 else f"{man:,}만")
    return " ".join(parts) + " 원"


Formatter = Callable[[Money], list[str | None]]

_SYMBOLS = {"USD": "US$", "AUD": "A$", "GBP": "£", "SGD": "S$", "PHP": "₱", "HKD": "HK$",
            "MYR": "RM", "TWD": "NT$", "CNY": "¥", "JPY": "¥"}  # fmt: skip


def _en(m: Money) -> list[str | None]:
    c, sym = _commas(m), _SYMBOLS.get(m.currency)
    million = _unit(m, 1_000_000)
    return [
        f"{sym}{c}" if sym else None,
        f"{m.currency} {c}",
        f"{c} {m.currency}",
        f"${c}" if m.currency == "USD" else None,
        f"{sym}{million} million" if sym and million else None,
    ]


def _zh_hans(m: Money) -> list[str | None]:
    c, wan = _commas(m), _unit(m, 10_000)
    word = {"CNY": "元", "USD": "美元", "USDT": "USDT", "MYR": "令吉", "SGD": "新币"}.get(
        m.currency
    )
    return [
        f"{c}{word}" if word else None,
        f"人民币{c}元" if m.currency == "CNY" else None,
        f"{wan}万{word}" if wan and word else None,
        f"{wan}万元" if wan and m.currency == "CNY" else None,
        f"{m.units}U" if m.currency == "USDT" and not m.cents else None,
        f"{c} {m.currency}",
    ]


def _zh_hant(m: Money) -> list[str | None]:
    c, wan = _commas(m), _unit(m, 10_000)
    word = {"TWD": "元", "HKD": "港元", "USD": "美金", "USDT": "USDT"}.get(m.currency)
    return [
        f"新台幣{c}元" if m.currency == "TWD" else None,
        f"港幣{c}元" if m.currency == "HKD" else None,
        f"{_SYMBOLS[m.currency]}{c}" if m.currency in ("TWD", "HKD") else None,
        f"{wan}萬{word}" if wan and word else None,
        f"{c}{word}" if word else None,
        f"{c} {m.currency}",
    ]


def _ko(m: Money) -> list[str | None]:
    c = _commas(m)
    won = m.currency == "KRW"
    return [
        _korean(m) if won else None,
        f"{c}원" if won else None,
        f"{c} 원" if won else None,
        f"{c}달러" if m.currency == "USD" else None,
        f"{c} {m.currency}",
    ]


def _vi(m: Money) -> list[str | None]:
    dots = _commas(m, ".", ",")
    trieu, ty = _unit(m, 1_000_000, ","), _unit(m, 1_000_000_000, ",")
    dong = m.currency == "VND"
    return [
        f"{trieu} triệu đồng" if dong and trieu and m.units < 10**9 else None,
        f"{ty} tỷ đồng" if dong and ty else None,
        f"{dots} VND" if dong else None,
        f"{dots}đ" if dong else None,
        f"{dots} đô la" if m.currency == "USD" else None,
        f"{dots} {m.currency}",
    ]


def _th(m: Money) -> list[str | None]:
    c, lan = _commas(m), _unit(m, 1_000_000)
    baht = m.currency == "THB"
    return [
        f"{c} บาท" if baht else None,
        f"{c}บาท" if baht else None,
        f"{lan} ล้านบาท" if baht and lan else None,
        f"{c} บาท".translate(THAI) if baht else None,
        f"{c} ดอลลาร์" if m.currency == "USD" else None,
        f"{c} {m.currency}",
    ]


def _km(m: Money) -> list[str | None]:
    c = _commas(m)
    word = {"USD": "ដុល្លារ", "KHR": "រៀល"}.get(m.currency)
    return [
        f"{m.units} {word}".translate(KHMER) if word and not m.cents else None,
        f"{c} {word}" if word else None,
        f"${c}" if m.currency == "USD" else None,
        f"{c} {m.currency}",
    ]


def _ja(m: Money) -> list[str | None]:
    c, man = _commas(m), _unit(m, 10_000)
    yen = m.currency == "JPY"
    return [
        f"{man}万円" if yen and man else None,
        f"{c}円" if yen else None,
        f"¥{c}" if yen else None,
        f"{c}ドル" if m.currency == "USD" else None,
        f"{c} {m.currency}",
    ]


def _ms(m: Money) -> list[str | None]:
    c = _commas(m)
    rm = m.currency == "MYR"
    return [f"RM{c}" if rm else None, f"RM {c}" if rm else None, f"{m.currency} {c}"]


def _id(m: Money) -> list[str | None]:
    dots, juta = _commas(m, ".", ","), _unit(m, 1_000_000, ",")
    rp = m.currency == "IDR"
    return [
        f"Rp {dots}" if rp else None,
        f"Rp{dots}" if rp else None,
        f"{juta} juta rupiah" if rp and juta else None,
        f"Rp {juta} juta" if rp and juta else None,
        f"{m.currency} {dots}",
    ]


def _tl(m: Money) -> list[str | None]:
    c = _commas(m)
    peso = m.currency == "PHP"
    return [f"₱{c}" if peso else None, f"{c} pesos" if peso else None, f"{m.currency} {c}"]


_BY_LANGUAGE: dict[str, Formatter] = {
    "en": _en, "zh-Hans": _zh_hans, "zh-Hant": _zh_hant, "ko": _ko, "vi": _vi, "th": _th,
    "km": _km, "ja": _ja, "ms": _ms, "id": _id, "tl": _tl,
}  # fmt: skip


def write_money(rng: Random, money: Money, language: str) -> str:
    """One of the forms a speaker of ``language`` would use for ``money``."""
    forms = [form for form in _BY_LANGUAGE.get(language, _en)(money) if form]
    text = pick(rng, forms)
    if language in ("zh-Hans", "zh-Hant", "ja"):
        return native_digits(rng, text, language)
    return text
