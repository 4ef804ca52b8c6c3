"""The package's own schema (format 2): explicit fields, independent of the ORM's columns.

``audit.json`` holds one document built here field by field; a column added to the database does
not travel until it is named here, and the format version says which fields a reader may expect.
Reading checks each value's type and size (``Reader``); the meaning of the values (grades,
statuses, numbering, text rules) is checked by the same core functions the GUI calls, in
package_import.py.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from auditapp.core import evidence as evidence_mod
from auditapp.core.models import (
    Audit,
    Evidence,
    EvidenceLink,
    Organisation,
    ReportVersion,
    Signature,
)
from auditapp.core.trail_format import hex_of
from auditapp.core.trail_query import audit_rows
from auditapp.errors import Refused

FORMAT = "auditapp-package"
FORMAT_VERSION = 3
SUPPORTED_VERSIONS = (2, 3)

AUDIT_FIELDS = (
    "reference",
    "title",
    "audit_type",
    "mode",
    "locations",
    "objectives",
    "scope",
    "criteria_editions",
    "other_criteria",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "language",
    "status",
    "conclusion",
    "overall_rating",
    "sampling",
    "positive_observations",
    "distribution",
    "report_version",
    "last_finding_number",
    "last_evidence_number",
    "created_at",
    "locked",
    "issued_on",
)
ORGANISATION_FIELDS = ("legal_name", "address", "contact_name", "contact_email")
FINDING_FIELDS = (
    "number",
    "position",
    "title",
    "classification",
    "area",
    "observation",
    "impact",
    "risk",
    "recommendation",
    "capa_due_date",
    "owner",
    "auditee_response",
    "status",
    "repeat_finding",
    "created_at",
    "capa_due_days",
    "sponsor_informed_on",
    "sponsor_informed_to",
    "breach_assessment",
    "breach_note",
)
EVIDENCE_FIELDS = (
    "number",
    "sha256",
    "size",
    "file_name",
    "caption",
    "confidential",
    "removed",
    "imported_at",
    "imported_by",
)
REPORT_FIELDS = (
    "version",
    "format",
    "language",
    "sha256",
    "trail_head",
    "created_at",
    "created_by",
    "reopen_reason",
)
SIGNATURE_FIELDS = (
    "printed_name",
    "role",
    "meaning",
    "signed_at",
    "utc_offset",
    "signed_sha256",
    "certificate_sha256",
)
# Format 3 carries the compact trail rows (trail_format.py) with the hash of the row before each
# in the exporting database; format 2 carried one row per field.
TRAIL_FIELDS = (
    "seq",
    "at",
    "user",
    "action",
    "entity",
    "entity_id",
    "changes",
    "reason",
    "prev_hash",
    "hash",
)
LEGACY_TRAIL_FIELDS = (
    "seq",
    "at",
    "user",
    "action",
    "entity",
    "entity_id",
    "field",
    "old_value",
    "new_value",
    "reason",
    "prev_hash",
    "hash",
)

# Caps on counts, so a package cannot ask for a million findings.
MAX_ROWS = {
    "findings": 2_000,
    "evidence": 5_000,
    "responses": 5_000,
    "team": 200,
    "participants": 500,
    "documents": 2_000,
    "studies": 100,
    "report_versions": 500,
    "trail": 1_000_000,
}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _pick(row: object, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: _plain(getattr(row, name)) for name in fields}


def _organisation(org: Organisation | None) -> dict[str, Any] | None:
    return None if org is None else _pick(org, ORGANISATION_FIELDS)


def audit_document(session: Session, audit: Audit) -> dict[str, Any]:
    """Everything of one audit except the bytes of evidence and reports (members of their own)."""
    snapshot = audit.snapshot
    if snapshot is None:
        raise Refused(f"audit {audit.reference} has no checklist; nothing to export")
    evidence = list(
        session.scalars(
            select(Evidence).where(Evidence.audit_id == audit.id).order_by(Evidence.number)
        )
    )
    finding_numbers = {f.id: f.number for f in audit.findings}
    links: dict[int, dict[str, list[Any]]] = {
        e.id: {"findings": [], "questions": []} for e in evidence
    }
    for link in session.scalars(
        select(EvidenceLink).where(EvidenceLink.evidence_id.in_(list(links)))
    ):
        if link.finding_id is not None:
            links[link.evidence_id]["findings"].append(finding_numbers[link.finding_id])
        if link.question_id is not None:
            links[link.evidence_id]["questions"].append(link.question_id)
    reports = list(
        session.scalars(
            select(ReportVersion)
            .where(ReportVersion.audit_id == audit.id)
            .order_by(ReportVersion.id)
        )
    )
    return {
        "audit": _pick(audit, AUDIT_FIELDS),
        "lead_auditor": (
            {"username": audit.lead_auditor.username, "full_name": audit.lead_auditor.full_name}
            if audit.lead_auditor
            else None
        ),
        "sponsor": _organisation(audit.sponsor),
        "auditee": _organisation(audit.auditee),
        "studies": [
            _pick(link.study, ("protocol_number", "title", "phase", "indication"))
            for link in audit.studies
        ],
        "team": [_pick(m, ("name", "role", "qualification")) for m in audit.team],
        "participants": [
            _pick(p, ("name", "function", "opening_meeting", "closing_meeting", "interviewed"))
            for p in audit.participants
        ],
        "documents": [
            _pick(d, ("title", "identifier", "version", "document_date")) for d in audit.documents
        ],
        "checklist": {
            "checklist_id": snapshot.checklist_id,
            "checklist_version": snapshot.checklist_version,
            "sha256": snapshot.sha256,
            "areas_in_scope": json.loads(snapshot.areas_in_scope),
            "content": json.loads(snapshot.content_json),
        },
        "responses": [
            _pick(r, ("question_id", "result", "notes", "answered_by", "answered_at"))
            for r in sorted(audit.responses, key=lambda r: r.question_id)
        ],
        "findings": [
            _pick(f, FINDING_FIELDS)
            | {
                "references": json.loads(f.references_json),
                "question_ids": json.loads(f.question_ids_json),
            }
            for f in sorted(audit.findings, key=lambda f: f.number)
        ],
        "evidence": [_pick(e, EVIDENCE_FIELDS) | {"links": links[e.id]} for e in evidence],
        "report_versions": [
            _pick(r, REPORT_FIELDS)
            | {
                "signatures": [
                    _pick(s, SIGNATURE_FIELDS)
                    for s in session.scalars(
                        select(Signature)
                        .where(Signature.report_version_id == r.id)
                        .order_by(Signature.id)
                    )
                ]
            }
            for r in reports
        ],
    }


def trail_document(session: Session, audit: Audit) -> list[dict[str, Any]]:
    """The audit's trail rows as stored, each with the hash of the row before it in this
    database (its chain link), so the importer can check every row's hash on its own."""
    connection = session.connection()
    out = []
    for row in audit_rows(session, audit.id):
        before = connection.execute(
            text("SELECT hash FROM trail_entry WHERE id < :id ORDER BY id DESC LIMIT 1"),
            {"id": row["id"]},
        ).scalar()
        out.append(
            {
                "seq": row["id"],
                "at": row["at"],
                "user": row["user"],
                "action": row["action"],
                "entity": row["entity"],
                "entity_id": row["entity_id"],
                "changes": row["changes"],
                "reason": row["reason"],
                "prev_hash": hex_of(before),
                "hash": hex_of(row["hash"]),
            }
        )
    return out


def evidence_originals(session: Session, audit: Audit) -> list[tuple[str, Evidence]]:
    items = session.scalars(
        select(Evidence).where(Evidence.audit_id == audit.id).order_by(Evidence.number)
    )
    return [(e.sha256, e) for e in items]


def original_of(session: Session, item: Evidence) -> bytes:
    return evidence_mod.original_bytes(session, item)


# --- reading: types and sizes --------------------------------------------------------------------


class SchemaError(ValueError):
    """A value of the wrong type or size; the message names where."""


class Reader:
    """Typed access to one JSON object of the package, naming the path in every refusal."""

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise SchemaError(f"{where}: expected an object")
        self.value, self.where = value, where

    def _get(self, key: str) -> Any:
        if key not in self.value:
            raise SchemaError(f"{self.where}.{key}: missing")
        return self.value[key]

    def text(self, key: str, *, limit: int = 100_000, optional: bool = False) -> str:
        value = self.value.get(key) if optional else self._get(key)
        if value is None and optional:
            return ""
        if not isinstance(value, str):
            raise SchemaError(f"{self.where}.{key}: expected text")
        if len(value) > limit:
            raise SchemaError(f"{self.where}.{key}: {len(value)} characters (limit {limit})")
        return value

    def maybe_text(self, key: str, *, limit: int = 100_000) -> str | None:
        return None if self.value.get(key) is None else self.text(key, limit=limit)

    def integer(self, key: str, *, low: int = 0, high: int = 10_000_000) -> int:
        value = self._get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise SchemaError(f"{self.where}.{key}: expected a whole number from {low} to {high}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise SchemaError(f"{self.where}.{key}: expected true or false")
        return value

    def date(self, key: str) -> dt.date | None:
        value = self.value.get(key)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(self.text(key, limit=10))
        except ValueError:
            raise SchemaError(f"{self.where}.{key}: not a date") from None

    def time(self, key: str, *, optional: bool = False) -> dt.datetime | None:
        value = self.value.get(key)
        if value is None and optional:
            return None
        try:
            parsed = dt.datetime.fromisoformat(self.text(key, limit=40))
        except ValueError:
            raise SchemaError(f"{self.where}.{key}: not a time") from None
        if parsed.tzinfo is None:
            raise SchemaError(f"{self.where}.{key}: time without zone")
        return parsed

    def digest(self, key: str) -> str:
        value = self.text(key, limit=64)
        if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
            raise SchemaError(f"{self.where}.{key}: not a SHA-256 digest")
        return value

    def strings(self, key: str, *, limit: int = 500, count: int = 1000) -> list[str]:
        value = self._get(key)
        if (
            not isinstance(value, list)
            or len(value) > count
            or not all(isinstance(v, str) and len(v) <= limit for v in value)
        ):
            raise SchemaError(f"{self.where}.{key}: expected a list of short texts")
        return value

    def numbers(self, key: str) -> list[int]:
        value = self._get(key)
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) and 0 < v < 100_000 for v in value
        ):
            raise SchemaError(f"{self.where}.{key}: expected a list of numbers")
        return value

    def child(self, key: str, *, optional: bool = False) -> Reader | None:
        value = self.value.get(key) if optional else self._get(key)
        if value is None and optional:
            return None
        return Reader(value, f"{self.where}.{key}")

    def rows(self, key: str) -> list[Reader]:
        value = self._get(key)
        if not isinstance(value, list):
            raise SchemaError(f"{self.where}.{key}: expected a list")
        if len(value) > MAX_ROWS.get(key, 10_000):
            raise SchemaError(f"{self.where}.{key}: {len(value)} rows (limit {MAX_ROWS.get(key)})")
        return [Reader(item, f"{self.where}.{key}[{i}]") for i, item in enumerate(value)]
