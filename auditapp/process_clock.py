"""How long ago this process started, by the operating system's own record.

A start-up figure counted from inside the app leaves out the interpreter and every import
before the first line of app code runs; the OS knows when the process was created. Linux reads
/proc/self/stat against CLOCK_BOOTTIME, Windows asks GetProcessTimes. Elsewhere (macOS) the
earliest mark is the import of the auditapp package, and the method says so.
"""

from __future__ import annotations

import os
import sys
import time

import auditapp

PROC = "/proc/self/stat"


def _linux() -> float | None:
    try:
        with open(PROC, encoding="ascii") as handle:
            stat = handle.read()
    except OSError:
        return None
    # The command name (field 2) may contain spaces and parentheses: split after its last ")".
    fields = stat[stat.rindex(")") + 2 :].split()
    start_ticks = int(fields[19])  # field 22 of the whole line: start time in clock ticks
    started = start_ticks / os.sysconf("SC_CLK_TCK")
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started


def _windows() -> float | None:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    creation, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
    handle = kernel32.GetCurrentProcess()
    if not kernel32.GetProcessTimes(
        handle, *(ctypes.byref(t) for t in (creation, exited, kernel, user))
    ):
        return None
    now = wintypes.FILETIME()
    kernel32.GetSystemTimePreciseAsFileTime(ctypes.byref(now))

    def ticks(value: wintypes.FILETIME) -> int:
        return (value.dwHighDateTime << 32) | value.dwLowDateTime

    return (ticks(now) - ticks(creation)) / 10_000_000  # FILETIME counts 100 ns


def since_process_start() -> tuple[float, str]:
    """(seconds since this process started, how that was measured)."""
    try:
        if sys.platform.startswith("linux"):
            elapsed = _linux()
            if elapsed is not None:
                return elapsed, "since process start (/proc/self/stat)"
        elif sys.platform == "win32":
            elapsed = _windows()
            if elapsed is not None:
                return elapsed, "since process start (GetProcessTimes)"
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return (
        time.perf_counter() - auditapp.IMPORTED_AT,
        "since the auditapp import (process start unknown here)",
    )
