"""A critical finding's escalation record: when and to whom the sponsor was told, and whether it
may be a serious breach the sponsor must notify within 7 days (EU CTR Art. 52; issue 15)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from auditapp.core.findings import BREACH_ASSESSMENTS
from auditapp.core.workspace import FindingState
from auditapp.ui import labels
from auditapp.ui.date_field import OptionalDateField
from auditapp.ui.widgets import CommittingTextEdit, label


class EscalationBox(QGroupBox):
    """Reports each finished edit as edited(field, value), like the finding form's fields."""

    edited = Signal(str, object)

    def __init__(self, note: CommittingTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Escalation to the sponsor (critical finding)"))
        self.setObjectName("escalation")
        form = QFormLayout(self)
        hint = label(
            self.tr(
                "Tell the sponsor of a critical finding without waiting for the "
                "report, and record it here; the report states it, and it cannot "
                "be issued without it."
            ),
            "muted",
        )
        hint.setWordWrap(True)
        # Empty until the sponsor is told; the calendar opens on today, typing works too.
        self.informed_on = OptionalDateField()
        self.informed_on.edit.setPlaceholderText(self.tr("not yet"))
        self.informed_on.editingFinished.connect(
            lambda: self.edited.emit("sponsor_informed_on", self.informed_date())
        )
        self.informed_to = QLineEdit()
        self.informed_to.setPlaceholderText(self.tr("Name and function, and how (e.g. by phone)"))
        self.informed_to.editingFinished.connect(
            lambda: self.edited.emit("sponsor_informed_to", self.informed_to.text())
        )
        self.breach = QComboBox()
        # The long assessment texts would otherwise widen the whole finding editor.
        self.breach.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.breach.setMinimumContentsLength(28)
        for code in ("", *BREACH_ASSESSMENTS):
            self.breach.addItem(labels.breach(code), code)
        self.breach.activated.connect(
            lambda _i: self.edited.emit("breach_assessment", self.breach.currentData())
        )
        self.note = note  # committed through the form, like its other texts
        form.addRow(hint)
        form.addRow(self.tr("Sponsor told on"), self.informed_on)
        form.addRow(self.tr("Told to"), self.informed_to)
        form.addRow(self.tr("Serious breach?"), self.breach)
        form.addRow(self.tr("Assessment"), self.note)

    def set_finding(self, f: FindingState) -> None:
        self.informed_on.set_value(f.sponsor_informed_on)
        self.informed_to.setText(f.sponsor_informed_to)
        self.breach.setCurrentIndex(max(0, self.breach.findData(f.breach_assessment)))
        self.note.set_text_quietly(f.breach_note)

    def informed_date(self) -> dt.date | None:
        return self.informed_on.value()

    def values(self) -> dict[str, object]:
        return {
            "sponsor_informed_on": self.informed_date(),
            "sponsor_informed_to": self.informed_to.text(),
            "breach_assessment": self.breach.currentData() or "",
            "breach_note": self.note.toPlainText(),
        }

    def incomplete(self) -> bool:
        values = self.values()
        return (
            values["sponsor_informed_on"] is None
            or not str(values["sponsor_informed_to"]).strip()
            or not values["breach_assessment"]
        )
