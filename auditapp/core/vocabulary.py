"""Enumerations the first screen needs (the CLI's --lang, the interface language), without
SQLAlchemy: importing them must not load the ORM before the start-up shell is painted.

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


def codes(e: type[enum.StrEnum]) -> tuple[str, ...]:
    """The plain values, e.g. for argparse ``choices`` (whose error message shows repr())."""
    return tuple(member.value for member in e)
