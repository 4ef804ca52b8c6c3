"""Tables of sponsor oversight of CROs: qualification decisions, KPI figures, escalations.

Kept apart from models.py (which is long enough) but on the same declarative Base, so the
audit trail, the migrations and the schema comparison see them like every other table.
models.py imports this module at its end.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from auditapp.core.models import Base, StrEnum, UTCDateTime, utcnow


class QualificationStatus(StrEnum):
    APPROVED = "approved"
    CONDITIONAL = "conditional"
    NOT_APPROVED = "not_approved"


class EscalationStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class CroQualification(Base):
    """One qualification decision on a CRO; the newest by effective date is the current one.

    Rows are never edited in place: a new decision adds a row, so the history of approvals,
    conditions and withdrawals stays readable next to the audit trail."""

    __tablename__ = "cro_qualification"
    __table_args__ = (Index("ix_cro_qualification_org", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    status: Mapped[str] = mapped_column(String(32))
    effective_on: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    # The audit whose outcome set this status (None for a desk qualification).
    audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit.id", ondelete="SET NULL"))
    conditions: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class KpiValue(Base):
    """One periodic oversight figure of a CRO (optionally for one study)."""

    __tablename__ = "kpi_value"
    __table_args__ = (Index("ix_kpi_value_org", "organisation_id", "kpi_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    study_id: Mapped[int | None] = mapped_column(ForeignKey("study.id"))
    kpi_id: Mapped[str] = mapped_column(String(60))
    period: Mapped[str] = mapped_column(String(10))  # 2026-03 (month) or 2026-Q1 (quarter)
    period_end: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Escalation(Base):
    """An entry of the escalation log: opened by a KPI breach (or by hand), raised along the
    escalation path, closed with what was done."""

    __tablename__ = "escalation"
    __table_args__ = (Index("ix_escalation_org", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)  # shown as ESC-001
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    study_id: Mapped[int | None] = mapped_column(ForeignKey("study.id"))
    kpi_id: Mapped[str] = mapped_column(String(60), default="")
    kpi_value_id: Mapped[int | None] = mapped_column(ForeignKey("kpi_value.id"))
    issue: Mapped[str] = mapped_column(Text)
    level: Mapped[int] = mapped_column(Integer, default=1)
    owner: Mapped[str] = mapped_column(String(200), default="")
    actions: Mapped[str] = mapped_column(Text, default="")
    opened_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closure: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(32), default=EscalationStatus.OPEN.value)
