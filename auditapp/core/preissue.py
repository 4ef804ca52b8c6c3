"""Pre-issue checks: what must be complete before a report can be signed as author.

Each problem names its target (a finding number, a question id or an audit field), so the GUI
can list them with a jump to each and the CLI can print them one per line.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from auditapp.core import audits, findings, issue_warnings, judgement
from auditapp.core.issue_problem import IssueProblem as IssueProblem
from auditapp.core.models import Audit, Classification, Finding, ResponseResult

SERIOUS = frozenset({Classification.CRITICAL.value, Classification.MAJOR.value})
# Grades that state a deviation: a question they concern cannot also be "compliant".
DEVIATIONS = frozenset(
    {
        Classification.CRITICAL.value,
        Classification.MAJOR.value,
        Classification.MINOR.value,
        Classification.OTHER.value,
    }
)
NOT_MET = frozenset({ResponseResult.NON_COMPLIANT.value, ResponseResult.PARTIALLY_COMPLIANT.value})


def check(session: Session, audit: Audit, *, today: dt.date | None = None) -> list[IssueProblem]:
    """All problems that block issuing the report, in report order (fields, questions, findings).

    ``today`` is the report date (the day it would be issued); CAPA due dates before it are
    flagged.
    """
    today = today or dt.date.today()
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
    elif audit.lead_auditor is not None and not _lead_in_team(audit):
        field(
            "team",
            f"the lead auditor {audit.lead_auditor.full_name} is not in the audit team table",
        )
    if audit.actual_start is None:
        field("actual_start", "the date the audit started is missing")
    if audit.actual_end is None:
        field("actual_end", "the date the audit ended is missing")
    if audit.actual_start and audit.actual_end and audit.actual_end < audit.actual_start:
        field("actual_end", "the audit ends before it starts")
    for name, message in judgement.missing(audit):
        field(name, message)
    critical = [f for f in audit.findings if f.classification == Classification.CRITICAL.value]
    if critical and (audit.overall_rating or "") in judgement.UNRESERVED_OUTCOMES:
        labels = ", ".join(findings.number_label(f.number) for f in critical)
        field(
            "overall_rating",
            f"the outcome {audit.overall_rating!r} contradicts the critical finding(s) {labels}",
        )

    if audit.snapshot is not None:
        answers = audits.responses_by_question(session, audit)
        concerned = _findings_by_question(audit.findings)
        for question in audits.audit_checklist(audit).questions:
            response = answers.get(question.id)
            result = response.result if response is not None else None
            linked = concerned.get(question.id, [])
            deviations = [f for f in linked if f.classification in DEVIATIONS]
            if result == ResponseResult.COMPLIANT.value and deviations:
                labels = ", ".join(findings.number_label(f.number) for f in deviations)
                problems.append(
                    IssueProblem(
                        "question",
                        question.id,
                        f"answered compliant, but finding {labels} concerns this question",
                    )
                )
            elif result in NOT_MET and not linked and not response.notes.strip():
                problems.append(
                    IssueProblem(
                        "question",
                        question.id,
                        f"answered {result.replace('_', ' ')} with no finding and no note why; "
                        "raise a finding or say why none is needed",
                    )
                )
            if result is None:
                problems.append(IssueProblem("question", question.id, "not answered"))
            elif result == ResponseResult.NOT_ASSESSED.value and not response.notes.strip():
                problems.append(
                    IssueProblem(
                        "question",
                        question.id,
                        "marked not assessed without a note; answer it, mark it not "
                        "applicable or say why it was not assessed",
                    )
                )

    for finding in audit.findings:
        label = findings.number_label(finding.number)
        due = finding.capa_due_date
        if due is not None and due < today:
            problems.append(
                IssueProblem(
                    "finding",
                    label,
                    f"the CAPA due date {due.isoformat()} is before the report date "
                    f"{today.isoformat()}",
                    finding_number=finding.number,
                )
            )
        if finding.classification == Classification.CRITICAL.value:
            escalation = findings.missing_escalation(finding)
            if escalation:
                problems.append(
                    IssueProblem(
                        "finding",
                        label,
                        f"critical finding: record {', '.join(escalation)}",
                        finding_number=finding.number,
                    )
                )
        if finding.classification not in SERIOUS:
            continue
        missing = []
        if not finding.observation.strip():
            missing.append("an observation")
        if not findings.finding_references(finding):
            missing.append("a requirement reference")
        if not finding.recommendation.strip():
            missing.append("a recommendation")
        if finding.capa_due_date is None and finding.capa_due_days is None:
            missing.append("a CAPA due date")
        if missing:
            problems.append(
                IssueProblem(
                    "finding",
                    label,
                    f"{finding.classification} finding needs {', '.join(missing)}",
                    finding_number=finding.number,
                )
            )
    return problems


def _lead_in_team(audit: Audit) -> bool:
    lead = audit.lead_auditor
    assert lead is not None
    # Members typed into the set-up dialog carry no account, so the name decides.
    name = " ".join(lead.full_name.split()).casefold()
    return any(
        m.user_id == lead.id or " ".join(m.name.split()).casefold() == name for m in audit.team
    )


def _findings_by_question(rows: list[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for finding in rows:
        for question_id in findings.finding_questions(finding):
            out.setdefault(question_id, []).append(finding)
    return out


def warnings(session: Session, audit: Audit, language: str | None = None) -> list[IssueProblem]:
    """What deserves a look before issue but does not block it (kind "warning")."""
    return issue_warnings.warnings(session, audit, language)
