"""The job-offer rules, read from data files an NGO can extend without code.

``data/jobcheck/signals.yaml`` names each signal, its weight and its reason in
every page language; ``phrases/<language>.yaml`` lists the words of each
signal in one language; ``places.yaml`` the compound areas in every script;
``pay.yaml`` how "far above the usual wage" is judged; ``advice.yaml`` what to
do and whom to call. A directory with the same layout may be given instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from fraudlink.errors import ConfigError

_LATIN = "A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff"
_SPACED = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\uac00-\ud7af]")


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


@dataclass(frozen=True, slots=True)
class PayRules:
    factor: float
    usd_per_unit: dict[str, float]
    usual_monthly_usd: dict[str, float]
    language_country: dict[str, str]
    destination_usual: float
    per_day: re.Pattern[str]
    per_other: re.Pattern[str]
    days_per_month: int

    def usual(self, country: str | None, abroad: bool = False) -> float:
        """The usual unskilled wage where the reader lives, or where the job is if lower."""
        home = self.usual_monthly_usd.get(country or "", self.usual_monthly_usd["default"])
        return min(home, self.destination_usual) if abroad else home


@dataclass(frozen=True, slots=True)
class Rules:
    signals: dict[str, Signal]
    patterns: dict[str, re.Pattern[str]]
    levels: dict[str, int]
    combos: tuple[Combo, ...]
    pay: PayRules
    advice: dict[str, Any]


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: any spacing between words, whole words in Latin script.

    Scripts written without spaces (Chinese, Thai, Khmer) also match with none.
    """
    words = phrase.lower().split()
    joiner = r"\s+" if _SPACED.search(phrase) else r"\s*"
    body = joiner.join(re.escape(word) for word in words)
    if re.match(f"[{_LATIN}]", words[0]):
        body = f"(?<![{_LATIN}])" + body
    if re.search(f"[{_LATIN}]$", words[-1]):
        body += f"(?![{_LATIN}])"
    return body


def _compile(phrases: list[str]) -> re.Pattern[str]:
    unique = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    return re.compile("|".join(phrase_pattern(p) for p in unique) or r"(?!)")


def _load(source: Traversable, name: str) -> Any:
    try:
        return yaml.safe_load(source.joinpath(name).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(
            f"Cannot read the job-check rules {name} ({error}); fix the file."
        ) from None


def _pay(data: dict[str, Any]) -> PayRules:
    return PayRules(
        factor=float(data["factor"]),
        usd_per_unit={k.upper(): float(v) for k, v in data["usd_per_unit"].items()},
        usual_monthly_usd={k: float(v) for k, v in data["usual_monthly_usd"].items()},
        language_country=dict(data.get("language_country", {})),
        destination_usual=float(data.get("destination_usual_monthly_usd", 300)),
        per_day=_compile(data.get("per_day", [])),
        per_other=_compile(data.get("per_other", [])),
        days_per_month=int(data.get("days_per_month", 26)),
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
    places = _load(source, "places.yaml") or {}
    for name, groups in places.items():
        words.setdefault(name, []).extend(str(p) for group in groups for p in group)
    return words


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
        Combo(name, tuple(tuple(group) for group in spec["all_of"]))
        for name, spec in declared_combos.items()
    )
    words = _phrases(source, signals)
    return Rules(
        signals=signals,
        patterns={name: _compile(listed) for name, listed in words.items() if listed},
        levels={k: int(v) for k, v in declared["levels"].items()},
        combos=combos,
        pay=_pay(_load(source, "pay.yaml")),
        advice=_load(source, "advice.yaml"),
    )
