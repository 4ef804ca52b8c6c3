"""A realistic sample: a vendor qualification audit of a fictional CRO, ready to report and sign."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import audits, checklists, findings, users
from auditapp.core.db import Database
from auditapp.core.demo_findings import FINDINGS, NOT_APPLICABLE, RESULT_FOR, concerned_question
from auditapp.core.models import (
    AuditeeParticipant,
    AuditStatus,
    AuditStudy,
    AuditType,
    DocumentReviewed,
    Organisation,
    OrganisationKind,
    ResponseResult,
    Role,
    Study,
    TeamMember,
    User,
)

DEMO_PASSWORD = "demo-password-1"
DEMO_CHECKLIST = "cro-gcp-audit"
DEMO_AREAS = ["ORG", "TRN", "QMS", "VEN", "CSV", "SAF"]
DEMO_START = dt.date(2026, 11, 16)
DEMO_END = dt.date(2026, 11, 18)


def _demo_user(session: Session, username: str, full_name: str, role: Role, password: str) -> User:
    existing = session.scalar(select(User).where(User.username == username))
    if existing is not None:
        return existing
    return users.create_user(
        session,
        username=username,
        full_name=full_name,
        role=role,
        password=password,
        email=f"{username}@example.org",
    )


def create_demo(db: Database, *, password: str = DEMO_PASSWORD, photos: int = 0) -> str:
    users.check_password_policy(password)
    with db.session(actor="demo") as session:
        lead = _demo_user(session, "demo.lead", "Dr. Anna Becker", Role.LEAD_AUDITOR, password)
        qa = _demo_user(session, "demo.qa", "Thomas Keller", Role.REVIEWER, password)
        # The approver is a third person: author, reviewer and approver must differ (a setting).
        head = _demo_user(session, "demo.head", "Dr. Karin Vogel", Role.REVIEWER, password)
        lead_id, qa_name, head_name = lead.id, qa.full_name, head.full_name

    with db.session(actor="demo.lead") as session:
        lead = session.get(User, lead_id)
        sponsor = Organisation(
            kind=OrganisationKind.SPONSOR.value,
            legal_name="Alderbrook Therapeutics GmbH",
            address="Rheinuferstraße 12, 40213 Düsseldorf, Germany",
            contact_name="Dr. Miriam Hoffmann, Head of Clinical Quality Assurance",
            contact_email="cqa@alderbrook.example",
        )
        cro = Organisation(
            kind=OrganisationKind.CRO.value,
            legal_name="Northwind Clinical Research Ltd.",
            address="4 Harbour Exchange Square, London E14 9GE, United Kingdom",
            contact_name="Sarah Okafor, Director Quality Assurance",
            contact_email="qa@northwind-cr.example",
        )
        study = Study(
            protocol_number="ALD-301-2026",
            title="A randomised, double-blind, placebo-controlled phase III study of ALD-301 "
            "in adults with moderate to severe plaque psoriasis",
            phase="III",
            indication="Plaque psoriasis",
        )
        session.add_all([sponsor, cro, study])
        session.flush()
        study.sponsor_id = sponsor.id
        # The auditing organisation on the report's cover and header (read by
        # reports/branding.py): the sponsor's own QA department audits here.
        for key, value in (
            (
                "report.organisation_name",
                "Alderbrook Therapeutics GmbH · Clinical Quality Assurance",
            ),
            ("report.organisation_address", "Rheinuferstraße 12\n40213 Düsseldorf, Germany"),
        ):
            if not findings.get_setting(session, key, ""):
                findings.put_setting(session, key, value)
        checklist = checklists.get(session, DEMO_CHECKLIST)
        audit = audits.create_audit(
            session,
            title="Vendor qualification audit of Northwind Clinical Research",
            audit_type=AuditType.VENDOR_QUALIFICATION,
            checklist=checklist,
            area_ids=DEMO_AREAS,
            sponsor=sponsor,
            auditee=cro,
            language="en",
            lead_auditor=lead,
            locations="London (head office, clinical operations, data management); "
            "Kraków (pharmacovigilance unit)",
            mode="on_site",
            objectives="To assess whether Northwind Clinical Research has the quality system, "
            "organisation, resources and computerised systems to conduct monitoring, data "
            "management and pharmacovigilance for Alderbrook's phase III programme in "
            "compliance with ICH GCP and applicable regulations.",
            scope="Quality management system, organisation and training, vendor oversight, "
            "computerised system validation and safety management at the London and Kraków "
            "offices. Biostatistics and medical writing were out of scope.",
            criteria_editions="R2+R3",
            other_criteria="21 CFR Part 11; EU GMP Annex 11; Regulation (EU) No 536/2014; "
            "Northwind SOPs; draft master services agreement MSA-ALD-2026.",
            planned_start=DEMO_START,
            planned_end=DEMO_END,
            actual_start=DEMO_START,
            actual_end=DEMO_END,
            sampling="Risk-based, judgemental samples, chosen by the auditors on site: the SOP "
            "index in full; 10 of 46 project staff files (job description, CV, GCP and protocol "
            "training), weighted towards CRAs and data managers; 12 of 57 CAPAs of 2025-2026, "
            "the most recent first; all 61 SAE cases of 2026 for timeliness, 10 of them in "
            "depth; the validation packages of the EDC and eTMF; the vendor list and the "
            "files of 4 of 19 subcontractors.",
            conclusion="Northwind Clinical Research has an established quality system and "
            "experienced staff. Two critical findings, in audit trail control of the EDC and "
            "in the timeliness of SAE forwarding, and three major findings show that "
            "computerised system control, CAPA and subcontractor oversight do not yet meet "
            "ICH E6 and the sponsor's expectations.\n\nNorthwind is approved with conditions "
            "for monitoring, data management and pharmacovigilance in Alderbrook's phase III "
            "programme: the CAPA plan for all findings must be accepted by Alderbrook, and the "
            "corrections of the two critical findings verified by Alderbrook QA, before new "
            "work is awarded.",
            overall_rating="approved_with_conditions",
            positive_observations="The SOP system is well structured, with an up-to-date index "
            "and timely periodic reviews.\nStaff interviewed were knowledgeable and open; "
            "documents were provided promptly.\nThe eTMF is organised to the DIA TMF "
            "Reference Model with a documented QC process.",
            distribution="Dr. Miriam Hoffmann (Alderbrook CQA); Sarah Okafor (Northwind QA); "
            "Alderbrook Clinical Operations; audit file",
        )
        audit.studies.append(AuditStudy(study_id=study.id))
        audit.team.extend(
            [
                TeamMember(
                    user_id=lead.id,
                    name=lead.full_name,
                    role="lead",
                    qualification="GCP auditor since 2012; ICH E6(R3) trained 2025",
                ),
                TeamMember(
                    name="Jonas Weber",
                    role="co_auditor",
                    qualification="Computerised systems validation specialist",
                ),
            ]
        )
        audit.participants.extend(
            [
                AuditeeParticipant(
                    name="Sarah Okafor",
                    function="Director Quality Assurance",
                    opening_meeting=True,
                    closing_meeting=True,
                    interviewed=True,
                ),
                AuditeeParticipant(
                    name="Dr. Rajesh Iyer",
                    function="VP Clinical Operations",
                    opening_meeting=True,
                    closing_meeting=True,
                    interviewed=True,
                ),
                AuditeeParticipant(
                    name="Katarzyna Nowak",
                    function="Head of Pharmacovigilance",
                    opening_meeting=False,
                    closing_meeting=True,
                    interviewed=True,
                ),
                AuditeeParticipant(
                    name="Tom Alvarez",
                    function="IT Validation Manager",
                    opening_meeting=True,
                    closing_meeting=False,
                    interviewed=True,
                ),
            ]
        )
        audit.documents.extend(
            [
                DocumentReviewed(
                    title="SOP index",
                    identifier="QA-IDX",
                    version="27",
                    document_date=dt.date(2026, 10, 1),
                ),
                DocumentReviewed(
                    title="Corrective and preventive action",
                    identifier="QA-007",
                    version="3.0",
                    document_date=dt.date(2024, 5, 14),
                ),
                DocumentReviewed(
                    title="Data management plan template",
                    identifier="DM-012",
                    version="4.1",
                    document_date=dt.date(2025, 9, 2),
                ),
                DocumentReviewed(
                    title="EDC study build validation report",
                    identifier="VR-EDC-0419",
                    version="1.0",
                    document_date=dt.date(2026, 3, 20),
                ),
                DocumentReviewed(
                    title="SAE handling and reporting",
                    identifier="PV-003",
                    version="6.0",
                    document_date=dt.date(2025, 11, 30),
                ),
                DocumentReviewed(
                    title="Approved vendor list",
                    identifier="VL-2026-03",
                    version="3",
                    document_date=dt.date(2026, 6, 1),
                ),
            ]
        )
        audit.distribution += f"; {qa_name} (QA reviewer); {head_name} (Head of GCP QA, approver)"
        session.flush()

        snapshot = audits.audit_checklist(audit)
        answered: set[str] = set()
        for spec in FINDINGS:
            area = next(a for a in snapshot.areas if a.id == spec["area"])
            concerned = [concerned_question(area, words) for words in spec["concerns"]]  # type: ignore[attr-defined]
            grade = str(spec["classification"])
            refs = list(dict.fromkeys(r for q in concerned for r in q.references))
            finding = findings.add_finding(
                session,
                audit,
                title=spec["title"],
                classification=grade,
                area=area.id,
                observation=spec["observation"],
                impact=spec["impact"],
                risk=spec["risk"],
                recommendation=spec["recommendation"],
                references=refs,
                question_ids=[q.id for q in concerned],
                owner="Sarah Okafor (Northwind QA)" if grade != "recommendation" else "",
            )
            if "informed" in spec:
                (on, to), (assessment, note) = spec["informed"], spec["breach"]  # type: ignore[misc]
                findings.update_finding(
                    session,
                    audit,
                    finding.number,
                    sponsor_informed_on=on,
                    sponsor_informed_to=to,
                    breach_assessment=assessment,
                    breach_note=note,
                )
            label = findings.number_label(finding.number)
            for question in concerned:
                if question.id in answered:
                    continue
                answered.add(question.id)
                note = (
                    f"Compliant; see recommendation {label} for an improvement."
                    if grade == "recommendation"
                    else f"See finding {label}."
                )
                audits.set_response(
                    session,
                    audit,
                    question.id,
                    result=RESULT_FOR[grade],
                    notes=note,
                    actor="demo.lead",
                )
        for question in snapshot.questions:
            if question.id in answered:
                continue
            reason = next(
                (
                    why
                    for words, why in NOT_APPLICABLE.items()
                    if words in question.text["en"].lower()
                ),
                None,
            )
            audits.set_response(
                session,
                audit,
                question.id,
                result=ResponseResult.NOT_APPLICABLE if reason else ResponseResult.COMPLIANT,
                notes=reason
                or "Verified on site against documents and interviews; no deviation found.",
                actor="demo.lead",
            )
        audit.status = AuditStatus.REPORTING.value
        reference = audit.reference
    if photos:
        from auditapp.core import demo_photos

        demo_photos.add_demo_photos(db, reference, count=photos)
    return reference
