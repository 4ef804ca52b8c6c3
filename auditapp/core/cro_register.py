"""The CRO register: each auditee organisation with its audits, findings, CAPAs, qualification
and risk (risk-based audit planning, cro_risk.py).

Open and overdue CAPAs follow each finding's CAPA follow-up (capa.py): a finding that needs a CAPA
(any grade but a recommendation) is open until its follow-up is closed, its due date is the
deadline running now (the plan, its implementation or the effectiveness check, extensions
included), and it is overdue once that deadline has passed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp.core import capa_state, cro_identity, cro_risk, kpi_records
from auditapp.core.cro_qualification import Qualification, qualification_history
from auditapp.core.findings import number_label
from auditapp.core.models import (
    Audit,
    AuditStatus,
    Classification,
    Finding,
    FindingStatus,
    Organisation,
)
from auditapp.errors import BadInput, NotFound

GRADES = ("critical", "major", "minor", "other", "recommendation")
AGEING_BUCKETS = ("0-30", "31-60", "61-90", ">90")


def cros(session: Session) -> list[Organisation]:
    return cro_identity.cros(session)


def find_cro(session: Session, name: str) -> Organisation:
    """The CRO named exactly (any case), else the only one whose name contains ``name``."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        raise BadInput("name a CRO")
    every = cros(session)
    exact = [o for o in every if o.legal_name.casefold() == wanted]
    if exact:
        return exact[0]
    near = [o for o in every if wanted in o.legal_name.casefold()]
    if len(near) == 1:
        return near[0]
    if near:
        raise BadInput(
            f"{name!r} matches {len(near)} CROs: "
            f"{', '.join(o.legal_name for o in near[:5])}; give more of the name"
        )
    raise NotFound(f"no CRO named {name!r} (see 'auditapp cro list')")


def audit_date(audit: Audit) -> dt.date:
    """When an audit took place: its last day, else whatever date it has."""
    return (
        audit.actual_end
        or audit.actual_start
        or audit.planned_end
        or audit.planned_start
        or audit.created_at.date()
    )


def _areas(audit: Audit) -> dict[str, str]:
    if audit.snapshot is None:
        return {}
    try:
        content = json.loads(audit.snapshot.content_json)
        return {
            a["id"]: a["title"].get("en", a["id"])
            if isinstance(a["title"], dict)
            else str(a["title"])
            for a in content.get("areas", [])
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}


@dataclass(frozen=True)
class AuditRow:
    reference: str
    title: str
    audit_type: str
    date: dt.date
    status: str
    grades: dict[str, int]  # findings by classification
    outcome: str = ""  # the auditor's overall outcome (judgement.py), e.g. approved_with_conditions


@dataclass(frozen=True)
class CapaRow:
    audit: str
    finding: str  # F-01
    title: str
    grade: str
    status: str
    due: dt.date | None
    age_days: int  # since the report was issued (or the audit ended)
    overdue_days: int  # 0 when not overdue
    repeat: bool


@dataclass(frozen=True)
class CroSummary:
    name: str
    address: str
    audits: tuple[AuditRow, ...]  # oldest first
    findings_by_area: dict[str, dict[str, int]]  # area title -> grade -> count
    open_capas: tuple[CapaRow, ...]
    repeat_findings: int
    qualification: Qualification | None
    qualification_history: tuple[Qualification, ...]  # newest first
    risk: cro_risk.RiskAssessment
    open_escalations: int
    kpi_latest: tuple[kpi_records.KpiPoint, ...] = field(default=())
    # The next audit already in the list (planned, or dated after today), if any.
    planned_audit: AuditRow | None = None
    # The current qualification's valid-until date has passed.
    qualification_lapsed: bool = False

    @property
    def overdue_capas(self) -> tuple[CapaRow, ...]:
        return tuple(c for c in self.open_capas if c.overdue_days)

    def capa_ageing(self) -> dict[str, int]:
        out = dict.fromkeys(AGEING_BUCKETS, 0)
        for row in self.open_capas:
            age = row.age_days
            out[
                "0-30" if age <= 30 else "31-60" if age <= 60 else "61-90" if age <= 90 else ">90"
            ] += 1
        return out

    def grade_totals(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for row in self.audits:
            total.update(row.grades)
        return {g: total.get(g, 0) for g in GRADES}


def _running_deadline(status: capa_state.CapaStatus) -> dt.date | None:
    if status.state in capa_state.PLAN_DUE:
        return status.response_due
    if status.state == capa_state.CapaState.RESPONSE_RECEIVED:
        return None  # the auditor's turn: no deadline runs for the CRO
    if status.state == capa_state.CapaState.ACCEPTED:
        return status.implementation_due
    if status.state == capa_state.CapaState.IMPLEMENTED:
        return status.effectiveness_due
    return None


def _capa_row(
    audit: Audit, finding: Finding, status: capa_state.CapaStatus, today: dt.date
) -> CapaRow:
    start = audit.issued_on or audit_date(audit)
    due = _running_deadline(status)
    overdue = (today - due).days if status.overdue and due and due < today else 0
    return CapaRow(
        audit.reference,
        number_label(finding.number),
        finding.title,
        finding.classification,
        status.state.value,
        due,
        max(0, (today - start).days),
        overdue,
        bool(finding.repeat_finding),
    )


def summarise(session: Session, org: Organisation, *, today: dt.date | None = None) -> CroSummary:
    today = today or dt.date.today()
    audits = sorted(
        session.scalars(
            select(Audit).where(Audit.auditee_id.in_(cro_identity.member_ids(session, org)))
        ),
        key=lambda a: (audit_date(a), a.reference),
    )
    w = cro_risk.weights(session)
    window_start = cro_risk.add_months(today, -int(w["lookback_months"]))
    rows: list[AuditRow] = []
    by_area: dict[str, Counter[str]] = {}
    capas: list[CapaRow] = []
    recent: Counter[str] = Counter()
    repeats = 0
    # Titles of checklist areas from every audit: a tailored snapshot may lack an area that
    # another audit of the same CRO used.
    area_titles: dict[str, str] = {}
    for audit in audits:
        area_titles.update(_areas(audit))
    for audit in audits:
        grades = Counter(str(f.classification) for f in audit.findings)
        rows.append(
            AuditRow(
                audit.reference,
                audit.title,
                audit.audit_type,
                audit_date(audit),
                audit.status,
                {g: grades.get(g, 0) for g in GRADES},
                audit.overall_rating or "",
            )
        )
        if audit_date(audit) >= window_start and audit.status != AuditStatus.PLANNED.value:
            recent.update(grades)
        follow_up = {
            item.finding.id: item.status for item in capa_state.follow_up(session, audit, today)
        }
        for finding in audit.findings:
            area = area_titles.get(finding.area, finding.area) or "—"
            by_area.setdefault(area, Counter())[finding.classification] += 1
            repeats += bool(finding.repeat_finding)
            status = follow_up.get(finding.id)
            if status is None:
                status = capa_state.capa_status(finding, [], today)
            if (
                finding.classification != Classification.RECOMMENDATION.value
                and status.state != capa_state.CapaState.CLOSED
                and finding.status != FindingStatus.CLOSED
            ):
                capas.append(_capa_row(audit, finding, status, today))
    # Only audits that took place count as "the last audit"; a planned one is shown as planned.
    done = [r for r in rows if r.status != AuditStatus.PLANNED.value and r.date <= today]
    planned = [r for r in rows if r not in done]
    history = qualification_history(session, org)
    current = next((q for q in history if q.effective_on <= today), None)
    open_escalations = len(kpi_records.escalations(session, org=org, status="open"))
    risk = cro_risk.assess(
        cro_risk.RiskInputs(
            grade_counts={g: recent.get(g, 0) for g in GRADES},
            repeats=repeats,
            overdue_capas=sum(1 for c in capas if c.overdue_days),
            open_escalations=open_escalations,
            last_audit=max((r.date for r in done), default=None),
            qualification=current.status if current else None,
        ),
        w,
        today,
    )
    return CroSummary(
        name=org.legal_name,
        address=org.address,
        audits=tuple(rows),
        findings_by_area={a: {g: c.get(g, 0) for g in GRADES} for a, c in sorted(by_area.items())},
        open_capas=tuple(sorted(capas, key=lambda c: (-c.overdue_days, c.audit, c.finding))),
        repeat_findings=repeats,
        qualification=current,
        qualification_history=tuple(history),
        risk=risk,
        open_escalations=open_escalations,
        kpi_latest=tuple(kpi_records.latest(session, org)),
        planned_audit=min(planned, key=lambda r: r.date) if planned else None,
        qualification_lapsed=bool(current and current.valid_until and current.valid_until < today),
    )


def register(session: Session, *, today: dt.date | None = None) -> list[CroSummary]:
    """Every CRO with its summary, highest risk first."""
    out = [summarise(session, org, today=today) for org in cros(session)]
    return sorted(out, key=lambda s: (-s.risk.score, s.name.casefold()))


def summary_json(s: CroSummary) -> dict[str, object]:
    """The summary as plain JSON (dates as ISO text) for `auditapp cro show --json`."""

    def day(d: dt.date | None) -> str | None:
        return d.isoformat() if d else None

    def qual(q: Qualification | None) -> dict[str, object] | None:
        return (
            None
            if q is None
            else {
                "status": q.status,
                "effective_on": day(q.effective_on),
                "valid_until": day(q.valid_until),
                "audit": q.audit or None,
                "conditions": q.conditions,
                "decided_by": q.decided_by,
            }
        )

    r = s.risk
    return {
        "name": s.name,
        "qualification": qual(s.qualification),
        "qualification_lapsed": s.qualification_lapsed,
        "planned_audit": None
        if s.planned_audit is None
        else {"reference": s.planned_audit.reference, "date": day(s.planned_audit.date)},
        "qualification_history": [qual(q) for q in s.qualification_history],
        "audits": [
            {
                "reference": a.reference,
                "title": a.title,
                "type": a.audit_type,
                "date": day(a.date),
                "status": a.status,
                "outcome": a.outcome or None,
                "findings": a.grades,
            }
            for a in s.audits
        ],
        "findings_by_grade": s.grade_totals(),
        "findings_by_area": s.findings_by_area,
        "repeat_findings": s.repeat_findings,
        "open_capas": [
            {
                "audit": c.audit,
                "finding": c.finding,
                "title": c.title,
                "grade": c.grade,
                "status": c.status,
                "due": day(c.due),
                "age_days": c.age_days,
                "overdue_days": c.overdue_days,
                "repeat": c.repeat,
            }
            for c in s.open_capas
        ],
        "overdue_capas": len(s.overdue_capas),
        "capa_ageing": s.capa_ageing(),
        "open_escalations": s.open_escalations,
        "risk": {
            "score": r.score,
            "band": r.band,
            "last_audit": day(r.last_audit),
            "interval_months": r.interval_months,
            "proposed_next_audit": day(r.proposed_next_audit),
            "audit_overdue": r.audit_overdue,
            "components": [
                {"factor": c.key, "count": c.count, "weight": c.weight, "points": c.points}
                for c in r.components
            ],
        },
        "kpis": [
            {
                "kpi": p.kpi_id,
                "study": p.study,
                "period": p.period,
                "value": p.value,
                "rating": p.rating,
            }
            for p in s.kpi_latest
        ],
    }
