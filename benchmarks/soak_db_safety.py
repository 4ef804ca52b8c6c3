"""Soak: a GUI-like writer, command-line readers and writers, and restores, side by side.

    python benchmarks/soak_db_safety.py [--seconds 60] [--folder DIR] [--json]

Phase A (first 55 %): a GUI-like process owns the database and confirms an edit (a new
finding) every few milliseconds, and meanwhile does what the GUI process does besides: header
checks, a second open of the same file, an online backup. Beside it, `auditapp list` and
`auditapp trail verify` read, `auditapp checklist import` tries to write and `auditapp
restore` tries to put an old backup back: both must be refused with one error line.
Phase B (the rest): the window is closed; two command-line writers take turns through the
write lock while the readers go on.

Every writer prints each edit after its commit returned ("confirmed"); at the end each
confirmed edit must be in the database, the trail must verify and no restore may have run.
Exit 0 when nothing was lost, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKLIST = ROOT / "tests" / "data" / "mini-checklist.yaml"
REFERENCE = "AUD-2026-901"
# The command-line write tried while the window owns the database (one place to adapt when
# write verbs need more arguments, e.g. a signed-in user).
WRITE_VERB = ("checklist", "import", str(CHECKLIST), "--user", "soak", "--password-stdin")


# --- the worker processes ------------------------------------------------------------------------


def _add(db, title: str) -> None:
    from auditapp.core import audits, findings

    with db.session(actor="soak") as s:
        findings.add_finding(s, audits.get_audit(s, REFERENCE), title=title, classification="minor")


def gui_writer(path: Path, seconds: float) -> None:
    """Owns the database like a window and confirms edits until the time is up."""
    from auditapp.core import backup
    from auditapp.core.db import current_revision, is_encrypted, open_database

    db = open_database(path, writer=True, program="soak GUI-like writer")
    end, n = time.monotonic() + seconds, 0
    try:
        while time.monotonic() < end:
            n += 1
            _add(db, f"gui-{n}")
            print(f"confirmed gui-{n}", flush=True)
            if n % 10 == 0:  # what the GUI process also does while it has the file open
                is_encrypted(path)
                current_revision(path)
            if n % 50 == 0:
                open_database(path).close()
                backup.automatic_backup(db, keep=2, force=True)
            time.sleep(0.005)
    finally:
        db.close()


def cli_writer(path: Path, seconds: float, name: str) -> None:
    """A command-line writer: takes the write lock for each short command, as the CLI does."""
    from auditapp.core.db import open_database
    from auditapp.errors import AuditAppError

    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        try:
            db = open_database(path, writer=True, lock_wait=5.0, program=f"soak {name}")
        except AuditAppError as exc:
            print(f"refused {exc}", flush=True)
            continue
        try:
            for _ in range(5):
                n += 1
                _add(db, f"{name}-{n}")
                print(f"confirmed {name}-{n}", flush=True)
        finally:
            db.close()
        time.sleep(0.05)


# --- the parent ----------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AUDITAPP_LOCK_WAIT": "0.5"}
    # Refused at the lock before any password is read; an empty stdin makes sure of it.
    return subprocess.run(
        [sys.executable, "-m", "auditapp", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _worker(kind: str, path: Path, seconds: float, name: str = "") -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, __file__, "--worker", kind, str(path), str(seconds), name],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def _collect(process: subprocess.Popen[str], confirmed: list[str], refused: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        word, _, rest = line.strip().partition(" ")
        (confirmed if word == "confirmed" else refused).append(rest)


def _prepare(folder: Path) -> tuple[Path, Path]:
    from auditapp.core import audits, backup, checklists
    from auditapp.core.db import open_database

    path = folder / "soak.sqlite"
    with open_database(path) as db:
        checklist = checklists.load_file(CHECKLIST)
        with db.session(actor="soak") as s:
            checklists.import_checklist(s, checklist)
        with db.session(actor="soak") as s:
            audits.create_audit(
                s,
                title="Soak",
                audit_type="routine_system",
                checklist=checklist,
                reference=REFERENCE,
            )
    old = folder / "old-backup.sqlite"
    backup.backup(path, old)
    return path, old


def run(seconds: float, folder: Path) -> dict[str, object]:
    os.environ.setdefault("AUDITAPP_HOME", str(folder / "home"))
    path, old_backup = _prepare(folder)
    counts = {
        "reads": 0,
        "read_failures": 0,
        "cli_writes_refused": 0,
        "cli_writes_not_refused": 0,
        "restores_refused": 0,
        "restores_run": 0,
    }
    failures: list[str] = []
    confirmed: list[str] = []
    refused: list[str] = []
    phase_a = seconds * 0.55
    started = time.monotonic()
    gui = _worker("gui", path, phase_a)
    threads = [threading.Thread(target=_collect, args=(gui, confirmed, refused))]
    threads[0].start()

    def readers() -> None:
        while time.monotonic() - started < seconds:
            for verb in (("list",), ("trail", "verify")):
                result = _cli(*verb, "--db", str(path))
                counts["reads"] += 1
                if result.returncode != 0:
                    counts["read_failures"] += 1
                    failures.append(f"{' '.join(verb)}: {result.stderr.strip()}")

    def intruders() -> None:
        time.sleep(1.0)  # let the GUI-like writer take the database first
        while time.monotonic() - started < phase_a - 3:
            write = _cli(*WRITE_VERB, "--db", str(path))
            ok = (
                write.returncode == 1
                and "open for writing" in write.stderr
                and len(write.stderr.strip().splitlines()) == 1
            )
            counts["cli_writes_refused" if ok else "cli_writes_not_refused"] += 1
            if not ok:
                failures.append(f"checklist import: {write.returncode} {write.stderr.strip()}")
            restore = _cli(
                "restore", str(old_backup), "--db", str(path), "--user", "soak", "--password-stdin"
            )
            if restore.returncode == 1 and "open for writing" in restore.stderr:
                counts["restores_refused"] += 1
            else:
                counts["restores_run"] += 1
                failures.append(f"restore: {restore.returncode} {restore.stderr.strip()}")

    helpers = [threading.Thread(target=readers), threading.Thread(target=intruders)]
    for thread in helpers:
        thread.start()
    gui.wait()
    writers = [
        _worker("cli", path, seconds - (time.monotonic() - started), f"cli{k}") for k in (1, 2)
    ]
    for writer in writers:
        thread = threading.Thread(target=_collect, args=(writer, confirmed, refused))
        thread.start()
        threads.append(thread)
    for writer in writers:
        writer.wait()
    for thread in threads + helpers:
        thread.join()
    return _verdict(path, confirmed, refused, counts, failures, time.monotonic() - started)


def _verdict(
    path: Path,
    confirmed: list[str],
    refused: list[str],
    counts: dict[str, int],
    failures: list[str],
    elapsed: float,
) -> dict[str, object]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        stored = {r[0] for r in conn.execute("SELECT title FROM finding")}
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    lost = [title for title in confirmed if title not in stored]
    trail = _cli("trail", "verify", "--db", str(path))
    return {
        "seconds": round(elapsed, 1),
        "confirmed": len(confirmed),
        "gui_confirmed": sum(1 for t in confirmed if t.startswith("gui-")),
        "cli_confirmed": sum(1 for t in confirmed if t.startswith("cli")),
        "lost": len(lost),
        "lost_examples": lost[:5],
        "writer_refusals": len(refused),
        "integrity": integrity,
        "trail_intact": trail.returncode == 0,
        **counts,
        "failures": failures[:10],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--worker", nargs=4, metavar=("KIND", "DB", "SECONDS", "NAME"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.worker:
        kind, db, seconds, name = args.worker
        if kind == "gui":
            gui_writer(Path(db), float(seconds))
        else:
            cli_writer(Path(db), float(seconds), name)
        return 0
    with tempfile.TemporaryDirectory(prefix="auditapp-soak-") as scratch:
        report = run(args.seconds, args.folder or Path(scratch))
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:>24}: {value}")
    good = (
        report["lost"] == 0
        and report["trail_intact"]
        and report["integrity"] == "ok"
        and not report["failures"]
        and report["restores_run"] == 0
    )
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
