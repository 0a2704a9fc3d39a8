"""Sentence pieces per language that narratives are assembled from.

Narratives are built from parts (an opening per scam type, one sentence per
identifier, the loss, a suspect, a closing) so that a few dozen phrases per
language combine into many thousands of different texts, the way real
reports vary, instead of one template per language that a linker could learn.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

SCAM_TYPES = ("investment", "romance", "job_task", "loan", "impersonation", "gambling")


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """Templates use ``{x}`` for an identifier, ``{bank}``, ``{amount}`` and ``{name}``.

    ``contact`` fits any way of reaching the scammer; ``phone`` only numbers.

    ``hub`` holds exactly three templates, in this order: where the victim saw
    a platform, whose official channel the scammers claimed, which hotline the
    victim called.
    """

    language: str
    intros: dict[str, tuple[str, ...]]
    contact: tuple[str, ...]
    phone: tuple[str, ...]
    site: tuple[str, ...]
    payment: tuple[str, ...]
    bank: tuple[str, ...]
    loss: tuple[str, ...]
    person: tuple[str, ...]
    hub: tuple[str, ...]
    closing: tuple[str, ...]
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    joiner: str = " "


_MODULES = ("zh_hans", "zh_hant", "ko", "vi", "th", "km", "ja", "ms", "id", "en", "tl")


def _load() -> dict[str, Phrasebook]:
    books: dict[str, Phrasebook] = {}
    for name in _MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        book: Phrasebook = module.BOOK
        books[book.language] = book
    return books


PHRASEBOOKS: dict[str, Phrasebook] = _load()
