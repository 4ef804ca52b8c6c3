"""A full or read-only disk: a clear one-line refusal, and nothing already saved is lost."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from auditapp.core import audits, trail
from auditapp.core.db import StorageError, integrity_problem, open_database
from tests.conftest import IN_CI, run_cli


@pytest.fixture
def small_disk(tmp_path):
    """A 6 MB tmpfs: the only way to fill a disk for real without filling the machine's."""
    mount_point = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount_point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        if IN_CI:
            pytest.fail(f"CI must be able to mount a tmpfs: {result.stderr.strip()}")
        pytest.skip("mounting a tmpfs needs root")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _copy_demo(demo_template: Path, folder: Path) -> Path:
    path = folder / "audit.sqlite"
    shutil.copyfile(demo_template, path)
    return path


def test_full_disk_refuses_the_edit_cleanly_and_keeps_the_database(demo_template, small_disk):
    path = _copy_demo(demo_template, small_disk)
    db = open_database(path)
    try:
        with db.session() as s:
            reference = audits.summaries(s)[0].reference
        # The disk fills up while the app is open (a photo import elsewhere, a download).
        filler = small_disk / "filler.bin"
        free = shutil.disk_usage(small_disk).free
        filler.write_bytes(b"\0" * max(0, free - 16 * 1024))
        with pytest.raises(StorageError, match="disk is full"), db.session(actor="demo.lead") as s:
            audit = audits.get_audit(s, reference)
            question = audits.audit_checklist(audit).questions[0].id
            audits.set_response(s, audit, question, result="compliant", notes="x" * 90_000)
        filler.unlink()
        assert integrity_problem(path) is None
        with db.engine.connect() as connection:
            assert trail.verify(connection) == []
        with db.session() as s:
            audit = audits.get_audit(s, reference)
            assert "x" * 100 not in audits.responses_by_question(s, audit)[question].notes
    finally:
        db.close()


def test_read_only_disk_gives_a_one_line_error(demo_template, small_disk):
    path = _copy_demo(demo_template, small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = path.read_bytes()
    result = run_cli("list", "--db", str(path))
    assert result.returncode != 0
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "read-only" in result.stderr
    assert path.read_bytes() == before
