"""A large database (1,000 audits, 20,000 findings) built through the core API, for exit tests."""

from __future__ import annotations

from pathlib import Path

from auditapp.core import audit_details, findings, setup
from auditapp.core.db import open_database
from tests.audit_factory import import_mini, make_user

AUDITS = 1_000
FINDINGS_PER_AUDIT = 20


def build(path: Path, *, audits_count: int = AUDITS, per_audit: int = FINDINGS_PER_AUDIT) -> Path:
    db = open_database(path)
    try:
        make_user(db)
        checklist = import_mini(db)
        grades = [str(g.classification.value) for g in _grades(db) if not g.requires_impact]
        for n in range(audits_count):
            with db.session(actor="anna") as s:
                details = audit_details.AuditDetails(
                    reference=f"AUD-2026-{n + 1:04d}",
                    title=f"Routine audit {n + 1}",
                    audit_type="routine_system",
                    auditee_name=f"CRO {n % 37}",
                    sponsor_name="Example Pharma",
                    checklist_id=checklist.id,
                )
                audit = setup.create_from_details(s, details, checklist)
                for k in range(per_audit):
                    findings.add_finding(
                        s,
                        audit,
                        title=f"Finding {k + 1} of audit {n + 1}",
                        classification=grades[k % len(grades)],
                    )
    finally:
        db.close()
    return path


def _grades(db):
    with db.session() as s:
        return findings.scheme(s)


if __name__ == "__main__":
    import sys
    import time

    started = time.perf_counter()
    build(Path(sys.argv[1]))
    print(f"built in {time.perf_counter() - started:.1f} s")
