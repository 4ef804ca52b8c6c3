"""The application settings the auditor changes, as one typed object with one validation table.

:data:`RULES` says, for each setting, where it is stored, its default and which values it takes;
:func:`load` reads all of them into a :class:`Settings`, :func:`save` checks every change before
it stores any. A stored value that no longer passes its check (a file from an older version,
an edit by hand) reads as the default. Report branding has its own table (reports/branding.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from auditapp.core.grading import EMA_SCHEME, MHRA_SCHEME, SCHEMES
from auditapp.core.settings_store import get_setting, put_setting
from auditapp.errors import BadInput

MAX_CAPA_DAYS = 365
DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 240
DEFAULT_BACKUPS_KEPT = 10
MAX_BACKUPS_KEPT = 100


@dataclass(frozen=True)
class Settings:
    grading_scheme: str  # "ema" or "mhra" (grading.SCHEMES)
    # Days from the report's issue to the CAPA response due date, per classification; the
    # defaults (critical 15, major 30, minor 60) are common practice, not regulation.
    capa_days: dict[str, int | None]
    idle_lock_minutes: int  # Part 11 / Annex 11: an unattended session locks; no "never"
    backups_kept: int  # automatic backups kept per database
    # One person signs one report version with one meaning only: the reviewer and the
    # approver are other people than the author, and each other.
    separate_signers: bool


@dataclass(frozen=True)
class Rule:
    key: str  # the key in the settings table (kept as released: existing databases use it)
    default: object
    check: Callable[[object], object]  # the value to store, or BadInput saying what is allowed


def _scheme(value: object) -> str:
    if value not in SCHEMES:
        raise BadInput(f"unknown grading scheme {value!r}; choose one of: {', '.join(SCHEMES)}")
    return str(value)


def _grade_defaults() -> dict[str, int | None]:
    return {g.classification.value: g.default_capa_days for g in EMA_SCHEME + MHRA_SCHEME}


def _capa_days(value: object) -> dict[str, int | None]:
    if not isinstance(value, dict):
        raise BadInput("CAPA days are given per classification")
    clean: dict[str, int | None] = {}
    for key, days in value.items():
        if key not in _grade_defaults():
            raise BadInput(f"unknown classification {key!r}")
        if days is not None and (
            isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_CAPA_DAYS
        ):
            raise BadInput(f"CAPA days for {key} must be 1-{MAX_CAPA_DAYS} or none")
        clean[str(key)] = days
    return {**_grade_defaults(), **clean}


def _whole_number(low: int, high: int, message: str) -> Callable[[object], object]:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise BadInput(message)
        return value

    return check


def _switch(value: object) -> bool:
    if not isinstance(value, bool):
        raise BadInput("give on or off")
    return value


RULES: dict[str, Rule] = {
    "grading_scheme": Rule("grading_scheme", "ema", _scheme),
    "capa_days": Rule("capa_due_days", {}, _capa_days),
    "idle_lock_minutes": Rule(
        "idle_lock_minutes",
        DEFAULT_IDLE_MINUTES,
        _whole_number(1, MAX_IDLE_MINUTES, f"the idle lock must be 1-{MAX_IDLE_MINUTES} minutes"),
    ),
    "backups_kept": Rule(
        "automatic_backups_kept",
        DEFAULT_BACKUPS_KEPT,
        _whole_number(
            1, MAX_BACKUPS_KEPT, f"keep between 1 and {MAX_BACKUPS_KEPT} automatic backups"
        ),
    ),
    "separate_signers": Rule("separate_signers", True, _switch),
}


def get(session: Session, name: str) -> object:
    """One setting as the app uses it (the default where nothing valid is stored)."""
    rule = RULES[name]
    stored = get_setting(session, rule.key, rule.default)
    try:
        return rule.check(stored)
    except BadInput:
        return rule.check(rule.default)


def load(session: Session) -> Settings:
    return Settings(**{name: get(session, name) for name in RULES})  # type: ignore[arg-type]


def save(session: Session, **changes: object) -> Settings:
    """Check every change, then store them all; one bad value stores none."""
    unknown = sorted(set(changes) - set(RULES))
    if unknown:
        raise BadInput(f"unknown setting {unknown[0]!r}")
    clean = {name: RULES[name].check(value) for name, value in changes.items()}
    for name, value in clean.items():
        put_setting(session, RULES[name].key, value)  # an unchanged value writes nothing
    return dataclasses.replace(load(session), **clean)  # type: ignore[arg-type]


# The one-setting functions the window, the CLI and the sign-off rules call.


def grading_scheme_name(session: Session) -> str:
    return str(get(session, "grading_scheme"))


def set_grading_scheme(session: Session, name: str) -> None:
    save(session, grading_scheme=name)


def capa_days(session: Session) -> dict[str, int | None]:
    return dict(get(session, "capa_days"))  # type: ignore[call-overload]


def set_capa_days(session: Session, days: dict[str, int | None]) -> None:
    save(session, capa_days={**capa_days(session), **days})


def idle_lock_minutes(session: Session) -> int:
    return int(get(session, "idle_lock_minutes"))  # type: ignore[call-overload]


def set_idle_lock_minutes(session: Session, minutes: int) -> None:
    save(session, idle_lock_minutes=minutes)


def backups_kept(session: Session) -> int:
    return int(get(session, "backups_kept"))  # type: ignore[call-overload]


def set_backups_kept(session: Session, count: int) -> None:
    save(session, backups_kept=count)


def separate_signers(session: Session) -> bool:
    return get(session, "separate_signers") is not False


def set_separate_signers(session: Session, on: bool) -> None:
    save(session, separate_signers=bool(on))
