"""The CAPA view's table: one row per finding with its follow-up state, deadline and overdue flag.

A thin adapter over plain rows read through core.capa (CapaRow); tested without a window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from auditapp.core import capa_state, findings
from auditapp.ui import formats
from auditapp.ui.variant import variant_result

Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = "#B3261E"


translate = QCoreApplication.translate


def state_text(state: str) -> str:
    return {
        "awaiting_response": translate("CapaModel", "Awaiting CAPA plan"),
        "response_received": translate("CapaModel", "Plan received: assess"),
        "more_information": translate("CapaModel", "More information requested"),
        "rejected": translate("CapaModel", "Plan rejected: revision due"),
        "accepted": translate("CapaModel", "Accepted: in implementation"),
        "implemented": translate("CapaModel", "Implemented: check effectiveness"),
        "not_effective": translate("CapaModel", "Not effective: revision due"),
        "effective": translate("CapaModel", "Effective: ready to close"),
        "closed": translate("CapaModel", "Closed"),
    }.get(state, state)


def deadline_text(name: str) -> str:
    return {
        "response": translate("CapaModel", "response"),
        "implementation": translate("CapaModel", "implementation"),
        "effectiveness": translate("CapaModel", "effectiveness check"),
    }.get(name, name)


@dataclass(frozen=True)
class CapaRow:
    number: int
    label: str
    grade: str
    title: str
    state: str
    due: dt.date | None  # the deadline running now
    overdue: tuple[str, ...]
    repeat_of: str
    history: tuple[str, ...]  # one line per recorded step, oldest first


def _history_line(event: Any) -> str:
    when = formats.datetime_text(event.recorded_at)
    who = event.recorded_by or "-"
    kind = event.kind
    if kind == "response":
        text = (
            translate("CapaModel", "CAPA plan received (owner %1, target %2): root cause: %3")
            .replace("%1", event.owner or "-")
            .replace("%2", formats.date_text(event.target_date, "-"))
            .replace("%3", event.root_cause)
        )
    elif kind == "assessment":
        text = {
            "accepted": translate("CapaModel", "Plan accepted"),
            "more_information": translate("CapaModel", "More information requested"),
            "rejected": translate("CapaModel", "Plan rejected"),
        }.get(event.decision, event.decision)
    elif kind == "extension":
        text = (
            translate("CapaModel", "%1 deadline extended to %2, approved by %3")
            .replace("%1", deadline_text(event.decision))
            .replace("%2", formats.date_text(event.target_date))
            .replace("%3", event.approver)
        )
    elif kind == "evidence":
        items = ", ".join(f"E-{n:03d}" for n in capa_state.evidence_numbers(event))
        text = translate("CapaModel", "Completion evidence: %1").replace(
            "%1", "; ".join(t for t in (items, event.evidence_text) if t)
        )
    elif kind == "effectiveness_plan":
        text = translate("CapaModel", "Effectiveness check planned for %1").replace(
            "%1", formats.date_text(event.target_date)
        )
    elif kind == "effectiveness":
        text = (
            translate("CapaModel", "Effective")
            if event.decision == "effective"
            else translate("CapaModel", "Not effective")
        )
    else:
        text = translate("CapaModel", "Closed")
    if event.reason:
        text += " — " + event.reason
    if event.source:
        text += " " + translate("CapaModel", "(from %1)").replace("%1", event.source)
    return f"{when} · {who}: {text}"


def read_rows(
    session: Any, audit: Any, language: str, today: dt.date | None = None
) -> list[CapaRow]:
    rows = []
    for item in capa_state.follow_up(session, audit, today):
        s = item.status
        due = {
            capa_state.CapaState.ACCEPTED: s.implementation_due,
            capa_state.CapaState.IMPLEMENTED: s.effectiveness_due,
        }.get(
            s.state,
            None
            if s.state in (capa_state.CapaState.EFFECTIVE, capa_state.CapaState.CLOSED)
            else s.response_due,
        )
        f = item.finding
        rows.append(
            CapaRow(
                number=f.number,
                label=item.label,
                grade=findings.grade(session, f.classification).label.get(
                    language, f.classification
                ),
                title=f.title,
                state=s.state.value,
                due=due,
                overdue=s.overdue,
                repeat_of=(f.repeat_of or "") if f.repeat_finding else "",
                history=tuple(_history_line(e) for e in item.events),
            )
        )
    return rows


class CapaTableModel(QAbstractTableModel):
    COLUMNS = ("label", "grade", "title", "state", "due", "overdue")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[CapaRow] = []

    def set_rows(self, rows: list[CapaRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    @variant_result
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("CapaModel", "No."),
            translate("CapaModel", "Grade"),
            translate("CapaModel", "Finding"),
            translate("CapaModel", "CAPA status"),
            translate("CapaModel", "Due"),
            translate("CapaModel", "Overdue"),
        )[section]

    @variant_result
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                if not row.repeat_of:
                    return row.title
                note = translate("CapaModel", "repeat of %1").replace("%1", row.repeat_of)
                return f"{row.title}  ({note})"
            if column == "state":
                return state_text(row.state)
            if column == "due":
                return formats.date_text(row.due)
            if column == "overdue":
                return ", ".join(deadline_text(d) for d in row.overdue)
            return getattr(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and column in ("due", "overdue"):
            return QBrush(QColor(OVERDUE_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return row.title
        if role == Qt.ItemDataRole.UserRole:
            return row.number
        return None
