"""The corpus harness: the real command line in this process or in a child, with the checks
every hostile input must pass (exit code, one error line, no traceback, database unchanged,
time and memory)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

MAX_SECONDS = 10
MAX_BYTES = 500 * 1024 * 1024
REFERENCE = "AUD-2026-001"


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    seconds: float
    peak: int


def run_main(*argv: str, stdin: str = "") -> Outcome:
    from auditapp import cli

    root = logging.getLogger()
    kept = list(root.handlers)
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(argv))
            except SystemExit as exc:
                code = int(exc.code or 0)
    finally:
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        sys.stdin = old_stdin
        for handler in root.handlers[len(kept) :]:
            root.removeHandler(handler)
            handler.close()
    return Outcome(code, out.getvalue(), err.getvalue(), seconds, peak)


def dump_digest(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
    conn.close()
    return digest.hexdigest()


def assert_refused_cleanly(result: Outcome, code: int, before: str, after: str) -> None:
    assert result.code == code, result.err
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "Traceback" not in result.err and "unexpected problem" not in result.err, result.err
    assert after == before, "the database changed"
    assert result.seconds < MAX_SECONDS, f"took {result.seconds:.1f} s"
    assert result.peak < MAX_BYTES, f"peak {result.peak / 2**20:.0f} MB"


def run_child(*args: str, stdin: str = "", peak_file: Path) -> Outcome:
    """The command line in a child process, with the peak memory it reports (tests/child_peak.py)."""
    start = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-m", "tests.child_peak", str(peak_file), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )
    seconds = time.perf_counter() - start
    return Outcome(
        child.returncode, child.stdout, child.stderr, seconds, int(peak_file.read_text())
    )
