"""Extraction: identifiers, amounts and names from free text in any language.

``extract`` runs every registered kind over one folded copy of the text and
keeps, where two finds claim the same characters, the one of higher priority
(a checksum-verified IBAN over the phone hidden in its digits), then the
longer one, unless the two kinds are declared to coexist (a URL and its
domain). ``normalise`` does the same for a value given in a structured field.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Collection, Iterator

from fraudlink.errors import InputError
from fraudlink.extract.base import KINDS, Context, IdentifierKind, Match, registered
from fraudlink.extract.language import normalise_language
from fraudlink.extract.text import FoldedText

__all__ = [
    "Context",
    "Match",
    "UnknownKind",
    "context_for",
    "extract",
    "known_kinds",
    "normalise",
]


class UnknownKind(InputError):
    """An identifier kind that no registered class handles."""


_REGISTRY: dict[str, IdentifierKind] = {}


def _registry() -> dict[str, IdentifierKind]:
    """Every kind by name, looked up once: ``extract`` runs per report."""
    if len(_REGISTRY) != len(KINDS) or not _REGISTRY:
        _REGISTRY.clear()
        _REGISTRY.update((kind.name, kind) for kind in registered())
    return _REGISTRY


def known_kinds() -> list[str]:
    """Names of every registered kind, sorted."""
    return sorted(kind.name for kind in registered())


def _kinds(names: Collection[str] | None) -> list[IdentifierKind]:
    every = _registry()
    if names is None:
        return list(every.values())
    unknown = sorted(set(names) - every.keys())
    if unknown:
        raise UnknownKind(
            f"Unknown identifier kind {', '.join(unknown)}; use one of: {', '.join(sorted(every))}."
        )
    return [every[name] for name in names]


def extract(
    text: str, context: Context | None = None, kinds: Collection[str] | None = None
) -> list[Match]:
    """Every identifier in ``text``, overlaps resolved, in order of position."""
    context = context or Context()
    folded = FoldedText.of(text)
    found: list[Match] = []
    for kind in _kinds(kinds):
        found.extend(kind.find(folded, context))
    if len(found) < 2:
        return found
    ordered = sorted(found, key=_position)
    if _disjoint_in_order(ordered):
        return ordered
    return sorted(_resolve(ordered), key=_position)


def _position(match: Match) -> tuple[int, int, str]:
    return (match.start or 0, -(match.end or 0), match.kind)


def _rank(match: Match) -> tuple[int, int, int]:
    start, end = match.start or 0, match.end or 0
    return (-_strength(match), start - end, start)


#: a link written with its scheme, or an address with its ``@``, is certain of what it is:
#: it wins over any amount or phone read inside it (``https://usdt5x.example/claim``)
_CERTAIN = 65


def _strength(match: Match) -> int:
    priority = _priority(match.kind)
    if (match.kind == "url" and "//" in match.raw) or match.kind == "email":
        return max(priority, _CERTAIN)
    return priority


def _priority(name: str) -> int:
    kind = KINDS.get(name)
    return kind.priority if kind else 0


def _may_share(a: str, b: str) -> bool:
    kind_a, kind_b = KINDS.get(a), KINDS.get(b)
    return bool((kind_a and b in kind_a.overlaps) or (kind_b and a in kind_b.overlaps))


def _disjoint_in_order(found: list[Match]) -> bool:
    """Whether no two finds, in order of start, overlap (most reports): nothing to resolve then."""
    last_end = -1
    for match in found:
        if (match.start or 0) < last_end:
            return False
        last_end = match.end or 0
    return True


def _resolve(ordered: list[Match]) -> list[Match]:
    """The finds kept, from finds in order of start: each cluster of overlaps on its own.

    Which find wins depends only on the finds it overlaps, directly or through
    others, so clusters are independent; resolving the whole text as one set
    kept a sorted list of every find so far, and inserting into it was
    quadratic on a long narrative.
    """
    kept: list[Match] = []
    for cluster in _clusters(ordered):
        kept.extend(cluster if len(cluster) == 1 else _resolve_cluster(cluster))
    return kept


def _clusters(ordered: list[Match]) -> Iterator[list[Match]]:
    """Runs of finds (in order of start) that overlap one another, directly or in a chain."""
    cluster: list[Match] = []
    reach = -1
    for match in ordered:
        start, end = match.start or 0, match.end or 0
        if cluster and start >= reach:
            yield cluster
            cluster = []
        cluster.append(match)
        reach = max(reach, end) if len(cluster) > 1 else end
    if cluster:
        yield cluster


def _resolve_cluster(found: list[Match]) -> list[Match]:
    """Best first, keep each find that overlaps nothing kept (or only kinds it may share with)."""
    kept: list[Match] = []
    starts: list[tuple[int, int]] = []  # (start, index into kept), sorted
    longest = 0
    shares: dict[tuple[str, str], bool] = {}
    for match in sorted(found, key=_rank):
        start, end = match.start or 0, match.end or 0
        low = bisect_left(starts, (start - longest, -1))
        high = bisect_left(starts, (end, -1))
        clash = False
        for _, i in starts[low:high]:
            other = kept[i]
            if (other.end or 0) > start:
                pair = (other.kind, match.kind)
                if pair not in shares:
                    shares[pair] = _may_share(*pair)
                if not shares[pair]:
                    clash = True
                    break
        if clash:
            continue
        insort(starts, (start, len(kept)))
        kept.append(match)
        longest = max(longest, end - start)
    return kept


def normalise(kind: str, raw: str, context: Context) -> Match | None:
    """The normal form of ``raw`` given as a ``kind`` in a structured field, or None."""
    return _kinds([kind])[0].normalise(raw, context)


def context_for(
    country: str | None, language: str | None, text: str, *, show_sensitive: bool = False
) -> Context:
    """The context of one report: its language (detected when absent) and its region.

    The region comes from the country when known, otherwise from the language.
    """
    region = country.strip().upper() if country and country.strip() else None
    return Context.detecting(region, normalise_language(language), text, show_sensitive)
