"""Read-only sessions: a window that does not own the database may look but never write."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from auditapp.errors import Refused

KEY = "auditapp.read_only"
READ_SESSION_KEY = "auditapp.read_session"
_installed = False


def _refuse_writes(session: Session, _context: object, _instances: object) -> None:
    if session.info.get(READ_SESSION_KEY) and (
        session.new
        or session.deleted
        or any(session.is_modified(obj, include_collections=False) for obj in session.dirty)
    ):
        raise Refused("a read session cannot save changes; nothing was saved")
    where = session.info.get(KEY)
    if not where:
        return
    from auditapp.core.models import User

    changed = [obj for obj in session.dirty if session.is_modified(obj, include_collections=False)]
    # Failed sign-ins are still counted (and lock the account) in a read-only window: an
    # update of an existing account is the one write allowed.
    if session.new or session.deleted or any(not isinstance(obj, User) for obj in changed):
        raise Refused(
            f"{where} is open read-only here (another AuditApp window or process is writing "
            "to it); nothing was saved"
        )


def install() -> None:
    """Attach the guard to every Session, once per process (called by open_database)."""
    global _installed
    if not _installed:
        event.listen(Session, "before_flush", _refuse_writes)
        _installed = True
