"""The audit itself: the details dialog (header, registers in it, studies, scope) and status."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from auditapp.core import audit_details, setup
from auditapp.core.models import Audit


@dataclass(frozen=True)
class UpdateDetails:
    details: audit_details.AuditDetails

    def apply(self, session: Session, audit: Audit) -> None:
        setup.update_details(session, audit, self.details)


@dataclass(frozen=True)
class SetStatus:
    status: str

    def apply(self, session: Session, audit: Audit) -> None:
        setup.set_status(session, audit, self.status)
