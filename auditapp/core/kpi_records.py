"""Periodic oversight figures per CRO (and study) and the escalation log their breaches open.

A figure beyond its KPI's breach threshold opens an escalation at the level the KPI names
(kpis.yaml ``escalate_to``), owned by that level of the escalation path and due within its
response days. A further breach of the same KPI while that escalation is still open raises it
one level instead of opening a second entry: the escalation path of a quality agreement works
that way (the issue goes up when the first level did not fix it).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditapp.core import cro_identity, kpis
from auditapp.core.audits import clean_text
from auditapp.core.models import Organisation, Study
from auditapp.core.oversight_models import Escalation, EscalationStatus, KpiValue
from auditapp.core.registers import parse_date
from auditapp.errors import BadInput, NotFound

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
MAX_VALUE = 1_000_000.0


def period_end(period: str) -> tuple[str, dt.date]:
    """The canonical period text and its last day: 2026-03 (a month) or 2026-Q1 (a quarter)."""
    text = period.strip()
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
    elif m := _QUARTER.match(text):
        year, month = int(m[1]), int(m[2]) * 3
        text = f"{year}-Q{m[2]}"
    else:
        raise BadInput(f"period {period!r}: give a month (2026-03) or a quarter (2026-Q1)")
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise BadInput(f"period {period!r} is out of range")
    return text, dt.date(year, month, calendar.monthrange(year, month)[1])


def escalation_label(number: int) -> str:
    return f"ESC-{number:03d}"


def parse_escalation(text: str) -> int:
    m = re.fullmatch(r"(?:ESC-)?0*(\d{1,6})", text.strip(), re.IGNORECASE)
    if not m:
        raise BadInput(f"{text!r} is not an escalation number (ESC-001)")
    return int(m[1])


@dataclass(frozen=True)
class KpiPoint:
    kpi_id: str
    study: str  # protocol number, "" for the CRO as a whole
    period: str
    period_end: dt.date
    value: float
    rating: str  # ok, warning, breach
    recorded_by: str
    recorded_at: dt.datetime


def _study(session: Session, protocol: str | None) -> Study | None:
    if not protocol:
        return None
    protocol = " ".join(clean_text(protocol, field="study", limit=100, single_line=True).split())
    study = session.scalar(
        select(Study).where(func.lower(Study.protocol_number) == protocol.lower())
    )
    if study is None:  # KPIs may be reported for a study not audited yet
        study = Study(protocol_number=protocol)
        session.add(study)
        session.flush()
    return study


def _point(session: Session, row: KpiValue, definitions: kpis.KpiSet) -> KpiPoint:
    study = session.get(Study, row.study_id) if row.study_id else None
    try:
        rating = definitions.get(row.kpi_id).rating(row.value)
    except BadInput:  # a KPI since removed from the definitions
        rating = "unknown"
    return KpiPoint(
        row.kpi_id,
        study.protocol_number if study else "",
        row.period,
        row.period_end,
        row.value,
        rating,
        row.recorded_by,
        row.recorded_at,
    )


@dataclass(frozen=True)
class Recorded:
    point: KpiPoint
    escalation: int | None  # number of the escalation opened or raised, None when none
    raised: bool  # an open escalation went up one level


def record(
    session: Session,
    org: Organisation,
    *,
    kpi_id: str,
    period: str,
    value: object,
    study: str | None = None,
    note: str = "",
    today: dt.date | None = None,
    definitions: kpis.KpiSet | None = None,
) -> Recorded:
    definitions = definitions or kpis.shipped()
    kpi = definitions.get(kpi_id)
    period_text, end = period_end(period)
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise BadInput(f"value {value!r} is not a number") from None
    if number != number or abs(number) > MAX_VALUE:  # NaN or absurd
        raise BadInput(f"value {value!r} is out of range")
    if kpi.unit == "%" and not 0 <= number <= 1000:
        raise BadInput(f"{kpi.label()} is a percentage: {number:g} is out of range")
    note = clean_text(note, field="note", limit=2000).strip()
    today = today or dt.date.today()
    study_row = _study(session, study)
    duplicate = session.scalar(
        select(KpiValue).where(
            KpiValue.organisation_id.in_(cro_identity.member_ids(session, org)),
            KpiValue.kpi_id == kpi.id,
            KpiValue.period == period_text,
            KpiValue.study_id.is_(None) if study_row is None else KpiValue.study_id == study_row.id,
        )
    )
    if duplicate is not None:
        raise BadInput(f"{kpi.id} for {period_text} is already recorded ({duplicate.value:g})")
    row = KpiValue(
        organisation_id=org.id,
        study_id=study_row.id if study_row else None,
        kpi_id=kpi.id,
        period=period_text,
        period_end=end,
        value=number,
        note=note,
        recorded_by=str(session.info.get("actor", "")),
    )
    session.add(row)
    session.flush()
    point = _point(session, row, definitions)
    if point.rating != "breach":
        return Recorded(point, None, False)
    where = f" ({study_row.protocol_number})" if study_row else ""
    line = (
        f"{today.isoformat()}: {kpi.label()}{where} {number:g} {kpi.unit} in {period_text} "
        f"is beyond the breach threshold {kpi.breach:g} {kpi.unit}"
    )
    current = session.scalar(
        select(Escalation).where(
            Escalation.organisation_id.in_(cro_identity.member_ids(session, org)),
            Escalation.kpi_id == kpi.id,
            Escalation.status == EscalationStatus.OPEN.value,
            Escalation.study_id.is_(None)
            if study_row is None
            else Escalation.study_id == study_row.id,
        )
    )
    if current is not None:
        level = definitions.level(min(current.level + 1, definitions.top_level))
        raised = level.level != current.level
        current.actions = "\n".join(
            filter(
                None,
                [
                    current.actions,
                    line
                    + (
                        f"; raised to level {level.level}"
                        if raised
                        else "; already at the top level"
                    ),
                ],
            )
        )
        if raised:
            current.level = level.level
            current.owner = level.label()
            current.due_on = today + dt.timedelta(days=level.respond_days)
        session.flush()
        return Recorded(point, current.number, raised)
    level = definitions.level(kpi.escalate_to)
    entry = Escalation(
        number=(session.scalar(select(func.max(Escalation.number))) or 0) + 1,
        organisation_id=org.id,
        study_id=study_row.id if study_row else None,
        kpi_id=kpi.id,
        kpi_value_id=row.id,
        issue=f"KPI breach: {line.split(': ', 1)[1]}",
        level=level.level,
        owner=level.label(),
        actions="",
        opened_on=today,
        due_on=today + dt.timedelta(days=level.respond_days),
        closure="",
        status=EscalationStatus.OPEN.value,
    )
    session.add(entry)
    session.flush()
    return Recorded(point, entry.number, False)


def open_escalation(
    session: Session,
    org: Organisation,
    *,
    issue: str,
    level: int = 1,
    owner: str | None = None,
    due_on: object = None,
    study: str | None = None,
    today: dt.date | None = None,
) -> Escalation:
    """An escalation raised by hand (an issue seen outside the KPIs, e.g. at a governance
    meeting), on the same path as a breach."""
    today = today or dt.date.today()
    text = clean_text(issue, field="issue", limit=2000).strip()
    if not text:
        raise BadInput("describe the issue to escalate")
    step = kpis.shipped().level(level)
    who = " ".join(clean_text(owner or "", field="owner", limit=200, single_line=True).split())
    due = parse_date(due_on, field="due date") or today + dt.timedelta(days=step.respond_days)
    if due < today:
        raise BadInput("the due date must not be before today")
    study_row = _study(session, study)
    entry = Escalation(
        number=(session.scalar(select(func.max(Escalation.number))) or 0) + 1,
        organisation_id=org.id,
        study_id=study_row.id if study_row else None,
        kpi_id="",
        kpi_value_id=None,
        issue=text,
        level=step.level,
        owner=who or step.label(),
        actions="",
        opened_on=today,
        due_on=due,
        closure="",
        status=EscalationStatus.OPEN.value,
    )
    session.add(entry)
    session.flush()
    return entry


def series(
    session: Session, org: Organisation, kpi_id: str | None = None, study: str | None = None
) -> list[KpiPoint]:
    """Recorded figures, oldest first."""
    query = select(KpiValue).where(
        KpiValue.organisation_id.in_(cro_identity.member_ids(session, org))
    )
    if kpi_id:
        query = query.where(KpiValue.kpi_id == kpi_id)
    if study:
        row = session.scalar(
            select(Study).where(func.lower(Study.protocol_number) == study.strip().lower())
        )
        if row is None:
            raise NotFound(f"no study {study!r}")
        query = query.where(KpiValue.study_id == row.id)
    definitions = kpis.shipped()
    rows = session.scalars(query.order_by(KpiValue.period_end, KpiValue.id))
    return [_point(session, r, definitions) for r in rows]


def latest(session: Session, org: Organisation) -> list[KpiPoint]:
    """The newest figure of each KPI (and study), in the order of the definitions."""
    newest: dict[tuple[str, str], KpiPoint] = {}
    for point in series(session, org):
        newest[(point.kpi_id, point.study)] = point
    order = {k.id: i for i, k in enumerate(kpis.shipped().kpis)}
    return sorted(newest.values(), key=lambda p: (order.get(p.kpi_id, 99), p.study))


def escalations(
    session: Session, *, org: Organisation | None = None, status: str | None = None
) -> list[Escalation]:
    query = select(Escalation).order_by(Escalation.number)
    if org is not None:
        query = query.where(Escalation.organisation_id.in_(cro_identity.member_ids(session, org)))
    if status:
        if status not in (s.value for s in EscalationStatus):
            raise BadInput(f"escalation status must be open or closed, not {status!r}")
        query = query.where(Escalation.status == status)
    return list(session.scalars(query))


def get_escalation(session: Session, number: int) -> Escalation:
    row = session.scalar(select(Escalation).where(Escalation.number == number))
    if row is None:
        raise NotFound(f"no escalation {escalation_label(number)}")
    return row


def update_escalation(
    session: Session,
    number: int,
    *,
    level: int | None = None,
    owner: str | None = None,
    action: str | None = None,
    due_on: object = None,
    close: str | None = None,
    closed_on: object = None,
    reopen: bool = False,
    today: dt.date | None = None,
) -> Escalation:
    """Change one entry: raise or lower its level, set the owner or due date, add an action
    (dated, appended: the log keeps what was done), close it with what resolved it, or reopen."""
    today = today or dt.date.today()
    entry = get_escalation(session, number)
    closed = entry.status == EscalationStatus.CLOSED.value
    if closed and not reopen and any(v is not None for v in (level, owner, action, due_on, close)):
        raise BadInput(f"{escalation_label(number)} is closed; reopen it first (--reopen)")
    if reopen:
        if not closed:
            raise BadInput(f"{escalation_label(number)} is not closed")
        entry.status, entry.closed_on = EscalationStatus.OPEN.value, None
    if level is not None:
        step = kpis.shipped().level(level)
        entry.level = step.level
        if owner is None:
            entry.owner = step.label()
    if owner is not None:
        owner = " ".join(clean_text(owner, field="owner", limit=200, single_line=True).split())
        if not owner:
            raise BadInput("the owner must not be empty")
        entry.owner = owner
    if due_on is not None:
        entry.due_on = parse_date(due_on, field="due date")
    if action:
        text = clean_text(action, field="action", limit=2000).strip()
        entry.actions = "\n".join(filter(None, [entry.actions, f"{today.isoformat()}: {text}"]))
    if close is not None:
        text = clean_text(close, field="closure", limit=2000).strip()
        if not text:
            raise BadInput("closing an escalation needs its closure: say how it was resolved")
        end = parse_date(closed_on, field="closing date") or today
        if end < entry.opened_on:
            raise BadInput("an escalation cannot close before it was opened")
        entry.status, entry.closure, entry.closed_on = EscalationStatus.CLOSED.value, text, end
    session.flush()
    return entry
