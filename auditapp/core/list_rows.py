"""The audit list's rows and the grading scheme, read with plain SQL on any DB-API connection.

This module imports no SQLAlchemy: the window shows the audit list from a raw sqlite3 connection
while the ORM still loads (docs/architecture.md, "Start-up"). ``audits.summaries`` runs the very
same SQL through a session, so the list the window shows first and every later refresh, the
``auditapp list`` verb and the benchmark floor are one query.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from auditapp.core.grading import EMA_SCHEME, SCHEMES, Grade
from auditapp.core.vocabulary import AuditStatus, Classification

STATUS_ORDER = tuple(s.value for s in AuditStatus)
CLASSES = tuple(c.value for c in Classification)

# One aggregate query: no checklist is parsed, no row loaded (question counts are stored with
# each checklist's content). Columns: reference, title, auditee, status, type, start, questions,
# answered, then one count per classification in CLASSES order.
SUMMARIES_SQL = (
    "SELECT audit.reference, audit.title, organisation.legal_name, audit.status, "
    "audit.audit_type, coalesce(audit.actual_start, audit.planned_start), "
    "checklist_content.question_count, answered.n, "
    + ", ".join(f"per_class.{c}" for c in CLASSES)
    + " FROM audit"
    " LEFT OUTER JOIN organisation ON organisation.id = audit.auditee_id"
    " LEFT OUTER JOIN checklist_snapshot ON checklist_snapshot.audit_id = audit.id"
    " LEFT OUTER JOIN checklist_content"
    " ON checklist_content.sha256 = checklist_snapshot.sha256"
    " LEFT OUTER JOIN (SELECT response.audit_id AS audit_id, count(*) AS n FROM response"
    " WHERE response.result IS NOT NULL GROUP BY response.audit_id) AS answered"
    " ON answered.audit_id = audit.id"
    " LEFT OUTER JOIN (SELECT finding.audit_id AS audit_id, "
    + ", ".join(
        f"sum(CASE WHEN finding.classification = '{c}' THEN 1 ELSE 0 END) AS {c}" for c in CLASSES
    )
    + " FROM finding GROUP BY finding.audit_id) AS per_class ON per_class.audit_id = audit.id"
    " ORDER BY audit.reference"
)

# The grading scheme setting (settings.RULES["grading_scheme"]: key and default).
SCHEME_KEY = "grading_scheme"
SCHEME_SQL = "SELECT value_json FROM setting WHERE key = ?"

# Runs one statement with its parameters and returns the rows: a sqlite3 connection's
# execute, or a SQLAlchemy connection's exec_driver_sql.
Execute = Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]


@dataclass(frozen=True)
class AuditSummary:
    reference: str
    title: str
    auditee: str
    status: str
    audit_type: str
    start: dt.date | None
    findings: dict[str, int]
    answered: int
    questions: int


def _date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def summaries_from_rows(rows: Iterable[Sequence[Any]]) -> list[AuditSummary]:
    out = []
    for row in rows:
        reference, title, auditee, status, audit_type, start, questions, n_answered, *counts = row
        out.append(
            AuditSummary(
                reference=reference,
                title=title,
                auditee=auditee or "",
                status=status,
                audit_type=audit_type,
                start=_date(start),
                findings={c: int(n) for c, n in zip(CLASSES, counts, strict=True) if n},
                answered=n_answered or 0,
                questions=questions or 0,
            )
        )
    return out


def summaries(execute: Execute) -> list[AuditSummary]:
    """Every audit's list line."""
    return summaries_from_rows(execute(SUMMARIES_SQL, ()))


def grades(execute: Execute) -> tuple[Grade, ...]:
    """The grades of the scheme in use (EMA where nothing valid is stored), as findings.scheme."""
    row = next(iter(execute(SCHEME_SQL, (SCHEME_KEY,))), None)
    try:
        name = json.loads(row[0]) if row is not None else "ema"
    except (TypeError, ValueError):
        name = "ema"
    return SCHEMES.get(name, EMA_SCHEME) if isinstance(name, str) else EMA_SCHEME


def audit_list(execute: Execute) -> tuple[tuple[Grade, ...], list[AuditSummary]]:
    """What the audit list shows: the grades (one column each) and the rows."""
    return grades(execute), summaries(execute)
