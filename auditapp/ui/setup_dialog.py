"""New audit and audit details: one dialog with pages, used for set-up and for later edits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import judgement
from auditapp.core.audit_details import CRITERIA_EDITIONS, MODES, AuditDetails
from auditapp.core.checklists import Checklist
from auditapp.core.models import AuditType, Language, codes
from auditapp.ui import labels
from auditapp.ui.date_field import OptionalDateField
from auditapp.ui.setup_tables import (
    people_table,
    read_people,
    read_studies,
    read_team,
    studies_table,
    team_table,
)
from auditapp.ui.widgets import MessageBar, label

# The audit dates may be "not set": typed in the locale's format or picked from a calendar.
DateField = OptionalDateField


def _text_box(value: str, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(value)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(90)
    return box


class SetupDialog(QDialog):
    """submit(details) stores them and returns None, or returns the message that refused them."""

    def __init__(self, details: AuditDetails, *, checklists: list[Checklist],
                 auditors: list[tuple[str, str]], submit: Callable[[AuditDetails], str | None],
                 new: bool, language: str = "en", parent: QWidget | None = None) -> None:
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create audit") if new else self.tr("Save changes"))
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.messages)  # beside the button just pressed
        layout.addWidget(buttons)
        self.resize(820, 600)
        self.title.setFocus()

    # --- pages ---------------------------------------------------------------------------------

    def _general_page(self, d: AuditDetails) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.reference = QLineEdit(d.reference)
        self.reference.setToolTip(self.tr("Proposed; change it to your own numbering if needed"))
        self.title = QLineEdit(d.title)
        self.title.setPlaceholderText(self.tr("e.g. Vendor qualification audit of Example CRO"))
        self.audit_type = QComboBox()
        for t in AuditType:
            self.audit_type.addItem(labels.audit_type(t.value), t.value)
        self.audit_type.setCurrentIndex(self.audit_type.findData(d.audit_type))
        self.mode = QComboBox()
        for m in MODES:
            self.mode.addItem(labels.mode(m), m)
        self.mode.setCurrentIndex(self.mode.findData(d.mode))
        self.language = QComboBox()
        for code in codes(Language):
            self.language.addItem(labels.language(code), code)
        self.language.setCurrentIndex(self.language.findData(d.language))
        self.planned_start, self.planned_end = DateField(d.planned_start), DateField(d.planned_end)
        self.actual_start, self.actual_end = DateField(d.actual_start), DateField(d.actual_end)
        dates = QGridLayout()
        dates.addWidget(label(self.tr("Planned"), "muted"), 0, 0)
        dates.addWidget(self.planned_start, 0, 1)
        dates.addWidget(label("–"), 0, 2)
        dates.addWidget(self.planned_end, 0, 3)
        dates.addWidget(label(self.tr("Actual"), "muted"), 1, 0)
        dates.addWidget(self.actual_start, 1, 1)
        dates.addWidget(label("–"), 1, 2)
        dates.addWidget(self.actual_end, 1, 3)
        dates.setColumnStretch(4, 1)
        form.addRow(self.tr("&Reference"), self.reference)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("Audit t&ype"), self.audit_type)
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("Report language"), self.language)
        return page

    def _parties_page(self, d: AuditDetails) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.sponsor_name = QLineEdit(d.sponsor_name)
        self.sponsor_address = _text_box(d.sponsor_address)
        self.auditee_name = QLineEdit(d.auditee_name)
        self.auditee_address = _text_box(d.auditee_address)
        self.locations = _text_box(d.locations, self.tr("Sites and departments visited"))
        self.studies = studies_table(d.studies)
        form.addRow(self.tr("Sponsor"), self.sponsor_name)
        form.addRow(self.tr("Sponsor address"), self.sponsor_address)
        form.addRow(self.tr("Auditee (CRO)"), self.auditee_name)
        form.addRow(self.tr("Auditee address"), self.auditee_address)
        form.addRow(self.tr("Locations"), self.locations)
        form.addRow(self.tr("Studies"), self.studies)
        return page

    def _scope_page(self, d: AuditDetails) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.objectives = _text_box(d.objectives)
        self.scope = _text_box(d.scope)
        self.criteria = QComboBox()
        for c in CRITERIA_EDITIONS:
            self.criteria.addItem(labels.criteria(c), c)
        self.criteria.setCurrentIndex(self.criteria.findData(d.criteria_editions))
        self.other_criteria = _text_box(d.other_criteria, self.tr(
            "Other regulations, contracts and SOPs audited against"))
        form.addRow(self.tr("Objectives"), self.objectives)
        form.addRow(self.tr("Scope"), self.scope)
        form.addRow(self.tr("Criteria"), self.criteria)
        form.addRow(self.tr("Other criteria"), self.other_criteria)
        return page

    def _people_page(self, d: AuditDetails, auditors: list[tuple[str, str]]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.lead = QComboBox()
        self.lead.addItem(self.tr("— not set —"), "")
        for username, full_name in auditors:
            self.lead.addItem(f"{full_name} ({username})", username)
        self.lead.setCurrentIndex(max(0, self.lead.findData(d.lead_auditor)))
        self.team = team_table(d.team)
        self.people = people_table(d.participants)
        form.addRow(self.tr("Lead auditor"), self.lead)
        form.addRow(self.tr("Audit team"), self.team)
        form.addRow(self.tr("Auditee participants"), self.people)
        return page

    def _checklist_page(self, d: AuditDetails, new: bool) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.checklist = QComboBox()
        for c in self._checklists.values():
            self.checklist.addItem(f"{c.title[self._lang]}  (v{c.version})", c.id)
        if d.checklist_id and self.checklist.findData(d.checklist_id) < 0:
            self.checklist.addItem(d.checklist_id, d.checklist_id)
        self.checklist.setCurrentIndex(max(0, self.checklist.findData(d.checklist_id)))
        self.checklist.setEnabled(new)
        self.checklist.currentIndexChanged.connect(lambda _i: self._fill_areas(()))
        self.areas = QListWidget()
        self.audit_type.currentIndexChanged.connect(lambda _i: self._fill_areas(None))
        layout.addWidget(label(self.tr("Checklist"), "sectionlabel"))
        layout.addWidget(self.checklist)
        layout.addWidget(label(self.tr("Areas in scope"), "sectionlabel"))
        layout.addWidget(label(self.tr(
            "Each question says which audit types ask it; the counts below are the questions "
            "this audit type asks (General › Audit type). Point at an area to see which "
            "questions are left out."), "muted"))
        layout.addWidget(self.areas, 1)
        if not new:
            layout.addWidget(label(self.tr("Answers to areas taken out of scope are kept and "
                                           "come back if the area returns."), "muted"))
        self._fill_areas(d.area_ids)
        return page

    def _conclusion_page(self, d: AuditDetails) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        j = d.judgement
        self.outcome = QComboBox()
        self.outcome.setToolTip(self.tr("A vendor qualification ends in an approval decision; "
                                        "other audits in an assessment of acceptability"))
        self._fill_outcomes(d.audit_type, j.overall_rating)
        self.audit_type.currentIndexChanged.connect(
            lambda _i: self._fill_outcomes(self.audit_type.currentData(),
                                           self.outcome.currentData() or ""))
        self.conclusion = _text_box(j.conclusion, self.tr(
            "The overall conclusion: what the findings mean for the sponsor and what must "
            "happen next"))
        self.conclusion.setMaximumHeight(140)
        self.sampling = _text_box(j.sampling, self.tr(
            "What was sampled, how many of how many, and how the samples were chosen"))
        self.positive = _text_box(j.positive_observations, self.tr(
            "Good practice seen, one per line (write \"none noted\" if there was none)"))
        self.distribution = _text_box(j.distribution, self.tr(
            "Recipients of the report, one per line or separated by semicolons"))
        form.addRow(label(self.tr("All five are required before the report can be issued."),
                          "muted"))
        form.addRow(self.tr("Overall &outcome"), self.outcome)
        form.addRow(self.tr("Overall co&nclusion"), self.conclusion)
        form.addRow(self.tr("&Sampling"), self.sampling)
        form.addRow(self.tr("&Positive observations"), self.positive)
        form.addRow(self.tr("&Distribution list"), self.distribution)
        return page

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
            "overall_rating": self.outcome, "conclusion": self.conclusion,
            "sampling": self.sampling, "positive_observations": self.positive,
            "distribution": self.distribution, "scope": self.scope,
            "objectives": self.objectives, "lead_auditor": self.lead, "team": self.team,
            "actual_start": self.actual_start, "actual_end": self.actual_end,
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
            chosen = tuple(str(self.areas.item(i).data(Qt.ItemDataRole.UserRole))
                           for i in range(self.areas.count())
                           if self.areas.item(i).checkState() == Qt.CheckState.Checked)
        self.areas.clear()
        checklist = self._checklists.get(self.checklist.currentData() or "")
        if checklist is None:
            return
        audit_type = self.audit_type.currentData()
        kind = labels.audit_type(audit_type)
        for area in checklist.areas:
            asked = [q for q in area.questions if audit_type not in CHECKLIST_AUDIT_TYPES
                     or audit_type in q.audit_types]
            left_out = [q.id for q in area.questions if q not in asked]
            text = f"{area.id}  {area.title[self._lang]}  " + self.tr(
                "(%n question(s)", "", len(asked))
            if left_out:
                text += self.tr("; %n not asked in this audit type", "", len(left_out))
            item = QListWidgetItem(text + ")")
            if left_out:
                item.setToolTip(self.tr("Not asked in a %1 audit: %2").replace(
                    "%1", kind).replace("%2", ", ".join(left_out)))
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
            reference=self.reference.text(), title=self.title.text(),
            audit_type=self.audit_type.currentData(), mode=self.mode.currentData(),
            language=self.language.currentData(),
            planned_start=self.planned_start.value(), planned_end=self.planned_end.value(),
            actual_start=self.actual_start.value(), actual_end=self.actual_end.value(),
            sponsor_name=self.sponsor_name.text(),
            sponsor_address=self.sponsor_address.toPlainText(),
            auditee_name=self.auditee_name.text(),
            auditee_address=self.auditee_address.toPlainText(),
            locations=self.locations.toPlainText(), studies=read_studies(self.studies),
            objectives=self.objectives.toPlainText(), scope=self.scope.toPlainText(),
            criteria_editions=self.criteria.currentData(),
            other_criteria=self.other_criteria.toPlainText(),
            lead_auditor=self.lead.currentData() or "", team=read_team(self.team),
            participants=read_people(self.people),
            checklist_id=self.checklist.currentData() or "",
            area_ids=areas or self._details.area_ids,
            judgement=judgement.Judgement(
                overall_rating=self.outcome.currentData() or "",
                conclusion=self.conclusion.toPlainText(), sampling=self.sampling.toPlainText(),
                positive_observations=self.positive.toPlainText(),
                distribution=self.distribution.toPlainText()),
        )

    def commit(self) -> None:
        for field in (self.planned_start, self.planned_end, self.actual_start, self.actual_end):
            field.edit.editingFinished.emit()  # read what is typed but not yet left
            if not field.is_valid():
                self.messages.show_error(self.tr(
                    "One of the dates cannot be read. Type it as %1, or pick it from the "
                    "calendar.").replace("%1", field._pattern_hint()))
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
            ("reference", self.reference), ("title", self.title),
            ("planned", self.planned_start), ("actual", self.actual_start),
            ("end date", self.planned_end), ("sponsor", self.sponsor_name),
            ("auditee", self.auditee_name), ("lead auditor", self.lead),
            ("checklist", self.checklist)]
        for word, widget in fields:
            if word in text:
                for index in range(self.tabs.count()):
                    if self.tabs.widget(index).isAncestorOf(widget):
                        self.tabs.setCurrentIndex(index)
                widget.setFocus()
                return
