"""Small audits for the workspace tests, built on the mini checklist (no shipped checklist needed)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from auditapp.core import audit_details, checklists, setup, users
from auditapp.core.db import Database
from auditapp.core.models import Role

MINI = Path(__file__).parent / "data" / "mini-checklist.yaml"
PASSWORD = "correct-horse-9"


def make_user(db: Database, username: str = "anna", full_name: str = "Anna Auditor") -> None:
    with db.session(actor="test") as s:
        users.create_user(
            s, username=username, full_name=full_name, role=Role.LEAD_AUDITOR, password=PASSWORD
        )


@cache
def mini_checklist() -> checklists.Checklist:
    """The mini checklist parsed once per run (parsing is tested in tests/core/test_checklists.py;
    here it is only the material of an audit)."""
    return checklists.load_file(MINI)


def import_mini(db: Database) -> checklists.Checklist:
    checklist = mini_checklist()
    with db.session(actor="test") as s:
        if not any(c.id == checklist.id for c in checklists.library(s)):
            checklists.import_checklist(s, checklist)
    return checklist


def make_audit(
    db: Database,
    *,
    reference: str = "AUD-2026-001",
    actor: str = "anna",
    audit_type: str = "routine_system",
    **details: object,
) -> str:
    checklist = import_mini(db)
    with db.session(actor=actor) as s:
        fields: dict[str, object] = {
            "reference": reference,
            "title": "Routine audit of Example CRO",
            "audit_type": audit_type,
            "auditee_name": "Example CRO Ltd.",
            "sponsor_name": "Example Pharma",
            "checklist_id": checklist.id,
            **details,
        }
        audit = setup.create_from_details(s, audit_details.AuditDetails(**fields), checklist)  # type: ignore[arg-type]
        return audit.reference
