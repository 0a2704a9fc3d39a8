"""Copy the web pages' third-party files from node_modules into the package (``make vendor``).

Run after ``npm ci``. Each package's licence goes beside its files, fonts keep only
the woff2 files their CSS names (the 400 weight), and axe-core goes to the tests.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules"
VENDOR = ROOT / "src" / "fraudlink" / "web" / "static" / "vendor"
TEST_VENDOR = ROOT / "tests" / "web" / "vendor"
SCRIPTS = {
    "htmx.org": ["dist/htmx.min.js"],
    "echarts": ["dist/echarts.min.js"],
}
FONTS = ["noto-sans-khmer", "noto-sans-kr", "noto-sans-sc"]
LICENCES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENSE-MIT")


def _licence(package: Path, target: Path) -> None:
    for name in LICENCES:
        if (package / name).exists():
            shutil.copy(package / name, target / "LICENSE.txt")
            return
    raise SystemExit(f"{package.name} ships no licence file; check it before vendoring.")


def _version(package: Path) -> str:
    return str(json.loads((package / "package.json").read_text())["version"])


def _scripts() -> dict[str, str]:
    versions = {}
    for name, paths in SCRIPTS.items():
        package, target = MODULES / name, VENDOR / name
        target.mkdir(parents=True, exist_ok=True)
        for path in paths:
            shutil.copy(package / path, target / Path(path).name)
        _licence(package, target)
        versions[name] = _version(package)
    return versions


def _font(name: str) -> str:
    """The 400 weight's CSS with woff2 sources only, and every file it names."""
    package, target = MODULES / "@fontsource" / name, VENDOR / "fonts" / name
    (target / "files").mkdir(parents=True, exist_ok=True)
    css = (package / "400.css").read_text(encoding="utf-8")
    css = re.sub(r",\s*url\([^)]*\.woff\) format\('woff'\)", "", css)
    for file in sorted(set(re.findall(r"url\(\./files/([^)]+\.woff2)\)", css))):
        shutil.copy(package / "files" / file, target / "files" / file)
    (target / "400.css").write_text(css, encoding="utf-8")
    _licence(package, target)
    return _version(package)


def main() -> None:
    shutil.rmtree(VENDOR, ignore_errors=True)
    versions = _scripts() | {f"@fontsource/{name}": _font(name) for name in FONTS}
    TEST_VENDOR.mkdir(parents=True, exist_ok=True)
    shutil.copy(MODULES / "axe-core" / "axe.min.js", TEST_VENDOR / "axe.min.js")
    shutil.copy(MODULES / "axe-core" / "LICENSE", TEST_VENDOR / "LICENSE.txt")
    versions["axe-core"] = _version(MODULES / "axe-core")
    (VENDOR / "VERSIONS.json").write_text(json.dumps(versions, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
