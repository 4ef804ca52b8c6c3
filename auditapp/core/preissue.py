"""Pre-issue checks: what must be complete before a report can be signed as author.

Each problem names its target (a finding number, a question id or an audit field), so the GUI
can list them with a jump to each and the CLI can print them one per line.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from auditapp.core import audits, findings
from auditapp.core.models import Audit, Classification, ResponseResult

SERIOUS = frozenset({Classification.CRITICAL.value, Classification.MAJOR.value})


@dataclass(frozen=True)
class IssueProblem:
    kind: str  # "finding", "question" or "field"
    target: str  # "F-03", a question id such as "QMS-04", or an Audit field name
    message: str
    finding_number: int | None = None  # for kind == "finding"

    def __str__(self) -> str:
        return f"{self.target}: {self.message}"


def check(session: Session, audit: Audit) -> list[IssueProblem]:
    """All problems that block issuing the report, in report order (fields, questions, findings)."""
    problems: list[IssueProblem] = []

    def field(name: str, message: str) -> None:
        problems.append(IssueProblem("field", name, message))

    if not audit.scope.strip():
        field("scope", "the audit scope is empty")
    if not audit.objectives.strip():
        field("objectives", "the audit objectives are empty")
    if audit.lead_auditor_id is None:
        field("lead_auditor", "no lead auditor is named")
    if not audit.team:
        field("team", "the audit team is empty")
    if audit.actual_start is None:
        field("actual_start", "the date the audit started is missing")
    if audit.actual_end is None:
        field("actual_end", "the date the audit ended is missing")
    if audit.actual_start and audit.actual_end and audit.actual_end < audit.actual_start:
        field("actual_end", "the audit ends before it starts")

    if audit.snapshot is not None:
        answers = audits.responses_by_question(session, audit)
        for question in audits.audit_checklist(audit).questions:
            response = answers.get(question.id)
            result = response.result if response is not None else None
            if result is None:
                problems.append(IssueProblem("question", question.id, "not answered"))
            elif result == ResponseResult.NOT_ASSESSED.value and not response.notes.strip():
                problems.append(
                    IssueProblem(
                        "question", question.id,
                        "marked not assessed without a note; answer it, mark it not "
                        "applicable or say why it was not assessed",
                    )
                )

    for finding in audit.findings:
        if finding.classification not in SERIOUS:
            continue
        label = findings.number_label(finding.number)
        missing = []
        if not finding.observation.strip():
            missing.append("an observation")
        if not findings.finding_references(finding):
            missing.append("a requirement reference")
        if not finding.recommendation.strip():
            missing.append("a recommendation")
        if finding.capa_due_date is None:
            missing.append("a CAPA due date")
        if missing:
            problems.append(
                IssueProblem(
                    "finding", label,
                    f"{finding.classification} finding needs {', '.join(missing)}",
                    finding_number=finding.number,
                )
            )
    return problems


def warnings(session: Session, audit: Audit, language: str | None = None) -> list[IssueProblem]:
    """What deserves a look before issue but does not block it (kind "warning")."""
    from auditapp.core import issue_warnings

    return issue_warnings.warnings(session, audit, language)  # type: ignore[return-value]
