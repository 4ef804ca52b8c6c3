"""The filled CAPA response form comes back: read it, show what would change, then record it.

The workbook is the one reports/capa_form.py wrote (one row per finding, columns in FORM_COLUMNS
order). It is read like any outside input (input_limits.check_workbook first, openpyxl in
read-only mode), and checked whole before anything is written: a finding number the audit does
not have, or a finding title changed in the form, refuses the file with one line. Only the
auditee's columns are taken; nothing changes until the caller applies the preview.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from auditapp.core import capa, capa_state, input_limits
from auditapp.core.capa_state import CapaState
from auditapp.core.findings import number_label
from auditapp.core.models import Audit, Evidence
from auditapp.errors import BadInput

# The form's columns, in order; the auditee fills in the last seven.
FORM_COLUMNS = (
    "number",
    "grade",
    "title",
    "requirement",
    "due",
    "root_cause",
    "correction",
    "corrective_action",
    "preventive_action",
    "owner",
    "target_date",
    "evidence",
)
AUDITEE_COLUMNS = tuple(range(FORM_COLUMNS.index("root_cause"), len(FORM_COLUMNS)))
MAX_ROWS = 2_000
_NUMBER = re.compile(r"^F-(\d{1,4})$")
_EVIDENCE_NUMBER = re.compile(r"\bE-(\d{1,5})\b")
# Spreadsheet-safe export prefixed formula-like text with an apostrophe (reports/tabular.py).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d %b %Y", "%d %B %Y")


@dataclass(frozen=True)
class FormRow:
    row: int  # the spreadsheet row, for messages
    number: int
    title: str
    values: dict[str, Any]


@dataclass(frozen=True)
class PlannedChange:
    number: int
    kind: str  # response or evidence
    values: dict[str, Any]

    @property
    def label(self) -> str:
        return number_label(self.number)

    def summary(self) -> str:
        v = self.values
        if self.kind == "response":
            due = v["target_date"].isoformat() if v["target_date"] else "no target date"
            return (
                f"{self.label}: new CAPA plan (root cause: {_short(v['root_cause'])}; "
                f"owner: {v['owner'] or '-'}; target {due})"
            )
        items = ", ".join(f"E-{n:03d}" for n in v["evidence"])
        return (
            f"{self.label}: completion evidence ({items + '; ' if items else ''}"
            f"{_short(v['text'])})"
        )


@dataclass(frozen=True)
class ImportPreview:
    reference: str
    source: str
    changes: tuple[PlannedChange, ...]
    unchanged: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())

    def lines(self) -> list[str]:
        out = [c.summary() for c in self.changes]
        out += [f"{label}: unchanged" for label in self.unchanged]
        out += self.notes
        return out


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _unescape(text: str) -> str:
    if text.startswith("'") and text[1:2] and text[1:].startswith(_FORMULA_START):
        return text[1:]
    return text


def parse_date(value: Any, *, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise BadInput(f"{where}: {text[:40]!r} is not a date (use YYYY-MM-DD)")


def read_form(path: Path) -> list[FormRow]:
    """The rows of a filled CAPA response form; any unreadable input is one BadInput line."""
    import openpyxl

    name = input_limits.display_name(path)
    input_limits.check_workbook(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zip, XML and key errors of many kinds
        raise BadInput(f"{name}: not a readable Excel workbook ({type(exc).__name__})") from None
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 1))
    finally:
        book.close()
    if not rows or len(rows[0]) < len(FORM_COLUMNS):
        raise BadInput(
            f"{name}: not a CAPA response form (expected {len(FORM_COLUMNS)} columns "
            "on the first sheet)"
        )
    out = []
    for index, raw in enumerate(rows[1:], start=2):
        cells = list(raw) + [None] * (len(FORM_COLUMNS) - len(raw))
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        label = _cell(cells[0])
        match = _NUMBER.match(label)
        if match is None:
            raise BadInput(f"{name} row {index}: {label[:20]!r} is not a finding number (F-01)")
        values: dict[str, Any] = {}
        for column in AUDITEE_COLUMNS:
            key = FORM_COLUMNS[column]
            if key == "target_date":
                values[key] = parse_date(cells[column], where=f"{name} row {index} target date")
            else:
                values[key] = _unescape(_cell(cells[column]))
        out.append(FormRow(index, int(match.group(1)), _unescape(_cell(cells[2])), values))
    if not out:
        raise BadInput(f"{name}: the form has no finding rows")
    return out


def preview(session: Session, audit: Audit, rows: list[FormRow], *, source: str) -> ImportPreview:
    """What the form would record; refuses the whole file on the first problem."""
    items = {item.finding.number: item for item in capa_state.follow_up(session, audit)}
    evidence_numbers = {
        n
        for (n,) in session.query(Evidence.number).filter(
            Evidence.audit_id == audit.id, Evidence.removed.is_(False)
        )
    }
    seen: set[int] = set()
    changes: list[PlannedChange] = []
    unchanged: list[str] = []
    notes: list[str] = []
    for row in rows:
        label = number_label(row.number)
        item = items.get(row.number)
        if item is None:
            raise BadInput(f"{source} row {row.row}: {label} is not a finding of {audit.reference}")
        if row.number in seen:
            raise BadInput(f"{source} row {row.row}: {label} appears twice")
        seen.add(row.number)
        if " ".join(row.title.split()) != " ".join(item.finding.title.split()):
            raise BadInput(
                f"{source} row {row.row}: the finding text of {label} was changed in "
                "the form; only the auditee's columns may be filled in"
            )
        v = row.values
        plan_given = any(
            v[k]
            for k in (
                "root_cause",
                "correction",
                "corrective_action",
                "preventive_action",
                "target_date",
            )
        )
        status = item.status
        took_plan = False
        if plan_given:
            planned = capa.response_event(
                item.finding,
                root_cause=v["root_cause"],
                correction=v["correction"],
                corrective_action=v["corrective_action"],
                preventive_action=v["preventive_action"],
                owner=v["owner"],
                target_date=v["target_date"],
                source=source,
            )
            if not capa.same_plan(status.latest_response, planned):
                if not capa.may_take_plan(status):
                    raise BadInput(
                        f"{source} row {row.row}: the CAPA plan of {label} is "
                        f"{status.state.value.replace('_', ' ')}; a changed plan "
                        "cannot be taken from the form"
                    )
                changes.append(
                    PlannedChange(
                        row.number, "response", {k: getattr(planned, k) for k in capa.PLAN_FIELDS}
                    )
                )
                took_plan = True
        text = v["evidence"]
        known = {e.evidence_text for e in item.events if e.kind == "evidence"}
        if text and text not in known:
            if status.state in (CapaState.ACCEPTED, CapaState.IMPLEMENTED) and not took_plan:
                numbers = sorted(
                    {int(n) for n in _EVIDENCE_NUMBER.findall(text)} & evidence_numbers
                )
                changes.append(
                    PlannedChange(row.number, "evidence", {"evidence": numbers, "text": text})
                )
            else:
                notes.append(
                    f"{label}: completion evidence not taken (the CAPA plan is not accepted yet)"
                )
        elif not any(c.number == row.number for c in changes):
            unchanged.append(label)
    return ImportPreview(audit.reference, source, tuple(changes), tuple(unchanged), tuple(notes))


def apply(session: Session, audit: Audit, plan: ImportPreview) -> None:
    """Record the previewed changes (in the caller's session: one transaction, all or nothing)."""
    for change in plan.changes:
        v = change.values
        if change.kind == "response":
            capa.respond(
                session,
                audit,
                change.number,
                root_cause=v["root_cause"],
                correction=v["correction"],
                corrective_action=v["corrective_action"],
                preventive_action=v["preventive_action"],
                owner=v["owner"],
                target_date=v["target_date"],
                source=plan.source,
            )
        else:
            capa.add_evidence(
                session,
                audit,
                change.number,
                evidence=v["evidence"],
                text=v["text"],
                source=plan.source,
            )
