"""Audits: set-up with a checklist snapshot, responses, status, and the list view's summary."""

from __future__ import annotations

import datetime as dt
import json
import re

from sqlalchemy import TextClause, select, text
from sqlalchemy.orm import Session

from auditapp.core import checklists, list_rows, snapshots
from auditapp.core.list_rows import AuditSummary as AuditSummary
from auditapp.core.models import (
    Audit,
    AuditStatus,
    AuditType,
    ChecklistSnapshot,
    Organisation,
    Response,
    ResponseResult,
    utcnow,
)
from auditapp.errors import BadInput, NotFound, Refused

REFERENCE_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{3,4}$")
MAX_TEXT = 100_000


def clean_text(value: str, *, field: str, limit: int = MAX_TEXT, single_line: bool = False) -> str:
    """Accept any Unicode a user can type; refuse control characters and absurd lengths."""
    if len(value) > limit:
        raise BadInput(f"{field} is too long ({len(value)} characters; limit {limit})")
    allowed = "" if single_line else "\n\t"
    bad = [c for c in value if (ord(c) < 32 and c not in allowed) or ord(c) == 127]
    if bad:
        raise BadInput(f"{field} contains control characters (e.g. U+{ord(bad[0]):04X})")
    return value.replace("\r\n", "\n")


def parse_audit_type(value: str) -> AuditType:
    try:
        return AuditType(value.strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        choices = ", ".join(t.value for t in AuditType)
        raise BadInput(f"unknown audit type {value!r}; choose one of: {choices}") from None


def propose_reference(session: Session, today: dt.date | None = None) -> str:
    year = (today or dt.date.today()).year
    prefix = f"AUD-{year}-"
    existing = session.scalars(select(Audit.reference).where(Audit.reference.like(prefix + "%")))
    numbers = [int(r[len(prefix) :]) for r in existing if r[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def get_audit(session: Session, reference: str) -> Audit:
    audit = session.scalar(select(Audit).where(Audit.reference == reference.strip().upper()))
    if audit is None:
        raise NotFound(f"no audit with reference {reference!r}")
    return audit


def ensure_editable(audit: Audit) -> None:
    if audit.locked:
        raise Refused(
            f"audit {audit.reference} is signed and locked; the lead auditor must reopen it "
            "with a reason before it can change"
        )


def create_audit(
    session: Session,
    *,
    title: str,
    audit_type: AuditType | str,
    checklist: checklists.Checklist,
    area_ids: list[str] | None = None,
    reference: str | None = None,
    sponsor: Organisation | None = None,
    auditee: Organisation | None = None,
    language: str = "en",
    **details: object,
) -> Audit:
    audit_type = audit_type if isinstance(audit_type, AuditType) else parse_audit_type(audit_type)
    reference = (reference or propose_reference(session)).strip().upper()
    if not REFERENCE_PATTERN.match(reference):
        raise BadInput(f"reference {reference!r} must look like AUD-2026-007")
    if session.scalar(select(Audit).where(Audit.reference == reference)) is not None:
        raise BadInput(f"an audit with reference {reference} already exists")
    if language not in checklists.LANGUAGES:
        raise BadInput(f"report language must be one of {', '.join(checklists.LANGUAGES)}")
    known_areas = {a.id for a in checklist.areas}
    unknown = sorted(set(area_ids or []) - known_areas)
    if unknown:
        raise BadInput(f"checklist {checklist.id} has no areas {', '.join(unknown)}")
    title = clean_text(title, field="title", limit=300, single_line=True).strip()
    if not title:
        raise BadInput("an audit needs a title")
    tailored = checklist.tailored(audit_type=audit_type.value, area_ids=area_ids)
    audit = Audit(
        reference=reference,
        title=title,
        audit_type=audit_type.value,
        sponsor=sponsor,
        auditee=auditee,
        language=language,
        status=AuditStatus.PLANNED.value,
        **details,
    )
    content = snapshots.store(session, tailored)
    audit.snapshot = ChecklistSnapshot(
        checklist_id=tailored.id,
        checklist_version=tailored.version,
        content=content,
        sha256=content.sha256,
        areas_in_scope=json.dumps([a.id for a in tailored.areas]),
    )
    session.add(audit)
    session.flush()
    return audit


# Parsed snapshots by content hash: the stored text never changes under its hash, and every
# answer checks its question against the checklist, so parsing 100 KB of JSON per click would
# be most of the cost of an edit.
_PARSED: dict[str, checklists.Checklist] = {}
_PARSED_LIMIT = 16


def audit_checklist(audit: Audit) -> checklists.Checklist:
    snapshot = audit.snapshot
    if snapshot is None:
        raise NotFound(f"audit {audit.reference} has no checklist")
    parsed = _PARSED.get(snapshot.sha256)
    if parsed is None:
        parsed = checklists.from_content(json.loads(snapshot.content_json), source="snapshot")
        if len(_PARSED) >= _PARSED_LIMIT:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[snapshot.sha256] = parsed
    return parsed


def set_response(
    session: Session,
    audit: Audit,
    question_id: str,
    *,
    result: ResponseResult | str | None,
    notes: str | None = None,
    actor: str = "",
) -> Response:
    ensure_editable(audit)
    audit_checklist(audit).question(question_id)
    if result is not None and not isinstance(result, ResponseResult):
        try:
            result = ResponseResult(result)
        except ValueError:
            choices = ", ".join(r.value for r in ResponseResult)
            raise BadInput(f"unknown answer {result!r}; choose one of: {choices}") from None
    response = session.scalar(
        select(Response).where(Response.audit_id == audit.id, Response.question_id == question_id)
    )
    if response is None:
        response = Response(audit_id=audit.id, question_id=question_id, notes="")
        session.add(response)
    response.result = result
    if notes is not None:
        response.notes = clean_text(notes, field="notes")
    response.answered_by = actor
    response.answered_at = utcnow()
    if audit.status == AuditStatus.PLANNED.value:
        audit.status = AuditStatus.IN_PROGRESS
    session.flush()
    return response


def responses_by_question(session: Session, audit: Audit) -> dict[str, Response]:
    rows = session.scalars(select(Response).where(Response.audit_id == audit.id))
    return {r.question_id: r for r in rows}


def summaries(session: Session) -> list[AuditSummary]:
    """Every audit's list line from one aggregate query: no checklist is parsed, no row loaded.

    The SQL lives in list_rows.py, which the window also runs on a raw connection at start-up."""
    connection = session.connection()
    return list_rows.summaries(lambda sql, params: connection.exec_driver_sql(sql, tuple(params)))


def summaries_query() -> TextClause:
    """The list's SQL as a statement (the benchmark runs it on a bare sqlite3 connection)."""
    return text(list_rows.SUMMARIES_SQL)
