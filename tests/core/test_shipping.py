"""What the installers and the dependency files promise: pins, lock, extras, packaging files."""

from __future__ import annotations

import builtins
import configparser
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def _requirements(extra: str | None = None) -> list[Requirement]:
    texts = PROJECT["dependencies"] if extra is None else PROJECT["optional-dependencies"][extra]
    return [Requirement(text) for text in texts]


def test_direct_dependencies_are_pinned_and_the_lock_agrees() -> None:
    lock = _lock()
    assert len(lock) > len(PROJECT["dependencies"]) + 10  # indirect ones are locked too
    for requirement in _requirements() + _requirements("camera") + _requirements("test"):
        name = requirement.name.lower().replace("_", "-")
        assert name in lock, f"{name} missing from requirements.lock"
        assert requirement.specifier.contains(lock[name]), (name, lock[name])
        if name != "cryptography":  # a range, bounded by pyHanko below
            assert str(requirement.specifier).startswith("=="), f"{name} is not pinned"


def test_cryptography_lower_bound_is_what_pyhanko_needs() -> None:
    ours = next(r for r in _requirements() if r.name == "cryptography")
    for dist in ("pyhanko", "pyhanko-certvalidator"):
        theirs = next(
            Requirement(r)
            for r in metadata.requires(dist) or []
            if Requirement(r).name == "cryptography"
        )
        floor = next(s.version for s in theirs.specifier if s.operator == ">=")
        assert f">={floor}" in str(ours.specifier), (dist, floor, str(ours.specifier))


def test_the_camera_is_an_extra_and_the_app_lives_without_it(monkeypatch) -> None:
    assert all(r.name != "PySide6-Addons" for r in _requirements())
    assert [r.name for r in _requirements("camera")] == ["PySide6-Addons"]
    from auditapp.ui import camera

    real_import = builtins.__import__

    def no_multimedia(name: str, *args, **kwargs):
        if name.startswith("PySide6.QtMultimedia"):
            raise ImportError("No module named 'PySide6.QtMultimedia'")
        return real_import(name, *args, **kwargs)

    camera.camera_present.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_multimedia)
    try:
        assert camera.camera_present() is False
    finally:
        camera.camera_present.cache_clear()


def test_nothing_else_uses_pyside6_addons() -> None:
    """Only camera.py may import modules of the Addons wheel (QtMultimedia, QtCharts, ...)."""
    addons = {
        "QtMultimedia",
        "QtMultimediaWidgets",
        "QtCharts",
        "QtDataVisualization",
        "QtSql",
        "QtSvgWidgets",
        "QtWebEngineCore",
        "QtQuick",
        "QtBluetooth",
    }
    users = set()
    for path in (ROOT / "auditapp").rglob("*.py"):
        for module in re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")):
            if module in addons:
                users.add(path.name)
    assert users <= {"camera.py"}, users


def test_pyinstaller_spec_bundles_data_the_app_opens_as_files() -> None:
    spec = (ROOT / "installer" / "auditapp.spec").read_text(encoding="utf-8")
    for needed in (
        '"checklists"',
        '"resources"',
        '"migrations"',
        'collect_data_files("reportlab")',
        'collect_submodules("auditapp")',
    ):
        assert needed in spec, needed


def test_windows_installer_is_per_user_with_the_package_association() -> None:
    iss = (ROOT / "installer" / "windows" / "auditapp.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss
    assert 'Subkey: "Software\\Classes\\.auditpkg"' in iss
    assert "{autoprograms}" in iss and "{uninstallexe}" in iss
    assert (ROOT / "resources" / "icons" / "auditapp.ico").stat().st_size > 1000


def test_linux_desktop_entry_and_mime_type() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "installer" / "linux" / "auditapp.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"].startswith("auditapp ")
    assert desktop["Icon"] == "auditapp"
    mime = (ROOT / "installer" / "linux" / "auditapp-mime.xml").read_text(encoding="utf-8")
    assert desktop["MimeType"].rstrip(";") in mime and "*.auditpkg" in mime


@pytest.mark.parametrize("name", ["build_linux.sh", "build_macos.sh", "build_windows.ps1"])
def test_every_platform_has_a_build_script_that_compiles_translations(name: str) -> None:
    script = (ROOT / "installer" / name).read_text(encoding="utf-8")
    assert "translations.py compile" in script and "auditapp.spec" in script
    assert "--smoke" in script
