"""The records that travel between an audit's working copies, as plain field values.

Every travelling record is named by a key that is the same in every copy: its ``uid`` (a UUID
given when its audit is first handed out, or at creation once the audit is shared: team_uids.py),
except answers, which are named by their question (one answer per question in an audit, whoever
gives it). Values are the trail's text form (trail.serialize), so that the
three-way merge compares like with like and a package carries them as JSON strings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import trail
from auditapp.core.models import (
    Audit,
    AuditeeParticipant,
    DocumentReviewed,
    Evidence,
    EvidenceLink,
    Finding,
    Response,
    TeamMember,
)
from auditapp.core.team_uids import new_uid
from auditapp.core.trail_query import audit_trail

# kind -> (model, the fields merged field by field)
KINDS: dict[str, tuple[type, tuple[str, ...]]] = {
    "audit": (
        Audit,
        (
            "conclusion",
            "sampling",
            "positive_observations",
            "distribution",
            "overall_rating",
            "actual_start",
            "actual_end",
        ),
    ),
    "response": (Response, ("result", "notes", "answered_by", "answered_at")),
    "finding": (
        Finding,
        (
            "title",
            "classification",
            "area",
            "observation",
            "impact",
            "references_json",
            "question_ids_json",
            "risk",
            "recommendation",
            "capa_due_date",
            "capa_due_days",
            "owner",
            "status",
            "repeat_finding",
            "sponsor_informed_on",
            "sponsor_informed_to",
            "breach_assessment",
            "breach_note",
        ),
    ),
    "evidence": (Evidence, ("caption", "confidential", "removed")),
    "evidence_link": (EvidenceLink, ("evidence", "finding", "question_id")),
    "document_reviewed": (DocumentReviewed, ("title", "identifier", "version", "document_date")),
    "auditee_participant": (
        AuditeeParticipant,
        ("name", "function", "opening_meeting", "closing_meeting", "interviewed"),
    ),
    "team_member": (TeamMember, ("name", "role", "qualification")),
}
# Created in this order (a link needs its evidence and finding first), deleted in reverse.
ORDER = (
    "audit",
    "document_reviewed",
    "auditee_participant",
    "team_member",
    "response",
    "finding",
    "evidence",
    "evidence_link",
)
# Fields that only describe a new record (never merged): numbers are the lead's to give.
EXTRA = {
    "finding": ("number", "created_at"),
    "evidence": ("number", "sha256", "file_name", "imported_by", "imported_at"),
}

Records = dict[str, dict[str, dict[str, str | None]]]  # kind -> key -> field -> value


@dataclass(frozen=True)
class Change:
    """Who last changed one field in a copy, and when (from that copy's trail)."""

    user: str
    at: str


def _rows(session: Session, audit: Audit, kind: str) -> list[Any]:
    model = KINDS[kind][0]
    if kind == "audit":
        return [audit]
    if kind == "evidence_link":
        return list(
            session.scalars(
                select(EvidenceLink)
                .join(Evidence, Evidence.id == EvidenceLink.evidence_id)
                .where(Evidence.audit_id == audit.id)
                .order_by(EvidenceLink.id)
            )
        )
    return list(
        session.scalars(
            select(model)
            .where(model.audit_id == audit.id)  # type: ignore[attr-defined]
            .order_by(model.id)  # type: ignore[attr-defined]
        )
    )


def ensure_uids(session: Session, audit: Audit) -> None:
    """Give the audit and every travelling record without one its id, through the ORM so that the
    trail records each (at the first hand out; rows of older versions at any later one)."""
    for kind in ORDER:
        if kind == "response":  # named by its question
            continue
        for row in _rows(session, audit, kind):
            if row.uid is None:
                row.uid = new_uid()
    session.flush()


def key_of(kind: str, row: Any) -> str:
    return str(row.question_id if kind == "response" else row.uid)


def snapshot(session: Session, audit: Audit) -> Records:
    """Every travelling record of the audit, by kind and key."""
    ensure_uids(session, audit)
    evidence_uid = {e.id: e.uid for e in _rows(session, audit, "evidence")}
    finding_uid = {f.id: f.uid for f in _rows(session, audit, "finding")}
    records: Records = {}
    for kind in ORDER:
        fields = KINDS[kind][1] + EXTRA.get(kind, ())
        out: dict[str, dict[str, str | None]] = {}
        for row in _rows(session, audit, kind):
            if kind == "evidence_link":
                values = {
                    "evidence": evidence_uid.get(row.evidence_id),
                    "finding": finding_uid.get(row.finding_id),
                    "question_id": row.question_id,
                }
            else:
                values = {name: trail.serialize(getattr(row, name)) for name in fields}
            out["audit" if kind == "audit" else key_of(kind, row)] = values
        records[kind] = out
    return records


def provenance(session: Session, audit: Audit) -> dict[tuple[str, str, str], Change]:
    """(kind, key, field) -> the newest change of that field in this copy's trail."""
    keys: dict[tuple[str, str], tuple[str, str]] = {("audit", str(audit.id)): ("audit", "audit")}
    for kind in ORDER[1:]:
        for row in _rows(session, audit, kind):
            keys[(kind, str(row.id))] = (kind, key_of(kind, row))
    found: dict[tuple[str, str, str], Change] = {}
    for row in audit_trail(session, audit.id):  # newest first
        named = keys.get((row.entity, row.entity_id))
        if named is None or row.field is None:
            continue
        field = {"evidence_id": "evidence", "finding_id": "finding"}.get(row.field, row.field)
        found.setdefault(
            (named[0], named[1], field),
            Change(row.user, row.at.astimezone(dt.UTC).isoformat(timespec="seconds")),
        )
    return found


def python_value(kind: str, field: str, text: str | None) -> Any:
    """A value of the trail's text form back as what the column holds."""
    if text is None:
        return None
    column = KINDS[kind][0].__table__.columns.get(field)  # type: ignore[attr-defined]
    kind_name = type(column.type).__name__ if column is not None else "String"
    if kind_name == "Boolean":
        return text == "true"
    if kind_name == "Integer":
        return int(text)
    if kind_name == "Date":
        return dt.date.fromisoformat(text)
    if kind_name == "UTCDateTime":
        parsed = dt.datetime.fromisoformat(text)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    return text
