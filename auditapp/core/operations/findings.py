"""Findings: raise, edit, move in the report's order, delete with a reason."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from auditapp.core import findings as core_findings
from auditapp.core.models import Audit


@dataclass(frozen=True)
class AddFinding:
    fields: dict[str, object] = field(default_factory=dict)

    def apply(self, session: Session, audit: Audit) -> int:
        """Returns the new finding's number."""
        return core_findings.add_finding(session, audit, **dict(self.fields)).number


@dataclass(frozen=True)
class UpdateFinding:
    number: int
    changes: dict[str, object] = field(default_factory=dict)

    def apply(self, session: Session, audit: Audit) -> None:
        core_findings.update_finding(session, audit, self.number, **dict(self.changes))


@dataclass(frozen=True)
class ReorderFindings:
    """The findings in this order; numbers never change, only positions."""

    numbers: tuple[int, ...]

    def apply(self, session: Session, audit: Audit) -> None:
        core_findings.reorder(session, audit, list(self.numbers))


@dataclass(frozen=True)
class DeleteFinding:
    """Delete with a reason (kept in the trail); its evidence links go with it, through the
    ORM, so the undo brings them back too."""

    number: int
    reason: str

    def apply(self, session: Session, audit: Audit) -> None:
        core_findings.delete_finding(session, audit, self.number, reason=self.reason)
