"""The in-process command-line runner (tests/cli_runner.py) gives what a child process gives."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys

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
