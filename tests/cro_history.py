"""One CRO audited three times over two years, built through the core (test data builder).

Northwind Clinical Research GmbH: qualified in November 2024 (approved), a routine audit in
June 2025 (a minor CAPA left overdue), a study audit in October 2026 that finds the 2024 TMF
finding again (a repeat) and sets the status to conditional.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from audit_factory import MINI

from auditapp.core import (
    audit_details,
    audits,
    checklists,
    cro_qualification,
    cro_register,
    findings,
    setup,
)
from auditapp.core.db import Database

CRO = "Northwind Clinical Research GmbH"
TODAY = dt.date(2026, 12, 1)
IMPACT = "Delays and gaps put the reliability of trial data at risk."

# reference, type, last audit day, issued on, findings (grade, area, title, status, due, repeat)
AUDITS = (
    (
        "AUD-2024-011",
        "vendor_qualification",
        dt.date(2024, 11, 20),
        dt.date(2024, 12, 6),
        (
            (
                "major",
                "ORG",
                "TMF filing backlog of more than 90 days",
                "closed",
                dt.date(2025, 1, 5),
                False,
            ),
            (
                "minor",
                "CSV",
                "Audit trail review not documented",
                "closed",
                dt.date(2025, 2, 4),
                False,
            ),
            ("recommendation", "ORG", "Consider a TMF completeness dashboard", "open", None, False),
        ),
    ),
    (
        "AUD-2025-004",
        "routine_system",
        dt.date(2025, 6, 12),
        dt.date(2025, 6, 30),
        (
            (
                "major",
                "ORG",
                "SAE reconciliation not performed monthly",
                "capa_accepted",
                dt.date(2025, 7, 30),
                False,
            ),
            (
                "minor",
                "ORG",
                "Training records of two CRAs incomplete",
                "open",
                dt.date(2025, 8, 29),
                False,
            ),
        ),
    ),
    (
        "AUD-2026-019",
        "study_specific",
        dt.date(2026, 10, 15),
        dt.date(2026, 10, 21),
        (
            (
                "major",
                "ORG",
                "TMF filing backlog again above 90 days",
                "open",
                dt.date(2026, 11, 20),
                True,
            ),
            (
                "minor",
                "CSV",
                "User access reviews late",
                "response_received",
                dt.date(2026, 12, 20),
                False,
            ),
        ),
    ),
)


def build(db: Database, actor: str = "anna") -> None:
    """The three audits with their findings, dates and qualification decisions."""
    # The mini checklist straight in: checklists.library() would parse the shipped ones too.
    checklist = checklists.load_file(MINI)
    with db.session(actor=actor) as s:
        checklists.import_checklist(s, checklist)
    for reference, audit_type, end, issued, items in AUDITS:
        with db.session(actor=actor) as s:
            setup.create_from_details(
                s,
                audit_details.AuditDetails(
                    reference=reference,
                    audit_type=audit_type,
                    auditee_name=CRO,
                    title=f"{audit_type.replace('_', ' ').title()} audit of Northwind",
                    sponsor_name="Example Pharma",
                    checklist_id=checklist.id,
                ),
                checklist,
            )
        with db.session(actor=actor) as s:
            audit = audits.get_audit(s, reference)
            for grade, area, title, status, due, repeat in items:
                findings.add_finding(
                    s,
                    audit,
                    classification=grade,
                    area=area,
                    title=title,
                    observation=f"Observed during {reference}.",
                    impact=IMPACT,
                    capa_due_date=due,
                    status=status,
                    repeat_finding=repeat,
                )
            audit.actual_start = end - dt.timedelta(days=2)
            audit.actual_end = end
            audit.issued_on = issued
            audit.status = "final"
            if audit_type == "vendor_qualification":
                audit.overall_rating = "approved"
    with db.session(actor=actor) as s:
        org = cro_register.find_cro(s, CRO)
        cro_qualification.qualify(
            s,
            org,
            status="approved",
            audit_reference="AUD-2024-011",
            effective_on=dt.date(2024, 12, 10),
        )
        cro_qualification.qualify(
            s,
            org,
            status="conditional",
            audit_reference="AUD-2026-019",
            effective_on=dt.date(2026, 10, 25),
            conditions="TMF backlog below 30 days by Q1 2027",
        )


def make_template(folder: Path) -> Path:
    """The history in a database file made once per test run; tests copy it (copy_of)."""
    from argon2 import PasswordHasher

    from auditapp.core import users
    from auditapp.core.db import open_database
    from tests.audit_factory import make_user

    path = folder / "cro-history.sqlite"
    original = users._hasher
    users._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    try:
        database = open_database(path)
        make_user(database)
        build(database)
        database.close()
    finally:
        users._hasher = original
    return path


def copy_of(template: Path, folder: Path) -> Database:
    from auditapp.core.db import open_database

    path = folder / "cro.sqlite"
    shutil.copyfile(template, path)
    return open_database(path)
