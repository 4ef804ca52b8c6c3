"""One audit's part of the audit trail, for the trail view: who changed what and when.

Trail entries name a table and a row id; rows of an audit's child tables are found by the
"audit_id" value recorded when they were inserted, so deleted rows still show up.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import RowMapping, and_, func, or_, select
from sqlalchemy.orm import Session

from auditapp.core.findings import number_label
from auditapp.core.models import CarriedTrailEntry, TrailEntry
from auditapp.core.trail_format import Line, expand_all, fields_of

CHILD_TABLES = (
    "audit_study",
    "team_member",
    "auditee_participant",
    "document_reviewed",
    "checklist_snapshot",
    "response",
    "finding",
    "evidence",
    "report_version",
)
# The field whose value names a row for people (F-03, ORG-01, the document title...).
_NAMING_FIELD = {
    "audit": "reference",
    "finding": "number",
    "response": "question_id",
    "document_reviewed": "title",
    "auditee_participant": "name",
    "team_member": "name",
    "evidence": "file_name",
}

# Row ids, parent links and global ids say nothing to an auditor; the entries stay in the trail.
_PLUMBING = frozenset({"id", "audit_id", "uid"})


@dataclass(frozen=True)
class TrailRow:
    at: dt.datetime
    user: str
    action: str
    entity: str
    entity_id: str
    subject: str  # e.g. "finding F-03", "response ORG-01"
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str


def audit_entries(session: Session, audit_id: int) -> list[Line]:
    """The trail of one audit and its child rows, oldest first, one line per field (each stored
    row holds all the fields of one change: trail_format.expand)."""
    return expand_all(audit_rows(session, audit_id))


def audit_rows(session: Session, audit_id: int) -> list[RowMapping]:
    """The stored trail rows of one audit and its child rows, oldest first."""
    own = str(audit_id)
    inserts = session.execute(
        select(TrailEntry.entity, TrailEntry.entity_id).where(
            TrailEntry.action == "insert",
            TrailEntry.entity.in_(CHILD_TABLES),
            func.json_extract(TrailEntry.changes, "$.audit_id") == own,
        )
    ).all()
    ids: dict[str, set[str]] = {}
    for entity, entity_id in inserts:
        ids.setdefault(entity, set()).add(entity_id)
    clauses = [and_(TrailEntry.entity == "audit", TrailEntry.entity_id == own)]
    clauses += [
        and_(TrailEntry.entity == entity, TrailEntry.entity_id.in_(sorted(members)))
        for entity, members in ids.items()
    ]
    table = TrailEntry.__table__
    return list(session.execute(select(table).where(or_(*clauses)).order_by(table.c.id)).mappings())


def audit_trail(session: Session, audit_id: int) -> list[TrailRow]:
    """Newest first; an imported audit's original trail (carried by its package) follows its
    trail here, each of those rows marked with the package it came in."""
    carried = list(
        session.scalars(
            select(CarriedTrailEntry)
            .where(CarriedTrailEntry.audit_id == audit_id)
            .order_by(CarriedTrailEntry.seq)
        )
    )
    signer = carried[0].package_signer if carried else ""
    rows = _rows(audit_entries(session, audit_id))
    if carried:
        origin = f"[before import; package signed by {signer}]"
        rows += _rows(carried_lines(carried), origin=origin)
    return rows


def carried_lines(carried: Sequence[CarriedTrailEntry]) -> list[Line]:
    """Carried rows, one line per field: compact rows (packages from schema 0011 on) are
    expanded, per-field rows of older packages are already lines."""
    lines: list[Line] = []
    for e in carried:
        if e.changes is not None:
            lines += [
                Line(
                    e.seq,
                    e.at,
                    e.user,
                    e.action,
                    e.entity,
                    e.entity_id,
                    field,
                    old,
                    new,
                    e.reason or "",
                    e.hash,
                )
                for field, old, new in fields_of(e.action, e.changes)
            ]
        else:
            lines.append(
                Line(
                    e.seq,
                    e.at,
                    e.user,
                    e.action,
                    e.entity,
                    e.entity_id,
                    e.field,
                    e.old_value,
                    e.new_value,
                    e.reason or "",
                    e.hash,
                )
            )
    return lines


def _rows(entries: Sequence[Line], *, origin: str = "") -> list[TrailRow]:
    """Trail rows, newest first, from entries oldest first (row ids name rows of one database)."""
    names: dict[tuple[str, str], str] = {}
    for e in entries:
        if e.field == _NAMING_FIELD.get(e.entity) and e.new_value is not None:
            value = e.new_value
            if e.entity == "finding" and value.isdigit():
                value = number_label(int(value))
            names[(e.entity, e.entity_id)] = value[:60]
        elif e.action == "delete" and e.old_value:
            field = _NAMING_FIELD.get(e.entity)
            try:
                old = json.loads(e.old_value)
            except ValueError:
                continue
            if field and (e.entity, e.entity_id) not in names and field in old:
                names[(e.entity, e.entity_id)] = str(old[field])[:60]

    rows = []
    for e in reversed(entries):
        if e.action == "insert" and e.field in _PLUMBING:
            continue
        label = e.entity.replace("_", " ")
        name = names.get((e.entity, e.entity_id))
        reason = " ".join(part for part in (e.reason or "", origin) if part)
        rows.append(
            TrailRow(
                at=dt.datetime.fromisoformat(e.at),
                user=e.user,
                action=e.action,
                entity=e.entity,
                entity_id=e.entity_id,
                subject=f"{label} {name}" if name else f"{label} #{e.entity_id}",
                field=e.field,
                old_value=e.old_value,
                new_value=e.new_value,
                reason=reason,
            )
        )
    return rows
