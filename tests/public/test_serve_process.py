"""``fraudlink public serve`` as a real process on 127.0.0.1: it answers, and logs no value."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_served_process_answers_and_logs_hashes_only(
    sample_index: Path, tmp_path: Path
) -> None:
    port = _free_port()
    log = tmp_path / "server.log"
    env = {k: v for k, v in os.environ.items() if k != "FRAUDLINK_REDIS_URL"}
    with log.open("w") as err:
        server = subprocess.Popen(
            [sys.executable, "-m", "fraudlink", "public", "serve", "--index", str(sample_index),
             "--port", str(port), "--disputes", str(tmp_path / "d.sqlite")],
            env=env, stdout=err, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            params = {"kind": "telegram", "value": "@scam_boss_kh"}
            url = f"http://127.0.0.1:{port}/v1/check"
            for _ in range(600):
                try:
                    response = httpx.get(url, params=params)
                    break
                except httpx.TransportError:
                    assert server.poll() is None, log.read_text()
                    time.sleep(0.1)
            assert response.json()["reported"] is True
        finally:
            server.terminate()
            server.wait(10)
    text = log.read_text()
    assert "GET /v1/check 200" in text
    assert "scam_boss_kh" not in text and "value=-" not in text
