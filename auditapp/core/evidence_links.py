"""What an evidence item is linked to, as typed values: the gallery's rows and their links.

A link is a :class:`Target` (a finding number or a question id), never a label parsed back:
"F-02" and "Q:ORG-01" are only how the command line and the lists print a link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core.findings import number_label
from auditapp.core.models import Evidence, EvidenceLink, Finding


def label(number: int) -> str:
    return f"E-{number:03d}"


@dataclass(frozen=True)
class Target:
    """Where evidence is attached besides the audit itself: a finding or a question."""

    finding: int | None = None
    question: str | None = None

    @property
    def label(self) -> str:
        """The printed form: "F-02" for a finding, "Q:ORG-01" for a question."""
        if self.finding is not None:
            return number_label(self.finding)
        return f"Q:{self.question}" if self.question is not None else ""

    @property
    def shown(self) -> str:
        """What the auditor reads in the gallery: F-02, or the question id alone."""
        return self.label if self.finding is not None else str(self.question or "")


@dataclass(frozen=True)
class EvidenceInfo:
    number: int
    label: str
    file_name: str
    media_type: str
    sha256: str
    size: int
    width: int | None
    height: int | None
    caption: str
    confidential: bool
    removed: bool
    captured_at: dt.datetime | None
    capture_device: str
    imported_at: dt.datetime
    imported_by: str
    targets: tuple[Target, ...]  # findings first as linked, then questions
    active_content: str = ""  # a PDF that can run something when opened

    @property
    def links(self) -> tuple[str, ...]:
        """The links as printed ("F-02", "Q:ORG-01"), for the command line and exports."""
        return tuple(t.label for t in self.targets)


def link_targets(session: Session, evidence_ids: Sequence[int]) -> dict[int, tuple[Target, ...]]:
    out: dict[int, list[Target]] = {i: [] for i in evidence_ids}
    if not evidence_ids:
        return {}
    rows = session.execute(
        select(EvidenceLink.evidence_id, Finding.number, EvidenceLink.question_id)
        .outerjoin(Finding, Finding.id == EvidenceLink.finding_id)
        .where(EvidenceLink.evidence_id.in_(evidence_ids))
        .order_by(EvidenceLink.id)
    )
    for evidence_id, finding_number, question_id in rows:
        if finding_number is not None:
            out[evidence_id].append(Target(finding=finding_number))
        if question_id:
            out[evidence_id].append(Target(question=question_id))
    return {k: tuple(v) for k, v in out.items()}


def info_of(e: Evidence, targets: tuple[Target, ...]) -> EvidenceInfo:
    return EvidenceInfo(
        number=e.number,
        label=label(e.number),
        file_name=e.file_name,
        media_type=e.media_type,
        sha256=e.sha256,
        size=e.size,
        width=e.width,
        height=e.height,
        caption=e.caption,
        confidential=e.confidential,
        removed=e.removed,
        captured_at=e.captured_at,
        capture_device=e.capture_device,
        imported_at=e.imported_at,
        imported_by=e.imported_by,
        targets=targets,
        active_content=e.active_content or "",
    )
