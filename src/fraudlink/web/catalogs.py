"""The pages' message catalogs: extract every translatable string, keep the ``.po`` files in step.

``python -m fraudlink.web.catalogs`` adds new strings (untranslated) to each
language's catalog and drops strings no page uses any more; the test suite
fails while any string lacks a translation in any language.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from fraudlink.public.i18n import DEFAULT, LANGUAGES

METHODS = [("templates/**.html", "jinja2.ext:babel_extract"), ("**.py", "python")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "false"}}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}


def root() -> Path:
    return Path(str(files("fraudlink.web")))


def extract(where: Path | None = None) -> Iterator[tuple[str, str, int]]:
    """(message, file, line) for every string the pages translate."""
    base = where or root()
    for name, line, message, _comments, _context in extract_from_dir(
        str(base), METHODS, options_map=OPTIONS, keywords=KEYWORDS, strip_comment_tags=True
    ):
        for text in message if isinstance(message, tuple) else (message,):
            if text:
                yield text, name, line


def catalog_path(language: str, where: Path | None = None) -> Path:
    return (where or root()) / "locale" / language / "LC_MESSAGES" / "messages.po"


def read(language: str, where: Path | None = None) -> Catalog:
    path = catalog_path(language, where)
    if not path.exists():
        return Catalog(locale=language, project="fraudlink web", fuzzy=False)
    with path.open("rb") as po:
        return read_po(po, locale=language)


def _translated(catalog: Catalog, text: str) -> bool:
    message = catalog.get(text)
    return message is not None and bool(message.string)


def update(where: Path | None = None) -> dict[str, int]:
    """Bring every catalog in step with the pages; returns the untranslated count per language."""
    messages = sorted({text for text, _name, _line in extract(where)})
    missing = {}
    for language in LANGUAGES:
        if language == DEFAULT:
            continue
        old = read(language, where)
        new = Catalog(locale=language, project="fraudlink web", fuzzy=False)
        for text in messages:
            known = old.get(text)
            new.add(text, known.string if known is not None else "")
        path = catalog_path(language, where)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as po:
            write_po(po, new, width=0, omit_header=False, sort_output=True)
        missing[language] = sum(1 for text in messages if not _translated(new, text))
    return missing


if __name__ == "__main__":
    print(update())
