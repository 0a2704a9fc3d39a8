"""Which language a report is written in, and which region that suggests.

The language picks the region for local phone formats when neither the user
nor the report names a country. Scripts used by one language (Khmer, Hangul,
Thai, Lao, Myanmar, kana) decide at once and for free; Latin-script text goes to
``py3langid``, an offline n-gram model, restricted to the languages victims of
these scams write in so that short texts are not mistaken for rare languages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: how much text to look at; the first few thousand characters settle it
_SAMPLE = 4000

_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("km", re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("lo", re.compile(r"[\u0e80-\u0eff]")),
    ("my", re.compile(r"[\u1000-\u109f]")),
    ("ja", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")),
    ("zh", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")),
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")

#: a non-Latin script wins once it has this share of the Latin letter count
#: (URLs, handles and brand names in Latin letters are common in any report)
_SCRIPT_SHARE = 0.3

#: languages py3langid may answer with; a closed set avoids exotic guesses on short text
LANGUAGES = (
    *("en", "vi", "id", "ms", "tl", "fr", "de", "es", "pt", "it", "nl", "ru", "uk", "pl", "tr"),
    *("ar", "fa", "hi", "bn", "ne", "si", "ta", "ur", "zh", "ja", "ko", "th", "km", "lo", "my"),
    "mn",
)

_REGIONS = {
    "km": "KH",
    "ko": "KR",
    "vi": "VN",
    "th": "TH",
    "zh": "CN",
    "ja": "JP",
    "ms": "MY",
    "id": "ID",
    "lo": "LA",
    "my": "MM",
    "tl": "PH",
    "fil": "PH",
    "mn": "MN",
    "ne": "NP",
    "si": "LK",
    "bn": "BD",
    "hi": "IN",
    "ur": "PK",
    "fa": "IR",
    "uk": "UA",
    "ru": "RU",
    "tr": "TR",
    "pl": "PL",
    "it": "IT",
}


def normalise_language(language: str | None) -> str | None:
    """BCP 47 tag to its primary subtag, lower-case: ``zh-Hans-CN`` → ``zh``."""
    if not language:
        return None
    primary = re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower()
    return primary or None


def region_for_language(language: str | None) -> str | None:
    """The country a language points to, or None when it is spoken in many (en, es, ar...)."""
    primary = normalise_language(language)
    return _REGIONS.get(primary) if primary else None


def detect_language(text: str) -> str | None:
    """Primary language subtag of ``text``, or None when it has no letters to judge by."""
    sample = text[:_SAMPLE]
    latin = len(_LATIN.findall(sample))
    by_script = _script_language(sample, latin)
    if by_script:
        return by_script
    if latin < 3:
        return None
    language, _score = _identifier().classify(sample)
    return str(language)


def _script_language(sample: str, latin: int) -> str | None:
    counts = {lang: len(pattern.findall(sample)) for lang, pattern in _SCRIPTS}
    if counts["ja"] and counts["ja"] + counts["zh"] >= _SCRIPT_SHARE * latin:
        return "ja"  # kana only occur in Japanese, which also writes Han
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] and counts[best] >= _SCRIPT_SHARE * latin:
        return best
    return None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """Loading the model takes about half a second, so do it once, on first need."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(LANGUAGES)
    return identifier
