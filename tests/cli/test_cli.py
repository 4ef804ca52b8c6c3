"""The command line as a user runs it: one-line errors, exit codes, the demo round trip."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import run_as, run_cli


@pytest.fixture
def demo_file(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_template.read_bytes())
    return path


def _one_line_error(result: subprocess.CompletedProcess[str]) -> None:
    assert result.stderr.startswith("error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_demo_then_list_then_trail_verify(tmp_path):
    database = str(tmp_path / "x.sqlite")
    demo = run_cli("demo", "--db", database)
    assert demo.returncode == 0, demo.stderr
    reference = demo.stdout.strip().splitlines()[-1]
    assert reference.startswith("AUD-")
    listed = run_cli("list", "--db", database, "--json")
    rows = json.loads(listed.stdout)
    assert rows[0]["reference"] == reference
    assert rows[0]["findings"]["critical"] >= 2 and rows[0]["findings"]["recommendation"] >= 2
    assert rows[0]["answered"] == rows[0]["questions"] > 20
    verify = run_cli("trail", "verify", "--db", database)
    assert verify.returncode == 0 and "intact" in verify.stdout


def test_trail_verify_names_a_finding_edited_with_sqlite(demo_file):
    with sqlite3.connect(demo_file) as conn:
        conn.execute("UPDATE finding SET title = 'Nothing to see' WHERE number = 1")
    result = run_cli("trail", "verify", "--db", str(demo_file))
    assert result.returncode == 1
    assert "finding 1 field 'title'" in result.stdout
    _one_line_error(result)


def test_bad_usage_exits_2_with_one_line(tmp_path):
    for args in (["frobnicate"], ["list", "--bogus"], ["user", "add"], ["demo", "--photos", "x"]):
        result = run_cli("--db", str(tmp_path / "a.sqlite"), *args)
        assert result.returncode == 2, args
        _one_line_error(result)
    # The exit code as the shell sees it from the real entry point (python -m auditapp).
    child = run_cli("--db", str(tmp_path / "a.sqlite"), "frobnicate", process=True)
    assert child.returncode == 2
    _one_line_error(child)


def test_bad_input_exits_2_and_refusals_exit_1(tmp_path, demo_file):
    """In child processes: the exit codes and the one error line from the real entry point."""
    missing = run_cli("trail", "verify", "--db", str(tmp_path / "none.sqlite"), process=True)
    assert missing.returncode == 2
    _one_line_error(missing)
    notdb = tmp_path / "not.sqlite"
    notdb.write_text("hello")
    result = run_cli("list", "--db", str(notdb), process=True)
    assert result.returncode == 2
    _one_line_error(result)
    # accounts exist: adding one needs an administrator
    refused = run_cli(
        "user",
        "add",
        "eve",
        "--full-name",
        "Eve",
        "--role",
        "auditor",
        "--password-stdin",
        "--db",
        str(demo_file),
        stdin="whatever-pass-1\n",
        process=True,
    )
    assert refused.returncode == 1
    _one_line_error(refused)


def test_first_user_then_admin_authorised_user(tmp_path):
    database = str(tmp_path / "u.sqlite")
    first = run_cli(
        "user",
        "add",
        "root.admin",
        "--full-name",
        "Rita Admin",
        "--role",
        "admin",
        "--password-stdin",
        "--db",
        database,
        stdin="admin-password-1\n",
    )
    assert first.returncode == 0, first.stderr
    wrong = run_cli(
        "user",
        "add",
        "anna",
        "--full-name",
        "Anna",
        "--role",
        "auditor",
        "--admin",
        "root.admin",
        "--password-stdin",
        "--db",
        database,
        stdin="wrong-password\nanna-password-1\n",
    )
    assert wrong.returncode == 1 and "wrong" in wrong.stderr
    ok = run_cli(
        "user",
        "add",
        "anna",
        "--full-name",
        "Anna",
        "--role",
        "auditor",
        "--admin",
        "root.admin",
        "--password-stdin",
        "--db",
        database,
        stdin="admin-password-1\nanna-password-1\n",
    )
    assert ok.returncode == 0, ok.stderr
    assert "anna" in run_cli("user", "list", "--db", database).stdout


def test_password_never_in_argv_or_log(tmp_path, _isolated_home):
    database = str(tmp_path / "u.sqlite")
    run_cli(
        "user",
        "add",
        "root.admin",
        "--full-name",
        "R",
        "--role",
        "admin",
        "--password-stdin",
        "--db",
        database,
        stdin="secret-password-9\n",
    )
    logs = "".join(p.read_text() for p in (_isolated_home / "logs").glob("*.log"))
    assert "secret-password-9" not in logs
    with sqlite3.connect(database) as conn:
        dump = "\n".join(conn.iterdump())
    assert "secret-password-9" not in dump


def test_backup_and_restore_bring_back_the_backed_up_state(demo_file, tmp_path):
    backup = tmp_path / "b.sqlite"
    assert run_cli("backup", "-o", str(backup), "--db", str(demo_file)).returncode == 0
    conn = sqlite3.connect(demo_file)  # closed: restore refuses while any connection is open
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM finding")
    conn.commit()
    conn.close()
    restored = run_as(
        "demo.lead", "restore", str(backup), "--db", str(demo_file), password="demo-password-1"
    )
    assert restored.returncode == 0, restored.stderr
    assert "kept at" in restored.stdout
    with sqlite3.connect(demo_file) as conn:
        assert conn.execute("SELECT count(*) FROM finding").fetchone()[0] == 10
    assert run_cli("trail", "verify", "--db", str(demo_file)).returncode == 0


def test_restore_refuses_a_bad_file_and_keeps_the_database(demo_file, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00" * 4096)
    before = demo_file.read_bytes()
    result = run_cli("restore", str(bad), "--db", str(demo_file))
    assert result.returncode == 2
    _one_line_error(result)
    assert demo_file.read_bytes() == before


def test_smoke_starts_the_window_headless(demo_file):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "auditapp", "--smoke", "--db", str(demo_file)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "start-up time" in result.stdout


def test_gui_without_display_is_a_clear_error(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
    }
    result = subprocess.run(
        [sys.executable, "-m", "auditapp", "--db", str(tmp_path / "a.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no display" in result.stderr and "--smoke" in result.stderr
    _one_line_error(result)
