"""Every string the pages translate has a translation in every language's catalog."""

from __future__ import annotations

from fraudlink.public.i18n import DEFAULT, LANGUAGES
from fraudlink.web.catalogs import extract, read


def test_every_page_string_is_translated_in_every_language() -> None:
    found = {text: f"{name}:{line}" for text, name, line in extract()}
    assert len(found) > 40, "the extraction found too few strings: is it reading the templates?"
    missing = []
    for language in LANGUAGES:
        if language == DEFAULT:
            continue
        catalog = read(language)
        for text, where in sorted(found.items()):
            message = catalog.get(text)
            if message is None or not message.string:
                missing.append(f"{language}: {text!r} ({where})")
    assert not missing, "untranslated (run python -m fraudlink.web.catalogs):\n" + "\n".join(
        missing
    )


def test_translations_keep_their_placeholders() -> None:
    for language in LANGUAGES:
        if language == DEFAULT:
            continue
        for message in read(language):
            if message.id and isinstance(message.id, str) and "%(" in message.id:
                for name in _placeholders(message.id):
                    assert name in str(message.string), (language, message.id)


def _placeholders(text: str) -> list[str]:
    import re

    return re.findall(r"%\(\w+\)s", text)
