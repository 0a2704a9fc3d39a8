"""People and organisations named in a report: the ``person`` and ``organization`` kinds.

The finding itself lives in :mod:`fraudlink.extract.names` (labels, known entities, the
NER plug-in point); these classes give it the same shape as every other identifier kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from fraudlink.extract.base import Context, IdentifierKind, Match, register
from fraudlink.extract.names import ORGANIZATION, PERSON, clean_name, names
from fraudlink.extract.text import FoldedText


class _Name(IdentifierKind):
    #: a name is weaker evidence than any identifier: a phone or account it overlaps wins
    priority: ClassVar[int] = 40

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        return names(text, context, self.name)

    def normalise(self, raw: str, context: Context) -> Match | None:
        value = clean_name(raw)
        if not any(char.isalpha() for char in value):
            return None
        return Match(self.name, value, raw)


@register
class Person(_Name):
    """A person, with ``role`` when a label said it (suspect, recruiter, boss)."""

    name: ClassVar[str] = PERSON
    overlaps: ClassVar[frozenset[str]] = frozenset({ORGANIZATION})


@register
class Organization(_Name):
    """A company, group or other organisation."""

    name: ClassVar[str] = ORGANIZATION
    overlaps: ClassVar[frozenset[str]] = frozenset({PERSON})
