"""Application settings the auditor changes: the grading scheme and CAPA due-date defaults."""

from __future__ import annotations

from sqlalchemy.orm import Session

from auditapp.core import findings
from auditapp.errors import BadInput

MAX_CAPA_DAYS = 365


def grading_scheme_name(session: Session) -> str:
    name = str(findings.get_setting(session, findings.SCHEME_SETTING, "ema"))
    return name if name in findings.SCHEMES else "ema"


def set_grading_scheme(session: Session, name: str) -> None:
    if name not in findings.SCHEMES:
        raise BadInput(f"unknown grading scheme {name!r}; choose one of: "
                       f"{', '.join(findings.SCHEMES)}")
    findings.put_setting(session, findings.SCHEME_SETTING, name)


def capa_days(session: Session) -> dict[str, int | None]:
    """Days from the report's issue to the CAPA response due date, per classification.

    The defaults (critical 15, major 30, minor 60) are common practice, not regulation."""
    overrides = findings.get_setting(session, findings.CAPA_DAYS_SETTING, {})
    assert isinstance(overrides, dict)
    out: dict[str, int | None] = {}
    for grade in findings.EMA_SCHEME + findings.MHRA_SCHEME:
        key = grade.classification.value
        value = overrides.get(key, grade.default_capa_days)
        out[key] = None if value is None else int(value)
    return out


def set_capa_days(session: Session, days: dict[str, int | None]) -> None:
    known = {g.classification.value for g in findings.EMA_SCHEME + findings.MHRA_SCHEME}
    clean: dict[str, int | None] = {}
    for key, value in days.items():
        if key not in known:
            raise BadInput(f"unknown classification {key!r}")
        if value is not None and (not isinstance(value, int) or not 1 <= value <= MAX_CAPA_DAYS):
            raise BadInput(f"CAPA days for {key} must be 1-{MAX_CAPA_DAYS} or none")
        clean[key] = value
    findings.put_setting(session, findings.CAPA_DAYS_SETTING, {**capa_days(session), **clean})


IDLE_LOCK_SETTING = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 240


def idle_lock_minutes(session: Session) -> int:
    value = findings.get_setting(session, IDLE_LOCK_SETTING, DEFAULT_IDLE_MINUTES)
    return int(value) if isinstance(value, int) and 1 <= value <= MAX_IDLE_MINUTES else DEFAULT_IDLE_MINUTES


def set_idle_lock_minutes(session: Session, minutes: int) -> None:
    # Part 11 / Annex 11 expect an unattended session to lock; "never" is not offered.
    if not isinstance(minutes, int) or not 1 <= minutes <= MAX_IDLE_MINUTES:
        raise BadInput(f"the idle lock must be 1-{MAX_IDLE_MINUTES} minutes")
    findings.put_setting(session, IDLE_LOCK_SETTING, minutes)


def backups_kept(session: Session) -> int:
    from auditapp.core import backup

    value = findings.get_setting(session, backup.KEEP_SETTING, backup.DEFAULT_KEEP)
    return int(value) if isinstance(value, int) and 1 <= value <= 100 else backup.DEFAULT_KEEP


def set_backups_kept(session: Session, count: int) -> None:
    from auditapp.core import backup

    if not isinstance(count, int) or not 1 <= count <= 100:
        raise BadInput("keep between 1 and 100 automatic backups")
    findings.put_setting(session, backup.KEEP_SETTING, count)


SEPARATE_SIGNERS_SETTING = "separate_signers"


def separate_signers(session: Session) -> bool:
    """One person signs one report version with one meaning only (default on): the reviewer and
    the approver are other people than the author, and each other."""
    return findings.get_setting(session, SEPARATE_SIGNERS_SETTING, True) is not False


def set_separate_signers(session: Session, on: bool) -> None:
    findings.put_setting(session, SEPARATE_SIGNERS_SETTING, bool(on))
