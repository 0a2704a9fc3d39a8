"""Compare two names token by token, order-free, and explain the score.

Tokens are aligned greedily, best pair first, so word order does not matter.
A token left over may be several tokens written together on the other side
(``Jungwook`` = ``Jung-wook`` = ``정``+``욱``). The score is the weighted share
of aligned tokens; tokens left over on both sides contradict each other and
count fully against the score, while extra tokens on one side only (a middle
name, a branch) count at ``EXTRA_WEIGHT``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from fraudlink.link.names import han
from fraudlink.link.names.phonetic import loose
from fraudlink.link.names.scripts import Script
from fraudlink.link.names.similarity import PHONETIC_SCORE, TokenSim, fuzzy, token_similarity
from fraudlink.link.names.tokens import Token

TOKEN_MATCH = 0.65
"""Least token similarity for two tokens to be aligned."""
EXTRA_WEIGHT = 0.25
"""Share of its weight an unaligned token counts for when the other side has none left."""
MAX_JOIN = 4


@dataclass(frozen=True, slots=True)
class Pair:
    left: tuple[Token, ...]
    right: tuple[Token, ...]
    sim: TokenSim

    @property
    def weight(self) -> float:
        return max(sum(t.weight for t in self.left), sum(t.weight for t in self.right))


@dataclass(slots=True)
class Alignment:
    pairs: list[Pair] = field(default_factory=list)
    left_over: list[Token] = field(default_factory=list)
    right_over: list[Token] = field(default_factory=list)


def _greedy(left: tuple[Token, ...], right: tuple[Token, ...]) -> Alignment:
    scored = [
        (token_similarity(a, b), i, j) for i, a in enumerate(left) for j, b in enumerate(right)
    ]
    scored.sort(key=lambda item: (-item[0].score, -(left[item[1]].weight + right[item[2]].weight)))
    used_left: set[int] = set()
    used_right: set[int] = set()
    out = Alignment()
    for sim, i, j in scored:
        if sim.score < TOKEN_MATCH:
            break
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        out.pairs.append(Pair((left[i],), (right[j],), sim))
    out.left_over = [t for i, t in enumerate(left) if i not in used_left]
    out.right_over = [t for j, t in enumerate(right) if j not in used_right]
    return out


def _segments(text: str, tokens: list[Token], key: bool) -> int:
    """How many leading ``tokens`` spell ``text`` written together (0 when they do not)."""
    if not text:
        return 0
    if not tokens:
        return -1
    for form in tokens[0].forms:
        part = loose(form) if key else form
        if part and text.startswith(part):
            rest = _segments(text[len(part) :], tokens[1:], key)
            if rest >= 0:
                return rest + 1
    return -1


def _join_one(token: Token, others: list[Token]) -> tuple[int, int, TokenSim] | None:
    """Find consecutive ``others`` that together spell ``token``: (start, count, similarity)."""
    for start in range(len(others)):
        window = others[start : start + MAX_JOIN]
        for key in (False, True):
            for form in token.forms:
                count = _segments(loose(form) if key else form, window, key)
                if count >= 2:
                    via = "written together" + (" (phonetic key)" if key else "")
                    return start, count, TokenSim(0.9 if key else 1.0, via)
        if any(t.syllabic for t in window):
            continue
        for count in range(min(MAX_JOIN, len(window)), 1, -1):
            found = _joined_fuzzy(token, window[:count])
            if found.score >= TOKEN_MATCH + 0.1:
                return start, count, found
    return None


def _joined_fuzzy(token: Token, window: list[Token]) -> TokenSim:
    """Spelling distance to tokens written together; through the phonetic key across scripts."""
    joined = "".join(t.latin for t in window)
    if all(t.script == token.script for t in window):
        return TokenSim(fuzzy(token.latin, joined), "written together, spelling distance")
    score = PHONETIC_SCORE * max(fuzzy(loose(form), loose(joined)) for form in token.forms)
    return TokenSim(score, "written together, phonetic distance")


def _join(out: Alignment, flip: bool) -> None:
    """Pair a left-over token with several consecutive left-over tokens of the other side."""
    singles, many = (out.right_over, out.left_over) if flip else (out.left_over, out.right_over)
    for token in list(singles):
        if token.syllabic and not (token.surname and len(token.native) == 2):
            continue  # a compound surname (남궁, 欧阳) is two Latin words: ``Nam Goong``
        found = _join_one(token, many)
        if found is None:
            continue
        start, count, sim = found
        group = tuple(many[start : start + count])
        del many[start : start + count]
        singles.remove(token)
        pair = Pair(group, (token,), sim) if flip else Pair((token,), group, sim)
        out.pairs.append(pair)


def align(left: tuple[Token, ...], right: tuple[Token, ...]) -> Alignment:
    out = _greedy(left, right)
    if out.left_over and len(out.right_over) >= 2:
        _join(out, flip=False)
    if out.right_over and len(out.left_over) >= 2:
        _join(out, flip=True)
    return out


def penalty(out: Alignment) -> tuple[float, float]:
    """Weights counted against the score: (contradicting tokens, extra tokens).

    An extra Han or Hangul syllable is a different given name (``陈志`` / ``陈志明``),
    not a middle name, so it counts fully."""
    left = sum(t.weight for t in out.left_over)
    right = sum(t.weight for t in out.right_over)
    if left and right:
        return left + right, 0.0
    syllables = sum(t.weight for t in out.left_over + out.right_over if t.syllabic)
    script = _written_in_syllables(out, "right" if left else "left")
    if script is not None:
        # ``Zhu Zhi Jun`` / ``陈志``: a syllable the Han name lacks; but ``Albert`` beside
        # ``何俊仁`` is a Western name no Han syllable spells, an extra like a middle name
        over = out.left_over + out.right_over
        western = sum(t.weight for t in over if script == Script.HAN and _western(t))
        return left + right - western, western * EXTRA_WEIGHT
    return syllables, (left + right - syllables) * EXTRA_WEIGHT


def _written_in_syllables(out: Alignment, other: Literal["left", "right"]) -> Script | None:
    """The script of the fully aligned side when it is a Han or Hangul name (each of its
    syllables is a token, so an extra token on the other side is a syllable that name
    does not have), else None."""
    tokens = [t for pair in out.pairs for t in getattr(pair, other)]
    if not tokens or not all(t.syllabic for t in tokens):
        return None
    scripts = {t.script for t in tokens}
    return scripts.pop() if len(scripts) == 1 else Script.HANGUL


def _western(token: Token) -> bool:
    """A Latin token of three letters or more that no run of Chinese syllables spells."""
    return (
        token.script == Script.LATIN
        and len(token.latin) >= 3
        and not han.spelled_in_syllables(token.latin)
    )
