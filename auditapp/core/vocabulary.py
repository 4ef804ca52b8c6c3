"""Enumerations the first screen needs (the CLI's --lang, the interface language, the audit
list's statuses and grades), without SQLAlchemy: importing them must not load the ORM before
the start-up shell, or the audit list, is painted.

models.py re-exports them, so ``from auditapp.core.models import Language`` keeps working.
"""

from __future__ import annotations

import enum


class StrEnum(enum.StrEnum):
    def __str__(self) -> str:
        return self.value


class Language(StrEnum):
    """A report or checklist language: every text the app writes exists in these."""

    EN = "en"
    DE = "de"


class AuditStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    REPORTING = "reporting"
    IN_REVIEW = "in_review"
    FINAL = "final"
    CLOSED = "closed"


class Classification(StrEnum):
    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    RECOMMENDATION = "recommendation"
    OTHER = "other"  # MHRA-style scheme


def codes(e: type[enum.StrEnum]) -> tuple[str, ...]:
    """The plain values, e.g. for argparse ``choices`` (whose error message shows repr())."""
    return tuple(member.value for member in e)
