"""Soak: a GUI-like writer, CLI readers and writers and refused restores lose no confirmed edit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_soak_loses_no_confirmed_edit(tmp_path):
    # 40 s of work (the benchmark's default is a minute) keeps the test under 70 s.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "soak_db_safety.py"),
            "--seconds",
            "40",
            "--folder",
            str(tmp_path),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["lost"] == 0, report
    assert report["gui_confirmed"] > 50 and report["cli_confirmed"] > 10, report
    assert report["restores_run"] == 0 and report["restores_refused"] >= 1, report
    assert report["cli_writes_refused"] >= 1 and report["cli_writes_not_refused"] == 0, report
    assert report["reads"] >= 2 and report["read_failures"] == 0, report
    assert report["integrity"] == "ok" and report["trail_intact"], report
    assert run.returncode == 0, run.stderr[-2000:]
