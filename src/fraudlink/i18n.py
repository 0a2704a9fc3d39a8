"""The five UI languages, and gettext catalogs read from ``.po`` files shipped in a package.

Catalogs are compiled in memory with Babel when first used, so a plain
``pip install -e .`` serves every language with no build step. Each part of fraudlink
that speaks to people (the public pages, the printable operation summary) keeps its
own catalogs under ``<package>/locale/<lang>/LC_MESSAGES/messages.po``.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from importlib.resources import files

LANGUAGES: dict[str, str] = {
    "en": "English",
    "zh": "中文",
    "km": "ភាសាខ្មែរ",
    "ko": "한국어",
    "vi": "Tiếng Việt",
}
DEFAULT = "en"


@cache
def catalog(package: str, language: str) -> gettext.NullTranslations:
    """The catalog of ``language`` in ``package`` (English, the source language, needs none)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    if language == DEFAULT or language not in LANGUAGES:
        return gettext.NullTranslations()
    source = files(package).joinpath(f"locale/{language}/LC_MESSAGES/messages.po")
    with source.open("rb") as po:
        messages = read_po(po, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, messages)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def negotiate(asked: str | None, accept_language: str | None) -> str:
    """The language asked for by name, else the browser's first one we have."""
    if asked in LANGUAGES:
        return asked
    for part in (accept_language or "").split(","):
        tag = part.split(";", 1)[0].strip().lower()
        primary = tag.split("-", 1)[0]
        if primary in LANGUAGES:
            return primary
    return DEFAULT
