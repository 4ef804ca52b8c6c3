"""The lock on signed audits, enforced for every ORM write, whichever code path makes it.

``install()`` attaches a ``before_flush`` listener to every Session: when a flush would insert,
change or delete a row that belongs to a locked audit (the audit itself, its findings,
responses, team, evidence, report versions, signatures...), the flush is refused and the whole
transaction rolls back. Functions such as ``audits.ensure_editable`` give a friendlier early
message; this guard is what makes the lock hold for the GUI, the CLI and any future caller.

Only the signing ceremony and the lead auditor's reopen may touch a locked audit, and they say
so explicitly with :func:`override` for the one session they use.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from auditapp.core.models import (
    Audit,
    CapaEvent,
    Evidence,
    EvidenceLink,
    Finding,
    ReportVersion,
    Signature,
)
from auditapp.errors import Refused

_OVERRIDE_KEY = "auditapp.lock_override"
_installed = False


@contextmanager
def override(session: Session, purpose: str) -> Iterator[None]:
    """Let this session write to a locked audit, for one named purpose (sign or reopen)."""
    previous = session.info.get(_OVERRIDE_KEY)
    session.info[_OVERRIDE_KEY] = purpose
    try:
        yield
    finally:
        if previous is None:
            session.info.pop(_OVERRIDE_KEY, None)
        else:
            session.info[_OVERRIDE_KEY] = previous


def _committed(obj: object, key: str) -> object:
    """The value of an attribute as it is in the database (before this flush)."""
    history = inspect(obj).attrs[key].history
    if history.deleted:
        return history.deleted[0]
    if history.unchanged:
        return history.unchanged[0]
    return getattr(obj, key)


def _audit_ids(session: Session, obj: object) -> set[int]:
    """The audits a row belongs to (old and new owner, should a row be moved)."""
    ids: set[int] = set()
    if isinstance(obj, Audit):
        if obj.id is not None:
            ids.add(obj.id)
        return ids
    if isinstance(obj, Signature):
        for rv_id in {obj.report_version_id, _committed(obj, "report_version_id")}:
            if rv_id is not None:
                rv = session.get(ReportVersion, rv_id)
                if rv is not None:
                    ids.add(rv.audit_id)
        return ids
    if isinstance(obj, EvidenceLink):
        for key, model in (("evidence_id", Evidence), ("finding_id", Finding)):
            for ref in {getattr(obj, key), _committed(obj, key)}:
                if ref is not None:
                    row = session.get(model, ref)
                    if row is not None:
                        ids.add(row.audit_id)
        return ids
    if hasattr(obj, "audit_id"):
        for value in (getattr(obj, "audit_id", None), _committed(obj, "audit_id")):
            if value is not None:
                ids.add(int(value))  # type: ignore[call-overload]
    return ids


def _locked(session: Session, audit_id: int) -> Audit | None:
    audit = session.get(Audit, audit_id)
    if audit is None:
        return None
    # The lock as stored, so the very flush that sets locked=True (the signature) passes and
    # a flush that clears it (reopen) is judged by the stored state.
    return audit if _committed(audit, "locked") else None


# CAPA follow-up happens after the report is issued: a new follow-up step and the finding status
# it derives may be written to a locked audit (capa.py); the signed report's bytes never change.
FOLLOW_UP_FINDING_FIELDS = frozenset({"status"})


def _is_follow_up(session: Session, obj: object, *, new: bool) -> bool:
    if isinstance(obj, CapaEvent):
        return new
    if isinstance(obj, Finding) and not new:
        state = inspect(obj)
        changed = {a.key for a in state.attrs if a.history.has_changes()}
        return bool(changed) and changed <= FOLLOW_UP_FINDING_FIELDS
    return False


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    if session.info.get(_OVERRIDE_KEY):
        return
    changed = [obj for obj in session.new if not _is_follow_up(session, obj, new=True)]
    changed += list(session.deleted)
    changed += [
        obj
        for obj in session.dirty
        if session.is_modified(obj, include_collections=False)
        and not _is_follow_up(session, obj, new=False)
    ]
    if not changed:
        return
    with session.no_autoflush:
        for obj in changed:
            for audit_id in _audit_ids(session, obj):
                audit = _locked(session, audit_id)
                if audit is not None:
                    raise Refused(
                        f"audit {audit.reference} is signed and locked; the lead auditor must "
                        "reopen it with a reason before it can change"
                    )


def install() -> None:
    """Attach the guard to every Session, once per process (called by open_database)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _before_flush)
    _installed = True


def is_locked(session: Session, audit: Audit) -> bool:
    return bool(session.scalar(select(Audit.locked).where(Audit.id == audit.id)))
