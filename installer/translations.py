"""The German interface: extract, check and compile Qt Linguist translations.

    python3 installer/translations.py update    # pyside6-lupdate over auditapp/ui; keeps
                                               # every existing translation, drops vanished ones
    python3 installer/translations.py check     # exit 1 when a string is untranslated/unfinished
    python3 installer/translations.py compile   # .ts -> .qm beside them (pyside6-lrelease)

The .ts files in resources/translations/ are the sources (committed); the .qm files are build
output (git-ignored). The app compiles a missing or stale .qm on demand into the user cache
(auditapp/ui/i18n.py), so a clean clone runs in German without this step; installers and CI
compile here so the bundle needs no Qt tools at run time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "auditapp" / "ui"
TS_DIR = ROOT / "resources" / "translations"
# English needs a catalogue too, for plural forms only: tr("%n file(s)", "", n) -> "1 file".
LANGUAGES = ("de", "en")


def qt_tool(name: str) -> Path:
    """lupdate/lrelease ship inside the PySide6-Essentials wheel, beside PySide6/__init__.py."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"error: {name} not found in {folder} (is PySide6-Essentials installed?)")


def ts_files() -> list[Path]:
    return [TS_DIR / f"auditapp_{lang}.ts" for lang in LANGUAGES]


def update() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in UI_DIR.rglob("*.py"))
    for ts in ts_files():
        # No line numbers in the .ts: they change with every edit and make merges conflict.
        language = ts.stem.split("_")[-1]
        plural_only = ["-pluralonly"] if language == "en" else []
        cmd = [
            str(qt_tool("lupdate")),
            "-locations",
            "none",
            "-no-obsolete",
            *plural_only,
            "-target-language",
            language,
            *sources,
            "-ts",
            str(ts),
        ]
        subprocess.run(cmd, check=True, cwd=ROOT)
    return 0


def compile_all(out_dir: Path | None = None) -> int:
    for ts in ts_files():
        qm = (out_dir or ts.parent) / f"{ts.stem}.qm"
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)
        print(f"compiled {qm}")
    return 0


def missing(ts: Path) -> list[str]:
    """'context: source' of every message without a finished translation."""
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("obsolete", "vanished"):
                continue
            if translation is None:
                texts = []
            elif message.get("numerus") == "yes":
                texts = [(f.text or "") for f in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""]
            if kind in ("unfinished", "missing") or not texts or not all(t.strip() for t in texts):
                problems.append(f"{name}: {source}")
    return problems


def check() -> int:
    status = 0
    for ts in ts_files():
        problems = missing(ts)
        for problem in problems:
            print(f"{ts.name}: untranslated: {problem}")
        status |= bool(problems)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["update", "check", "compile"])
    parser.add_argument("--out", type=Path, help="folder for the .qm files (compile)")
    args = parser.parse_args(argv)
    if args.action == "update":
        return update()
    if args.action == "check":
        return check()
    return compile_all(args.out)


if __name__ == "__main__":
    sys.exit(main())
