"""The five languages of the public pages, from the catalogs under ``public/locale``."""

from __future__ import annotations

import gettext

from fraudlink.i18n import DEFAULT, LANGUAGES, catalog, negotiate

__all__ = ["DEFAULT", "LANGUAGES", "negotiate", "translations"]


def translations(language: str) -> gettext.NullTranslations:
    """The public pages' catalog of ``language``."""
    return catalog("fraudlink.public", language)
