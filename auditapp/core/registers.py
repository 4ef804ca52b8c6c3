"""The audit's registers: documents reviewed, auditee participants (persons interviewed), team.

Each function is one small edit the GUI commits in its own session; every value is checked the
same way as anywhere else (clean_text), and a refused value changes nothing.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core.audits import clean_text, ensure_editable
from auditapp.core.models import Audit, AuditeeParticipant, DocumentReviewed, TeamMember
from auditapp.errors import BadInput, NotFound

EARLIEST = dt.date(1950, 1, 1)
LATEST = dt.date(2100, 12, 31)

# field -> (label for messages, length limit); None = a flag, "date" = a date
_DOCUMENT_FIELDS: dict[str, tuple[str, int | str]] = {
    "title": ("document title", 500),
    "identifier": ("document identifier", 100),
    "version": ("document version", 40),
    "document_date": ("document date", "date"),
}
_PARTICIPANT_FIELDS: dict[str, tuple[str, int | str]] = {
    "name": ("name", 200),
    "function": ("function", 200),
    "opening_meeting": ("opening meeting", "flag"),
    "closing_meeting": ("closing meeting", "flag"),
    "interviewed": ("interviewed", "flag"),
}
_TEAM_FIELDS: dict[str, tuple[str, int | str]] = {
    "name": ("name", 200),
    "role": ("role", 40),
    "qualification": ("qualification", 5000),
}
TEAM_ROLES = ("lead", "co_auditor", "expert", "trainee", "observer")


def parse_date(value: object, *, field: str) -> dt.date | None:
    """A date from a date or ISO text; refuses absurd years instead of storing them."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise BadInput(f"{field}: {value!r} is not a date (use YYYY-MM-DD)") from None
    if not isinstance(value, dt.date):
        raise BadInput(f"{field} must be a date")
    if not EARLIEST <= value <= LATEST:
        raise BadInput(
            f"{field} {value.isoformat()} is out of range ({EARLIEST.year}-{LATEST.year})"
        )
    return value


def _clean(spec: dict[str, tuple[str, int | str]], key: str, value: object) -> object:
    if key not in spec:
        raise BadInput(f"unknown field {key!r}")
    label, kind = spec[key]
    if kind == "date":
        return parse_date(value, field=label)
    if kind == "flag":
        return bool(value)
    assert isinstance(kind, int)
    single_line = kind <= 500
    text = clean_text(str(value), field=label, limit=kind, single_line=single_line)
    return " ".join(text.split()) if single_line else text.strip()


def _apply(
    row: object, spec: dict[str, tuple[str, int | str]], changes: dict[str, object], required: str
) -> None:
    cleaned = {key: _clean(spec, key, value) for key, value in changes.items()}
    merged = {required: getattr(row, required), **cleaned}
    if not merged[required]:
        raise BadInput(f"{spec[required][0]} must not be empty")
    for key, value in cleaned.items():
        if getattr(row, key) != value:
            setattr(row, key, value)


def _owned(session: Session, model: type, audit: Audit, row_id: int) -> object:
    row = session.scalar(select(model).where(model.id == row_id, model.audit_id == audit.id))  # type: ignore[attr-defined]
    if row is None:
        raise NotFound(f"audit {audit.reference} has no {model.__tablename__} {row_id}")  # type: ignore[attr-defined]
    return row


# --- documents reviewed ------------------------------------------------------------------------


def add_document(session: Session, audit: Audit, **fields: object) -> DocumentReviewed:
    ensure_editable(audit)
    doc = DocumentReviewed(audit_id=audit.id, title="", identifier="", version="")
    _apply(doc, _DOCUMENT_FIELDS, fields, "title")
    session.add(doc)
    session.flush()
    return doc


def update_document(
    session: Session, audit: Audit, doc_id: int, **changes: object
) -> DocumentReviewed:
    ensure_editable(audit)
    doc = _owned(session, DocumentReviewed, audit, doc_id)
    assert isinstance(doc, DocumentReviewed)
    _apply(doc, _DOCUMENT_FIELDS, changes, "title")
    session.flush()
    return doc


def delete_document(session: Session, audit: Audit, doc_id: int) -> None:
    ensure_editable(audit)
    session.delete(_owned(session, DocumentReviewed, audit, doc_id))
    session.flush()


# --- auditee participants / persons interviewed -------------------------------------------------


def add_participant(session: Session, audit: Audit, **fields: object) -> AuditeeParticipant:
    ensure_editable(audit)
    person = AuditeeParticipant(audit_id=audit.id, name="", function="")
    _apply(person, _PARTICIPANT_FIELDS, fields, "name")
    session.add(person)
    session.flush()
    return person


def update_participant(
    session: Session, audit: Audit, person_id: int, **changes: object
) -> AuditeeParticipant:
    ensure_editable(audit)
    person = _owned(session, AuditeeParticipant, audit, person_id)
    assert isinstance(person, AuditeeParticipant)
    _apply(person, _PARTICIPANT_FIELDS, changes, "name")
    session.flush()
    return person


def delete_participant(session: Session, audit: Audit, person_id: int) -> None:
    ensure_editable(audit)
    session.delete(_owned(session, AuditeeParticipant, audit, person_id))
    session.flush()


# --- audit team --------------------------------------------------------------------------------


def add_team_member(session: Session, audit: Audit, **fields: object) -> TeamMember:
    ensure_editable(audit)
    role = str(fields.get("role", "co_auditor"))
    if role not in TEAM_ROLES:
        raise BadInput(f"team role must be one of {', '.join(TEAM_ROLES)}")
    member = TeamMember(audit_id=audit.id, name="", role=role, qualification="")
    _apply(member, _TEAM_FIELDS, fields, "name")
    session.add(member)
    session.flush()
    return member


def update_team_member(
    session: Session, audit: Audit, member_id: int, **changes: object
) -> TeamMember:
    ensure_editable(audit)
    if "role" in changes and changes["role"] not in TEAM_ROLES:
        raise BadInput(f"team role must be one of {', '.join(TEAM_ROLES)}")
    member = _owned(session, TeamMember, audit, member_id)
    assert isinstance(member, TeamMember)
    _apply(member, _TEAM_FIELDS, changes, "name")
    session.flush()
    return member


def delete_team_member(session: Session, audit: Audit, member_id: int) -> None:
    ensure_editable(audit)
    session.delete(_owned(session, TeamMember, audit, member_id))
    session.flush()
