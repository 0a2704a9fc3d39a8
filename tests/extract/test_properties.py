"""Properties every kind must have: a normal form is a fixed point, and nothing crashes or hangs.

The texts mix arbitrary Unicode with fragments of every kind's notation
(labels, separators, digits of several scripts, defanged dots), so that
hypothesis reaches each kind's parsing rather than only its fast rejections.
"""

from __future__ import annotations

import gc
import importlib.util
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract import Context, Match, extract, known_kinds, normalise

_FRAGMENTS = [
    "+855 12 345 678", "010-1234-5678", "０１２ ៣៤៥ ៦៧៨", "＋８６ １３８ ００１３ ８０００",
    "apex.invest@gmail.com", "x[at]apex[.]com", "hxxps://apex-invest[.]com/x?a=1",
    "www.apex.co.uk", "例子.中国", "t.me/apex_88", "@apex_team", "wa.me/85512345678",
    "微信号：lucky8888，", "LINE ID: rich_bella88", "카톡 apex88", "Signal: apex.01",
    "0x52908400098527886E0F7030069857D2E4169EE7", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t로",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
    "GB82 WEST 1234 5698 7654 32", "4111 1111 1111 1111", "账号：6222 0212 3456 7890 123",
    "ธนาคารกสิกรไทย 123-4-56789-0", "Paid into 3856027854062 at Metrobank", "US$12 million",
    "2.3万元", "1억 2천만 원", "50 triệu đồng", "៥០០ ដុល្លារ", "嫌疑人：陈志", "suspect: Chen Zhi",
    "Apex Holdings Co., Ltd.", "有限公司", "2024-03-15", "192.168.1.1", " ", "\n", "。", "，",
    "โอนห้าพันบาท", "สิบเอ็ดล้านบาท", "Goi 0120 504 8717", "a/n Farida hanum", "几百块",
    "t.me/+j6dbY_4-NetiNzRhDr-TG", "/start@SomeBot", "@AA997878FTZ", "d9625点com",
    "www点594www點com",
]  # fmt: skip
_TEXT = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(_FRAGMENTS)), max_size=12).map(
    "".join
)
_REGIONS = st.sampled_from([None, "KH", "CN", "KR", "TH", "VN", "US", "GB"])
#: invite links keep a case-sensitive token that a bare value cannot be told from an id by
_NOT_A_FIXED_POINT = {"invite"}


def _again(match: Match, context: Context) -> Match | None:
    if match.kind == "amount":  # the normal form is the value plus its currency
        return normalise("amount", f"{match.value} {match.attributes['currency']}", context)
    return normalise(match.kind, match.value, context)


@settings(max_examples=400, deadline=None)
@given(_TEXT, _REGIONS)
def test_every_normal_form_found_in_text_is_a_fixed_point(text: str, region: str | None) -> None:
    context = Context(region=region, show_sensitive=True)
    for match in extract(text, context):
        if match.attributes.get("form") in _NOT_A_FIXED_POINT or not match.valid:
            continue
        again = _again(match, context)
        assert again is not None, match
        assert again.value == match.value, match
        assert again.attributes.get("currency") == match.attributes.get("currency")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(known_kinds())), _TEXT, _REGIONS)
def test_normalising_twice_changes_nothing(kind: str, raw: str, region: str | None) -> None:
    context = Context(region=region, show_sensitive=True)
    first = normalise(kind, raw, context)
    if first is None or not first.valid or first.attributes.get("form") in _NOT_A_FIXED_POINT:
        return
    second = _again(first, context)
    assert second is not None and second.value == first.value


@settings(max_examples=300, deadline=None)
@given(st.text(), _REGIONS, st.sampled_from([None, "zh", "ko", "vi", "th", "km", "en"]))
def test_arbitrary_unicode_never_crashes_any_kind(
    text: str, region: str | None, language: str | None
) -> None:
    context = Context(region=region, language=language)
    for match in extract(text, context):
        assert match.start is not None and match.end is not None
        assert 0 <= match.start < match.end <= len(text)
    for kind in known_kinds():
        normalise(kind, text, context)


def _hostile_lines() -> ModuleType:
    """``bench/hostile_lines.py``, shared with the benchmark, loaded by its path."""
    path = Path(__file__).parents[2] / "bench" / "hostile_lines.py"
    spec = importlib.util.spec_from_file_location("hostile_lines", path)
    assert spec is not None and spec.loader is not None
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look themselves up there
        spec.loader.exec_module(module)
    return module


_CONTEXT = Context(region="KH")
#: lines of about ``_N`` and ``4 * _N`` characters: a linear scan does 4 times the work on
#: the longer, a quadratic one up to 16; a line above ``_SUSPECT`` is measured again, and
#: fails above ``_BOUND``, which leaves room for a loaded machine
_N, _SUSPECT, _BOUND = 1_000, 5.0, 8.0


def _cost(text: str) -> float:
    """CPU seconds of one ``extract``. One call per text: the caches of values seen
    (hosts, phone runs) would make a second call on the same text cheaper."""
    started = time.process_time()
    extract(text, _CONTEXT)
    return time.process_time() - started


def _growth(line: Callable[[int, int], str], size: int, variants: range) -> float:
    """How many times more work four times ``size`` takes than ``size``, each the best of
    a few variants of the line (never seen before, so no cache knows their values)."""
    small = min(_cost(line(size, variant)) for variant in variants)
    large = min(_cost(line(4 * size, variant)) for variant in variants)
    return large / max(small, 1e-9)


@contextmanager
def _no_collection() -> Iterator[None]:
    """Garbage collection held off: a full collection walks every object of the
    process (phone metadata, caches) and would land on a random sample."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_every_hostile_line_takes_work_linear_in_its_length() -> None:
    """Every separator and hint of every kind, alone and repeated, and mixed narratives.

    A line whose work grows more than ``_SUSPECT`` times for four times the text is
    measured again, four times longer and best of three, and fails only if it then
    grows more than ``_BOUND`` times: one slow sample on a loaded machine is not a
    quadratic scan, and a quadratic one shows more clearly on longer lines.
    """
    lines = {line.name: line.line for line in _hostile_lines().hostile()}
    with _no_collection():
        suspects = [name for name, line in lines.items() if _growth(line, _N, range(1)) > _SUSPECT]
        growth = {name: _growth(lines[name], 4 * _N, range(1, 4)) for name in suspects}
    assert {name: round(g, 1) for name, g in growth.items() if g > _BOUND} == {}
