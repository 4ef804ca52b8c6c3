"""Run the command line and record this process's own peak memory (VmHWM) in a side file.

The kernel's ru_maxrss of a child counts the parent's pages it was forked with, so a large test
process would inflate it; VmHWM starts afresh at exec and is what the command itself used.
Usage: python -m tests.child_peak PEAK_FILE ARGS...
"""

from __future__ import annotations

import sys
from pathlib import Path


def _vmhwm_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


if __name__ == "__main__":
    from auditapp.cli import main

    code = 1
    try:
        code = main(sys.argv[2:])
    finally:
        Path(sys.argv[1]).write_text(str(_vmhwm_bytes()))
    sys.exit(code)
