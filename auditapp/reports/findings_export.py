"""Findings for the sponsor's QMS: CSV, XLSX or JSON with stable column names.

The column names are a contract (docs/reports.md, "Findings export"): add columns at the end,
never rename or drop one. Values are plain text; dates are ISO 8601; lists are joined with "; ".
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import audits as core_audits
from auditapp.core import findings as core_findings
from auditapp.core.models import Audit, Evidence, EvidenceLink, Finding
from auditapp.errors import BadInput, NotFound
from auditapp.reports import tabular

FORMATS = ("csv", "xlsx", "json")
SCHEMA_VERSION = 1

COLUMNS = (
    "audit_reference",
    "audit_title",
    "auditee",
    "sponsor",
    "audit_end_date",
    "report_version",
    "finding_number",
    "classification",
    "classification_label",
    "title",
    "area",
    "question_ids",
    "requirement_references",
    "observation",
    "impact",
    "risk",
    "recommendation",
    "capa_due_date",
    "capa_owner",
    "auditee_response",
    "status",
    "repeat_finding",
    "evidence_items",
)
WIDTHS = {
    "observation": 60,
    "impact": 40,
    "risk": 40,
    "recommendation": 50,
    "auditee_response": 40,
    "title": 40,
    "requirement_references": 36,
    "audit_title": 30,
    "auditee": 28,
    "sponsor": 28,
}


@dataclass(frozen=True)
class FindingRow:
    values: dict[str, str]


def check_format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise BadInput(f"findings export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return fmt


def _area_titles(audit: Audit, language: str) -> dict[str, str]:
    try:
        checklist = core_audits.audit_checklist(audit)
    except NotFound:
        return {}
    return {a.id: a.title.get(language) or a.title.get("en", a.id) for a in checklist.areas}


def ordered_findings(session: Session, audit: Audit) -> list[Finding]:
    """Report order: by grade (most serious first), then the auditor's order."""
    order = {g.classification.value: i for i, g in enumerate(core_findings.scheme(session))}
    rows = session.scalars(select(Finding).where(Finding.audit_id == audit.id)).all()
    return sorted(rows, key=lambda f: (order.get(f.classification, 99), f.position, f.number))


def finding_rows(session: Session, audit: Audit, language: str = "en") -> list[dict[str, str]]:
    areas = _area_titles(audit, language)
    evidence: dict[int, list[str]] = {}
    for finding_id, number in session.execute(
        select(EvidenceLink.finding_id, Evidence.number)
        .join(Evidence, Evidence.id == EvidenceLink.evidence_id)
        .where(
            Evidence.audit_id == audit.id,
            Evidence.removed.is_(False),
            EvidenceLink.finding_id.is_not(None),
        )
        .order_by(Evidence.number)
    ):
        evidence.setdefault(finding_id, []).append(f"E-{number:03d}")
    end = audit.actual_end or audit.planned_end
    out = []
    for f in ordered_findings(session, audit):
        grade = core_findings.grade(session, f.classification)
        out.append(
            {
                "audit_reference": audit.reference,
                "audit_title": audit.title,
                "auditee": audit.auditee.legal_name if audit.auditee else "",
                "sponsor": audit.sponsor.legal_name if audit.sponsor else "",
                "audit_end_date": end.isoformat() if end else "",
                "report_version": f"{audit.report_version}.0",
                "finding_number": core_findings.number_label(f.number),
                "classification": f.classification,
                "classification_label": grade.label.get(language, grade.label["en"]),
                "title": f.title,
                "area": areas.get(f.area, f.area),
                "question_ids": "; ".join(core_findings.finding_questions(f)),
                "requirement_references": "; ".join(core_findings.finding_references(f)),
                "observation": f.observation.strip(),
                "impact": f.impact.strip(),
                "risk": f.risk.strip(),
                "recommendation": f.recommendation.strip(),
                "capa_due_date": f.capa_due_date.isoformat() if f.capa_due_date else "",
                "capa_owner": f.owner.strip(),
                "auditee_response": f.auditee_response.strip(),
                "status": f.status,
                "repeat_finding": "yes" if f.repeat_finding else "no",
                "evidence_items": "; ".join(evidence.get(f.id, [])),
            }
        )
    return out


def render(rows: list[dict[str, str]], fmt: str, *, title: str = "") -> bytes:
    fmt = check_format(fmt)
    table = [[row[c] for c in COLUMNS] for row in rows]
    if fmt == "csv":
        return tabular.to_csv(COLUMNS, table)
    if fmt == "xlsx":
        widths = [WIDTHS.get(c, 16) for c in COLUMNS]
        return tabular.to_xlsx([("Findings", COLUMNS, table, widths)], title=title)
    # JSON is data, not a spreadsheet: no escaping, the text exactly as entered.
    payload = {
        "schema": "auditapp-findings",
        "schema_version": SCHEMA_VERSION,
        "columns": list(COLUMNS),
        "findings": rows,
    }
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_findings(session: Session, reference: str, fmt: str, language: str = "en") -> bytes:
    fmt = check_format(fmt)
    audit = core_audits.get_audit(session, reference)
    return render(finding_rows(session, audit, language), fmt, title=f"Findings {audit.reference}")
