"""Evidence edits: caption, confidentiality, links to findings and questions, removal."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from auditapp.core import evidence as core_evidence
from auditapp.core.evidence import Target
from auditapp.core.models import Audit


@dataclass(frozen=True)
class SetCaption:
    number: int
    caption: str

    def apply(self, session: Session, audit: Audit) -> None:
        core_evidence.set_caption(session, audit, self.number, self.caption)


@dataclass(frozen=True)
class SetConfidential:
    number: int
    confidential: bool

    def apply(self, session: Session, audit: Audit) -> None:
        core_evidence.set_confidential(session, audit, self.number, self.confidential)


@dataclass(frozen=True)
class Link:
    number: int
    target: Target

    def apply(self, session: Session, audit: Audit) -> None:
        core_evidence.link(session, audit, self.number, self.target)


@dataclass(frozen=True)
class Unlink:
    number: int
    target: Target

    def apply(self, session: Session, audit: Audit) -> None:
        core_evidence.unlink(session, audit, self.number, self.target)


@dataclass(frozen=True)
class Remove:
    """Out of the gallery and the reports with a reason; its links go, the original stays.
    Undo brings the item back with its links (the same rows)."""

    number: int
    reason: str

    def apply(self, session: Session, audit: Audit) -> str:
        """Returns the removed item's file name."""
        return core_evidence.remove(session, audit, self.number, reason=self.reason).file_name


@dataclass(frozen=True)
class Restore:
    number: int
    reason: str

    def apply(self, session: Session, audit: Audit) -> None:
        core_evidence.restore(session, audit, self.number, reason=self.reason)
