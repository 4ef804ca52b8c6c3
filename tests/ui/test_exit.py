"""No crash at exit: a large database, every item model, and the window's teardown."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QIdentityProxyModel, Qt

from auditapp.ui import variant
from tests import large_db
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def large_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 audits with 20 findings each, built once through the core API (~75 s)."""
    from tests.conftest import _give_checkpoint_key

    # Built in a home of its own, with the run's shared checkpoint key; the environment is put
    # back, so later module fixtures do not seal with another key.
    home = tmp_path_factory.mktemp("large-home")
    _give_checkpoint_key(home)
    before = os.environ.get("AUDITAPP_HOME")
    os.environ["AUDITAPP_HOME"] = str(home)
    try:
        return large_db.build(tmp_path_factory.mktemp("large") / "large.sqlite")
    finally:
        if before is None:
            os.environ.pop("AUDITAPP_HOME", None)
        else:
            os.environ["AUDITAPP_HOME"] = before


def _ui_models() -> list[type]:
    import importlib
    import pkgutil

    import auditapp.ui

    found = []
    for info in pkgutil.iter_modules(auditapp.ui.__path__):
        module = importlib.import_module(f"auditapp.ui.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, QAbstractItemModel)
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return found


def test_every_item_model_returns_none_without_losing_a_reference():
    models = _ui_models()
    assert len(models) >= 8
    for model in models:
        for name in ("data", "headerData"):
            if name in vars(model):
                assert getattr(vars(model)[name], variant.WRAPPED, False), (
                    f"{model.__name__}.{name} returns None to Qt unwrapped: wrap it with "
                    "@variant_result"
                )


def test_a_view_asking_for_missing_data_leaves_none_alone(qapp):
    from auditapp.ui.audit_list import AuditListModel

    model = AuditListModel(())  # kept: the proxy does not own its source
    proxy = QIdentityProxyModel()
    proxy.setSourceModel(model)
    before = sys.getrefcount(None)
    for _ in range(2000):
        proxy.headerData(0, Qt.Orientation.Vertical)  # None from Python, read by C++
    assert sys.getrefcount(None) >= before


@pytest.mark.slow
def test_window_opens_and_closes_on_1000_audits_without_a_crash(large_database):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "exit_child.py"), str(large_database)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    assert "Fatal Python error" not in child.stderr
    assert "closed cleanly after AUD-2026-" in child.stdout
    smoke = run_cli("--smoke", "--db", str(large_database))
    assert smoke.returncode == 0, smoke.stderr[-2000:]
    assert "start-up time:" in smoke.stdout
