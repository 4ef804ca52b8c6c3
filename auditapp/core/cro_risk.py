"""Risk-based audit planning: a risk score per CRO and the date of its next audit.

The score adds points for what the register knows about a CRO (see docs/oversight.md):

* findings of the audits in the look-back window, weighted by grade (critical 10, major 4,
  minor 1 by default),
* repeat findings (5 each), CAPAs overdue (3 each) and open escalations (2 each),
* the time since the last audit (2 per year) and the qualification status (conditional 5,
  not approved 15; a CRO never audited gets 25).

The score falls into a band (high from 25, medium from 10, else low) and the band sets the
interval from the last audit to the proposed next one (12, 24 or 36 months). All weights are a
setting (``cro_risk_weights``) with these defaults, because each sponsor's SOP sets its own.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from auditapp.core import findings
from auditapp.errors import BadInput

WEIGHTS_SETTING = "cro_risk_weights"
DEFAULT_WEIGHTS: dict[str, float] = {
    "critical": 10,
    "major": 4,
    "minor": 1,
    "other": 1,
    "recommendation": 0,
    "repeat": 5,
    "overdue_capa": 3,
    "open_escalation": 2,
    "per_year_since_audit": 2,
    "conditional": 5,
    "not_approved": 15,
    "never_audited": 25,
    "lookback_months": 36,
    "high_score": 25,
    "medium_score": 10,
    "high_interval_months": 12,
    "medium_interval_months": 24,
    "low_interval_months": 36,
}
# Keys that count months or thresholds rather than points per item.
_WHOLE = {
    "lookback_months",
    "high_interval_months",
    "medium_interval_months",
    "low_interval_months",
}


def weights(session: Session) -> dict[str, float]:
    stored = findings.get_setting(session, WEIGHTS_SETTING, {})
    out = dict(DEFAULT_WEIGHTS)
    if isinstance(stored, dict):
        out.update(
            {
                k: float(v)
                for k, v in stored.items()
                if k in DEFAULT_WEIGHTS and isinstance(v, int | float)
            }
        )
    return out


def set_weights(session: Session, changes: dict[str, object]) -> dict[str, float]:
    """Change some weights; refused as a whole when one is unknown or out of range."""
    current = weights(session)
    for key, value in changes.items():
        if key not in DEFAULT_WEIGHTS:
            raise BadInput(f"unknown risk weight {key!r}; known: {', '.join(DEFAULT_WEIGHTS)}")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1000:
            raise BadInput(f"risk weight {key} must be a number from 0 to 1000")
        if key in _WHOLE and (value != int(value) or not 1 <= value <= 120):
            raise BadInput(f"{key} must be a whole number of months, 1-120")
        current[key] = float(value)
    if current["medium_score"] > current["high_score"]:
        raise BadInput("medium_score must not be above high_score")
    findings.put_setting(
        session, WEIGHTS_SETTING, {k: v for k, v in current.items() if v != DEFAULT_WEIGHTS[k]}
    )
    return current


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Component:
    key: str  # weight name, e.g. "major", "repeat"
    count: float
    weight: float

    @property
    def points(self) -> float:
        return round(self.count * self.weight, 1)


@dataclass(frozen=True)
class RiskAssessment:
    score: float
    band: str  # high, medium, low
    components: tuple[Component, ...]
    last_audit: dt.date | None
    interval_months: int
    proposed_next_audit: dt.date
    audit_overdue: bool  # the proposed date has passed


@dataclass(frozen=True)
class RiskInputs:
    grade_counts: dict[str, int]  # findings in the look-back window, by classification
    repeats: int
    overdue_capas: int
    open_escalations: int
    last_audit: dt.date | None
    qualification: str | None  # approved, conditional, not_approved or None


def assess(inputs: RiskInputs, w: dict[str, float], today: dt.date) -> RiskAssessment:
    parts = [
        Component(grade, n, w.get(grade, 0.0)) for grade, n in inputs.grade_counts.items() if n
    ]
    parts += [
        Component("repeat", inputs.repeats, w["repeat"]),
        Component("overdue_capa", inputs.overdue_capas, w["overdue_capa"]),
        Component("open_escalation", inputs.open_escalations, w["open_escalation"]),
    ]
    if inputs.last_audit is None:
        parts.append(Component("never_audited", 1, w["never_audited"]))
    else:
        years = round(max(0, (today - inputs.last_audit).days) / 365.25, 1)
        parts.append(Component("per_year_since_audit", years, w["per_year_since_audit"]))
    if inputs.qualification in ("conditional", "not_approved"):
        parts.append(Component(inputs.qualification, 1, w[inputs.qualification]))
    parts = [p for p in parts if p.points]
    score = round(sum(p.points for p in parts), 1)
    band = "high" if score >= w["high_score"] else "medium" if score >= w["medium_score"] else "low"
    interval = int(w[f"{band}_interval_months"])
    proposed = today if inputs.last_audit is None else add_months(inputs.last_audit, interval)
    return RiskAssessment(
        score, band, tuple(parts), inputs.last_audit, interval, proposed, proposed < today
    )
