"""``fraudlink --help`` starts at once: the CLI imports a stage only when its command runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("splink", "duckdb", "pandas", "pyspark", "stix2", "scipy", "networkx", "pyarrow",
         "fastapi", "uvicorn", "playwright", "weasyprint", "alembic", "phonenumbers")  # fmt: skip


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_importing_the_cli_imports_no_heavy_module() -> None:
    loaded = _modules_after("import fraudlink.cli.main")
    assert not [name for name in HEAVY if name in loaded]


def test_no_stage_module_is_imported_to_show_help() -> None:
    loaded = _modules_after(
        "import sys\nsys.argv = ['fraudlink', '--help']\nfrom fraudlink.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    light = ("fraudlink.cli", "fraudlink.errors")
    stages = sorted(
        name for name in loaded if name.startswith("fraudlink.") and not name.startswith(light)
    )
    assert stages == [], f"--help imported {stages}"


#: what the server must not carry before a route needs it (its idle memory, issue 16)
SERVER_LAZY = ("splink", "duckdb", "pandas", "pyspark", "stix2", "scipy", "networkx",
               "pyarrow", "weasyprint", "numpy", "pypinyin", "rapidfuzz", "phonenumbers",
               "pymisp")  # fmt: skip


def test_the_server_starts_without_the_analysis_libraries(tmp_path: object) -> None:
    loaded = _modules_after(
        "from fraudlink.api import create_app\nfrom fraudlink.settings import Settings\n"
        f"create_app(Settings(db={str(tmp_path) + '/s.db'!r}))"
    )
    assert not [name for name in SERVER_LAZY if name in loaded]


def _released_feed(db: str, tmp_path: Path) -> str:
    """A database where KH-NPA released one case's phone to TH-RTP; TH-RTP's reading token."""
    from fraudlink.access import add_user, create_token, principal_for_name
    from fraudlink.cases import attach_report, open_case
    from fraudlink.ingest import ingest_files
    from fraudlink.settings import Settings
    from fraudlink.share import feeds
    from fraudlink.share.keys import init_agency
    from fraudlink.store import open_database

    report = {
        "id": "F-1",
        "agency": "KH-NPA",
        "reported_at": "2026-03-01T09:30:00Z",
        "narrative": "",
        "identifiers": [{"kind": "phone", "value": "+85512345678"}],
    }
    (tmp_path / "r.jsonl").write_text(json.dumps(report) + "\n")  # fmt: skip
    store = open_database(Settings(db=db))
    try:
        assert ingest_files(store, [tmp_path / "r.jsonl"], extract=False).ok
        with store.session() as session:
            for code in ("KH-NPA", "TH-RTP"):
                init_agency(session, code, code, code[:2], "passphrase for tests")
            case = open_case(session, "KH-F", "Compound", "KH-NPA", user="kh_super")
            attach_report(session, case, "KH-NPA", "F-1")
            add_user(session, "kh_super", "KH-NPA", ["supervisor"], None)
            add_user(session, "th_feed", "TH-RTP", ["liaison"], None)
            token = create_token(session, "th_feed", 1).token
        with store.session() as session:
            feeds.publish(session, principal_for_name(session, "kh_super"), "TH-RTP", "KH-F")
    finally:
        store.dispose()
    return token


def test_the_first_feed_request_after_a_start_loads_no_stix(tmp_path: Path) -> None:
    """Serving a TAXII page or the MISP feed reads stored JSON: the first request after a
    restart imports neither STIX nor the exporters (it costs what later ones cost)."""
    db = str(tmp_path / "f.db")
    token = _released_feed(db, tmp_path)
    auth = {"Authorization": f"Bearer {token}", "Accept": "application/taxii+json;version=2.1"}
    probe = (
        "import sys\nfrom fastapi.testclient import TestClient\n"
        "from fraudlink.api import create_app\nfrom fraudlink.settings import Settings\n"
        f"app = create_app(Settings(db={db!r}, serve_jobs=False))\n"
        "with TestClient(app) as client:\n"
        "    started = set(sys.modules)\n"
        "    page = client.get('/taxii2/TH-RTP/collections/indicators/objects/', "
        f"headers={auth!r})\n"
        "    assert page.status_code == 200 and page.json()['objects'], page.text\n"
        f"    hashes = client.get('/misp-feed/TH-RTP/hashes.csv', headers={auth!r})\n"
        "    assert hashes.status_code == 200 and hashes.text, hashes.text\n"
        "print('\\n'.join(sorted(set(sys.modules) - started)))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    loaded = set(out.stdout.split())
    assert not [name for name in SERVER_LAZY if name in loaded]
    assert not [name for name in loaded if name.startswith("fraudlink.share.export")]
