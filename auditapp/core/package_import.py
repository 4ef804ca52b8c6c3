"""Rebuild a packaged audit through the same core functions the GUI uses.

The audit is created by setup.create_from_details, findings by findings.add_finding, answers by
audits.set_response, evidence by media.prepare_bytes + evidence.add_prepared, documents by
registers.add_document: every grade, status, text limit and numbering rule applies as if a user
typed it. What the GUI cannot set (issued report versions, the original trail) is checked
against its hashes (package_records.py). Any refusal raises, and the caller's transaction rolls
the whole import back.
"""

from __future__ import annotations

import hashlib
import itertools

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import (
    audit_details,
    audits,
    checklists,
    evidence,
    findings,
    media,
    registers,
    setup,
)
from auditapp.core.audits import clean_text
from auditapp.core.models import AuditStatus, EvidenceBlob, User
from auditapp.core.package_records import (
    MemberReader,
    Rebuilt,
    ReportCheck,
    import_reports,
    import_trail,
    set_lock,
    single_line,
)
from auditapp.core.package_schema import Reader, SchemaError


def _details(doc: Reader) -> audit_details.AuditDetails:
    a = doc.child("audit")
    assert a is not None
    sponsor, auditee = doc.child("sponsor", optional=True), doc.child("auditee", optional=True)
    return audit_details.AuditDetails(
        reference=a.text("reference", limit=40),
        title=a.text("title", limit=300),
        audit_type=a.text("audit_type", limit=40),
        sponsor_name=sponsor.text("legal_name", limit=300) if sponsor else "",
        sponsor_address=sponsor.text("address", limit=2000) if sponsor else "",
        auditee_name=auditee.text("legal_name", limit=300) if auditee else "",
        auditee_address=auditee.text("address", limit=2000) if auditee else "",
        locations=a.text("locations", limit=5000),
        mode=a.text("mode", limit=20),
        objectives=a.text("objectives"),
        scope=a.text("scope"),
        criteria_editions=a.text("criteria_editions", limit=10),
        other_criteria=a.text("other_criteria"),
        planned_start=a.date("planned_start"),
        planned_end=a.date("planned_end"),
        actual_start=a.date("actual_start"),
        actual_end=a.date("actual_end"),
        team=tuple(
            audit_details.TeamEntry(
                r.text("name", limit=200),
                r.text("role", limit=40),
                r.text("qualification", limit=5000),
            )
            for r in doc.rows("team")
        ),
        participants=tuple(
            audit_details.PersonEntry(
                r.text("name", limit=200),
                r.text("function", limit=200),
                r.flag("opening_meeting"),
                r.flag("closing_meeting"),
                r.flag("interviewed"),
            )
            for r in doc.rows("participants")
        ),
        studies=tuple(
            audit_details.StudyEntry(
                r.text("protocol_number", limit=100),
                r.text("title", limit=2000),
                r.text("phase", limit=20),
            )
            for r in doc.rows("studies")
        ),
        area_ids=tuple((doc.child("checklist") or doc).strings("areas_in_scope", limit=40)),
        language=a.text("language", limit=5),
    )


def _checklist(doc: Reader) -> tuple[checklists.Checklist, str]:
    c = doc.child("checklist")
    assert c is not None
    content = c.value.get("content")
    if not isinstance(content, dict):
        raise SchemaError("checklist.content: expected an object")
    checklist = checklists.validate_document(dict(content), source="package checklist")
    return checklist, c.digest("sha256")


def _increasing(rows: list[Reader], what: str, last: int) -> list[int]:
    numbers = [r.integer("number", low=1, high=100_000) for r in rows]
    if any(b <= a for a, b in itertools.pairwise(numbers)):
        raise SchemaError(f"{what} numbers repeat or are out of order")
    if numbers and numbers[-1] > last:
        raise SchemaError(f"{what} number {numbers[-1]} is above the audit's counter {last}")
    return numbers


def rebuild(
    session: Session,
    doc: Reader,
    read_member: MemberReader,
    *,
    actor: str,
    signer: str,
    check_report: ReportCheck | None,
) -> Rebuilt:
    a = doc.child("audit")
    assert a is not None
    details = _details(doc)
    checklist, snapshot_digest = _checklist(doc)
    audit = setup.create_from_details(session, details, checklist)
    if audit.snapshot is None or audit.snapshot.sha256 != snapshot_digest:
        raise SchemaError("the checklist snapshot does not match its SHA-256")
    result = Rebuilt(audit.reference)
    lead = doc.child("lead_auditor", optional=True)
    if lead is not None:
        # Accounts are not carried: link the lead auditor only to the same person's account here.
        user = session.scalar(select(User).where(User.username == lead.text("username", limit=64)))
        if user is not None and user.full_name == lead.text("full_name", limit=200):
            audit.lead_auditor = user

    for key, label, limit in (
        ("conclusion", "conclusion", 100_000),
        ("sampling", "sampling", 100_000),
        ("positive_observations", "positive observations", 100_000),
        ("distribution", "distribution", 100_000),
    ):
        setattr(audit, key, clean_text(a.text(key, limit=limit), field=label, limit=limit).strip())
    audit.issued_on = a.date("issued_on")
    audit.overall_rating = single_line(
        a.text("overall_rating", limit=40), field="overall rating", limit=40
    )
    for role, org in (("sponsor", audit.sponsor), ("auditee", audit.auditee)):
        source = doc.child(role, optional=True)
        if org is not None and source is not None:
            org.contact_name = single_line(
                source.text("contact_name", limit=200), field="contact", limit=200
            )
            org.contact_email = single_line(
                source.text("contact_email", limit=200), field="e-mail", limit=200
            )
    for study, row in zip(audit.studies, doc.rows("studies"), strict=False):
        study.study.indication = single_line(
            row.text("indication", limit=300), field="indication", limit=300
        )
    for row in doc.rows("documents"):
        registers.add_document(
            session,
            audit,
            title=row.text("title", limit=500),
            identifier=row.text("identifier", limit=100),
            version=row.text("version", limit=40),
            document_date=row.date("document_date"),
        )

    for row in doc.rows("responses"):
        response = audits.set_response(
            session,
            audit,
            row.text("question_id", limit=40),
            result=row.maybe_text("result", limit=40),
            notes=row.text("notes"),
            actor=single_line(row.text("answered_by", limit=64), field="answered by", limit=64),
        )
        response.answered_at = row.time("answered_at", optional=True)

    rows = doc.rows("findings")
    last_finding = a.integer("last_finding_number", high=100_000)
    for number, row in zip(_increasing(rows, "finding", last_finding), rows, strict=True):
        questions = row.strings("question_ids", limit=40)
        for question in questions:
            audits.audit_checklist(audit).question(question)
        audit.last_finding_number = number - 1
        try:
            status = row.text("status", limit=40)
            finding = findings.add_finding(
                session,
                audit,
                title=row.text("title", limit=500),
                classification=row.text("classification", limit=40),
                area=single_line(row.text("area", limit=40), field="area", limit=40),
                observation=row.text("observation"),
                impact=row.text("impact"),
                references=row.strings("references"),
                question_ids=questions,
                risk=row.text("risk"),
                recommendation=row.text("recommendation"),
                owner=row.text("owner", limit=200),
                auditee_response=row.text("auditee_response"),
                status=status,
                repeat_finding=row.flag("repeat_finding"),
                **_due_and_escalation(row),
            )
        except ValueError as exc:  # an unknown finding status
            raise SchemaError(f"{row.where}: {exc}") from None
        finding.position = row.integer("position", high=100_000)
        finding.created_at = row.time("created_at")
    audit.last_finding_number = last_finding
    result.findings = len(rows)
    by_number = {f.number: f for f in audit.findings}

    rows = doc.rows("evidence")
    last_evidence = a.integer("last_evidence_number", high=100_000)
    for number, row in zip(_increasing(rows, "evidence", last_evidence), rows, strict=True):
        digest = row.digest("sha256")
        prepared = media.prepare_bytes(
            read_member(f"evidence/{digest}"), file_name=row.text("file_name", limit=300)
        )
        if prepared.sha256 != digest:
            raise SchemaError(f"{row.where}: original does not match its SHA-256")
        audit.last_evidence_number = number - 1
        item = evidence.add_prepared(
            session,
            audit,
            prepared,
            actor=single_line(row.text("imported_by", limit=64), field="imported by", limit=64),
            caption=row.text("caption", limit=evidence.MAX_CAPTION),
            confidential=row.flag("confidential"),
        )
        item.removed = row.flag("removed")
        item.imported_at = row.time("imported_at")
        links = row.child("links")
        assert links is not None
        for finding_number in links.numbers("findings"):
            if finding_number not in by_number:
                raise SchemaError(
                    f"{row.where}: linked to a finding F-{finding_number:02d} not in the package"
                )
            evidence.link(session, audit, number, evidence.Target(finding=finding_number))
        for question in links.strings("questions", limit=40):
            evidence.link(session, audit, number, evidence.Target(question=question))
        if prepared.active_content:
            result.warnings.append(
                f"{evidence.label(number)} {prepared.file_name} contains active "
                f"content ({prepared.active_content}); flagged in the gallery"
            )
        # The session would keep every original until commit: let go of each once written.
        session.flush()
        blob = session.get(EvidenceBlob, digest)
        if blob is not None:
            session.expunge(blob)
        del prepared
    audit.last_evidence_number = last_evidence
    result.evidence = len(rows)

    status = a.text("status", limit=20)
    final = status in (AuditStatus.FINAL.value, AuditStatus.CLOSED.value)
    if not final:
        setup.set_status(session, audit, status)  # before the reports: they lock the audit
    import_reports(session, audit, doc, read_member, check_report, result)
    import_trail(session, audit, doc, read_member, signer, result)
    audit.created_at = a.time("created_at")
    session.flush()
    set_lock(audit, a, status if final else None, result)  # last: a locked audit takes no change
    session.flush()
    return result


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _due_and_escalation(row: Reader) -> dict[str, object]:
    """The CAPA due rule and a critical finding's escalation record (absent in older format-2
    packages, which carried a due date only)."""
    due = row.date("capa_due_date")
    fields: dict[str, object] = {"capa_due_date": due}
    days = row.value.get("capa_due_days")
    if days is not None:
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 3650:
            raise SchemaError(f"{row.where}.capa_due_days: expected a number of days (1-3650)")
        if due is None:
            fields = {"capa_due_days": days}
    fields.update(
        sponsor_informed_on=row.date("sponsor_informed_on"),
        sponsor_informed_to=row.text("sponsor_informed_to", limit=300, optional=True),
        breach_assessment=row.text("breach_assessment", limit=40, optional=True),
        breach_note=row.text("breach_note", optional=True),
    )
    return fields
