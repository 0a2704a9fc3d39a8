"""Extraction on real public text: precision and recall per kind and per language.

    .venv/bin/python bench/realtext.py [--skip-peers] [--misses N] [--kind KIND] [--data PATH]

Reads every ``tests/data/realtext/*.jsonl`` (real scam SMS, voice-phishing transcripts,
Chinese Telegram black-market adverts, sanctioned wallets and phishing hosts, annotated by
hand; see ``SOURCES.md`` there; each source under its own licence in its own file).
Each tool's answers are put in one comparable form (URL without scheme, amount as a
number and currency, account as its digits, wallet as address and chain) before they
are compared with the annotation; a find listed as ``optional`` counts neither way.
Precision matters more than recall: what is found is stored and links reports. Prints
tables, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).parent))

from extract_corpus import Document

from extract import ioc_finder_tool, iocextract_tool, phonenumbers_tool
from fraudlink.extract import Context, extract
from fraudlink.extract.kinds._web import registrable

DATA = Path(__file__).parent.parent / "tests" / "data" / "realtext"
Pair = tuple[str, str]
Tool = Callable[["Message"], set[Pair]]
MESSENGERS = ("whatsapp", "wechat", "line", "kakao", "telegram", "signal")


@dataclass(frozen=True)
class Message:
    id: str
    language: str
    region: str | None
    text: str
    truth: frozenset[Pair]
    optional: frozenset[Pair]
    chains: dict[str, frozenset[str]]  # wallet address -> acceptable chains


def _amount(value: str) -> str:
    number, _, currency = value.partition(" ")
    try:
        return f"{Decimal(number).normalize():f} {currency.upper()}"
    except InvalidOperation:
        return value


def comparable(kind: str, value: str) -> Pair:
    """One written form per value, so only what was found is compared."""
    if kind == "url":
        value = value.partition("://")[2] if "://" in value else value
        host, slash, rest = value.partition("/")
        return kind, (host.lower() + slash + rest).rstrip("/")
    if kind in ("domain", "email", "person", "organization"):
        return kind, " ".join(value.lower().split())
    if kind == "amount":
        return kind, _amount(value)
    if kind == "bank_account":
        return kind, "".join(char for char in value if char.isdigit())
    if kind == "crypto_wallet":
        return kind, value.lower() if value.lower().startswith("0x") else value
    return kind, value


def _pairs(items: Iterable[list[str]]) -> frozenset[Pair]:
    return frozenset(comparable(item[0], item[1]) for item in items)


def _lines(path: Path) -> Iterable[str]:
    """The lines of one file, or of every ``*.jsonl`` in a folder (in name order)."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    for file in files:
        yield from file.read_text(encoding="utf-8").splitlines()


def load(path: Path = DATA) -> list[Message]:
    messages = []
    for line in _lines(path):
        row = json.loads(line)
        chains = {
            comparable("crypto_wallet", item[1])[1]: frozenset(item[2].split("|"))
            for item in row["truth"] + row["optional"]
            if item[0] == "crypto_wallet" and len(item) > 2
        }
        messages.append(
            Message(
                row["id"],
                row["language"] or "list",
                row["region"],
                row["text"],
                _pairs(row["truth"]),
                _pairs(row["optional"]),
                chains,
            )
        )
    return messages


def fraudlink_tool(message: Message) -> set[Pair]:
    found: set[Pair] = set()
    context = Context(region=message.region, language=message.language)
    for match in extract(message.text, context):
        if not match.valid:
            continue
        if match.kind == "amount":
            found.add(comparable("amount", f"{match.value} {match.attributes.get('currency')}"))
        elif match.kind == "crypto_wallet":
            pair = comparable(match.kind, match.value)
            chain = match.attributes.get("chain", "")
            named = frozenset(chain.split("|"))  # ``doge|xvg``: the address cannot say which
            if not named & message.chains.get(pair[1], named):
                pair = (pair[0], f"{pair[1]} ({chain})")  # right address, wrong chain: wrong
            found.add(pair)
        else:
            found.add(comparable(match.kind, match.value))
    return found


def _document(message: Message) -> Document:
    return Document(message.text, message.language, message.region, frozenset())


def _peer(tool: Callable[[Document], set[Pair]]) -> Tool:
    def run(message: Message) -> set[Pair]:
        return {comparable(kind, value) for kind, value in tool(_document(message))}

    return run


def _counted(pair: Pair, message: Message) -> bool:
    """Whether a find is scored: not optional, and not a link already counted as a domain."""
    kind, value = pair
    if pair in message.optional or kind == "organization":
        return False
    if kind == "phone":
        return not any((m, value) in message.truth for m in MESSENGERS)
    if kind == "url" and pair not in message.truth and "/" not in value:
        domain = registrable(value) or value  # a bare host is scored as its domain
        return ("domain", domain) not in message.truth
    return True


Tally = dict[str, Counter[str]]


def tally(messages: list[Message], answers: list[set[Pair]], by: str) -> Tally:
    """Counts of hits, false finds and misses per kind (``by="kind"``) or per language."""
    counts: Tally = {}
    for message, found in zip(messages, answers, strict=True):
        found = {pair for pair in found if _counted(pair, message)}
        for label, pair in _labelled(message, found, by):
            counts.setdefault(label, Counter())[pair] += 1
    return counts


def _labelled(message: Message, found: set[Pair], by: str) -> Iterable[tuple[str, str]]:
    def label(kind: str) -> str:
        return kind if by == "kind" else f"{message.language}:{kind}"

    for kind, _ in found & message.truth:
        yield label(kind), "tp"
    for kind, _ in found - message.truth:
        yield label(kind), "fp"
    for kind, _ in message.truth - found:
        yield label(kind), "fn"


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "–"


def table(title: str, results: dict[str, Tally]) -> Table:
    out = Table("", "truth", *(f"{name}\nP / R (fp)" for name in results), title=title)
    first = next(iter(results.values()))
    rows = sorted({row for tallies in results.values() for row in tallies})
    for row in rows:
        truth = first.get(row, Counter())
        cells = []
        for tallies in results.values():
            c = tallies.get(row, Counter())
            precision = _ratio(c["tp"], c["tp"] + c["fp"])
            cells.append(f"{precision} / {_ratio(c['tp'], c['tp'] + c['fn'])} ({c['fp']})")
        out.add_row(row, str(truth["tp"] + truth["fn"]), *cells)
    return out


def show_misses(
    messages: list[Message], answers: list[set[Pair]], limit: int, kind: str | None
) -> None:
    shown = 0
    for message, raw in zip(messages, answers, strict=True):
        found = {pair for pair in raw if _counted(pair, message)}
        wrong = (
            (found ^ message.truth)
            if kind is None
            else {p for p in found ^ message.truth if p[0] == kind}
        )
        if wrong and shown < limit:
            shown += 1
            print(f"--- {message.id}: {message.text}")
            print(f"    missed {sorted(message.truth - found)}")
            print(f"    extra  {sorted(found - message.truth)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--misses", type=int, default=0, help="print N imperfect messages")
    parser.add_argument("--kind", help="with --misses: only mistakes of this kind")
    parser.add_argument(
        "--data", type=Path, default=DATA, help="one .jsonl file or a folder of them"
    )
    args = parser.parse_args()
    messages = load(args.data)
    tools: dict[str, Tool] = {"fraudlink": fraudlink_tool}
    if not args.skip_peers:
        tools |= {
            "ioc-finder": _peer(ioc_finder_tool),
            "iocextract": _peer(iocextract_tool),
            "phonenumbers": _peer(phonenumbers_tool),
        }
    answers = {name: [tool(m) for m in messages] for name, tool in tools.items()}
    console = Console(width=140)
    languages = Counter(m.language for m in messages)
    console.print(f"{len(messages)} messages: {dict(languages)}")
    by_kind = {name: tally(messages, found, "kind") for name, found in answers.items()}
    console.print(table("real text, per kind", by_kind))
    ours = {"fraudlink": tally(messages, answers["fraudlink"], "language")}
    console.print(table("real text, fraudlink per language and kind", ours))
    if args.misses:
        show_misses(messages, answers["fraudlink"], args.misses, args.kind)


if __name__ == "__main__":
    main()
