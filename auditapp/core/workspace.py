"""What the audit workspace shows, as plain frozen data (its edits and their undo:
core.operations).

The GUI loads an audit off its own thread; ORM objects are bound to a session and must not cross
threads, so the loader copies what the workspace needs into plain dataclasses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import audits, checklists, findings
from auditapp.core.models import AuditeeParticipant, DocumentReviewed, Finding, Response

Progress = Callable[[int, int, str], None]
"""progress(done, total, what): a Qt-free callback; the GUI turns it into a progress bar."""


def _no_progress(done: int, total: int, what: str) -> None:
    return None


@dataclass(frozen=True)
class AnswerState:
    question_id: str
    result: str | None
    notes: str
    answered_by: str = ""
    answered_at: dt.datetime | None = None


@dataclass(frozen=True)
class FindingState:
    number: int
    position: int
    title: str
    classification: str
    area: str = ""
    observation: str = ""
    impact: str = ""
    references: tuple[str, ...] = ()
    question_ids: tuple[str, ...] = ()
    risk: str = ""
    recommendation: str = ""
    capa_due_date: dt.date | None = None
    owner: str = ""
    auditee_response: str = ""
    status: str = "open"
    repeat_finding: bool = False
    capa_due_days: int | None = None  # due N days after the report is issued
    sponsor_informed_on: dt.date | None = None
    sponsor_informed_to: str = ""
    breach_assessment: str = ""
    breach_note: str = ""
    repeat_of: str = ""  # the earlier finding repeated, "AUD-2025-003 F-02"

    @property
    def label(self) -> str:
        return findings.number_label(self.number)

    def fields(self) -> dict[str, object]:
        """The editable fields, as update_finding/add_finding take them."""
        return {
            "title": self.title,
            "classification": self.classification,
            "area": self.area,
            "observation": self.observation,
            "impact": self.impact,
            "references": list(self.references),
            "question_ids": list(self.question_ids),
            "risk": self.risk,
            "recommendation": self.recommendation,
            "capa_due_date": self.capa_due_date,
            "owner": self.owner,
            "auditee_response": self.auditee_response,
            "status": self.status,
            "repeat_finding": self.repeat_finding,
            "capa_due_days": self.capa_due_days,
            "sponsor_informed_on": self.sponsor_informed_on,
            "sponsor_informed_to": self.sponsor_informed_to,
            "breach_assessment": self.breach_assessment,
            "breach_note": self.breach_note,
            "repeat_of": self.repeat_of,
        }


@dataclass(frozen=True)
class DocumentRow:
    id: int
    title: str
    identifier: str = ""
    version: str = ""
    document_date: dt.date | None = None


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    name: str
    function: str = ""
    opening_meeting: bool = False
    closing_meeting: bool = False
    interviewed: bool = False


@dataclass
class WorkspaceData:
    audit_id: int
    reference: str
    title: str
    auditee: str
    status: str
    locked: bool
    language: str
    checklist: checklists.Checklist
    answers: dict[str, AnswerState] = field(default_factory=dict)
    findings: dict[int, FindingState] = field(default_factory=dict)
    documents: list[DocumentRow] = field(default_factory=list)
    participants: list[ParticipantRow] = field(default_factory=list)
    report_version: int = 1
    grades: tuple[findings.Grade, ...] = ()


def answer_state(response: Response) -> AnswerState:
    return AnswerState(
        question_id=response.question_id,
        result=response.result,
        notes=response.notes or "",
        answered_by=response.answered_by or "",
        answered_at=response.answered_at,
    )


def finding_state(finding: Finding) -> FindingState:
    return FindingState(
        number=finding.number,
        position=finding.position,
        title=finding.title,
        classification=finding.classification,
        area=finding.area or "",
        observation=finding.observation or "",
        impact=finding.impact or "",
        references=tuple(findings.finding_references(finding)),
        question_ids=tuple(findings.finding_questions(finding)),
        risk=finding.risk or "",
        recommendation=finding.recommendation or "",
        capa_due_date=finding.capa_due_date,
        owner=finding.owner or "",
        auditee_response=finding.auditee_response or "",
        status=finding.status,
        repeat_finding=bool(finding.repeat_finding),
        capa_due_days=finding.capa_due_days,
        sponsor_informed_on=finding.sponsor_informed_on,
        sponsor_informed_to=finding.sponsor_informed_to or "",
        breach_assessment=finding.breach_assessment or "",
        breach_note=finding.breach_note or "",
        repeat_of=finding.repeat_of or "",
    )


def document_row(doc: DocumentReviewed) -> DocumentRow:
    return DocumentRow(
        doc.id, doc.title, doc.identifier or "", doc.version or "", doc.document_date
    )


def participant_row(p: AuditeeParticipant) -> ParticipantRow:
    return ParticipantRow(
        p.id,
        p.name,
        p.function or "",
        bool(p.opening_meeting),
        bool(p.closing_meeting),
        bool(p.interviewed),
    )


def load(session: Session, reference: str, progress: Progress = _no_progress) -> WorkspaceData:
    """Everything the workspace shows for one audit; progress is reported per step."""
    steps = 5
    progress(0, steps, "audit")
    audit = audits.get_audit(session, reference)
    progress(1, steps, "checklist")
    checklist = audits.audit_checklist(audit)
    progress(2, steps, "answers")
    answers = {q: answer_state(r) for q, r in audits.responses_by_question(session, audit).items()}
    progress(3, steps, "findings")
    rows = session.scalars(
        select(Finding).where(Finding.audit_id == audit.id).order_by(Finding.position)
    )
    found = {f.number: finding_state(f) for f in rows}
    progress(4, steps, "registers")
    data = WorkspaceData(
        audit_id=audit.id,
        reference=audit.reference,
        title=audit.title,
        auditee=audit.auditee.legal_name if audit.auditee else "",
        status=audit.status,
        locked=bool(audit.locked),
        report_version=int(audit.report_version or 1),
        language=audit.language,
        checklist=checklist,
        answers=answers,
        findings=found,
        documents=[document_row(d) for d in audit.documents],
        participants=[participant_row(p) for p in audit.participants],
        grades=findings.scheme(session),
    )
    progress(steps, steps, "done")
    return data
