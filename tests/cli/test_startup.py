"""``fraudlink --help`` starts at once: the CLI imports a stage only when its command runs."""

from __future__ import annotations

import subprocess
import sys

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
