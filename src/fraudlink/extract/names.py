"""Names of people and organisations in free text, three ways.

1. **Labels**: a name written after ``suspect:``, ``嫌疑人``, ``용의자``, ``đối tượng``,
   ``ជនសង្ស័យ``... or an organisation with a legal ending (``有限公司``, ``Co., Ltd.``,
   ``Sdn Bhd``, ``บริษัท … จำกัด``). The name stops at punctuation, a line break or the
   next label; each script has its own rule for where a name ends (see ``_name_end``).
2. **Known entities**: :class:`KnownEntities` finds every name already in the database or
   a watchlist in one Aho-Corasick pass over the case-folded, digit-folded text.
3. **Statistical NER**: a :class:`NameRecognizer` registered with :func:`register_recognizer`
   is asked too. None ships: no multilingual NER model installs offline from a registry
   package (spaCy's models and GLiNER's weights are fetched from outside at run time), so
   the hook stays empty until an agency registers one it has on disk.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import ahocorasick

from fraudlink.extract.base import Context, Match
from fraudlink.extract.name_shapes import KOREAN_TITLES, plausible
from fraudlink.extract.text import FoldedText, lower_keep_length

PERSON, ORGANIZATION = "person", "organization"
_NAME_EDGES = " .,;:：，。;、-–—'\"“”[]"  # characters to strip


def clean_name(raw: str) -> str:
    """The normal form of a name: single spaces, no surrounding punctuation."""
    return " ".join(raw.split()).strip(_NAME_EDGES)


# --------------------------------------------------------------------------- labels

_PERSON_LABELS = {
    **dict.fromkeys(["suspect", "suspect name", "suspect's name", "perpetrator"], "suspect"),
    **dict.fromkeys(["scammer", "fraudster", "verdächtiger", "verdächtige", "täter"], "suspect"),
    **dict.fromkeys(
        ["犯罪嫌疑人", "嫌疑人", "嫌犯", "骗子", "용의자", "피의자", "사기범"], "suspect"
    ),
    **dict.fromkeys(["đối tượng", "nghi phạm", "kẻ lừa đảo", "ผู้ต้องสงสัย", "ผู้ต้องหา"], "suspect"),
    **dict.fromkeys(["ជនសង្ស័យ", "ជនល្មើស", "tersangka", "suspek", "pelaku"], "suspect"),
    **dict.fromkeys(
        ["recruiter", "招聘人", "招聘者", "中介", "모집책", "người tuyển dụng"], "recruiter"
    ),
    **dict.fromkeys(["perekrut", "นายหน้า", "ឈ្មួញកណ្ដាល"], "recruiter"),
    **dict.fromkeys(["boss", "handler", "老板", "老总", "사장", "ông chủ", "bos"], "boss"),
    # Indonesian and Malay ``a/n`` (atas nama, "in the name of"): the account's holder
    # the holder of the account victims pay into is, for the report format, a money mule
    **dict.fromkeys(["a/n", "a.n", "a.n.", "an.", "atas nama"], "money_mule"),
    # whoever holds the account the victim is told to pay into, in the words of each region
    **dict.fromkeys(
        ["account name", "account holder", "beneficiary name", "收款人", "户名", "戶名"],
        "money_mule",
    ),
    **dict.fromkeys(["开户名", "開戶名", "持卡人", "예금주", "수취인"], "money_mule"),
    **dict.fromkeys(["chủ tài khoản", "tên tài khoản", "nama rekening"], "money_mule"),
    **dict.fromkeys(["nama penerima", "ชื่อบัญชี"], "money_mule"),
    # Malay: the holder of the account (``Nama akaun: Siti binti Ahmad``); ``pemegang akaun``
    # ("account holder") is how banks address customers, so it names no one
    **dict.fromkeys(["nama akaun"], "money_mule"),
    # the person a scam message tells the victim to call or write to
    **dict.fromkeys(["contact person", "联系人", "聯繫人", "người liên hệ"], "suspect"),
    **dict.fromkeys(["narahubung"], "suspect"),
}
_ORG_LABELS = [
    "company name", "company", "employer", "公司名称", "公司", "công ty", "perusahaan",
    "syarikat", "회사명", "회사", "ក្រុមហ៊ុន",
]  # fmt: skip
_NAME_WORDS = (
    r"(?:name[ \t]+is|is|was|named|called|name|nama|tên"
    r"|姓名|名字|名叫|叫做|叫|是|为|이름은|이름|ชื่อ|ឈ្មោះ)"
)
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"


def _label_pattern(labels: Iterable[str]) -> str:
    """One alternation; the look-ahead on first letters lets the engine skip ahead fast."""
    labels = list(labels)
    firsts = {char for label in labels for char in (label[0].lower(), label[0].upper())}
    parts = []
    for label in sorted(labels, key=len, reverse=True):
        latin = re.match(f"[{_LATIN}]", label) is not None
        edge = (f"(?<![{_LATIN}])", f"(?![{_LATIN}])") if latin else ("", "")
        parts.append(edge[0] + re.escape(label) + edge[1])
    return f"(?=[{re.escape(''.join(sorted(firsts)))}])(?:{'|'.join(parts)})"


_SEPARATOR = rf"[ \t]*(?:{_NAME_WORDS}[ \t]*)?[:：\-–=]?[ \t]*"
#: ``a/n. BUDI``, ``A/N;BUDI``: the holder label takes its own punctuation
_HOLDER_SEPARATOR = r"[ \t]*[.:;：]?[ \t]*"
_PERSON_LABEL_RE = re.compile(
    rf"(?P<label>(?<![\w/.])a[/.]n\.?(?![\w/])){_HOLDER_SEPARATOR}"
    rf"|(?P<label2>{_label_pattern(_PERSON_LABELS)}){_SEPARATOR}",
    re.I,
)
#: ``公司：X``, ``Company name: X``: an organisation label needs its colon or "name" word,
#: because the bare words (``每天去公司上班``) are far more often not labels at all
_ORG_LABEL_RE = re.compile(
    rf"(?P<label>{_label_pattern(_ORG_LABELS)})[ \t]*(?:{_NAME_WORDS}[ \t]*[:：]?|[:：])[ \t]*",
    re.I,
)
_ANY_LABEL = re.compile(_label_pattern([*_PERSON_LABELS, *_ORG_LABELS]), re.I)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_HAN_STOPS = re.compile(
    "自称|通过|称|说|是|在|于|让|要|给|和|与|等|的|了|把|被|向|曾|将|已|也|又|还|就|都|从|对|以|"
    "因|用|带|叫|他|她|我|你|们|这|那|该|此|个|家|并|及|或|跟|同|后|前|时|公司|集团|平台|人员|费|"
    "介绍|让|要求"
)
_HANGUL_PARTICLES = (
    "에게",
    "한테",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "도",
    "와",
    "과",
    "씨",
)
_LATIN_WORD = re.compile(rf"[{_LATIN}][{_LATIN}'’\-]*\.?")
_LATIN_JOINERS = frozenset({"bin", "binti", "van", "von", "de", "der", "al", "da", "di"})
_TITLES = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "ông", "bà", "pak", "bu"}
    | {"bpk", "bpk.", "ibu", "sdr", "sdr.", "sdri", "h.", "hj.", "ir", "ir.", "drs", "drs."}
)
#: capitalised words that end a Latin name: what follows a holder's name in an SMS
_NAME_STOPS = frozenset(
    {"hp", "no", "rek", "bank", "sms", "tlp", "telp", "wa", "cp", "pin", "bb", "via", "dan"}
    | {"atau", "yg", "bca", "bri", "bni", "mandiri", "tel", "phone", "mobile", "email"}
    # Malaysian banks and wallets, named where a holder would be (``nama akaun Maybank anda``)
    | {"maybank", "cimb", "rhb", "ambank", "bsn", "affin", "public", "uob", "ocbc", "hsbc"}
    | {"agrobank", "muamalat", "rakyat", "tng", "boost", "grabpay", "anda", "awak"}
    # forms of address that follow a title (``Bpk/Ibu Yth``, ``Ibu Pelanggan``): no name
    | {"yth", "pemilik", "nasabah", "pelanggan", "anda", "saya", "customer", "sir", "madam"}
    # Indonesian legal forms: ``a/n PT. TRI LESTARI`` holds the account for a company
    | {"pt", "cv", "ud", "tbk", "koperasi", "yayasan"}
)


_HAN_CHAR = re.compile(f"[{_HAN}]")
_LATIN_CHAR = re.compile(f"[{_LATIN}]")


def _script(char: str) -> str:
    if "\uac00" <= char <= "\ud7a3":
        return "hangul"
    if _HAN_CHAR.match(char):
        return "han"
    if "\u0e00" <= char <= "\u0e7f":
        return "thai"
    if "\u1780" <= char <= "\u17ff":
        return "khmer"
    if _LATIN_CHAR.match(char):
        return "latin"
    return "other"


def _latin_name(text: str, start: int) -> tuple[int, int] | None:
    """The capitalised words from ``start`` (``Chen Zhi``, ``Nguyễn Văn An``), less a title."""
    pos, end, words = start, None, 0
    while words < 5:
        word = _LATIN_WORD.match(text, pos)
        if word is None or _ANY_LABEL.fullmatch(word.group().rstrip(".")):
            break
        token = word.group()
        if token.casefold() in _TITLES and words == 0:
            start = pos = _skip_spaces(text, word.end())
            continue
        if token.rstrip(".").casefold() in _NAME_STOPS:
            break
        if not token[0].isupper() and not (token in _LATIN_JOINERS and words):
            break
        if token[0].isupper():
            end = word.end()
        words += 1
        pos = _skip_spaces(text, word.end())
        if token.endswith(".") and len(token) > 2:
            break  # ``Yanti. Ayah lagi…``: a full stop ends the name (``A.`` is an initial)
    return None if end is None else (start, end)


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _run_end(text: str, start: int, script: str, tokens: int) -> int:
    """End of up to ``tokens`` space-separated runs of one script (Thai and Khmer names)."""
    pos = end = start
    stop = min(len(text), start + _LONGEST_NAME)
    for _ in range(tokens):
        while pos < stop and _script(text[pos]) == script:
            pos += 1
        end = pos
        nxt = _skip_spaces(text, pos)
        if nxt == pos or nxt >= len(text) or _script(text[nxt]) != script:
            break
        if _ANY_LABEL.match(text, nxt):
            break
        pos = nxt
    return end


def _name_span(text: str, start: int) -> tuple[int, int] | None:
    """The name that begins at ``start``, by the rules of its script."""
    if start >= len(text):
        return None
    script = _script(text[start])
    if script == "latin":
        return _latin_name(text, start)
    end = _name_end(text, start, script)
    return None if end is None or end <= start else (start, end)


#: no name is longer; reading further would make a run of labels quadratic
_LONGEST_NAME = 40


def _name_end(text: str, start: int, script: str) -> int | None:
    end, stop = start, min(len(text), start + _LONGEST_NAME)
    while end < stop and _script(text[end]) == script:
        end += 1
    if script == "han":
        return _han_end(text, start, end)
    if script == "hangul":
        return _hangul_end(text, start, end)
    if script in {"thai", "khmer"}:
        return _run_end(text, start, script, 2)
    return None


def _han_end(text: str, start: int, end: int) -> int | None:
    stop = _HAN_STOPS.search(text, start, end)
    end = stop.start() if stop else end
    label = _ANY_LABEL.search(text, start + 1, end)
    end = label.start() if label else end
    if end - start > 4:
        end = start + 3  # most Chinese full names are three characters
    return end if end - start >= 2 else None


def _hangul_end(text: str, start: int, end: int) -> int | None:
    word = text[start:end]
    for particle in _HANGUL_PARTICLES:
        if len(word) - len(particle) >= 2 and word.endswith(particle):
            end -= len(particle)
            break
    end = min(end, start + 4)
    return end if end - start >= 2 else None


#: Indonesian and Malay holder labels: ``a.n``, ``a/n``, ``an.``, ``atas nama``
_HOLDER_LABELS = frozenset({"a/n", "a.n", "an", "atas nama"})
#: Indonesian and Malay labels whose holder may write the second name in lower case
_HOLDER_TAIL_LABELS = _HOLDER_LABELS | {"a.n.", "nama rekening", "nama penerima", "nama akaun"}
_LOWER_WORD = re.compile(r"[a-z][a-z'’\-]+(?![\w@.]\w)")
#: lower-case words that follow a holder label and are not a name (pronouns, the bank,
#: the next instruction)
_LOWER_STOPS = _NAME_STOPS | frozenset(
    {"di", "ke", "dr", "dari", "untuk", "utk", "dengan", "dgn", "sebesar", "sejumlah", "ya"}
    | {"kak", "rekening", "nomor", "norek", "transfer", "tf", "segera", "skrg", "sekarang"}
    | {"btn", "cimb", "danamon", "permata", "bsi", "bank", "nya", "beliau", "dia", "ybs"}
    | {"tersebut", "penerima", "kami", "aku", "ku", "km", "sy", "gw", "gue", "the", "an"}
)


#: ``an.`` is also the English article before a full stop: a holder label only after an
#: account number or a bank word close before it
_HOLDER_CONTEXT = re.compile(
    r"\d[\d\- .]{5,}\d|(?<![a-z])(?:rek|rekening|norek|bank|bca|bri|bni|mandiri|bsi|cimb"
    r"|transfer|tf|trf|akaun|account|acc)(?![a-z])",
    re.I,
)
_HOLDER_REACH = 48


def _lower_name(text: str, start: int) -> tuple[int, int] | None:
    """``a.n reza prasetya``: a holder written in lower case, up to four words."""
    pos, end, words = start, None, 0
    while words < 4:
        word = _LOWER_WORD.match(text, pos)
        if word is None or word.group().casefold() in _LOWER_STOPS:
            break
        end, words = word.end(), words + 1
        pos = _skip_spaces(text, end)
    return None if end is None else (start, end)


#: lower-case words that end a message or a clause after a holder's name: particles,
#: thanks, time words, forms of address (``a/n Budi aja.``, ``a/n Sari ya kak``)
_TAIL_STOPS = _LOWER_STOPS | frozenset(
    {"aja", "saja", "dulu", "lagi", "kok", "deh", "dong", "sih", "nih", "tuh", "yah", "yaa"}
    | {"bu", "pak", "mas", "mbak", "mba", "bang", "gan", "sis", "om", "tante", "bro", "sist"}
    | {"juga", "semua", "sendiri", "langsung", "secepatnya", "cepat", "hari", "ini", "itu"}
    | {"tsb", "sdh", "sudah", "udah", "blm", "belum", "trims", "makasih", "terima", "kasih"}
    | {"thx", "thanks", "ok", "oke", "okay", "please", "pls", "mohon", "tolong", "besok"}
    | {"nanti", "tadi", "kemarin", "jam", "hari", "minggu", "bulan", "tahun", "and", "or"}
    | {"cabang", "kcp", "unit", "kantor", "jalan", "jl", "kota", "kab", "kec", "desa"}
)
#: what may follow a holder's lower-case surname: the end, punctuation, a number, or a
#: word that starts the next item (``bank``, ``rek``, ``no``)
_TAIL_END = re.compile(r"[ \t]*(?:$|[\n\r]|[.,;:!?()\[\]/|\-]*[ \t]*(?:$|[\n\r\d]))")
_TAIL_NEXT = re.compile(r"[ \t.,;:()\[\]/|\-]*([A-Za-z]+)")
_MAX_TAIL = 2


def _lower_tail(text: str, end: int) -> int:
    """``a/n Farida hanum``: Indonesian and Malay holders often write the second name in
    lower case. Up to two lower-case words after a capitalised name join it, only when the
    name then clearly ends; otherwise they are ordinary words and the name stops before.
    """
    pos, tail_end, words = _skip_spaces(text, end), end, 0
    while words < _MAX_TAIL:
        word = _LOWER_WORD.match(text, pos)
        if word is None or word.group().casefold() in _TAIL_STOPS or len(word.group()) < 3:
            break
        tail_end, words = word.end(), words + 1
        pos = _skip_spaces(text, tail_end)
    if tail_end == end:
        return end
    after = _TAIL_NEXT.match(text, tail_end)
    if _TAIL_END.match(text, tail_end) or (after and after.group(1).casefold() in _NAME_STOPS):
        return tail_end
    return end


def labelled_people(text: FoldedText) -> Iterator[Match]:
    """People named after a role label, with ``role`` (suspect, recruiter, boss).

    A word of the wrong shape for a name of its script (``사기범 번호는``) is kept as a
    low-confidence mention: ``valid=False``, so it never links nor becomes a person.
    The holder of an account after ``a.n``/``an.`` may be written in lower case.
    """
    folded = text.folded
    for label in _matches_at(_PERSON_LABEL_RE, folded, _anchors(folded)[_PERSON]):
        written = label.group("label") or label.group("label2")
        key = written.casefold().rstrip(".")
        if key == "an" and not _HOLDER_CONTEXT.search(
            folded, max(0, label.start() - _HOLDER_REACH), label.start()
        ):
            continue
        span = _name_span(folded, label.end())
        if span is None and key in _HOLDER_LABELS:
            span = _lower_name(folded, label.end())
        elif span is not None and key in _HOLDER_TAIL_LABELS and folded[span[0]].isupper():
            span = (span[0], _lower_tail(folded, span[1]))
        if span is None:
            continue
        start, end = span
        raw = text.raw(start, end)
        role = _PERSON_LABELS.get(key, "money_mule")
        yield _person(raw, start, end, {"role": role}, _script(folded[start]))


def _person(raw: str, start: int, end: int, attributes: dict[str, str], script: str) -> Match:
    name = clean_name(raw)
    if plausible(name, script):
        return Match(PERSON, name, raw, start, end, attributes=attributes)
    low = {**attributes, "confidence": "low"}
    return Match(PERSON, name, raw, start, end, valid=False, attributes=low)


_TITLE_NEXT = "님이가은는을를의께도한입으라인였와과에로고마"
#: a Korean name before a title (``김성도 대리입니다``, ``김희철씨를``), after ``이름은``, or
#: before ``이라는 사람``; the name's shape is checked after (``name_shapes``)
_KOREAN_TITLED = re.compile(
    rf"(?<![가-힣])(?P<name>[가-힣]{{2,4}}?)"
    rf"(?:[ \t](?:{'|'.join(t for t in KOREAN_TITLES if t not in ('씨', '님'))})"
    rf"(?![가-힣])|[ \t](?:{'|'.join(t for t in KOREAN_TITLES if t not in ('씨', '님'))})"
    rf"(?=[{_TITLE_NEXT}])|[ \t]?씨(?![가-힣])|[ \t]?씨(?=[{_TITLE_NEXT}])"
    rf"|(?:이라는|라는)[ \t]?(?:사람|친구|분|남성|여성|남자|여자|직원))"
    rf"|이름은[ \t]?(?P<named>[가-힣]{{2,4}}?)"
    r"(?:이고|이며|입니다|이에요|이라고|이다|이요|예요|[ ,.])"
)
#: a title before the name (``수사관 김민수입니다``) or a caller naming himself (``저는
#: 김형석입니다``): a full three-syllable name only, the given name cut off by its ending
_KOREAN_NAME_ENDING = r"(?=입니다|이고|이며|이라고|이에요|예요|이요|[은는이가을를의께도]|[ \t,.]|$)"
_KOREAN_TITLE_FIRST = re.compile(
    rf"(?:(?<![가-힣])(?:{'|'.join(t for t in KOREAN_TITLES if len(t) > 1)})|(?<![가-힣])저는?)"
    rf"[ \t]+(?P<name>[가-힣]{{3}}){_KOREAN_NAME_ENDING}"
)
_KOREAN_HINT = re.compile(
    r"씨|이름은|라는|(?<![가-힣])저는?[ \t]|" + "|".join(t for t in KOREAN_TITLES if len(t) > 1)
)


def titled_people(text: FoldedText) -> Iterator[Match]:
    """Korean people named by a title after them, kept only when the name has a name's shape.

    Scam callers introduce themselves and others this way (``서울중앙지검 김정현
    수사관입니다``); the word before a title is a name far less often than it seems, so
    only a surname plus one or two syllables that is not a common noun counts.
    """
    folded = text.folded
    spans = [
        found.span("name" if found.group("name") else "named")
        for found in _KOREAN_TITLED.finditer(folded)
    ]
    spans += [found.span("name") for found in _KOREAN_TITLE_FIRST.finditer(folded)]
    for start, end in sorted(set(spans)):
        raw = text.raw(start, end)
        if plausible(clean_name(raw), "hangul"):
            yield Match(PERSON, clean_name(raw), raw, start, end)


#: honorifics written before a contact's name in scam messages (``hub Bpk Chandra 0823…``,
#: ``Mr. John Tan will call you at +65…``); a title alone is weak evidence, so the name
#: counts only when a phone-like run of digits follows it closely
_CONTACT_TITLE = re.compile(
    r"(?<![\w])(?:bapak|bpk|pak|pk|ibu|bu|sdr|sdri|mr|mrs|ms|miss|mdm|madam|encik|puan"
    r"|ông|bà|anh|chị)(?![\w])[.,:]?[ \t]*",
    re.I,
)
_CONTACT_NUMBER = re.compile(r"\+?\d(?:[\d \t.\-]{6,}\d)")
_SENTENCE_END = re.compile(r"[.!?。！？][ \t]|\n")
#: how far after the name the number may start (``, Nomor Hp: 0821…``)
_CONTACT_REACH = 40


def titled_contacts(text: FoldedText) -> Iterator[Match]:
    """People a message names with an honorific and a phone number right after the name."""
    folded = text.folded
    for title in _CONTACT_TITLE.finditer(folded):
        # a window, not the rest of the text: ``Mr Mr Mr …`` must not be read to its end
        # once per title
        window = folded[title.end() : title.end() + 2 * _LONGEST_NAME]
        span = _latin_name(window, 0)
        if span is None:
            continue
        start, end = span[0] + title.end(), span[1] + title.end()
        number = _CONTACT_NUMBER.search(folded, end, min(len(folded), end + _CONTACT_REACH))
        if number is None or sum(c.isdigit() for c in number.group()) < 8:
            continue
        if _SENTENCE_END.search(folded, end, number.start()):
            continue  # ``Mr Bean is funny. Call 0812…``: the number belongs to another sentence
        raw = text.raw(start, end)
        yield Match(PERSON, clean_name(raw), raw, start, end, attributes={"role": "suspect"})


# ---------------------------------------------------------------------- organisations

_ORG_SUFFIXES = (
    r"Co\.?,?[ \t]?Ltd\.?|Company[ \t]Limited|Co\.?[ \t]Limited|Limited|Ltd\.?|Inc\.?|LLC|"
    r"Corp\.?|Corporation|Group|Holdings?|Pte\.?[ \t]Ltd\.?|Sdn\.?[ \t]Bhd\.?|PLC|GmbH|JSC|Tbk"
)
_UPPER = "A-Z\u00c0-\u00de\u0110\u01a0\u01af\u1ea0-\u1ef9"  # with Vietnamese capitals
_VI_CAP = rf"[{_UPPER}][{_LATIN}0-9&'’\-]*"
#: the rest of a word of a name: bounded, or a long run of letters and digits (``Ltd1Ltd1…``)
#: would be read to its end from each letter after a digit
_WORD_REST = rf"[{_LATIN}0-9&'’\-]{{0,40}}"
_CAP_WORD = rf"(?:[A-Z0-9]{_WORD_REST}|&|of|and)"
_ORG_PATTERNS = re.compile(
    "|".join(
        [
            rf"(?<![{_LATIN}])(?:[A-Z]{_WORD_REST}[ \t]+)(?:{_CAP_WORD}[ \t]+){{0,5}}"
            rf"(?:{_ORG_SUFFIXES})(?![{_LATIN}])",
            rf"(?<![{_LATIN}])(?:PT|Công[ \t]ty(?:[ \t](?:TNHH|CP|Cổ[ \t]phần))?)[ \t]+"
            rf"{_VI_CAP}(?:[ \t]+{_VI_CAP}){{0,4}}",
            rf"(?:(?!{_HAN_STOPS.pattern})[{_HAN}A-Za-z0-9]){{2,20}}?"
            r"(?:有限责任公司|股份有限公司|有限公司|有限公司|集团|集團|控股)",
            rf"株式会社[{_HAN}\u30a0-\u30ffA-Za-z0-9]{{1,15}}",
            r"(?:주식회사|\(주\))[ \t]?[가-힣A-Za-z0-9]{1,15}|[가-힣A-Za-z0-9]{1,15}[ \t]?주식회사",
            r"บริษัท[ \t]?[^\s,.]{1,40}?[ \t]?จำกัด(?:[ \t]?\(มหาชน\))?",
            rf"ក្រុមហ៊ុន[ \t]?(?:[\u1780-\u17ff]+|{_VI_CAP}(?:[ \t]{_VI_CAP}){{0,4}})",
        ]
    )
)
_LEADING_STOPWORDS = re.compile(r"(?:The|Then|At|In|From|My|Our|Their|By|With|For|To|A|An)[ \t]+")


_ORG_ANCHORS = re.compile(
    r"有限|集团|集團|控股|株式会社|주식회사|\(주\)|บริษัท|ក្រុមហ៊ុន|Công[ \t]ty|PT|Co\.|Ltd|"
    r"Limited|Inc|LLC|Corp|Group|Holding|Bhd|PLC|GmbH|JSC|Tbk"
)


_PERSON, _ORG_LABEL, _ORG_ANCHOR = 0, 1, 2
_ANCHOR_WORDS = (
    [(label, _PERSON) for label in _PERSON_LABELS]
    + [(label, _ORG_LABEL) for label in _ORG_LABELS]
    + [(word, _ORG_ANCHOR) for word in _ORG_ANCHORS.pattern.replace("[ \\t]", " ").split("|")]
)


def _anchor_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word, group in _ANCHOR_WORDS:
        word = lower_keep_length(word.replace("\\", ""))
        automaton.add_word(word, (*automaton.get(word, ()), (len(word), group)))
    automaton.make_automaton()
    return automaton


_ANCHOR_AUTOMATON = _anchor_automaton()


@lru_cache(maxsize=4)
def _anchors(folded: str) -> tuple[list[int], list[int], list[int]]:
    """Where each kind of label or legal-form word may start, case-insensitively.

    One Aho-Corasick pass replaces three patterns tried at every character; each
    start is then confirmed by the pattern itself, so the rules stay in one place.
    """
    starts: tuple[list[int], list[int], list[int]] = ([], [], [])
    for last, entries in _ANCHOR_AUTOMATON.iter(lower_keep_length(folded)):
        for length, group in entries:
            starts[group].append(last + 1 - length)
    for group in starts:
        group.sort()
    return starts


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` restricted to the given starts: leftmost, not overlapping."""
    taken = 0
    for start in starts:
        if start >= taken:
            found = pattern.match(text, start)
            if found is not None:
                taken = found.end()
                yield found


def _windows(folded: str) -> Iterator[tuple[int, int]]:
    """Stretches of text around legal-form words: the only places an organisation can be."""
    low = high = -1
    for anchor in _matches_at(_ORG_ANCHORS, folded, _anchors(folded)[_ORG_ANCHOR]):
        start, end = max(0, anchor.start() - 160), min(len(folded), anchor.end() + 80)
        if start > high:
            if high > low:
                yield low, high
            low = start
        high = end
    if high > low:
        yield low, high


def _org_patterns(folded: str) -> Iterator[re.Match[str]]:
    for low, high in _windows(folded):
        yield from _ORG_PATTERNS.finditer(folded, low, high)


def organisations(text: FoldedText) -> Iterator[Match]:
    """Organisations by legal form (``…有限公司``, ``… Co., Ltd.``) or after a label."""
    folded = text.folded
    starts: list[int] = []  # of the legal-form finds, which come in order and never overlap
    ends: list[int] = []
    for found in _org_patterns(folded):
        start, end = found.span()
        lead = _LEADING_STOPWORDS.match(folded, start)
        if lead and lead.end() < end:
            start = lead.end()
        raw = text.raw(start, end)
        starts.append(start)
        ends.append(end)
        yield Match(ORGANIZATION, clean_name(raw), raw, start, end)
    for label in _matches_at(_ORG_LABEL_RE, folded, _anchors(folded)[_ORG_LABEL]):
        label_end = _org_label_end(folded, label.end())
        first = bisect_right(ends, label.end())  # the first find ending after the label
        if label_end is not None and not (first < len(ends) and starts[first] < label_end):
            raw = text.raw(label.end(), label_end)
            yield Match(ORGANIZATION, clean_name(raw), raw, label.end(), label_end)


def _org_label_end(text: str, start: int) -> int | None:
    if start >= len(text) or _script(text[start]) == "latin":
        suffix = _ORG_PATTERNS.match(text, start)
        if suffix:
            return suffix.end()
        span = _latin_name(text, start)
        return span[1] if span else None
    stop = re.compile(r"[\n\r,;，。；、:：()（）]|[ \t]{2}").search(text, start, start + 40)
    end = stop.start() if stop else min(len(text), start + 40)
    end = min(end, _next_label(text, start + 1, end))
    return end if end - start >= 2 else None


def _next_label(text: str, start: int, end: int) -> int:
    label = _ANY_LABEL.search(text, start, end)
    return label.start() if label else end


# --------------------------------------------------------------------- known entities

_SPACES = re.compile(r"\s+")


class _CaseTable(dict[int, int]):
    """Lower case (and every space as " ") one character to one, filled on first sight."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        low = " " if char.isspace() else char.lower()
        self[code] = ord(low) if len(low) == 1 else code
        return self[code]


_CASE_TABLE = _CaseTable()


def _fold_case(text: str) -> str:
    """Same length as ``text``, so every offset into it is an offset into the original."""
    return text.translate(_CASE_TABLE)


def _needs_word_edges(char: str) -> bool:
    return (char.isascii() and char.isalnum()) or _script(char) == "latin"


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """A name to look for, the canonical name it stands for, and what it is."""

    name: str
    kind: str = PERSON
    canonical: str | None = None
    entity_id: str | None = None


class KnownEntities:
    """Names already known, found in text in one Aho-Corasick pass (the EntityDictionary).

    Keys are case-folded and digit-folded; names in Latin letters must start and end on a
    word boundary (``Lee`` is not found in ``Leeds``), names in scripts written without
    spaces may be glued to the text around them (``陈志说``, ``박정욱이``).
    """

    def __init__(self, entities: Iterable[KnownEntity]) -> None:
        self._automaton = ahocorasick.Automaton()
        for entity in entities:
            key = self.key(entity.name)
            if len(key) >= 2:
                previous = self._automaton.get(key, (len(key),))
                self._automaton.add_word(key, (*previous, entity))
        if len(self._automaton):
            self._automaton.make_automaton()

    @staticmethod
    def key(name: str) -> str:
        return _fold_case(FoldedText.of(_SPACES.sub(" ", name.strip())).folded)

    def __len__(self) -> int:
        return len(self._automaton)

    def find(self, text: FoldedText) -> Iterator[Match]:
        if not len(self._automaton):
            return
        haystack = _fold_case(text.folded)
        hits = []
        for last, (length, *entities) in self._automaton.iter(haystack):
            start = last + 1 - length
            if self._on_edges(haystack, start, last + 1):
                hits.append((start, last + 1, tuple(entities)))
        yield from self._longest(text, hits)

    @staticmethod
    def _on_edges(haystack: str, start: int, end: int) -> bool:
        if _needs_word_edges(haystack[start]) and start and haystack[start - 1].isalnum():
            return False
        last = haystack[end - 1]
        return not (_needs_word_edges(last) and end < len(haystack) and haystack[end].isalnum())

    @staticmethod
    def _longest(
        text: FoldedText, hits: list[tuple[int, int, tuple[KnownEntity, ...]]]
    ) -> Iterator[Match]:
        """Leftmost-longest, without overlaps: ``Chen Zhi`` wins over ``Chen``."""
        taken = 0
        for start, end, entities in sorted(hits, key=lambda hit: (hit[0], -hit[1])):
            if start < taken:
                continue
            taken = end
            raw = text.raw(start, end)
            for entity in entities:
                attributes = {"source": "known"}
                if entity.entity_id:
                    attributes["entity_id"] = entity.entity_id
                value = entity.canonical or clean_name(entity.name)
                yield Match(entity.kind, value, raw, start, end, attributes=attributes)


# ------------------------------------------------------------------ NER plug-in point


class NameRecognizer(Protocol):
    """A statistical model that finds names: spans into ``text`` labelled person/organization.

    Register one with :func:`register_recognizer` (for example a spaCy pipeline the agency
    installed from a wheel it holds); the person and organization kinds then report its
    spans with ``source: "ner"`` beside the labelled and known ones.
    """

    def recognise(self, text: str, language: str | None) -> Iterable[tuple[int, int, str]]: ...


RECOGNIZERS: dict[str, NameRecognizer] = {}


def register_recognizer(name: str, recognizer: NameRecognizer) -> None:
    RECOGNIZERS[name] = recognizer


def recognised(text: FoldedText, context: Context, kind: str) -> Iterator[Match]:
    """Spans of ``kind`` from every registered recogniser."""
    for source, recognizer in RECOGNIZERS.items():
        for start, end, label in recognizer.recognise(text.original, context.language):
            if label == kind and 0 <= start < end <= len(text.original):
                raw = text.raw(start, end)
                attributes = {"source": "ner", "model": source}
                yield Match(kind, clean_name(raw), raw, start, end, attributes=attributes)


def names(text: FoldedText, context: Context, kind: str) -> Iterable[Match]:
    """Every name of ``kind`` (person or organization) by labels, known entities and NER.

    Most reports have no label nor legal form: then no pattern runs and no generator is made.
    """
    anchors = _anchors(text.folded)
    own = anchors[_PERSON] if kind == PERSON else anchors[_ORG_ANCHOR] or anchors[_ORG_LABEL]
    titled = kind == PERSON and _KOREAN_HINT.search(text.folded) is not None
    contacts = kind == PERSON and _CONTACT_TITLE.search(text.folded) is not None
    if not (own or titled or contacts) and context.known_entities is None and not RECOGNIZERS:
        return ()
    return _names(text, context, kind, bool(own), titled, contacts)


def _names(
    text: FoldedText,
    context: Context,
    kind: str,
    own: bool,
    titled: bool = False,
    contacts: bool = False,
) -> Iterator[Match]:
    if own:
        yield from labelled_people(text) if kind == PERSON else organisations(text)
    if titled:
        yield from titled_people(text)
    if contacts:
        yield from titled_contacts(text)
    if context.known_entities is not None:
        yield from (m for m in context.known_entities.find(text) if m.kind == kind)
    if RECOGNIZERS:
        yield from recognised(text, context, kind)
