"""Arbitrary bytes and JSON into every parser of what arrives from outside: a clear error or a
value, never a traceback (manifests, package content, audit anchors)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.audit.anchor import Anchor, read_anchor
from fraudlink.errors import InputError
from fraudlink.share.errors import PackageRejected
from fraudlink.share.manifest import Manifest, check_manifest, parse_json
from fraudlink.share.received import check_content

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=30,
)
MANIFEST_KEYS = st.sampled_from(
    ["format", "id", "kind", "sender", "recipient", "markings", "members", "created_at"]
)


def _refused_or_read(data: bytes) -> None:
    try:
        assert isinstance(check_manifest(data, 1000), Manifest)
    except PackageRejected as error:
        assert "\n" not in str(error)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_manifest_from_arbitrary_bytes(data: bytes) -> None:
    _refused_or_read(data)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(MANIFEST_KEYS | st.text(max_size=8), JSON, max_size=10))
def test_manifest_from_arbitrary_json(value: dict[str, Any]) -> None:
    _refused_or_read(json.dumps(value).encode())


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["case", "reports", "suspects", "subject", "money", "evidence"]),
        JSON | st.lists(st.dictionaries(st.text(max_size=10), JSON, max_size=6), max_size=3),
    )
)
def test_content_from_arbitrary_json(value: dict[str, Any]) -> None:
    try:
        check_content(parse_json(json.dumps(value).encode(), "content"), "case_notification")
    except PackageRejected as error:
        assert "\n" not in str(error)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200) | JSON.map(lambda v: json.dumps(v).encode()))
def test_anchor_from_arbitrary_bytes(tmp_path_factory: Any, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("anchor")) / "a.json"
    path.write_bytes(data)
    try:
        assert isinstance(read_anchor(path), Anchor)
    except InputError as error:
        assert "not a readable audit anchor" in str(error)
