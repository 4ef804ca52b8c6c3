"""Findings: stable numbers, CAPA due dates and the rules for each grade (schemes: grading.py)."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import references, repeat_link, settings
from auditapp.core.audits import clean_text, ensure_editable
from auditapp.core.grading import (  # noqa: F401  (re-exported: findings is the public API)
    EMA_SCHEME,
    ESCALATION_RULES,
    MHRA_SCHEME,
    SCHEMES,
    Grade,
    escalation_rules,
    scheme_name,
)
from auditapp.core.models import Audit, CapaEvent, EvidenceLink, Finding, FindingStatus

# The settings store moved to settings_store.py; re-exported for the callers that use it here.
from auditapp.core.settings_store import get_setting as get_setting
from auditapp.core.settings_store import put_setting as put_setting
from auditapp.errors import BadInput, NotFound

SCHEME_SETTING = settings.RULES["grading_scheme"].key
CAPA_DAYS_SETTING = settings.RULES["capa_days"].key


def scheme(session: Session) -> tuple[Grade, ...]:
    return SCHEMES.get(settings.grading_scheme_name(session), EMA_SCHEME)


def grade(session: Session, classification: str) -> Grade:
    """The grade of a classification, defined as in the scheme in use where it has one."""
    for g in scheme(session) + EMA_SCHEME + MHRA_SCHEME:
        if g.classification.value == classification:
            return g
    raise BadInput(f"unknown classification {classification!r}")


def default_due_days(session: Session, classification: str) -> int | None:
    """Days from the report's issue to the CAPA response (a setting: practice, not regulation)."""
    default = grade(session, classification).default_capa_days  # BadInput when unknown
    days = settings.capa_days(session).get(classification, default)
    return None if days is None else int(days)


def default_due_date(
    session: Session, classification: str, start: dt.date | None = None
) -> dt.date | None:
    days = default_due_days(session, classification)
    if days is None:
        return None
    return (start or dt.date.today()) + dt.timedelta(days=days)


def due_date(finding: Finding, issued_on: dt.date) -> dt.date | None:
    """The CAPA due date: the date set, or the days after issue counted from ``issued_on``."""
    if finding.capa_due_date is not None:
        return finding.capa_due_date
    if finding.capa_due_days is None:
        return None
    return issued_on + dt.timedelta(days=finding.capa_due_days)


def fix_due_dates(audit: Audit, issued_on: dt.date) -> None:
    """At issue: due dates given as days after issue become dates (the CAPA plan's deadline)."""
    for finding in audit.findings:
        if finding.capa_due_date is None and finding.capa_due_days is not None:
            finding.capa_due_date = issued_on + dt.timedelta(days=finding.capa_due_days)


# The auditor's view whether a critical finding may be a serious breach (EU CTR Art. 52): the
# sponsor decides and notifies within 7 days; the auditor records what the sponsor was told.
BREACH_ASSESSMENTS = ("possible_breach", "not_a_breach", "not_applicable")


def missing_escalation(finding: Finding) -> list[str]:
    """What a critical finding's escalation record still lacks, in words."""
    out = []
    if finding.sponsor_informed_on is None:
        out.append("the date the sponsor was told")
    if not (finding.sponsor_informed_to or "").strip():
        out.append("whom at the sponsor you told")
    if not finding.breach_assessment:
        out.append("whether it may be a serious breach (EU CTR Art. 52)")
    return out


def number_label(number: int) -> str:
    return f"F-{number:02d}"


def _check_classification(session: Session, classification: str) -> None:
    allowed = [g.classification.value for g in scheme(session)]
    if classification not in allowed:
        raise BadInput(
            f"classification {classification!r} is not in the grading scheme ({', '.join(allowed)})"
        )


def _check_references(refs: list[str]) -> list[str]:
    out = []
    for ref in refs:
        ref = " ".join(ref.split())
        try:
            references.parse(ref)
        except ValueError as exc:
            raise BadInput(str(exc)) from None
        if ref not in out:
            out.append(ref)
    return out


EDITABLE_FIELDS = (
    "title",
    "classification",
    "area",
    "observation",
    "impact",
    "references",
    "question_ids",
    "risk",
    "recommendation",
    "capa_due_date",
    "capa_due_days",
    "owner",
    "auditee_response",
    "status",
    "repeat_finding",
    "sponsor_informed_on",
    "sponsor_informed_to",
    "breach_assessment",
    "breach_note",
    "repeat_of",
)
MAX_CAPA_DAYS = 365


def _check_date(value: object, label: str) -> dt.date | None:
    if value is not None and not isinstance(value, dt.date):
        raise BadInput(f"{label} must be a date")
    if value is not None and not dt.date(2000, 1, 1) <= value <= dt.date(2100, 12, 31):
        raise BadInput(f"{label} is out of range (2000-2100)")
    return value


def _apply(session: Session, finding: Finding, changes: dict[str, object]) -> None:
    for key, value in changes.items():
        if key not in EDITABLE_FIELDS:
            raise BadInput(f"a finding has no field {key!r}")
        if key == "references":
            finding.references_json = json.dumps(_check_references(list(value)))  # type: ignore[arg-type]
        elif key == "question_ids":
            finding.question_ids_json = json.dumps(list(value))  # type: ignore[arg-type]
        elif key == "classification":
            _check_classification(session, str(value))
            finding.classification = str(value)
        elif key == "status":
            finding.status = FindingStatus(value).value
        elif key == "capa_due_date":
            finding.capa_due_date = _check_date(value, "CAPA due date")
            if value is not None and finding.capa_due_days is not None:
                finding.capa_due_days = None  # a date of the auditor's own replaces the rule
        elif key == "capa_due_days":
            if value is not None and (
                isinstance(value, bool)
                or not isinstance(value, int)
                or not 1 <= value <= MAX_CAPA_DAYS
            ):
                raise BadInput(f"CAPA days after issue must be 1-{MAX_CAPA_DAYS}")
            finding.capa_due_days = value
            if value is not None and finding.capa_due_date is not None:
                finding.capa_due_date = None
        elif key == "sponsor_informed_on":
            finding.sponsor_informed_on = _check_date(value, "date the sponsor was told")
        elif key == "breach_assessment":
            if value not in ("", *BREACH_ASSESSMENTS):
                raise BadInput(
                    f"serious-breach assessment must be one of {', '.join(BREACH_ASSESSMENTS)}"
                )
            finding.breach_assessment = str(value)
        elif key == "repeat_finding":
            finding.repeat_finding = bool(value)
        elif key == "repeat_of":
            finding.repeat_of = repeat_link.earlier_label(session, finding.audit_id, value)
            if finding.repeat_of:
                finding.repeat_finding = True
        else:
            single = key in ("title", "sponsor_informed_to")
            limit = 500 if key == "title" else 200 if single else 100_000
            # None clears a text field; it is not the text "None".
            text = clean_text(
                "" if value is None else str(value),
                field=key.replace("_", " "),
                limit=limit,
                single_line=single,
            )
            setattr(finding, key, text.strip() if single else text)
    if (
        "classification" in changes
        and finding.capa_due_days is not None
        and not {"capa_due_days", "capa_due_date"} & set(changes)
    ):
        # A due date that follows the grade's rule follows a new grade too.
        finding.capa_due_days = default_due_days(session, finding.classification)
    if not finding.title:
        raise BadInput("a finding needs a title")
    if (
        grade(session, finding.classification).requires_impact
        and not (finding.impact or "").strip()
    ):
        raise BadInput(
            f"a {finding.classification} finding needs a stated impact on participants' rights, "
            "safety or data reliability"
        )


def add_finding(session: Session, audit: Audit, **fields: object) -> Finding:
    ensure_editable(audit)
    classification = str(fields.get("classification", ""))
    _check_classification(session, classification)
    if "capa_due_date" not in fields and "capa_due_days" not in fields:
        # Due dates count from the report's issue date, which is known only at signing.
        fields["capa_due_days"] = default_due_days(session, classification)
    audit.last_finding_number += 1
    finding = Finding(
        audit_id=audit.id,
        number=audit.last_finding_number,
        position=audit.last_finding_number,
        title="",
        classification=classification,
    )
    _apply(session, finding, fields)
    session.add(finding)
    session.flush()
    return finding


def update_finding(session: Session, audit: Audit, number: int, **changes: object) -> Finding:
    ensure_editable(audit)
    finding = get_finding(session, audit, number)
    _apply(session, finding, changes)
    session.flush()
    return finding


def delete_finding(session: Session, audit: Audit, number: int, *, reason: str) -> None:
    ensure_editable(audit)
    if not reason.strip():
        raise BadInput("deleting a finding needs a reason (it is kept in the audit trail)")
    finding = get_finding(session, audit, number)
    session.info["reason"] = reason.strip()
    # The database would cascade to the evidence links on its own, behind the trail's back:
    # delete them through the ORM so each removal is recorded.
    for link in session.scalars(select(EvidenceLink).where(EvidenceLink.finding_id == finding.id)):
        session.delete(link)
    for event in session.scalars(select(CapaEvent).where(CapaEvent.finding_id == finding.id)):
        session.delete(event)  # its CAPA follow-up, likewise on the record
    session.flush()
    session.delete(finding)
    session.flush()


def order(session: Session, audit: Audit) -> list[int]:
    """Finding numbers in report order (within a classification the report keeps this order)."""
    rows = session.execute(
        select(Finding.number)
        .where(Finding.audit_id == audit.id)
        .order_by(Finding.position, Finding.number)
    )
    return [number for (number,) in rows]


def reorder(session: Session, audit: Audit, numbers: list[int]) -> None:
    """Put the findings in the given order; numbers never change, only positions."""
    ensure_editable(audit)
    current = order(session, audit)
    if sorted(numbers) != sorted(current) or len(set(numbers)) != len(numbers):
        raise BadInput("the new order must list every finding of the audit exactly once")
    by_number = {
        f.number: f for f in session.scalars(select(Finding).where(Finding.audit_id == audit.id))
    }
    for position, number in enumerate(numbers, start=1):
        if by_number[number].position != position:
            by_number[number].position = position
    session.flush()


def moved(numbers: list[int], number: int, offset: int) -> list[int]:
    """The order with one finding moved up (negative offset) or down, clamped at the ends."""
    out = list(numbers)
    index = out.index(number)
    target = max(0, min(len(out) - 1, index + offset))
    out.insert(target, out.pop(index))
    return out


def get_finding(session: Session, audit: Audit, number: int) -> Finding:
    finding = session.scalar(
        select(Finding).where(Finding.audit_id == audit.id, Finding.number == number)
    )
    if finding is None:
        raise NotFound(f"audit {audit.reference} has no finding {number_label(number)}")
    return finding


def finding_references(finding: Finding) -> list[str]:
    return list(json.loads(finding.references_json or "[]"))


def finding_questions(finding: Finding) -> list[str]:
    return list(json.loads(finding.question_ids_json or "[]"))
