"""Hosts, URLs and defanging shared by the ``url``, ``domain``, ``email`` and messenger kinds.

Threat-intelligence writers *defang* links so nobody clicks them
(``hxxps://apex-invest[.]com``); victims and police copy them that way into
reports. Every pattern here accepts the common defanged notations and
:func:`refang` turns a raw span back into the link it stands for.

Internationalised host names are normalised to their IDNA A-label
(``例子.中国`` → ``xn--fsqu00a.xn--fiqs8s``): the ASCII form is what DNS
resolves, it is unique where Unicode spellings are not (case, width,
compatibility forms), and it shows look-alike hosts for what they are.

The registrable domain comes from the public-suffix list snapshot that ships
inside ``tldextract``; the extractor is built so that it never fetches.
Private suffixes (``github.io``, ``blogspot.com``, ``pages.dev``) count as
suffixes, so ``apex.github.io`` is its own domain rather than the whole
hosting platform — free hosting is where many scam sites live.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import idna
import tldextract

from fraudlink.extract.text import FoldedText, lower_keep_length

#: a dot as written in defanged text: ``.``, ``[.]``, ``(.)``, ``{.}``, ``[dot]``, `` dot ``
DOT = r"(?:\.|\s?[\[({]\s?(?:\.|dot)\s?[\])}]\s?|[ ]dot[ ])"
#: the ``://`` after a scheme, defanged or not
SCHEME_SEP = r"(?:://|\[://\]|\(://\)|\[:\]//|\(:\)//)"
#: http/https and their defanged spellings (hxxp, hXXps, hxtp, fxp for ftp)
SCHEME = r"(?:h[xt][xt]ps?|fxp|ftp|sftp)"

_LATIN = r"a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_SCRIPTS = (
    _LATIN,
    r"0-9\u0370-\u03ff",  # Greek
    r"0-9\u0400-\u04ff",  # Cyrillic
    r"0-9\u0600-\u06ff",  # Arabic
    r"0-9\u0e00-\u0e7f",  # Thai
    r"0-9\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff",  # Han and kana
    r"0-9\uac00-\ud7af",  # Hangul
)


def _label(chars: str) -> str:
    return rf"[{chars}](?:[{chars}-]{{0,62}}[{chars}])?"


#: one host label in Latin script (ASCII plus accented letters); a change of script ends it
LATIN_LABEL = _label(_LATIN)
#: a top-level label starts with a letter: ``1.5`` or ``10.0.1`` never reach the suffix list
_TOP_LABEL = rf"[a-z\u00c0-\u024f\u1e00-\u1eff](?:[{_LATIN}-]{{0,62}}[{_LATIN}])?"
#: one host label of a single script; used after a scheme, where the start is certain
ANY_LABEL = "(?:" + "|".join(_label(chars) for chars in _SCRIPTS) + ")"

_DEFANGS = re.compile(r"\s?[\[({]\s?(\.|dot|at|@)\s?[\])}]\s?|[ ](dot|at)[ ]", re.IGNORECASE)
_MAY_BE_DEFANGED = re.compile(r"[\[({]|[ ](?:dot|at)[ ]", re.IGNORECASE)
_DOT_RE = re.compile(DOT, re.IGNORECASE)
_DEFANGED_DOT = re.compile(r"[\[({]\s?(?:\.|dot)|(?<= )dot ", re.IGNORECASE)
_DOT_SPLIT = re.compile(f"({DOT})", re.IGNORECASE)
_SPACED_DOT = re.compile(r"[ ]dot[ ]", re.IGNORECASE)
_SCHEME_FIX = re.compile(rf"^{SCHEME}(?=://)", re.IGNORECASE)
_SEP_FIX = re.compile(SCHEME_SEP)
_PATH = re.compile(r"(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?")
_UNBALANCED = {")": "(", "]": "[", "}": "{"}
_TRAILING = ".,;:!?'\"*"
#: top-level domains that are far more often file extensions when written bare
_FILE_EXTENSIONS = frozenset({"zip", "mov", "py", "sh", "md", "rs", "pl", "pm"})
#: abbreviations written with a dot and glued to the next word in prose (``No.PIN``,
#: ``Jl.Sudirman``, ``Ass.Sy``, ``Tgl.12``): a bare host never starts with one
_ABBREVIATIONS = frozenset(
    {"no", "nr", "tgl", "jl", "jln", "rek", "hp", "sy", "yg", "dg", "dgn", "utk", "tlp", "telp"}
    | {"kec", "kab", "ds", "rt", "rw", "gg", "hub", "bpk", "ibu", "sdr", "hj", "ass", "pk"}
    | {"mr", "mrs", "ms", "dr", "drs", "ir", "st", "tel", "mob", "ph", "fax", "vs", "etc", "eg"}
    | {"ie", "pls", "ref", "inc", "ltd", "co", "jr", "sr", "approx", "min", "max", "dept"}
)
#: top-level domains that are everyday words: after a word with no space (``wife.how``,
#: ``her.love``, ``time.you``, ``days.so``, ``pain.it``, ``FROM PARIS.FREE ROSES``) they
#: join two sentences of chat.
#: Measured on the UCI SMS ham messages, where they gave 35 false hosts and no real one;
#: a label with a digit or hyphen (``pgslot88.love``), ``www.`` or a link still counts.
_WORD_TLDS = frozenset(
    {"so", "it", "be", "my", "am", "do", "pa", "how", "love", "now", "you", "call", "like"}
    | {"life", "xxx", "ice", "onion", "here", "off", "hsbc", "im", "compare", "free"}
)
#: well-known hosts under such a top-level domain, written bare in real messages
_WORD_HOSTS = frozenset({"youtu.be"})
#: country codes that are also such abbreviations at a sentence joint (``BRI.No``, ``Ass.Sy``)
_ABBREVIATED_TLDS = frozenset({"no", "sy"})
_STOPWORDS = frozenset(
    {"a", "an", "and", "at", "i", "in", "is", "it", "my", "of", "on", "or", "our", "the"}
    | {"this", "that", "to", "we", "you", "your"}
)


def scheme_name(written: str) -> str:
    """``hXXps`` → ``https``, ``fxp`` → ``ftp``."""
    word = written.lower()
    if word in ("ftp", "sftp"):
        return word
    if word.startswith("f"):
        return "ftp"
    return "https" if word.endswith("s") else "http"


def refang(raw: str) -> str:
    """``hxxps://a[.]com`` → ``https://a.com``; ``x[at]y(dot)z`` → ``x@y.z``."""

    def one(match: re.Match[str]) -> str:
        token = (match.group(1) or match.group(2)).lower()
        return "." if token in (".", "dot") else "@"

    if raw.isascii() and raw.isalnum():
        return raw
    text = _DEFANGS.sub(one, raw) if _MAY_BE_DEFANGED.search(raw) else raw
    text = _SEP_FIX.sub("://", text, count=1)
    scheme = _SCHEME_FIX.match(text)
    if scheme:
        text = scheme_name(scheme.group(0)) + text[scheme.end() :]
    return text


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    """The offline extractor: no suffix-list URLs, no disk cache, only the bundled snapshot."""
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


def ascii_host(host: str) -> str | None:
    """Lower-case IDNA A-label form of a (refanged) host, or None when it is not a valid name."""
    host = host.rstrip(".")
    if host.isascii():
        return host.lower()
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None


@lru_cache(maxsize=4096)
def registrable(host: str) -> str | None:
    """eTLD+1 of an A-label host (``mail.apex.co.uk`` → ``apex.co.uk``), None without a suffix."""
    result = _extractor().extract_str(host)
    if not result.domain:  # the host is itself a private suffix, e.g. ``github.io``
        result = _extractor().extract_str(host, include_psl_private_domains=False)
    if not result.domain or not result.suffix:
        return None
    return f"{result.domain}.{result.suffix}"


def is_ipv4(host: str) -> bool:
    parts = host.split(".")
    return len(parts) == 4 and all(p.isdigit() and len(p) <= 3 and int(p) < 256 for p in parts)


def host_suffix_trimmed(host: str) -> str:
    """Cut text glued to a non-ASCII top-level label: ``例子.中国网站`` → ``例子.中国``."""
    head, _, last = host.rpartition(".")
    if not head or last.isascii():
        return host
    for size in range(len(last), 0, -1):
        candidate = f"{head}.{last[:size]}"
        code = ascii_host(candidate)
        if code and registrable(code):
            return candidate
    return host


def path_end(original: str, start: int) -> int:
    """End of the port, path, query and fragment that follow a host at ``start``.

    Matched on the original text, ASCII only: full-width ``，`` or a Korean
    particle ends a link even though it folds or looks like a continuation.
    Trailing punctuation and unbalanced closing brackets are not part of it.
    """
    end = _PATH.match(original, start)
    stop = end.end() if end else start
    span = original[start:stop]
    counts = {char: span.count(char) for char in "()[]{}"}  # once: per bracket was quadratic
    while stop > start:
        last = original[stop - 1]
        if last in _UNBALANCED and counts[last] > counts[_UNBALANCED[last]]:
            counts[last] -= 1
        elif last not in _TRAILING:
            break
        stop -= 1
    return stop


_TELEGRAM_HOSTS = frozenset({"t.me", "telegram.me", "telegram.dog"})
_INVITE = re.compile(r"/(?:\+|joinchat/)([A-Za-z0-9_-]+)")
#: Telegram invite hashes are 16 characters (``t.me/+…``) or 22 for the old
#: ``joinchat`` ones; adverts glue their signature to the link (``…NzRhDr-TG代发``)
INVITE_LENGTHS = (16, 22)


def invite_token(token: str, joinchat: bool = False) -> str:
    """An invite hash cut to the lengths Telegram issues; the glued rest is not the link.

    A ``joinchat/`` link long enough for an old hash keeps 22 characters, as does a
    ``+`` link whose hash begins like the old ones (``AAAA…``); other hashes keep 16.
    """
    if len(token) in INVITE_LENGTHS or len(token) < INVITE_LENGTHS[0]:
        return token
    legacy = len(token) > INVITE_LENGTHS[1] and (joinchat or token.startswith("AAAA"))
    return token[: INVITE_LENGTHS[1] if legacy else INVITE_LENGTHS[0]]


def _invite_end(original: str, host: str, start: int, stop: int) -> int:
    """The end of a Telegram invite link whose hash runs into the next word."""
    if host not in _TELEGRAM_HOSTS:
        return stop
    invite = _INVITE.match(original, start, stop)
    if invite is None or invite.end() != stop:
        return stop
    joinchat = original.startswith("/joinchat/", invite.start())
    return invite.start(1) + len(invite_token(invite.group(1), joinchat))


def _title_case(label: str) -> bool:
    return not (label.islower() or label.isupper() or label.isdigit())


@dataclass(frozen=True, slots=True)
class WebHit:
    """A host found in text, with the URL around it when there is one."""

    start: int  # of the URL (or of the host when there is no URL)
    end: int
    host_start: int
    host_end: int
    url: str | None  # normal form, None for a bare domain mention
    domain: str | None  # registrable domain, None for an IP address


_SCHEME_RE = re.compile(
    rf"(?<![a-z0-9@._%+\-])(?P<scheme>{SCHEME}){SCHEME_SEP}"
    rf"(?P<user>[a-z0-9._~%!$&'*+,;=:\-]{{1,64}}@)?(?P<ihost>{ANY_LABEL}(?:{DOT}{ANY_LABEL})*)",
    re.IGNORECASE,
)
_SCHEME_HEAD = re.compile(rf"(?<![a-z0-9@._%+\-]){SCHEME}{SCHEME_SEP}", re.IGNORECASE)
_NOT_AFTER = r"(?<![a-z0-9@._%+\-])"
_BARE_RE = re.compile(
    rf"{_NOT_AFTER}(?P<host>{LATIN_LABEL}(?:{DOT}{LATIN_LABEL})*{DOT}{_TOP_LABEL})",
    re.IGNORECASE,
)
_MAY_START = re.compile(_NOT_AFTER, re.IGNORECASE)
_CHAIN = re.compile(rf"{LATIN_LABEL}(?:{DOT}{LATIN_LABEL})*", re.IGNORECASE)
#: a dot before a letter or digit (``\w`` less ``_`` is what ``str.isalnum`` accepts)
_DOT_BEFORE_ALNUM = re.compile(r"\.(?=[^\W_])")
_LABEL_BACKWARDS = re.compile(rf"[{_LATIN}\-]{{1,63}}", re.IGNORECASE)
#: the ``[at]`` of a defanged address: its domain is the e-mail's (`` at `` alone is English:
#: ``shop at apex.com``)
_AT_BEFORE = re.compile(r"[\[({]\s?(?:at|@)\s?[\])}]\s?$", re.IGNORECASE)
_DEFAULT_PORTS = {"http": ":80", "https": ":443", "ftp": ":21"}


def scan(text: FoldedText) -> tuple[WebHit, ...]:
    """Every URL and host mention in ``text``, left to right, not nested."""
    return _scan_cached(text)


@lru_cache(maxsize=8)
def _scan_cached(text: FoldedText) -> tuple[WebHit, ...]:
    """Links with a scheme first, then bare hosts outside them.

    A regex tried at every position of a long text is slow; instead links are
    looked for only around ``//`` and bare hosts only around a dot (or a
    defanged one), reading the label before it backwards.
    """
    linked = _scheme_hits(text) if "//" in text.folded else []
    bare = _bare_hits(text, linked)
    return tuple(sorted(linked + bare, key=lambda hit: hit.start))


def _scheme_hits(text: FoldedText) -> list[WebHit]:
    folded, hits, pos = text.folded, [], 0
    slashes = folded.find("//")
    while slashes != -1:
        head = _SCHEME_HEAD.search(folded, max(pos, slashes - 10), slashes + 3)
        match = _SCHEME_RE.match(folded, head.start()) if head else None
        hit = _hit(text, match) if match else None
        if hit is not None:
            hits.append(hit)
            pos = hit.end
        slashes = folded.find("//", max(pos, slashes + 2))
    return hits


def _anchors(folded: str) -> list[int]:
    """Where a bare host may have a dot; the label before it is read backwards from there.

    A literal search is many times faster than a character class tried at
    every position; a period not followed by a letter or digit ends a sentence.
    """
    anchors = [found.start() for found in _DOT_BEFORE_ALNUM.finditer(folded)]
    extra = (
        [found.start() for found in _DEFANGED_DOT.finditer(folded)]
        if ("[" in folded or "(" in folded or "{" in folded or "dot" in lower_keep_length(folded))
        else []
    )
    return sorted(anchors + extra) if extra else anchors


def _bare_hits(text: FoldedText, linked: list[WebHit]) -> list[WebHit]:
    folded, hits = text.folded, []
    backwards, size = folded[::-1], len(folded)
    taken = iter([(hit.start, hit.end) for hit in linked] + [(size + 1, size + 1)])
    pos, (link_start, link_end) = 0, next(taken)
    for dot in _anchors(folded):
        while dot >= link_end:
            link_start, link_end = next(taken)
        if dot >= link_start:  # inside a link with a scheme
            pos = link_end
            continue
        label_end = dot - 1 if dot > 0 and folded[dot - 1] == " " else dot
        if label_end < pos:
            continue
        label = _LABEL_BACKWARDS.match(backwards, size - label_end)
        if label is None:
            continue
        start = label_end - len(label.group())
        while folded[start] == "-" and start < label_end:
            start += 1
        if start < pos:
            continue
        match = _BARE_RE.match(folded, start)
        hit = _hit(text, match) if match else None
        if match is not None:
            pos = hit.end if hit else match.end()
        elif _MAY_START.match(folded, start):
            pos = _chain_end(folded, start)
        if hit is not None:
            hits.append(hit)
    return hits


def _chain_end(folded: str, start: int) -> int:
    """End of the labels and dots from ``start``, where a bare host was not found.

    Every later label of the chain would fail the same way (its labels are a
    tail of this one's), so none is tried: with defanged dots, which the
    look-behind does not turn away, ``1[.]1[.]1…`` was read to its end per label.
    """
    chain = _CHAIN.match(folded, start)
    return chain.end() if chain else start


def _hit(text: FoldedText, match: re.Match[str]) -> WebHit | None:
    if match.re is _SCHEME_RE:
        return _scheme_hit(text, match)
    if _AT_BEFORE.search(text.folded, max(0, match.start() - 6), match.start()):
        return None  # the domain part of a defanged e-mail address
    start, end = match.span("host")
    bare = _bare_host(text.folded[start:end])  # full-width letters and dots fold to ASCII
    if bare is None:
        return None
    length, host, domain, www = bare
    end = start + length
    stop = _invite_end(text.original, host, end, path_end(text.original, end))
    path = text.original[end:stop]
    if www or path.startswith("/"):
        return WebHit(start, stop, start, end, _url("http", "", host, path), domain)
    if _word_joint(host, domain, text.folded, start, end):
        return None
    return WebHit(start, end, start, end, None, domain)


def _word_joint(host: str, domain: str, folded: str, start: int, end: int) -> bool:
    """``wife.how``, ``her.love``, ``Nice.nice.how``: in prose, two words joined by a dot
    whose last is a top-level domain that is an everyday word are chat without a space.
    The same host alone (a list line), with ``www.``, a path or a digit is a host."""
    labels = host.split(".")
    if labels[-1] not in _WORD_TLDS or domain in _WORD_HOSTS or domain.count(".") > 1:
        return False  # ``shop.com.my``: the suffix is ``com.my``, no word
    if not all(map(str.isalpha, labels)):
        return False
    return bool(folded[:start].strip() or folded[end:].strip())


@lru_cache(maxsize=8192)
def _bare_host(raw: str) -> tuple[int, str, str, bool] | None:
    """A written bare host: the length kept, A-label host, registrable domain, ``www``.

    Cached: a report names the same few sites as many others (hubs, a network's domains).
    """
    labels = _DOT_RE.split(refang(raw))
    if not labels[-1][:1].isalpha():  # numbers, versions, IP addresses: no top-level domain
        return None
    length = len(raw)
    if len(labels) > 1 and _title_case(labels[-1]):  # ``apex.com.Next`` → ``apex.com``
        while len(labels) > 1 and _title_case(labels[-1]):
            labels.pop()
        length = len(_host_prefix(raw, len(labels)))  # once: per label it was quadratic
    if len(labels) < 2 or not _plausible_bare(raw, labels) or _case_joint(labels):
        return None
    host = ascii_host(".".join(labels))
    domain = registrable(host) if host else None
    if domain is None and labels[0].lower() == "www" and raw == refang(raw):
        return _glued_www(raw, labels)
    if host is None or domain is None or not _evidence(host.split("."), domain):
        return None
    return length, host, domain, labels[0].lower().startswith("www")


#: the letters a top-level label starts with, where a word with a digit is glued on
_GLUED_TOP = re.compile(r"[a-z]{2,6}(?=\d)", re.IGNORECASE)


def _glued_www(raw: str, labels: list[str]) -> tuple[int, str, str, bool] | None:
    """``www.Ldew.com1win150ppm``: an SMS glued the next word to the host. ``www.`` is
    evidence enough for a host, and its top-level label cannot hold a digit after its
    letters, so the host ends where the letters of a real suffix give way to the digit."""
    top = _GLUED_TOP.match(labels[-1])
    if top is None or len(labels) < 3:
        return None
    host = ascii_host(".".join([*labels[:-1], top.group()]))
    domain = registrable(host) if host else None
    if host is None or domain is None:
        return None
    return len(raw) - len(labels[-1]) + top.end(), host, domain, True


def _evidence(labels: list[str], domain: str) -> bool:
    """Whether a bare host in prose is a host, not an abbreviation glued to the next word
    (``No.PIN``, ``bri.no``), a reference number at a sentence joint (``763179369.GRATIS``),
    or a file name (``setup.py``; ``wallet-help.rs`` and ``shop.com.pl`` are hosts).
    """
    first, top = labels[0], labels[-1]
    if first == "www":
        return len(labels) > 2
    if len(labels) == 2 and (first in _ABBREVIATIONS or first in _STOPWORDS):
        return False  # ``No.PIN``, ``transfer it.Now``: a missing space after a full stop
    if len(labels) == 2 and top in _ABBREVIATED_TLDS:
        return False
    if len(labels) == 2 and first.isdigit() and len(top) > 3:
        return False
    if top in _FILE_EXTENSIONS and len(labels) == 2 and "." not in domain.partition(".")[2]:
        return "-" in first or any(char.isdigit() for char in first)
    return True


def _case_joint(labels: list[str]) -> bool:
    """``phi quan ly.TEL:0902…``: a word in lower case, a full stop without its space and a
    word in capitals is a sentence joint; a host keeps one case (``WWW.EM559.COM``)."""
    if len(labels) != 2:
        return False
    first, top = labels
    return first.isalpha() and first.islower() and top.isalpha() and top.isupper()


def _host_prefix(raw: str, count: int) -> str:
    """The raw text of the first ``count`` labels of a defanged host."""
    pieces = _DOT_SPLIT.split(raw)
    return "".join(pieces[: 2 * count - 1])


def _plausible_bare(raw: str, labels: list[str]) -> bool:
    """``the dot com bubble`` is English, not ``the.com``."""
    if _SPACED_DOT.search(raw):
        return labels[-2].lower() not in _STOPWORDS
    return True


def _scheme_hit(text: FoldedText, match: re.Match[str]) -> WebHit | None:
    start, end = match.span("ihost")
    linked = _linked_host(text.folded[start:end])
    if linked is None:
        return None
    cut, host, domain = linked
    end -= cut
    stop = _invite_end(text.original, host, end, path_end(text.original, end))
    masked = _MASKED_PATH.match(text.original, end)
    if masked is not None:  # ``https://t.co/**********``: the host is written, the link is not
        return WebHit(match.start(), masked.end(), start, end, None, domain)
    scheme = scheme_name(match.group("scheme"))
    user = refang(match.group("user") or "")
    url = _url(scheme, user, host, text.original[end:stop])
    return WebHit(match.start(), stop, start, end, url, domain)


#: a path a warning page or a redacted report masked (``t.co/**********``, ``/●●●●``): no
#: link can be read from it, and storing the bare host would link every report that
#: quoted a masked link of the same shortener
_MASKED_PATH = re.compile(r"/[*●○＊•]{3,}")


@lru_cache(maxsize=8192)
def _linked_host(written: str) -> tuple[int, str, str | None] | None:
    """A host after a scheme: characters cut from its end, A-label host, registrable domain."""
    fanged = refang(written)
    trimmed = host_suffix_trimmed(fanged)
    host = ascii_host(trimmed)
    if host is None:
        return None
    domain = registrable(host)
    if domain is None and not is_ipv4(host):
        return None
    return len(fanged) - len(trimmed), host, domain


def _url(scheme: str, user: str, host: str, rest: str) -> str:
    """Scheme and host lower-case, default port and a lone ``/`` dropped, path kept as written."""
    rest = refang(rest)
    port = _DEFAULT_PORTS.get(scheme)
    if port and (rest == port or rest.startswith(port + "/") or rest.startswith(port + "?")):
        rest = rest[len(port) :]
    if rest == "/":
        rest = ""
    return f"{scheme}://{user}{host}{rest}"


def starts_host(folded: str, start: int, end: int) -> bool:
    """Whether the text from ``start`` is a host name reaching past ``end`` (``100usdt.com``).

    Other kinds ask this before they claim characters that begin a host: the
    host is the stronger reading of ``5usdt.com``.
    """
    if end >= len(folded) or (folded[end] not in ".-" and not folded[end].isalnum()):
        return False
    match = _BARE_RE.match(folded, start)
    if match is None or match.end() <= end:
        return False
    return _bare_host(folded[match.start("host") : match.end("host")]) is not None
