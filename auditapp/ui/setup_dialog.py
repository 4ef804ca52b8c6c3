"""New audit and audit details: one dialog with pages, used for set-up and for later edits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import judgement
from auditapp.core.audit_details import AuditDetails
from auditapp.core.checklists import Checklist
from auditapp.ui import labels
from auditapp.ui.setup_pages import SetupPages
from auditapp.ui.setup_tables import read_people, read_studies, read_team
from auditapp.ui.widgets import MessageBar


class SetupDialog(SetupPages, QDialog):
    """submit(details) stores them and returns None, or returns the message that refused them."""

    def __init__(
        self,
        details: AuditDetails,
        *,
        checklists: list[Checklist],
        auditors: list[tuple[str, str]],
        submit: Callable[[AuditDetails], str | None],
        new: bool,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("New audit") if new else self.tr("Audit details"))
        self._details = details
        self._submit = submit
        self._lang = language
        self._checklists = {c.id: c for c in checklists}
        self.messages = MessageBar()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_page(details), self.tr("General"))
        self.tabs.addTab(self._parties_page(details), self.tr("Auditee and studies"))
        self.tabs.addTab(self._scope_page(details), self.tr("Objectives and scope"))
        self.tabs.addTab(self._people_page(details, auditors), self.tr("People"))
        self.tabs.addTab(self._checklist_page(details, new), self.tr("Checklist"))
        self.tabs.addTab(self._conclusion_page(details), self.tr("Conclusion"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create audit") if new else self.tr("Save changes")
        )
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.messages)  # beside the button just pressed
        layout.addWidget(buttons)
        self.resize(820, 600)
        self.title.setFocus()

    def _fill_outcomes(self, audit_type: str, current: str) -> None:
        self.outcome.clear()
        self.outcome.addItem(self.tr("— not stated —"), "")
        codes = list(judgement.outcomes_for(audit_type))
        if current in judgement.LEGACY_OUTCOMES:
            codes.append(current)
        for code in codes:
            self.outcome.addItem(labels.outcome(code), code)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(current)))

    def show_field(self, name: str) -> None:
        """Open the page that holds an audit field named by a pre-issue problem."""
        widgets = {
            "overall_rating": self.outcome,
            "conclusion": self.conclusion,
            "sampling": self.sampling,
            "positive_observations": self.positive,
            "distribution": self.distribution,
            "scope": self.scope,
            "objectives": self.objectives,
            "lead_auditor": self.lead,
            "team": self.team,
            "actual_start": self.actual_start,
            "actual_end": self.actual_end,
        }
        widget = widgets.get(name)
        if widget is None:
            return
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
                break
        widget.setFocus()

    def _fill_areas(self, chosen: tuple[str, ...] | None) -> None:
        """Areas with the number of questions this audit type asks; the tooltip names the
        questions the type leaves out, so 0/9 in the walk is no surprise after "ORG (10)"."""
        from auditapp.core.checklists import CHECKLIST_AUDIT_TYPES

        if chosen is None:  # the audit type changed: keep the ticks
            chosen = tuple(
                str(self.areas.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.areas.count())
                if self.areas.item(i).checkState() == Qt.CheckState.Checked
            )
        self.areas.clear()
        checklist = self._checklists.get(self.checklist.currentData() or "")
        if checklist is None:
            return
        audit_type = self.audit_type.currentData()
        kind = labels.audit_type(audit_type)
        for area in checklist.areas:
            asked = [
                q
                for q in area.questions
                if audit_type not in CHECKLIST_AUDIT_TYPES or audit_type in q.audit_types
            ]
            left_out = [q.id for q in area.questions if q not in asked]
            text = f"{area.id}  {area.title[self._lang]}  " + self.tr(
                "(%n question(s)", "", len(asked)
            )
            if left_out:
                text += self.tr("; %n not asked in this audit type", "", len(left_out))
            item = QListWidgetItem(text + ")")
            if left_out:
                item.setToolTip(
                    self.tr("Not asked in a %1 audit: %2")
                    .replace("%1", kind)
                    .replace("%2", ", ".join(left_out))
                )
            item.setData(Qt.ItemDataRole.UserRole, area.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = not chosen or area.id in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.areas.addItem(item)

    # --- result --------------------------------------------------------------------------------

    def details(self) -> AuditDetails:
        areas = tuple(
            str(self.areas.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.areas.count())
            if self.areas.item(i).checkState() == Qt.CheckState.Checked
        )
        return self._details.replace(
            reference=self.reference.text(),
            title=self.title.text(),
            audit_type=self.audit_type.currentData(),
            mode=self.mode.currentData(),
            language=self.language.currentData(),
            planned_start=self.planned_start.value(),
            planned_end=self.planned_end.value(),
            actual_start=self.actual_start.value(),
            actual_end=self.actual_end.value(),
            sponsor_name=self.sponsor_name.text(),
            sponsor_address=self.sponsor_address.toPlainText(),
            auditee_name=self.auditee_name.text(),
            auditee_address=self.auditee_address.toPlainText(),
            locations=self.locations.toPlainText(),
            studies=read_studies(self.studies),
            objectives=self.objectives.toPlainText(),
            scope=self.scope.toPlainText(),
            criteria_editions=self.criteria.currentData(),
            other_criteria=self.other_criteria.toPlainText(),
            lead_auditor=self.lead.currentData() or "",
            team=read_team(self.team),
            participants=read_people(self.people),
            checklist_id=self.checklist.currentData() or "",
            area_ids=areas or self._details.area_ids,
            judgement=judgement.Judgement(
                overall_rating=self.outcome.currentData() or "",
                conclusion=self.conclusion.toPlainText(),
                sampling=self.sampling.toPlainText(),
                positive_observations=self.positive.toPlainText(),
                distribution=self.distribution.toPlainText(),
            ),
        )

    def commit(self) -> None:
        for field in (self.planned_start, self.planned_end, self.actual_start, self.actual_end):
            field.edit.editingFinished.emit()  # read what is typed but not yet left
            if not field.is_valid():
                self.messages.show_error(
                    self.tr(
                        "One of the dates cannot be read. Type it as %1, or pick it from the "
                        "calendar."
                    ).replace("%1", field._pattern_hint())
                )
                field.edit.setFocus()
                field.edit.selectAll()
                return
        if self.areas.count() and not any(
            self.areas.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.areas.count())
        ):
            self.messages.show_error(self.tr("Choose at least one area in scope."))
            return
        error = self._submit(self.details())
        if error:
            self.messages.show_error(error)
            self._show_field_of(error)
            return
        self.accept()

    def _show_field_of(self, error: str) -> None:
        """Open the page of the field a refusal names and put the cursor there."""
        text = error.lower()
        fields: list[tuple[str, QWidget]] = [
            ("reference", self.reference),
            ("title", self.title),
            ("planned", self.planned_start),
            ("actual", self.actual_start),
            ("end date", self.planned_end),
            ("sponsor", self.sponsor_name),
            ("auditee", self.auditee_name),
            ("lead auditor", self.lead),
            ("checklist", self.checklist),
        ]
        for word, widget in fields:
            if word in text:
                for index in range(self.tabs.count()):
                    if self.tabs.widget(index).isAncestorOf(widget):
                        self.tabs.setCurrentIndex(index)
                widget.setFocus()
                return
