"""``compare(a, b)``: one score for two names, a decision, and the features behind it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from fraudlink.errors import InputError
from fraudlink.link.names import arabic
from fraudlink.link.names.align import EXTRA_WEIGHT, Alignment, align, penalty
from fraudlink.link.names.scripts import Script
from fraudlink.link.names.tokens import ParsedName, Token, parse

MATCH_THRESHOLD = 0.8
"""``compare(...).match`` is ``score >= MATCH_THRESHOLD``.

At 0.8 every token of the shorter name must align closely, and at most a
middle name may be left over: ``Barack Obama`` / ``Barack Hussein Obama``
scores 0.86, one contradicting syllable (``Jung-wook`` / ``Jung-woo``) about
0.5. Chosen once on the whole of name_bench and our own cross-script table,
not per case; ``bench/names.py`` prints precision and recall around it."""


@dataclass(frozen=True, slots=True)
class Feature:
    """One reason in an explanation; ``contribution`` is its share of the score (or its cost)."""

    kind: str
    a: str
    b: str
    via: str
    similarity: float
    contribution: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class NameMatch:
    score: float
    match: bool
    explanation: tuple[Feature, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "match": self.match,
            "explanation": [feature.as_dict() for feature in self.explanation],
        }


def _show(tokens: tuple[Token, ...] | list[Token]) -> str:
    return " ".join(t.native if t.native == t.latin else f"{t.native} ({t.latin})" for t in tokens)


def _features(out: Alignment, total: float, own: Token | None = None) -> list[Feature]:
    features = [
        Feature(
            "token",
            _show(p.left),
            _show(p.right),
            p.sim.via,
            round(p.sim.score, 4),
            round(p.weight * p.sim.score / total, 4),
        )
        for p in out.pairs
    ]
    conflict = bool(out.left_over and out.right_over)
    for side, tokens in (("a", out.left_over), ("b", out.right_over)):
        for token in tokens:
            full = conflict or token.syllabic or token is own
            kind = "contradicting token" if full else "extra token"
            cost = -token.weight * (1.0 if full else EXTRA_WEIGHT) / total
            shown = _show([token])
            a, b = (shown, "") if side == "a" else ("", shown)
            features.append(Feature(kind, a, b, "not aligned", 0.0, round(cost, 4)))
    return features


def _removed(left: ParsedName, right: ParsedName) -> list[Feature]:
    return [
        Feature("removed", word, "", "title or legal form", 0.0, 0.0) for word in left.removed
    ] + [Feature("removed", "", word, "title or legal form", 0.0, 0.0) for word in right.removed]


MAX_NAME_LENGTH = 256
"""Longest name compared or screened. Real names, with every title and legal form, stay
far below; alignment works on every pair of tokens, so a name of thousands of characters
took minutes and all the memory of the machine."""


class NameTooLong(InputError):
    """A name given to compare or screen that is longer than any real name."""


def check_name(name: str) -> None:
    """Refuse a name longer than ``MAX_NAME_LENGTH`` with a sentence that says what to do."""
    if len(name) > MAX_NAME_LENGTH:
        raise NameTooLong(
            f"A name of {len(name):,} characters is longer than the {MAX_NAME_LENGTH} allowed;"
            " give the name alone, without notes or other text."
        )


@lru_cache(maxsize=65536)
def compare(a: str, b: str, schema: str = "Person") -> NameMatch:
    """Score how likely ``a`` and ``b`` name the same person (or organisation for other schemas).

    Symmetric, in [0, 1]; ``match`` applies ``MATCH_THRESHOLD``. Features name ``a``
    and ``b`` as given.
    """
    check_name(a)
    check_name(b)
    if a <= b:
        return _compare(a, b, schema)
    result = _compare(b, a, schema)
    flipped = tuple(replace(f, a=f.b, b=f.a) for f in result.explanation)
    return NameMatch(result.score, result.match, flipped)


@lru_cache(maxsize=262144)
def score_only(a: str, b: str, schema: str = "Person") -> float:
    """``compare(a, b, schema).score`` without building the explanation: for ranking many
    candidates, where only the best few are then explained."""
    left, right = _facing(parse(min(a, b), schema), parse(max(a, b), schema))
    if not left.tokens or not right.tokens:
        return 0.0
    out = align(left.tokens, right.tokens)
    conflict, extra = _penalty(out, left, right)
    total = sum(p.weight for p in out.pairs) + conflict + extra
    score = sum(p.weight * p.sim.score for p in out.pairs) / total if total else 0.0
    if out_of_order(out, left.tokens, right.tokens) or fathers_crossed(out):
        score *= ORDER_FACTOR
    return round(min(max(score, 0.0), 1.0), 4)


def _penalty(out: Alignment, left: ParsedName, right: ParsedName) -> tuple[float, float]:
    """``penalty``, with an Arabic name's own first name counted fully when left over.

    An Arabic name is the person's name followed by the father's and grandfather's:
    ``Ahmed Ali Abdullah Saleh`` is the son of ``Ali Abdullah Saleh``, not a longer
    writing of his name."""
    conflict, extra = penalty(out)
    own = _own_name_left_over(out, left, right) if extra else None
    if own is None:
        return conflict, extra
    return conflict + own.weight, extra - own.weight * EXTRA_WEIGHT


def _own_name_left_over(out: Alignment, left: ParsedName, right: ParsedName) -> Token | None:
    """The first token of a name facing Arabic script, when it is left over alone."""
    if out.left_over and out.right_over:
        return None
    if not any(t.script == Script.ARABIC for t in (*left.tokens, *right.tokens)):
        return None
    for tokens, over in ((left.tokens, out.left_over), (right.tokens, out.right_over)):
        if len(tokens) > 1 and any(t is tokens[0] for t in over):
            return tokens[0]
    return None


ORDER_FACTOR = 0.7
"""What a score keeps when a Han or Hangul given name's syllables meet in another order:
``제이`` is not ``Yi Jae`` (that is ``이제``), whatever the surname's place."""


def out_of_order(out: Alignment, left: tuple[Token, ...], right: tuple[Token, ...]) -> bool:
    """Whether the given-name syllables of a Han or Hangul name align in another order.

    A surname may stand first or last in a romanised name; the syllables of the given
    name never swap places."""
    places = []
    for pair in out.pairs:
        if len(pair.left) != 1 or len(pair.right) != 1:
            continue
        a, b = pair.left[0], pair.right[0]
        if a.syllabic == b.syllabic or a.surname or b.surname:
            continue
        places.append((_place(a, left), _place(b, right)))
    places.sort()
    return any(x[1] > y[1] for x, y in pairwise(places))


def fathers_crossed(out: Alignment) -> bool:
    """Whether both names say whose son or daughter the person is and a name of the person
    aligns with a name of the father: ``Ahmad bin Ismail`` is not ``Ismail bin Ahmad``."""
    left = [t for p in out.pairs for t in p.left] + out.left_over
    right = [t for p in out.pairs for t in p.right] + out.right_over
    if not (any(t.father for t in left) and any(t.father for t in right)):
        return False
    return any(
        p.left[0].father != p.right[0].father for p in out.pairs if len(p.left) == len(p.right) == 1
    )


def _place(token: Token, tokens: tuple[Token, ...]) -> int:
    return next(i for i, t in enumerate(tokens) if t is token)


def _facing(left: ParsedName, right: ParsedName) -> tuple[ParsedName, ParsedName]:
    """Romanised Arabic articles as they meet Arabic script: ``al``/``el`` dropped,
    ``Abdul`` read ``Abd`` (Arabic glues the article to the next word, dropped there)."""
    arabic_left = any(t.script == Script.ARABIC for t in left.tokens)
    arabic_right = any(t.script == Script.ARABIC for t in right.tokens)
    if arabic_left == arabic_right:
        return left, right
    if arabic_left:
        return left, _without_articles(right, arabic.tails(left.tokens))
    return _without_articles(left, arabic.tails(right.tokens)), right


def _without_articles(name: ParsedName, tails: frozenset[str]) -> ParsedName:
    """``tails``: the second words of compound names (``الله``, ``الدين``) the Arabic side
    writes apart, so ``Matiullah`` is split to meet ``مطيع الله``."""
    tokens = []
    for token in name.tokens:
        if token.script != Script.LATIN:
            tokens.append(token)
            continue
        latin = arabic.latin_token(token.latin)
        if latin is None:
            continue
        for part in arabic.split_compound(latin, tails):
            tokens.append(token if part == token.latin else Token(part, Script.LATIN, (part,)))
    return ParsedName(tuple(tokens), name.removed) if tokens else name


def _compare(a: str, b: str, schema: str) -> NameMatch:
    left, right = _facing(parse(a, schema), parse(b, schema))
    if not left.tokens or not right.tokens:
        return NameMatch(0.0, False, ())
    out = align(left.tokens, right.tokens)
    conflict, extra = _penalty(out, left, right)
    matched = sum(p.weight for p in out.pairs)
    total = matched + conflict + extra
    score = sum(p.weight * p.sim.score for p in out.pairs) / total if total else 0.0
    own = _own_name_left_over(out, left, right)
    explanation = _features(out, total, own) + _removed(left, right)
    crossed = fathers_crossed(out)
    if out_of_order(out, left.tokens, right.tokens) or crossed:
        cost = round(score * (ORDER_FACTOR - 1.0), 4)
        score *= ORDER_FACTOR
        why = "own and father's names swapped" if crossed else "given name in another order"
        explanation.append(Feature("name order", "", "", why, 0.0, cost))
    score = round(min(max(score, 0.0), 1.0), 4)
    return NameMatch(score, score >= MATCH_THRESHOLD, tuple(explanation))
