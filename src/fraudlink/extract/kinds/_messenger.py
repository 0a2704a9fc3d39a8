"""What every messenger kind shares: labelled values, invite links, phones as ids.

A messenger id is found in two ways. A *link* (``t.me/apex``, ``wa.me/855…``,
``line.me/ti/p/~apex``) says which messenger by its host. A *label* names the
messenger in the victim's language (``微信号：``, ``카톡``, ``ไลน์``,
``WhatsApp:``) and the value follows after optional ``:``, ``：``, ``ID``,
``号``, ``아이디``, ``是`` and spaces. Values are ASCII, so they end where the
script changes (``lucky8888，``, ``apex88으로``).

Normal forms: handles and ids lower-case without ``@`` or ``~``; a phone number
given as the account (``WhatsApp: +855…``, ``微信：138…``) becomes E.164, so it
links with the same number reported as a phone; invite and group links keep
their token as written (those tokens are case-sensitive) with ``form: invite``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import ClassVar

import ahocorasick
import phonenumbers

from fraudlink.extract.base import Context, IdentifierKind, Match
from fraudlink.extract.kinds._web import DOT
from fraudlink.extract.text import FoldedText, lower_keep_length

#: between a label and its value: ``: ``, ``：``, `` ID ``, ``号``, ``아이디``, ``是``
SEP = (
    r"[ \t]{0,3}(?:(?:id|no\.?|number|username|号码|號碼|号|號|帐号|账号|아이디|ไอดี)"
    r"(?![a-z])[ \t]{0,3})?"
    # ``加VX咨询：Was4872``: a verb of contact between the name and a colon
    r"(?:(?:咨询|諮詢|联系|聯繫|详聊|詳聊|私聊|详谈|了解|洽谈|沟通|溝通)[ \t]{0,2}(?=[:：]))?"
    # ``VX::89584116``, ``VX----a137…``: doubled colons and dash runs stand for the colon
    r"(?:[:=]{1,2}|-{2,8}|是|为|為)?[ \t]{0,3}"
)
#: a phone written after a label: ``+855 12 345 678``, ``010-1234-5678``, ``(012) 345 678``,
#: ``(+855) 12345678``
PHONE = r"(?:\([ ]?(?:\+|00)|\+|00)?[ ]?\(?\d[\d \-().]{4,20}\d"


def latin(*words: str) -> str:
    """Latin-script labels that must stand as words (``wx`` but not ``wxyz``)."""
    return r"(?<![a-z0-9])(?:" + "|".join(words) + r")(?![a-z0-9])"


def host(*labels: str) -> str:
    """A host written with plain or defanged dots: ``host("t", "me")`` matches ``t[.]me``."""
    return r"(?<![a-z0-9.\-])" + DOT.join(re.escape(label) for label in labels)


def e164(written: str, *regions: str | None) -> tuple[str, int] | None:
    """The first reading of ``written`` as a valid phone, trying ``regions`` in turn."""
    for region in dict.fromkeys(regions or (None,)):
        number = _e164(written, region)
        if number is not None:
            return number
    return None


@lru_cache(maxsize=16384)
def _e164(written: str, region: str | None) -> tuple[str, int] | None:
    """E.164 form of a written phone and how much of it was the number (cached: a
    network's numbers recur across reports).

    A label's value may run into the next number (``+855 12 345 678 2024``), so
    trailing groups are dropped one by one until a valid number remains.
    """
    candidate = written.rstrip(" -().")
    while candidate:
        international = candidate.replace("00", "+", 1) if candidate.startswith("00") else candidate
        try:
            number = phonenumbers.parse(international, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is not None and phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), len(
                candidate
            )
        cut = max(candidate.rfind(" "), candidate.rfind("-"))
        if cut <= 0:
            return None
        candidate = candidate[:cut].rstrip(" -().")
    return None


_NOT_BEFORE_HANDLE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-/=~"
)


def glued_at(folded: str, at: int) -> bool:
    """Whether the ``@`` at ``at`` continues a word (an e-mail address, a link's path).

    A dash before it counts only when it continues a word too: ``博豪-@BOHAO63`` and
    ``---@QGFQHS`` set a handle off with dashes, ``a-@b`` glues it.
    """
    place = at - 1
    while place >= 0 and folded[place] == "-":
        place -= 1
    dashes = at - 1 - place
    if dashes == 0:
        return place >= 0 and folded[place] in _NOT_BEFORE_HANDLE
    return dashes == 1 and place >= 0 and folded[place] in _NOT_BEFORE_HANDLE


_GROUP_NAME = re.compile(r"\(\?P<(id|phone|token)>")
#: how far a label or link may start before its hint, and its value end after it
_BEFORE_HINT, _AFTER_HINT = 24, 96
_HINTS: dict[str, tuple[str, ...]] = {}


@lru_cache(maxsize=1)
def _hint_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name, hints in _HINTS.items():
        for hint in hints:
            automaton.add_word(hint, (*automaton.get(hint, ()), (len(hint), name)))
    automaton.make_automaton()
    return automaton


#: ``/start`` right before an ``@``: a command addressed to a bot (``/start@SomeBot``)
_BOT_COMMAND = re.compile(r"(?<![a-z0-9_/])/[a-z0-9_]{1,32}$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _hint_starts(folded: str) -> dict[str, list[int]]:
    """Where each messenger's hints start, all messengers in one pass."""
    starts: dict[str, list[int]] = {}
    for last, entries in _hint_automaton().iter(lower_keep_length(folded)):
        glued = folded[last] == "@" and glued_at(folded, last)
        if glued and not _BOT_COMMAND.search(folded, max(0, last - 34), last):
            continue  # the ``@`` of an e-mail address or a link, not a handle (``賴`` glued
            # to a word still counts: only ``@`` is judged by what stands before it)
        for length, name in entries:
            starts.setdefault(name, []).append(last + 1 - length)
    return starts


def _near_hints(
    near: re.Pattern[str], folded: str, low: int, high: int, hints: list[int]
) -> Iterator[re.Match[str]]:
    """What ``finditer`` over ``folded[low:high]`` finds starting at most ``_BEFORE_HINT``
    before a hint: leftmost first, not overlapping (group 1 is the find).

    The window after the last hint, most of it, is never tried.
    """
    tried = low  # every place before this one was tried or lies inside a find
    for hint in hints:
        place = max(hint - _BEFORE_HINT, tried)
        while place <= hint:
            match = near.match(folded, place, high)
            if match is None:
                tried = place + _BEFORE_HINT + 1
                break
            yield match
            place = tried = max(match.end(1), match.start(1) + 1)


#: what says "an id follows" between a messenger's name and a word: ``:``, ``ID``, ``号``
_EXPLICIT = re.compile(
    r"[:：=@#]|是|为|為|号|號|아이디|ไอดี|(?<![a-z])(?:id|username|user)(?![a-z])", re.I
)
_HANDLE_LIKE = re.compile(r"[0-9_.\-]")


def _id_evidence(folded: str, label_start: int, id_start: int, written: str) -> bool:
    """Whether a labelled value is an id and not the next word of the sentence.

    ``pakai LINE atau WA`` names two messengers and the word "or": a plain word after a
    messenger's name counts only after an explicit separator (``LINE: atau``, ``LINE ID
    atau``), or when it looks like a handle (digits, ``_``, ``.``, ``@``).
    """
    if _HANDLE_LIKE.search(written) or written.startswith(("@", "~")):
        return True
    before = folded[label_start:id_start].rstrip()
    if before and not before[-1].isascii():
        return True  # ``ไลน์ cindyjob``, ``微信 lucky``: the change of script ends the label
    return _EXPLICIT.search(folded, label_start, id_start) is not None


#: an id of digits: 6 to 11 of them, as QQ numbers are, written without spaces
_NUMERIC_ID = re.compile(r"[1-9]\d{5,10}")
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")


def _place_name(folded: str, written: str, end: int) -> bool:
    """``meet @Central Plaza``: ``@`` before a capitalised name of two words is "at"."""
    word = written.lstrip("@")
    title = word[:1].isupper() and word[1:].islower() and word.isalpha()
    return title and _CAPITALISED_NEXT.match(folded, end) is not None


class Messenger(IdentifierKind):
    """A messenger kind described by data: its labels, id rule, links and home region.

    Link patterns name their value group ``id`` (a handle, lower-cased),
    ``phone`` (international digits) or ``token`` (an invite, kept as written).
    """

    priority = 70
    overlaps: ClassVar[frozenset[str]] = frozenset({"url", "domain", "phone"})
    labels: ClassVar[str]  # regex alternatives naming the messenger
    id_pattern: ClassVar[str]  # one account id, ASCII
    phones: ClassVar[bool] = True  # a labelled phone number is the account
    home_region: ClassVar[str | None] = None  # for local phone formats when the context has none
    links: ClassVar[tuple[re.Pattern[str], ...]] = ()
    #: lower-case substrings one of which every label and link contains
    hints: ClassVar[tuple[str, ...]]
    #: a label after which digits that dial nowhere are the account all the same
    numeric_label: ClassVar[re.Pattern[str] | None] = None
    case_hints: ClassVar[tuple[str, ...]] = ()
    _labelled: ClassVar[re.Pattern[str]]
    _combined: ClassVar[re.Pattern[str]]
    _near: ClassVar[re.Pattern[str]]
    _labelled_branch: ClassVar[int]
    _id: ClassVar[re.Pattern[str]]

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        # an id followed by ``://`` is a link's scheme (``Telegram https://t.me/x``)
        handle = rf"@?(?P<id>{cls.id_pattern})(?![\[(]?://)"
        value = rf"(?P<phone>{PHONE})|{handle}" if cls.phones else handle
        cls._labelled = re.compile(rf"(?:{cls.labels}){SEP}(?:{value})", re.IGNORECASE)
        # links and the labelled form as one alternation, one scan per window; group
        # names get the branch number (``id_0``), the labelled form is the last branch
        branches = [*(link.pattern for link in cls.links), cls._labelled.pattern]
        cls._combined = re.compile(
            "|".join(
                "(?:" + _GROUP_NAME.sub(rf"(?P<\1_{k}>", branch) + ")"
                for k, branch in enumerate(branches)
            ),
            re.IGNORECASE,
        )
        cls._labelled_branch = len(branches) - 1
        # tried at one place, the pattern also tries the next ``_BEFORE_HINT`` places:
        # group 1 is the leftmost find among them (see ``_near_hints``)
        cls._near = re.compile(
            rf"(?s:.{{0,{_BEFORE_HINT}}}?)({cls._combined.pattern})", re.IGNORECASE
        )
        cls._id = re.compile(rf"[@~]?(?:{cls.id_pattern})", re.IGNORECASE)
        if hasattr(cls, "name"):
            _HINTS[cls.name] = cls.hints
            _hint_automaton.cache_clear()

    def clean_token(self, written: str, joinchat: bool = False) -> str:
        """An invite token as written, less what the messenger's rules say is glued on."""
        return written

    def clean_id(self, written: str) -> str | None:
        """The normal form of an id, or None when it breaks the messenger's rules."""
        return written.lower().lstrip("@~")

    def find(self, text: FoldedText, context: Context) -> Iterable[Match]:
        if not self.case_hints and self.name not in _hint_starts(text.folded):
            return ()  # most reports name no messenger at all: no generator is made
        windows = self._windows(text.folded)
        if not windows:
            return ()
        return self._unique(text, context, windows)

    def _unique(
        self, text: FoldedText, context: Context, windows: list[tuple[int, int, list[int]]]
    ) -> Iterator[Match]:
        seen: set[tuple[int, int]] = set()
        for found in self._finds(text, context, windows):
            if (found.start, found.end) not in seen:
                seen.add((found.start or 0, found.end or 0))
                yield found

    def _windows(self, folded: str) -> list[tuple[int, int, list[int]]]:
        """Stretches of text around this messenger's hints, with the hints: the only places to look.

        Every label and link holds a hint (``tele``, ``me/``, ``微信``...) at most
        ``_BEFORE_HINT`` characters after its start; one Aho-Corasick pass finds the
        hints of all messengers, and the patterns, which would be slow tried at every
        character, run only just before them.
        """
        starts = _hint_starts(folded).get(self.name, [])
        if self.case_hints and any(hint in folded for hint in self.case_hints):
            starts = sorted(
                [*starts, *(m.start() for h in self.case_hints for m in re.finditer(h, folded))]
            )
        windows: list[tuple[int, int, list[int]]] = []
        low, high = 0, -1
        hints: list[int] = []
        for start in starts:  # the hints of one window grow in place: a run of hints stays linear
            if start - _BEFORE_HINT > high:
                if hints:
                    windows.append((low, high, hints))
                low, hints = max(0, start - _BEFORE_HINT), []
            high = min(len(folded), start + _AFTER_HINT)
            hints.append(start)
        if hints:
            windows.append((low, high, hints))
        return windows

    def _finds(
        self, text: FoldedText, context: Context, windows: list[tuple[int, int, list[int]]]
    ) -> Iterator[Match]:
        for low, high, hints in windows:
            for match in _near_hints(self._near, text.folded, low, high, hints):
                found = self._from_match(text, match, context)
                if found is not None:
                    yield found

    def _from_match(self, text: FoldedText, match: re.Match[str], context: Context) -> Match | None:
        name = next(key for key, value in match.groupdict().items() if value is not None)
        group, _, branch = name.rpartition("_")
        labelled = int(branch) == self._labelled_branch
        start = match.start(name) if labelled else match.start(1)
        return self._from_group(text, match, name, group, labelled, start, context)

    def _from_group(
        self,
        text: FoldedText,
        match: re.Match[str],
        name: str,
        group: str,
        labelled: bool,
        start: int,
        context: Context,
    ) -> Match | None:
        """The account one branch found; ``group`` says what it is (token, phone, id)."""
        written = match.group(name)
        if group == "token":
            joinchat = text.folded.endswith("joinchat/", 0, match.start(name))
            token = self.clean_token(written, joinchat)
            end = match.start(name) + len(token)
            return self._match(text, start, end, token, {"form": "invite"})
        if group == "phone":
            regions: tuple[str | None, ...] = (context.region, self.home_region)
            phone = written
            if not labelled:  # links carry international numbers, ``+`` optional
                phone, regions = "+" + written.lstrip("+"), (None,)
            number = e164(phone, *regions)
            if number is None:
                numeric = labelled and self._numeric_id(text.folded, match.start(1), match, name)
                if not (labelled and self._id.fullmatch(written)) and not numeric:
                    return None
                # ``line id :383475``: digits that dial nowhere may still be the id itself
            else:
                end = match.start(name) + number[1] - (len(phone) - len(written))
                return self._match(text, start, end, number[0])
        value = self.clean_id(written)
        if not value:
            return None
        if labelled and not _id_evidence(text.folded, match.start(1), match.start(name), written):
            return None
        if not labelled and _place_name(text.folded, written, match.end(name)):
            return None
        if start > 0 and text.folded[start - 1] == "@" and labelled:
            start -= 1  # ``TG: @apex``: the raw form keeps its ``@``
        return self._match(text, start, match.end(name), value)

    def _numeric_id(self, folded: str, label: int, match: re.Match[str], name: str) -> bool:
        """``微信：99050403``: an id of digits alone, after the messenger's plain name and a
        colon (accounts opened with a QQ number keep it as their id)."""
        written = match.group(name)
        if self.numeric_label is None or not _NUMERIC_ID.fullmatch(written):
            return False
        return self.numeric_label.fullmatch(folded, label, match.start(name)) is not None

    def _match(
        self,
        text: FoldedText,
        start: int,
        end: int,
        value: str,
        attributes: dict[str, str] | None = None,
    ) -> Match:
        return Match(
            self.name, value, text.raw(start, end), start, end, attributes=attributes or {}
        )

    def normalise(self, raw: str, context: Context) -> Match | None:
        """A link, a labelled value, a bare id or a phone number given in a field."""
        stripped = raw.strip()
        found = list(self.find(FoldedText.of(stripped), context))
        if len(found) == 1:
            return Match(self.name, found[0].value, raw, attributes=found[0].attributes)
        folded = FoldedText.of(stripped).folded
        if self._id.fullmatch(folded) and (value := self.clean_id(folded)):
            return Match(self.name, value, raw)
        number = None
        if self.phones and re.fullmatch(PHONE, folded):
            number = e164(folded, context.region, self.home_region)
        if number is not None and number[1] == len(folded.rstrip(" -().")):
            return Match(self.name, number[0], raw)
        return None
