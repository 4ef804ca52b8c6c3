"""Errors the user sees as one line; the CLI maps them to exit codes."""

from __future__ import annotations


class AuditAppError(Exception):
    """A problem with the user's input or request: shown as one line, never a traceback."""

    exit_code = 2


class BadInput(AuditAppError):
    exit_code = 2


class Refused(AuditAppError):
    """The request was understood but not allowed: wrong password, locked audit, tampered file."""

    exit_code = 1


class ReviewAgain(Refused):
    """What was shown for review (a sign preview) no longer matches what would be signed:
    nothing was signed, and the caller shows the current state for review again."""


class NotFound(AuditAppError):
    exit_code = 2
