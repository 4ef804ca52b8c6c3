"""The in-process command-line runner (tests/cli_runner.py) gives what a child process gives."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import warnings

import pytest

from tests.conftest import run_cli


@pytest.fixture
def demo_file(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_template.read_bytes())
    return path


def _seen(result) -> tuple[int, str, str]:
    return result.returncode, result.stdout, result.stderr


def test_in_process_and_child_give_the_same_codes_and_output(demo_file, tmp_path):
    with sqlite3.connect(demo_file) as conn:
        conn.execute("UPDATE finding SET title = 'Nothing to see' WHERE number = 1")
    cases = [
        ("--db", str(tmp_path / "a.sqlite"), "frobnicate"),
        ("list", "--db", str(demo_file), "--json"),
        ("trail", "verify", "--db", str(demo_file)),
    ]
    for args in cases:
        here, child = run_cli(*args), run_cli(*args, process=True)
        assert _seen(here) == _seen(child), args
    assert [run_cli(*args).returncode for args in cases] == [2, 0, 1]
    assert "finding 1 field 'title'" in run_cli(*cases[2]).stdout
    assert json.loads(run_cli(*cases[1]).stdout)[0]["reference"].startswith("AUD-")


def test_the_call_leaves_the_process_as_it_found_it(demo_file):
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    streams = (sys.argv, sys.stdin, sys.stdout, sys.stderr)
    result = run_cli("list", "--db", str(demo_file), env={"AUDITAPP_PASSPHRASE": "not-used-1"})
    assert result.returncode == 0, result.stderr
    assert "AUDITAPP_PASSPHRASE" not in os.environ
    assert (sys.argv, sys.stdin, sys.stdout, sys.stderr) == streams
    assert list(root.handlers) == handlers and root.level == level


def test_an_exception_out_of_main_is_a_traceback_and_exit_1(monkeypatch):
    from auditapp import cli

    def broken(argv):
        raise RuntimeError("escaped main")

    monkeypatch.setattr(cli, "main", broken)
    result = run_cli("list")
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "RuntimeError: escaped main" in result.stderr


def test_a_database_left_open_by_a_verb_fails_the_test_and_is_closed(monkeypatch, tmp_path):
    from auditapp import cli
    from auditapp.core import db_files, ownership
    from auditapp.core.db import open_database

    path = tmp_path / "left.sqlite"

    def leaky(argv):
        open_database(path, writer=True)
        return 0

    monkeypatch.setattr(cli, "main", leaky)
    with pytest.raises(AssertionError, match="left open"):
        run_cli("list")
    assert db_files.open_here(path) is None and ownership.held_here(path) is None


_CHILD_FILTERS = """
import importlib, pkgutil, warnings
import auditapp.cli, auditapp.core, auditapp.reports
for package in (auditapp.cli, auditapp.core, auditapp.reports):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
for action, message, category, module, lineno in warnings.filters:
    print(action, getattr(message, "pattern", message), category.__module__,
          category.__qualname__, getattr(module, "pattern", module), lineno)
"""


def _filters() -> list[str]:
    return [
        " ".join(
            str(part)
            for part in (
                action,
                getattr(message, "pattern", message),
                category.__module__,
                category.__qualname__,
                getattr(module, "pattern", module),
                lineno,
            )
        )
        for action, message, category, module, lineno in warnings.filters
    ]


def test_warnings_are_filtered_and_shown_as_in_a_child():
    """The runner's warning filters are a child's after importing the application (the suite's
    SAWarning rule aside), and a warning the verb raises is printed on its stderr."""
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONWARN")}
    child = subprocess.run(
        [sys.executable, "-c", _CHILD_FILTERS], capture_output=True, text=True, env=env, check=True
    )
    from tests.cli_runner import child_warning_filters

    with warnings.catch_warnings():
        child_warning_filters()
        here = _filters()
    assert here[0].startswith("error None sqlalchemy.exc SAWarning")
    assert here[1:] == child.stdout.splitlines()


def test_a_warning_from_the_verb_is_on_its_stderr(monkeypatch):
    from auditapp import cli

    def warns(argv):
        warnings.warn("something odd", UserWarning, stacklevel=1)
        return 0

    monkeypatch.setattr(cli, "main", warns)
    result = run_cli("list")
    assert result.returncode == 0
    assert "UserWarning: something odd" in result.stderr
