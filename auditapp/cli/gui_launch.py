"""Starting the window: checks for a display first, so a missing one is an error, not a crash."""

from __future__ import annotations

import argparse
import os
import sys

from auditapp.cli import database_path
from auditapp.errors import AuditAppError


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def launch(args: argparse.Namespace) -> int:
    if args.smoke and not _has_display():
        # A smoke run must work on a headless machine: draw offscreen.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not _has_display():
        raise AuditAppError(
            "no display found (DISPLAY/WAYLAND_DISPLAY unset); run on a desktop, "
            "set QT_QPA_PLATFORM=offscreen, or use 'auditapp --smoke' to check the install"
        )
    from auditapp.ui.app import run

    package = getattr(args, "package", None)
    if package is not None and not package.is_file():
        raise AuditAppError(f"{package}: no such package file")
    return run(database=database_path(args), language=args.lang, smoke=args.smoke, package=package)
