"""What every identifier kind provides, and the registry that finds them.

One small class per kind (phone, iban, crypto_wallet...) lives in its own
module under ``fraudlink.extract.kinds``; importing the package registers them
all, so adding a kind touches one file and its test.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from fraudlink.extract.text import FoldedText


class EntityDictionary(Protocol):
    """Names already known (in the database or a watchlist), found in text in one pass."""

    def find(self, text: FoldedText) -> Iterable[Match]: ...


class Context:
    """What an extractor knows besides the text: where the victim is, what language.

    ``region`` is ISO 3166-1 alpha-2, upper-case; ``language`` a BCP 47 primary subtag,
    lower-case. A context made by ``detecting`` finds the language of its text only when
    a kind first asks (loading the language model costs more than extracting a line),
    and then takes the region from the language when none was given.
    """

    __slots__ = ("_derive_region", "_language", "_pending", "_region", "known_entities",
                 "show_sensitive")  # fmt: skip

    def __init__(
        self,
        region: str | None = None,
        language: str | None = None,
        show_sensitive: bool = False,
        known_entities: EntityDictionary | None = None,
    ) -> None:
        self._region = region
        self._language = language
        self._pending: str | None = None  # text whose language is not detected yet
        self._derive_region = False
        self.show_sensitive = show_sensitive
        self.known_entities = known_entities

    @classmethod
    def detecting(
        cls, region: str | None, language: str | None, text: str, show_sensitive: bool = False
    ) -> Context:
        context = cls(region, language, show_sensitive)
        context._pending = None if language else text
        context._derive_region = region is None
        return context

    @property
    def language(self) -> str | None:
        if self._pending is not None:
            from fraudlink.extract.language import detect_language

            self._language, self._pending = detect_language(self._pending), None
        return self._language

    @property
    def region(self) -> str | None:
        if self._derive_region:
            from fraudlink.extract.language import region_for_language

            self._region, self._derive_region = region_for_language(self.language), False
        return self._region

    def __repr__(self) -> str:
        return f"Context(region={self.region!r}, language={self.language!r})"


@dataclass(frozen=True, slots=True)
class Match:
    """One identifier found in text or given in a field, in normal form.

    ``start``/``end`` are offsets into the original text (None for a value that
    came from a structured field); ``attributes`` carries ``chain`` for
    wallets, ``currency`` for amounts, ``bank`` for accounts and the like.
    """

    kind: str
    value: str
    raw: str
    start: int | None = None
    end: int | None = None
    valid: bool = True
    attributes: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "kind": self.kind,
            "value": self.value,
            "raw": self.raw,
            "start": self.start,
            "end": self.end,
        }
        data.update(self.attributes)
        if not self.valid:
            data["valid"] = False
        return data


def overlaps_any(found: Iterable[Match], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a match already found: a kind's later, weaker
    pass (a spelled-out host, a bare multiplier) leaves the text its first pass read."""
    return any((m.start or 0) < end and start < (m.end or 0) for m in found)


class IdentifierKind(ABC):
    """A kind of identifier: how to find it in text and how to normalise a given value."""

    name: ClassVar[str]
    #: when spans of two kinds overlap, the higher priority wins (ties: the longer span);
    #: checksum-verified kinds rank above labelled ones, labelled above bare patterns
    priority: ClassVar[int] = 50
    #: other kinds this one may share a span with (e.g. a URL and its domain)
    overlaps: ClassVar[frozenset[str]] = frozenset()

    @abstractmethod
    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        """Every occurrence in ``text``; offsets into ``text.original``."""

    @abstractmethod
    def normalise(self, raw: str, context: Context) -> Match | None:
        """The normal form of a value given in a structured field, or None if it is not one."""


KINDS: dict[str, IdentifierKind] = {}


def register(kind_class: type[IdentifierKind]) -> type[IdentifierKind]:
    """Class decorator: make a kind available to ``extract`` and ``normalise``."""
    KINDS[kind_class.name] = kind_class()
    return kind_class


def registered() -> Iterator[IdentifierKind]:
    import fraudlink.extract.kinds  # noqa: F401  (imports every kind module)

    yield from KINDS.values()


def kind(name: str) -> IdentifierKind | None:
    import fraudlink.extract.kinds  # noqa: F401

    return KINDS.get(name)
