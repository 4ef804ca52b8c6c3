"""One database, several processes: no lost edit, one writer, readers never in the way."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from auditapp.core import audits, ownership
from auditapp.core.db import is_encrypted, open_database
from auditapp.errors import Refused
from tests.audit_factory import PASSWORD, make_audit, make_user
from tests.conftest import run_as, run_cli

# The for-cause audit on the mini checklist has these two questions.
QUESTIONS = ("ORG-02", "CSV-01")


def cli(*args: str, wait: float = 1.0, **kwargs):
    """The command line as these tests run it: in a child process (the lock and the database
    are shared between processes here); writing verbs sign in as anna."""
    env = {"AUDITAPP_LOCK_WAIT": str(wait), **kwargs.pop("env", {})}
    if args[:2] == ("checklist", "import") or args[:1] == ("restore",):
        return run_as("anna", *args, password=PASSWORD, env=env, process=True, **kwargs)
    return run_cli(*args, env=env, process=True, **kwargs)


def _answer(db, reference: str, question: str, notes: str) -> None:
    with db.session(actor="anna") as s:
        audits.set_response(
            s, audits.get_audit(s, reference), question, result="compliant", notes=notes
        )


def _notes_seen_by_another_process(path: Path) -> list[str]:
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print('\\n'.join(r[0] for r in c.execute("
        "'SELECT notes FROM response WHERE notes != \"\" ORDER BY notes'))); c.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [line for line in out.splitlines() if line]


def _deleted_files_open_here(path: Path) -> list[str]:
    fd_dir = Path(f"/proc/{os.getpid()}/fd")
    if not fd_dir.exists():
        return []
    targets = []
    for fd in fd_dir.iterdir():
        try:
            targets.append(os.readlink(fd))
        except OSError:
            continue
    return [t for t in targets if t.startswith(str(path)) and t.endswith("(deleted)")]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX lock semantics")
def test_header_check_while_open_does_not_let_another_process_delete_the_wal(tmp_path):
    """The issue's case: an 'is it encrypted' read in the GUI process, then `auditapp list`."""
    path = tmp_path / "audit.sqlite"
    db = open_database(path, writer=True)
    try:
        make_user(db)
        reference = make_audit(db, audit_type="for_cause")
        _answer(db, reference, QUESTIONS[0], "answer 1")
        assert is_encrypted(path) is False  # used to open and close the file itself
        # Another process opens and closes the database (`auditapp list` did this in the issue).
        assert _notes_seen_by_another_process(path) == ["answer 1"]
        _answer(db, reference, QUESTIONS[1], "answer 2")
        _answer(db, reference, QUESTIONS[1], "answer 3")
        assert _deleted_files_open_here(path) == []
        assert _notes_seen_by_another_process(path) == ["answer 1", "answer 3"]
    finally:
        db.close()
    assert _notes_seen_by_another_process(path) == ["answer 1", "answer 3"]


def test_cli_writer_is_refused_cleanly_while_another_process_writes(tmp_path):
    path = tmp_path / "audit.sqlite"
    db = open_database(path, writer=True)
    try:
        make_user(db)
        before = path.stat().st_mtime_ns, _notes_seen_by_another_process(path)
        checklist = Path(__file__).parents[1] / "data" / "mini-checklist.yaml"
        started = time.monotonic()
        refused = cli("checklist", "import", str(checklist), "--db", str(path), wait=1.0)
        assert refused.returncode == 1
        assert time.monotonic() - started >= 1.0  # it waited before refusing
        lines = refused.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ")
        assert "open for writing in AuditApp" in lines[0] and "nothing was changed" in lines[0]
        assert "Traceback" not in refused.stderr
        reader = cli("list", "--db", str(path))
        assert reader.returncode == 0, reader.stderr
        assert _notes_seen_by_another_process(path) == before[1]
    finally:
        db.close()


def test_cli_writer_waits_for_a_short_write_to_finish(tmp_path):
    path = tmp_path / "audit.sqlite"
    with open_database(path) as db:
        make_user(db)
    lock = ownership.acquire(path, program="a short write")
    timer = threading.Timer(1.0, lock.release)
    timer.start()
    try:
        checklist = Path(__file__).parents[1] / "data" / "mini-checklist.yaml"
        done = cli("checklist", "import", str(checklist), "--db", str(path), wait=15.0)
        assert done.returncode == 0, done.stderr
    finally:
        timer.join()
        lock.release()


def test_lock_dies_with_its_process_and_names_its_owner(tmp_path):
    path = tmp_path / "audit.sqlite"
    open_database(path).close()
    code = (
        "import sys, time; from auditapp.core import ownership; "
        "ownership.acquire(sys.argv[1], program='AuditApp window'); print('held', flush=True); "
        "time.sleep(60)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        assert ownership.is_held_elsewhere(path)
        with pytest.raises(ownership.DatabaseInUse) as refused:
            open_database(path, writer=True)
        assert f"process {child.pid}" in str(refused.value) and "AuditApp window" in str(
            refused.value
        )
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    again = open_database(path, writer=True)  # a crash leaves no stale lock
    again.close()
    assert not ownership.is_held_elsewhere(path)


def test_read_only_database_refuses_edits_but_still_counts_failed_sign_ins(tmp_path):
    from auditapp.core import users

    path = tmp_path / "audit.sqlite"
    with open_database(path) as db:
        make_user(db)
        reference = make_audit(db, audit_type="for_cause")
    viewer = open_database(path, read_only=True)
    try:
        with pytest.raises(Refused, match="read-only"):
            _answer(viewer, reference, QUESTIONS[0], "not saved")
        with pytest.raises(Refused):
            users.authenticate(viewer, "anna", "wrong password")
    finally:
        viewer.close()
    with sqlite3.connect(path) as conn:
        assert (
            conn.execute("SELECT count(*) FROM response WHERE notes = 'not saved'").fetchone()[0]
            == 0
        )
        assert (
            conn.execute("SELECT failed_attempts FROM user WHERE username = 'anna'").fetchone()[0]
            == 1
        )


def test_the_open_database_cannot_be_imported_as_evidence(tmp_path):
    from auditapp.core import media

    path = tmp_path / "audit.sqlite"
    with open_database(path) as db:
        with db.session() as s:
            s.connection()
        for own in (path, Path(str(path) + "-wal")):
            with pytest.raises(media.BadFile, match="database AuditApp has open"):
                media.read_file(own)
    assert media.read_file(path)  # closed: an ordinary file again
