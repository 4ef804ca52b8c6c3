"""The command line run inside the test process: ``auditapp.cli.main(argv)`` with its own argv,
standard streams, environment and exit code, as a child process would see them.

A child process pays the interpreter and the imports (SQLAlchemy, the report stack) on every
call, about 1 s of CPU, and makes its own RSA-3072 keys for every account it creates (the run's
key pool does not reach it). In the test process both are paid once. What only a real process
shows (the entry point's exit code, no traceback from the interpreter, signals, locks held by
another process, memory) is tested with ``run_cli(..., process=True)``.

What a process gives the command line and this runner gives it too:
- ``sys.argv`` (``open_db`` names the verb from it), stdin as a non-terminal stream with the given
  text, stdout and stderr captured as text (with ``.buffer`` for binary output);
- the environment: ``env`` is added to ``os.environ`` for the call and taken away after;
  ``AUDITAPP_LOCK_WAIT``, which ``core.ownership`` reads when imported, is applied too;
- the exit code: ``main``'s return value, ``SystemExit`` (argparse) or, for an exception that
  escapes ``main``, 1 with the traceback on stderr, as the interpreter would print it;
- warnings: a child prints them on stderr under Python's default filters plus those the
  application installs when imported; pytest would record them instead and, between tests, drop
  the application's filters. The call runs under ``child_warning_filters()`` and what is shown
  goes to the captured stderr, as in a child. One difference is kept on purpose: a SQLAlchemy
  SAWarning is an error here, as everywhere in the suite (pyproject.toml).
- what a process leaves behind when it ends is undone: the log handler ``main`` adds, the
  "encrypted database seen" switch of the log filter, and databases and write locks the verb left
  open (closed here; a leak fails the test, since in-process it would change the next call).
"""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import traceback
import warnings
from collections.abc import Iterator
from contextlib import contextmanager


class _Stdin(io.TextIOWrapper):
    """Standard input that is not a terminal (as with ``subprocess.run(input=...)``)."""

    def isatty(self) -> bool:
        return False


def _text_stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline=None, write_through=True)


def _read(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    # Universal newlines, as subprocess.run(text=True) reads a child's output.
    return raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")


@contextmanager
def _environment(env: dict[str, str] | None) -> Iterator[None]:
    saved = dict(os.environ)
    from auditapp.core import ownership

    saved_wait = ownership.DEFAULT_WAIT_S
    try:
        os.environ.update(env or {})
        if "AUDITAPP_LOCK_WAIT" in os.environ:
            ownership.DEFAULT_WAIT_S = float(os.environ["AUDITAPP_LOCK_WAIT"])
        yield
    finally:
        ownership.DEFAULT_WAIT_S = saved_wait
        os.environ.clear()
        os.environ.update(saved)


def child_warning_filters() -> None:
    """The warning filters of ``python -m auditapp`` once the application is imported: Python's
    defaults (no -W, no -X dev) and the application's own, added when its modules are imported
    (``tests/cli/test_cli_runner.py`` compares this list with a child's)."""
    from PIL import Image
    from sqlalchemy.exc import SAWarning

    warnings.resetwarnings()
    # Python's defaults, lowest priority first (filterwarnings puts each in front).
    warnings.filterwarnings("ignore", category=ResourceWarning)
    warnings.filterwarnings("ignore", category=ImportWarning)
    warnings.filterwarnings("ignore", category=PendingDeprecationWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
    # auditapp/core/media.py: the importer refuses oversized images itself.
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
    # The suite's own rule (pyproject.toml), not a child's: a SAWarning fails the test.
    warnings.filterwarnings("error", category=SAWarning)


def _open_resources() -> tuple[dict[str, list[object]], dict[str, object]]:
    from auditapp.core import db_files, ownership

    opened = {key: list(value) for key, value in db_files._open_here.items()}
    return opened, dict(ownership._held)


def _left_open(before: tuple[dict[str, list[object]], dict[str, object]]) -> list[str]:
    """Close what the verb left open (a process would have ended) and name it."""
    from auditapp.core import db_files, ownership

    opened_before, held_before = before
    leaks: list[str] = []
    for key, databases in list(db_files._open_here.items()):
        for database in list(databases):
            if all(database is not old for old in opened_before.get(key, [])):
                leaks.append(f"database {key}")
                database.close()  # type: ignore[attr-defined]
    for key, lock in list(ownership._held.items()):
        if held_before.get(key) is not lock:
            leaks.append(f"write lock {key}")
            lock.release()
    return leaks


def run_in_process(
    args: tuple[str, ...], stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    from auditapp import log_privacy
    from auditapp.cli import main

    argv = [str(arg) for arg in args]
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    withholding = log_privacy._active
    streams = (sys.argv, sys.stdin, sys.stdout, sys.stderr)
    stdin_stream = _Stdin(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    out, err = _text_stream(), _text_stream()
    before = _open_resources()
    code: object = 0
    with _environment(env), warnings.catch_warnings(record=True) as shown:
        child_warning_filters()
        sys.argv = ["auditapp", *argv]
        sys.stdin, sys.stdout, sys.stderr = stdin_stream, out, err
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
        except Exception:
            traceback.print_exc(file=err)
            code = 1
        finally:
            for w in shown:  # where a child's warnings.showwarning writes them
                err.write(warnings.formatwarning(w.message, w.category, w.filename, w.lineno))
            sys.argv, sys.stdin, sys.stdout, sys.stderr = streams
            for handler in root.handlers[:]:
                if handler not in handlers:
                    root.removeHandler(handler)
                    handler.close()
            root.setLevel(level)
            log_privacy._active = withholding
            leaks = _left_open(before)
    stdout, stderr = _read(out), _read(err)
    if code is None:
        returncode = 0
    elif isinstance(code, int):
        returncode = code
    else:  # SystemExit("message"): the interpreter prints it and exits 1
        stderr += f"{code}\n"
        returncode = 1
    assert not leaks, f"auditapp {' '.join(argv)} left open: {leaks}"
    return subprocess.CompletedProcess(["auditapp", *argv], returncode, stdout, stderr)
