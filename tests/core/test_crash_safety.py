"""kill -9 at random moments while edits are committed: nothing committed is ever lost."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from auditapp.core import audits, trail
from auditapp.core.db import integrity_problem, open_database
from auditapp.core.models import Evidence

TRIALS = int(os.environ.get("AUDITAPP_CRASH_TRIALS", "100"))
CHILD = Path(__file__).parents[1].joinpath("crash_child.py")


def _photos(folder: Path, count: int = 12) -> Path:
    folder.mkdir()
    for i in range(count):
        image = Image.new("RGB", (320, 240), (i * 20 % 256, 90, 200 - i * 10))
        image.save(folder / f"photo{i:02d}.jpg", quality=80)
    return folder


@pytest.mark.slow
def test_kill_9_at_random_moments_loses_no_committed_edit(demo_template, tmp_path):
    database = tmp_path / "crash.sqlite"
    shutil.copyfile(demo_template, database)
    with open_database(database).session() as session:
        reference = audits.summaries(session)[0].reference
    photo_dir = _photos(tmp_path / "photos")
    rng = random.Random(20261125)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    reported_total = 0
    for trial in range(TRIALS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(database), reference, str(trial), str(photo_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert ready.strip() == "ready", child.stderr.read() if child.stderr else ready
        time.sleep(rng.uniform(0.0, 0.35))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        lines = [line for line in out.splitlines() if line.strip()]

        assert integrity_problem(database) is None, f"trial {trial}"
        db = open_database(database)
        try:
            with db.engine.connect() as connection:
                problems = trail.verify(connection)
            assert problems == [], f"trial {trial}: {problems[:3]}"
            with db.session() as session:
                audit = audits.get_audit(session, reference)
                answers = audits.responses_by_question(session, audit)
                captions = {
                    e.number: e.caption
                    for e in session.scalars(select(Evidence).where(Evidence.audit_id == audit.id))
                }
            last_note: dict[str, str] = {}
            for line in lines:
                kind, key, value = line.split(" ", 2)
                if kind == "R":
                    last_note[key] = value
                else:
                    assert captions.get(int(key)) == value, f"trial {trial}: evidence {key} lost"
            for question, note in last_note.items():
                stored = answers[question].notes
                # The child may be killed after a commit but before it reported it: a later
                # edit of the same trial may stand there, never an earlier one.
                assert stored == note or (
                    stored.startswith(f"trial {trial} edit ")
                    and int(stored.rsplit(" ", 1)[1]) > int(note.rsplit(" ", 1)[1])
                ), f"trial {trial}: answer {question} lost ({stored!r} instead of {note!r})"
        finally:
            db.close()
        reported_total += len(lines)
    # The trials must really have interrupted work in progress, not idle children.
    assert reported_total > TRIALS
