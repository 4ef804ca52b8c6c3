"""An audit's set-up details: read them as one plain record, create an audit from it, edit it later.

The set-up dialog edits an AuditDetails and hands it back; update_details writes only what
changed, so the trail shows the fields the auditor actually touched.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import audits, checklists, list_rows, snapshots
from auditapp.core import judgement as core_judgement
from auditapp.core.audit_details import AuditDetails, PersonEntry, StudyEntry, TeamEntry, validate
from auditapp.core.audits import ensure_editable
from auditapp.core.models import (
    Audit,
    AuditeeParticipant,
    AuditStatus,
    AuditStudy,
    Organisation,
    OrganisationKind,
    Study,
    TeamMember,
    User,
)
from auditapp.errors import BadInput, Refused


def auditors(session: Session) -> list[tuple[str, str]]:
    """(username, full name) of active accounts, for the lead auditor picker."""
    rows = session.scalars(select(User).where(User.active.is_(True)).order_by(User.full_name))
    return [(u.username, u.full_name) for u in rows]


def read_details(audit: Audit) -> AuditDetails:
    snapshot = audit.snapshot
    return AuditDetails(
        reference=audit.reference,
        title=audit.title,
        audit_type=audit.audit_type,
        sponsor_name=audit.sponsor.legal_name if audit.sponsor else "",
        sponsor_address=audit.sponsor.address if audit.sponsor else "",
        auditee_name=audit.auditee.legal_name if audit.auditee else "",
        auditee_address=audit.auditee.address if audit.auditee else "",
        locations=audit.locations or "",
        mode=audit.mode or "on_site",
        objectives=audit.objectives or "",
        scope=audit.scope or "",
        criteria_editions=audit.criteria_editions or "R2+R3",
        other_criteria=audit.other_criteria or "",
        planned_start=audit.planned_start,
        planned_end=audit.planned_end,
        actual_start=audit.actual_start,
        actual_end=audit.actual_end,
        lead_auditor=audit.lead_auditor.username if audit.lead_auditor else "",
        team=tuple(TeamEntry(m.name, m.role, m.qualification or "", m.id) for m in audit.team),
        participants=tuple(
            PersonEntry(
                p.name,
                p.function or "",
                bool(p.opening_meeting),
                bool(p.closing_meeting),
                bool(p.interviewed),
                p.id,
            )
            for p in audit.participants
        ),
        studies=tuple(
            StudyEntry(
                s.study.protocol_number, s.study.title or "", s.study.phase or "", s.study.id
            )
            for s in audit.studies
        ),
        checklist_id=snapshot.checklist_id if snapshot else "",
        area_ids=tuple(json.loads(snapshot.areas_in_scope)) if snapshot else (),
        language=audit.language,
        status=audit.status,
        judgement=core_judgement.read(audit),
    )


def _organisation(
    session: Session, current: Organisation | None, kind: OrganisationKind, name: str, address: str
) -> Organisation | None:
    if not name:
        return None
    if current is None:
        org = Organisation(kind=kind.value, legal_name=name, address=address)
        session.add(org)
        return org
    if current.legal_name != name:
        current.legal_name = name
    if current.address != address:
        current.address = address
    return current


def _set(row: object, key: str, value: object) -> None:
    if getattr(row, key) != value:
        setattr(row, key, value)


def _sync(
    rows: list[Any], entries: Sequence[Any], keys: tuple[str, ...], make: Callable[..., Any]
) -> None:
    """Make a child collection match the dialog's entries: drop, update in place, add.

    Only fields that really changed are set, so the trail records just those.
    """
    keep = {e.id for e in entries if e.id is not None}
    for row in list(rows):
        if row.id not in keep:
            rows.remove(row)
    by_id = {row.id: row for row in rows}
    for entry in entries:
        row = by_id.get(entry.id) if entry.id is not None else None
        if row is None:
            rows.append(make(**{key: getattr(entry, key) for key in keys}))
        else:
            for key in keys:
                _set(row, key, getattr(entry, key))


def _apply(session: Session, audit: Audit, d: AuditDetails) -> None:
    for key in (
        "title",
        "locations",
        "objectives",
        "scope",
        "other_criteria",
        "mode",
        "criteria_editions",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
        "language",
    ):
        _set(audit, key, getattr(d, key))
    _set(audit, "audit_type", audits.parse_audit_type(d.audit_type).value)
    core_judgement.apply(audit, d.judgement)
    sponsor = _organisation(
        session, audit.sponsor, OrganisationKind.SPONSOR, d.sponsor_name, d.sponsor_address
    )
    if audit.sponsor is not sponsor:
        audit.sponsor = sponsor
    auditee = _organisation(
        session, audit.auditee, OrganisationKind.CRO, d.auditee_name, d.auditee_address
    )
    if audit.auditee is not auditee:
        audit.auditee = auditee
    lead = None
    if d.lead_auditor:
        lead = session.scalar(select(User).where(User.username == d.lead_auditor))
        if lead is None:
            raise BadInput(f"no user named {d.lead_auditor!r} for lead auditor")
    if audit.lead_auditor is not lead:
        audit.lead_auditor = lead

    _sync(audit.team, d.team, ("name", "role", "qualification"), TeamMember)
    _sync(
        audit.participants,
        d.participants,
        ("name", "function", "opening_meeting", "closing_meeting", "interviewed"),
        AuditeeParticipant,
    )

    keep = {s.id for s in d.studies if s.id is not None}
    for link in list(audit.studies):
        if link.study_id not in keep:
            audit.studies.remove(link)
    linked = {link.study_id: link.study for link in audit.studies}
    for entry in d.studies:
        study = linked.get(entry.id) if entry.id is not None else None
        if study is None:
            study = Study(
                protocol_number=entry.protocol_number,
                title=entry.title,
                phase=entry.phase,
                sponsor_id=sponsor.id if sponsor else None,
            )
            session.add(study)
            session.flush()
            audit.studies.append(AuditStudy(study_id=study.id))
        else:
            _set(study, "protocol_number", entry.protocol_number)
            _set(study, "title", entry.title)
            _set(study, "phase", entry.phase)


def create_from_details(
    session: Session, details: AuditDetails, checklist: checklists.Checklist
) -> Audit:
    d = validate(details)
    audit = audits.create_audit(
        session,
        title=d.title,
        audit_type=d.audit_type,
        checklist=checklist,
        area_ids=list(d.area_ids) or None,
        reference=d.reference or None,
        language=d.language,
    )
    _apply(session, audit, d)
    session.flush()
    return audit


def update_details(session: Session, audit: Audit, details: AuditDetails) -> Audit:
    ensure_editable(audit)
    d = validate(details)
    if d.reference != audit.reference:
        if not audits.REFERENCE_PATTERN.match(d.reference):
            raise BadInput(f"reference {d.reference!r} must look like AUD-2026-007")
        if session.scalar(select(Audit).where(Audit.reference == d.reference)) is not None:
            raise BadInput(f"an audit with reference {d.reference} already exists")
        audit.reference = d.reference
    current = read_details(audit)
    if set(d.area_ids) != set(current.area_ids) or d.audit_type != current.audit_type:
        _retailor(session, audit, d)
    _apply(session, audit, d)
    session.flush()
    return audit


def _retailor(session: Session, audit: Audit, d: AuditDetails) -> None:
    """Change the areas in scope: re-cut the snapshot from the very same checklist version.

    Answers to questions that leave the scope stay stored (and come back if the area returns);
    a different checklist version would change past questions, so it is refused.
    """
    snapshot = audit.snapshot
    if snapshot is None:
        raise Refused(f"audit {audit.reference} has no checklist")
    source = next((c for c in checklists.library(session) if c.id == snapshot.checklist_id), None)
    if source is None or source.version != snapshot.checklist_version:
        raise Refused(
            f"the areas in scope cannot change: checklist {snapshot.checklist_id} version "
            f"{snapshot.checklist_version} is no longer available"
        )
    unknown = sorted(set(d.area_ids) - {a.id for a in source.areas})
    if unknown:
        raise BadInput(f"checklist {source.id} has no areas {', '.join(unknown)}")
    tailored = source.tailored(
        audit_type=audits.parse_audit_type(d.audit_type).value, area_ids=list(d.area_ids) or None
    )
    snapshot.content = snapshots.store(session, tailored)
    snapshot.sha256 = (
        snapshot.content.sha256
    )  # at once, not at the flush: the parse cache keys on it
    snapshot.areas_in_scope = json.dumps([a.id for a in tailored.areas])


STATUS_ORDER = list_rows.STATUS_ORDER


def set_status(session: Session, audit: Audit, status: str) -> Audit:
    if status not in STATUS_ORDER:
        raise BadInput(f"unknown status {status!r}; choose one of: {', '.join(STATUS_ORDER)}")
    ensure_editable(audit)
    if status in (AuditStatus.FINAL.value, AuditStatus.CLOSED.value):
        raise Refused("an audit becomes final when its report is signed, not by hand")
    if audit.status != status:
        audit.status = AuditStatus(status)
    session.flush()
    return audit
