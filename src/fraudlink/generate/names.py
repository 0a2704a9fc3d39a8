"""People's names in their own script with the romanised variants other agencies write.

A person has one native name and several variants (other script, other
romanisation system, surname in capitals, given name first); reports mention
whichever variant their author would use, which is what cross-script entity
resolution has to undo.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from fraudlink.generate import name_data as d
from fraudlink.generate.world import pick


@dataclass(frozen=True, slots=True)
class Name:
    native: str
    variants: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return (self.native, *self.variants)


def _unique(names: list[str], native: str) -> tuple[str, ...]:
    seen = {native}
    out = []
    for name in names:
        if name not in seen:
            seen.add(name)
            out.append(name)
    return tuple(out)


def _chinese(rng: Random, nationality: str) -> Name:
    surname = pick(rng, d.ZH_SURNAMES)
    given = [pick(rng, d.ZH_GIVEN) for _ in range(pick(rng, (1, 2, 2, 2)))]
    simp = surname[0] + "".join(g[0] for g in given)
    trad = surname[1] + "".join(g[1] for g in given)
    pinyin = "".join(g[2] for g in given).capitalize()
    latin = [f"{surname[2]} {pinyin}", f"{surname[2].upper()} {pinyin}", f"{pinyin} {surname[2]}"]
    if len(given) == 2:
        latin.append(f"{surname[2]} {given[0][2]} {given[1][2]}")
    if nationality == "HK":
        canto = "-".join(g[3] for g in given).capitalize()
        latin = [f"{surname[3]} {canto}", f"{surname[3].upper()} {canto}", *latin[:2]]
    native = trad if nationality in ("TW", "HK") else simp
    return Name(native, _unique([simp, trad, *latin], native))


def _korean(rng: Random, nationality: str) -> Name:
    surname = pick(rng, d.KO_SURNAMES)
    first, second = rng.sample(d.KO_SYLLABLES, 2)
    hangul = surname[0] + first[0] + second[0]
    revised = f"{surname[1]} {first[1].capitalize()}-{second[1]}"
    common = f"{surname[2]} {first[2].capitalize()}-{second[2]}"
    joined = f"{surname[2]} {(first[2] + second[2]).capitalize()}"
    flipped = f"{first[2].capitalize()}-{second[2]} {surname[2]}"
    return Name(hangul, _unique([common, revised, joined, common.upper(), flipped], hangul))


def _khmer(rng: Random, nationality: str) -> Name:
    surname = pick(rng, d.KM_SURNAMES)
    given = pick(rng, d.KM_GIVEN)
    native = f"{surname[0]} {given[0]}"
    ungegn = f"{surname[1]} {given[1]}"
    common = f"{surname[2]} {given[2]}"
    return Name(
        native, _unique([common, ungegn, common.upper(), f"{given[2]} {surname[2]}"], native)
    )


def _thai(rng: Random, nationality: str) -> Name:
    given = pick(rng, d.TH_GIVEN)
    surname = pick(rng, d.TH_SURNAMES)
    native = f"{given[0]} {surname[0]}"
    variants = [
        f"{given[2]} {surname[2]}",
        f"{given[1]} {surname[1]}",
        f"{given[2]} {surname[2].upper()}",
    ]
    return Name(native, _unique(variants, native))


def fold_vietnamese(text: str) -> str:
    """Vietnamese without diacritics, as written on foreign forms (Đ becomes D)."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _vietnamese(rng: Random, nationality: str) -> Name:
    parts = [pick(rng, d.VI_SURNAMES), pick(rng, d.VI_MIDDLE), pick(rng, d.VI_GIVEN)]
    native = " ".join(parts)
    folded = fold_vietnamese(native)
    western = f"{parts[2]} {parts[0]}"
    return Name(
        native, _unique([folded, folded.upper(), western, fold_vietnamese(western)], native)
    )


def _japanese(rng: Random, nationality: str) -> Name:
    surname, given = pick(rng, d.JA_SURNAMES), pick(rng, d.JA_GIVEN)
    native = surname[0] + given[0]
    variants = [
        f"{given[2]} {surname[2]}",
        f"{surname[2].upper()} {given[2]}",
        f"{given[1]} {surname[1]}",
    ]
    return Name(native, _unique(variants, native))


def _malay(rng: Random, nationality: str) -> Name:
    male = rng.random() < 0.55
    first = pick(rng, d.MS_MALE if male else d.MS_FEMALE)
    father = pick(rng, d.MS_FATHERS)
    link = "bin" if male else "binti"
    native = f"{first} {link} {father}"
    short = "B." if male else "Bt."
    return Name(
        native, _unique([native.upper(), f"{first} {short} {father}", f"{first} {father}"], native)
    )


def _latin(first: tuple[str, ...], last: tuple[str, ...]) -> Callable[[Random, str], Name]:
    def make(rng: Random, nationality: str) -> Name:
        given, family = pick(rng, first), pick(rng, last)
        native = f"{given} {family}"
        return Name(
            native, _unique([f"{family.upper()}, {given}", f"{given} {family.upper()}"], native)
        )

    return make


_BY_NATIONALITY: dict[str, Callable[[Random, str], Name]] = {
    "CN": _chinese, "TW": _chinese, "HK": _chinese, "KR": _korean, "KH": _khmer, "TH": _thai,
    "VN": _vietnamese, "JP": _japanese, "MY": _malay, "ID": _latin(d.ID_FIRST, d.ID_LAST),
    "PH": _latin(d.PH_FIRST, d.PH_LAST), "SG": _chinese,
}  # fmt: skip
_DEFAULT = _latin(d.EN_FIRST, d.EN_LAST)


def make_name(rng: Random, nationality: str) -> Name:
    """A name typical of ``nationality`` (ISO alpha-2); English-style names for the rest."""
    return _BY_NATIONALITY.get(nationality, _DEFAULT)(rng, nationality)


def has_names(nationality: str) -> bool:
    """Whether ``nationality`` has its own name pool (the English-style default aside)."""
    return nationality in _BY_NATIONALITY or nationality in ("US", "GB", "AU")
