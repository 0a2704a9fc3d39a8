"""The truth file matches the reports, and every network is linkable through its identifiers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import phonenumbers

from fraudlink.generate import build_truth, generate_labelled, write_dataset

_DIGITS = str.maketrans("０１２３４５６７８９០១២៣៤៥៦៧៨៩๐๑๒๓๔๕๖๗๘๙", "0123456789" * 3)


def _text(report: dict[str, Any]) -> str:
    values = " ".join(i["value"] for i in report.get("identifiers", []))
    text = str(report["narrative"] + " " + values).translate(_DIGITS)
    for defanged, plain in (("[.]", "."), ("(dot)", "."), ("[://]", "://"), ("hxxp", "http")):
        text = text.replace(defanged, plain)
    return text


def _mentioned(ident: dict[str, str], text: str, digits: str) -> bool:
    kind, value = ident["kind"], ident["value"]
    if kind in ("phone", "whatsapp"):
        return str(phonenumbers.parse(value).national_number) in digits
    if kind in ("bank_account",):
        return value.rpartition(":")[2] in digits
    if kind in ("payment_card",):
        return value in digits
    if kind == "iban":
        return value in text.replace(" ", "")
    if kind == "url":
        return value.partition("://")[2].lower() in text.lower()
    if kind == "crypto_wallet":  # Ethereum's normal form is lower-case, written EIP-55
        return value in text or (value.startswith("0x") and value in text.lower())
    return value in text.lower()


def test_truth_covers_every_report(generated: Any) -> None:
    truth = generated.truth
    assert truth["seed"] == generated.seed and truth["reports"] == generated.count
    assert [r["id"] for r in generated.reports] == list(truth["report_network"])
    assert set(truth["report_network"].values()) == set(truth["networks"])
    for report_id, network_id in truth["report_network"].items():
        assert not network_id.startswith("solo-") or network_id == f"solo-{report_id}"


def test_sizes_are_heavy_tailed_with_some_solo_noise(generated: Any) -> None:
    sizes = Counter(generated.truth["report_network"].values())
    solo = sum(1 for n in sizes if n.startswith("solo-"))
    assert 0.04 * generated.count <= solo <= 0.11 * generated.count
    networked = sorted(s for n, s in sizes.items() if not n.startswith("solo-"))
    assert min(networked) >= 2 and max(networked) >= 80
    assert sum(1 for s in networked if s <= 10) > len(networked) / 2
    bases = {n["base_country"] for n in generated.truth["networks"].values()}
    assert {"KH", "MM", "PH"} <= bases


def test_each_network_is_connected_through_shared_identifiers(generated: Any) -> None:
    truth = generated.truth
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for report in generated.reports:
        network_id = truth["report_network"][report["id"]]
        text = _text(report)
        digits = re.sub(r"\D", "", text)
        found = {
            (i["kind"], i["value"])
            for i in truth["networks"][network_id]["identifiers"]
            if _mentioned(i, text, digits)
        }
        assert found, report["id"]
        if seen[network_id]:
            assert found & seen[network_id], report["id"]
        seen[network_id] |= found


def test_hubs_are_shared_across_networks(generated: Any) -> None:
    hubs = generated.truth["hubs"]
    assert {h["kind"] for h in hubs} == {"domain", "telegram", "phone"}
    networks_by_hub: dict[str, set[str]] = defaultdict(set)
    for report in generated.reports:
        text = _text(report)
        digits = re.sub(r"\D", "", text)
        for hub in hubs:
            if _mentioned(hub, text, digits):
                networks_by_hub[hub["value"]].add(generated.truth["report_network"][report["id"]])
    for hub in hubs:
        if hub["kind"] != "phone":  # hotlines only reach their own country's victims
            assert len(networks_by_hub[hub["value"]]) >= 5
    hotlines = [networks_by_hub[h["value"]] for h in hubs if h["kind"] == "phone"]
    assert sum(len(networks) >= 3 for networks in hotlines) >= len(hotlines) // 2


def test_persons_in_truth_have_names_in_scripts_and_roles(generated: Any) -> None:
    persons = [p for n in generated.truth["networks"].values() for p in n["persons"]]
    assert {p["role"] for p in persons} == {"boss", "recruiter", "money_mule"}
    assert all(p["variants"] and p["name"] not in p["variants"] for p in persons)
    natives = "".join(p["name"] for p in persons)
    for pattern in (r"[\u4e00-\u9fff]", r"[\uac00-\ud7af]", r"[\u1780-\u17ff]", r"[\u0e00-\u0e7f]"):
        assert re.search(pattern, natives), pattern


def test_build_truth_equals_the_written_truth(generated: Any) -> None:
    assert build_truth(generated.count, generated.seed) == generated.truth


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path, generated: Any) -> None:
    again, truth = tmp_path / "again.jsonl", tmp_path / "again.json"
    write_dataset(again, generated.count, generated.seed, truth)
    assert again.read_bytes() == generated.reports_path.read_bytes()
    assert truth.read_bytes() == generated.truth_path.read_bytes()
    other = tmp_path / "other.jsonl"
    write_dataset(other, generated.count, generated.seed + 1)
    assert other.read_bytes() != again.read_bytes()


def test_zero_reports_make_empty_files(tmp_path: Path) -> None:
    out, truth = tmp_path / "none.jsonl", tmp_path / "none.json"
    assert write_dataset(out, 0, 1, truth) == 0
    assert out.read_text() == ""
    assert build_truth(0, 1)["report_network"] == {}


def test_labelled_reports_name_what_each_report_mentions(generated: Any) -> None:
    truth = generated.truth
    hubs = [(h["kind"], h["value"]) for h in truth["hubs"]]
    labelled = list(generate_labelled(generated.count, generated.seed))
    assert [report for report, _ in labelled] == generated.reports
    for report, planted in labelled:
        network = truth["networks"][truth["report_network"][report["id"]]]
        own = {(i["kind"], i["value"]) for i in network["identifiers"]}
        text = _text(report)
        digits = re.sub(r"\D", "", text)
        assert 1 <= len(planted) <= 5
        for ident in planted:
            assert (ident["kind"], ident["value"]) in own or (ident["kind"], ident["value"]) in hubs
            assert _mentioned(ident, text, digits), (report["id"], ident)


def test_output_does_not_depend_on_string_hashing(tmp_path: Path) -> None:
    """Set and dict order vary with PYTHONHASHSEED; the bytes written must not."""
    script = (
        "import sys; from pathlib import Path; from fraudlink.generate import write_dataset; "
        "write_dataset(Path(sys.argv[1]), 400, 8, Path(sys.argv[2]))"
    )
    outputs = []
    for hash_seed in ("1", "2"):
        out, truth = tmp_path / f"r{hash_seed}.jsonl", tmp_path / f"t{hash_seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-c", script, str(out), str(truth)], check=True, env=env)
        outputs.append(out.read_bytes() + truth.read_bytes())
    assert outputs[0] == outputs[1]
