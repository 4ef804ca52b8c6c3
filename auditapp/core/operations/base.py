"""Running an operation: validate and apply it, record what changed, hand back its inverse.

Every operation is a small frozen value with ``apply(session, audit)``; the domain functions it
calls (core.audits, core.findings, core.registers...) check the input and the audit's state and
change the ORM objects; the trail's mapper events write the trail rows in the same flush. While
it runs, the journal records each row it inserts, updates or deletes. The inverse is a Revert of
those row changes, which is itself an operation: running it returns the redo, and so on, so undo
and redo are new, committed, trailed edits like any other.

A Revert puts rows back exactly as they were, under the same primary keys (a deleted register
row comes back with its own id, a finding with its own number and its evidence links), so later
steps of the history still name the right records. It refuses, changing nothing, when a row is
no longer as the operation left it (changed by someone else since).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from auditapp.core.audits import ensure_editable
from auditapp.core.db import Database
from auditapp.core.models import Audit, Base
from auditapp.core.operations.changes import OpChanges
from auditapp.core.operations.journal import RowStep, recording
from auditapp.errors import NotFound, Refused

# Numbers, once issued, are never issued again (F-03 means one thing for ever), so undoing the
# raising of F-03 takes the finding away but leaves the counter: the next finding is F-04.
NEVER_REVERTED = frozenset({("audit", "last_finding_number"), ("audit", "last_evidence_number")})


class Operation(Protocol):
    def apply(self, session: Session, audit: Audit) -> Any:
        """Check and make the change through the core's domain functions; return a plain value
        (never an ORM object: it outlives the session)."""


@dataclass(frozen=True)
class Applied:
    """The outcome of one committed operation."""

    value: Any
    changes: OpChanges
    inverse: Revert
    # What the caller's read_back read of the changed records, in the same transaction.
    read: Any = None


def _models() -> dict[str, type[Any]]:
    return {cast(Table, m.local_table).name: m.class_ for m in Base.registry.mappers}


@dataclass(frozen=True)
class Revert:
    """Take back recorded row changes, latest first (the inverse of any operation)."""

    audit_id: int
    steps: tuple[RowStep, ...] = field(default=())

    def apply(self, session: Session, audit: Audit) -> None:
        if audit.id != self.audit_id:
            raise Refused(f"these changes belong to another audit than {audit.reference}")
        ensure_editable(audit)
        models = _models()
        # One flush per step keeps the order the rows were written in (parents before
        # children on the way in, children first on the way out).
        for step in reversed(self.steps):
            model = models[step.table]
            row = session.get(model, step.pk)
            what = f"{step.table} {'/'.join(map(str, step.pk))}"
            if step.action == "insert":
                if row is None:
                    raise Refused(f"cannot undo: {what} no longer exists")
                session.delete(row)
            elif step.action == "delete":
                if row is not None:
                    raise Refused(f"cannot undo: {what} exists again")
                session.add(model(**step.before))
            else:
                if row is None:
                    raise Refused(f"cannot undo: {what} no longer exists")
                for key, value in step.before.items():
                    if (step.table, key) in NEVER_REVERTED:
                        continue
                    if getattr(row, key) != step.after[key]:
                        raise Refused(f"cannot undo: {what} was changed since ({key})")
                    setattr(row, key, value)
            session.flush()


def apply(session: Session, audit: Audit, operation: Operation) -> Applied:
    """Run one operation inside the caller's session (which commits or rolls back)."""
    with recording(session) as journal:
        value = operation.apply(session, audit)
    steps = [s for s in journal.steps if s.action != "update" or s.before]
    return Applied(value, OpChanges.of(steps), Revert(audit.id, tuple(steps)))


def run(
    db: Database,
    audit_id: int,
    operation: Operation,
    *,
    actor: str,
    reason: str = "",
    read_back: Callable[[Session, Audit, OpChanges], Any] | None = None,
) -> Applied:
    """One operation in its own committed session; ``reason`` goes into its trail rows
    ("undo"/"redo" when the operation is an inverse). ``read_back`` reads what the change set
    names in the same transaction, after the change and before the commit (the editor's
    refresh: one session per edit, not a second one to read the edit back); its result is
    ``Applied.read``, handed out only once committed."""
    with db.session(actor=actor, reason=reason) as session:
        audit = session.get(Audit, audit_id)
        if audit is None:
            raise NotFound("this audit no longer exists")
        applied = apply(session, audit, operation)
        if read_back is not None:
            applied = replace(applied, read=read_back(session, audit, applied.changes))
    return applied
