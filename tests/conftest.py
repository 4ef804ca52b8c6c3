from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Without a platform plugin or a display, Qt aborts the whole pytest run (exit 134).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Logs and backups go to a temporary user data folder, never the developer's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("AUDITAPP_HOME", str(home))
    monkeypatch.delenv("AUDITAPP_DB", raising=False)
    monkeypatch.delenv("AUDITAPP_PASSPHRASE", raising=False)
    return home


@pytest.fixture
def db(tmp_path: Path):
    from auditapp.core.db import open_database

    database = open_database(tmp_path / "audit.sqlite")
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database made once; tests copy it."""
    from auditapp.core import demo
    from auditapp.core.db import open_database

    os.environ["AUDITAPP_HOME"] = str(tmp_path_factory.mktemp("demo-home"))
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(path)
    demo.create_demo(database)
    database.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path):
    from auditapp.core.db import open_database

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    database = open_database(path)
    yield database
    database.close()


def run_cli(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line in a child process, as a user runs it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "auditapp", *args],
        input=stdin, capture_output=True, text=True, env=full_env, timeout=300,
    )


def require_tool(name: str) -> str:
    """An outside tool: skip on a developer machine without it, fail under CI."""
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"{name} is required under CI but is not installed")
        pytest.skip(f"{name} not installed")
    return path
