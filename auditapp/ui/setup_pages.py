"""The pages of the set-up dialog: general, parties, scope, people, checklist, conclusion (a
mixin of SetupDialog; its texts stay in the SetupDialog translation context)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.audit_details import CRITERIA_EDITIONS, MODES, AuditDetails
from auditapp.core.models import AuditType, Language, codes
from auditapp.ui import labels
from auditapp.ui.date_field import OptionalDateField
from auditapp.ui.setup_tables import people_table, studies_table, team_table
from auditapp.ui.widgets import label

# The audit dates may be "not set": typed in the locale's format or picked from a calendar.
DateField = OptionalDateField


def _text_box(value: str, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(value)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(90)
    return box


class SetupPages:
    """Builds each page's widgets as attributes of SetupDialog, which reads them back."""

    _fill_outcomes: Any
    _fill_areas: Any

    def _general_page(self, d: AuditDetails) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.reference = QLineEdit(d.reference)
        self.reference.setToolTip(
            QCoreApplication.translate(
                "SetupDialog", "Proposed; change it to your own numbering if needed"
            )
        )
        self.title = QLineEdit(d.title)
        self.title.setPlaceholderText(
            QCoreApplication.translate(
                "SetupDialog", "e.g. Vendor qualification audit of Example CRO"
            )
        )
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
        dates.addWidget(label(QCoreApplication.translate("SetupDialog", "Planned"), "muted"), 0, 0)
        dates.addWidget(self.planned_start, 0, 1)
        dates.addWidget(label("–"), 0, 2)
        dates.addWidget(self.planned_end, 0, 3)
        dates.addWidget(label(QCoreApplication.translate("SetupDialog", "Actual"), "muted"), 1, 0)
        dates.addWidget(self.actual_start, 1, 1)
        dates.addWidget(label("–"), 1, 2)
        dates.addWidget(self.actual_end, 1, 3)
        dates.setColumnStretch(4, 1)
        form.addRow(QCoreApplication.translate("SetupDialog", "&Reference"), self.reference)
        form.addRow(QCoreApplication.translate("SetupDialog", "&Title"), self.title)
        form.addRow(QCoreApplication.translate("SetupDialog", "Audit t&ype"), self.audit_type)
        form.addRow(QCoreApplication.translate("SetupDialog", "Mode"), self.mode)
        form.addRow(QCoreApplication.translate("SetupDialog", "Dates"), dates)
        form.addRow(QCoreApplication.translate("SetupDialog", "Report language"), self.language)
        return page

    def _parties_page(self, d: AuditDetails) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.sponsor_name = QLineEdit(d.sponsor_name)
        self.sponsor_address = _text_box(d.sponsor_address)
        self.auditee_name = QLineEdit(d.auditee_name)
        self.auditee_address = _text_box(d.auditee_address)
        self.locations = _text_box(
            d.locations, QCoreApplication.translate("SetupDialog", "Sites and departments visited")
        )
        self.studies = studies_table(d.studies)
        form.addRow(QCoreApplication.translate("SetupDialog", "Sponsor"), self.sponsor_name)
        form.addRow(
            QCoreApplication.translate("SetupDialog", "Sponsor address"), self.sponsor_address
        )
        form.addRow(QCoreApplication.translate("SetupDialog", "Auditee (CRO)"), self.auditee_name)
        form.addRow(
            QCoreApplication.translate("SetupDialog", "Auditee address"), self.auditee_address
        )
        form.addRow(QCoreApplication.translate("SetupDialog", "Locations"), self.locations)
        form.addRow(QCoreApplication.translate("SetupDialog", "Studies"), self.studies)
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
        self.other_criteria = _text_box(
            d.other_criteria,
            QCoreApplication.translate(
                "SetupDialog", "Other regulations, contracts and SOPs audited against"
            ),
        )
        form.addRow(QCoreApplication.translate("SetupDialog", "Objectives"), self.objectives)
        form.addRow(QCoreApplication.translate("SetupDialog", "Scope"), self.scope)
        form.addRow(QCoreApplication.translate("SetupDialog", "Criteria"), self.criteria)
        form.addRow(
            QCoreApplication.translate("SetupDialog", "Other criteria"), self.other_criteria
        )
        return page

    def _people_page(self, d: AuditDetails, auditors: list[tuple[str, str]]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.lead = QComboBox()
        self.lead.addItem(QCoreApplication.translate("SetupDialog", "— not set —"), "")
        for username, full_name in auditors:
            self.lead.addItem(f"{full_name} ({username})", username)
        self.lead.setCurrentIndex(max(0, self.lead.findData(d.lead_auditor)))
        self.team = team_table(d.team)
        self.people = people_table(d.participants)
        form.addRow(QCoreApplication.translate("SetupDialog", "Lead auditor"), self.lead)
        form.addRow(QCoreApplication.translate("SetupDialog", "Audit team"), self.team)
        form.addRow(QCoreApplication.translate("SetupDialog", "Auditee participants"), self.people)
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
        layout.addWidget(
            label(QCoreApplication.translate("SetupDialog", "Checklist"), "sectionlabel")
        )
        layout.addWidget(self.checklist)
        layout.addWidget(
            label(QCoreApplication.translate("SetupDialog", "Areas in scope"), "sectionlabel")
        )
        layout.addWidget(
            label(
                QCoreApplication.translate(
                    "SetupDialog",
                    "Each question says which audit types ask it; the counts below are the questions "
                    "this audit type asks (General › Audit type). Point at an area to see which "
                    "questions are left out.",
                ),
                "muted",
            )
        )
        layout.addWidget(self.areas, 1)
        if not new:
            layout.addWidget(
                label(
                    QCoreApplication.translate(
                        "SetupDialog",
                        "Answers to areas taken out of scope are kept and "
                        "come back if the area returns.",
                    ),
                    "muted",
                )
            )
        self._fill_areas(d.area_ids)
        return page

    def _conclusion_page(self, d: AuditDetails) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        j = d.judgement
        self.outcome = QComboBox()
        self.outcome.setToolTip(
            QCoreApplication.translate(
                "SetupDialog",
                "A vendor qualification ends in an approval decision; "
                "other audits in an assessment of acceptability",
            )
        )
        self._fill_outcomes(d.audit_type, j.overall_rating)
        self.audit_type.currentIndexChanged.connect(
            lambda _i: self._fill_outcomes(
                self.audit_type.currentData(), self.outcome.currentData() or ""
            )
        )
        self.conclusion = _text_box(
            j.conclusion,
            QCoreApplication.translate(
                "SetupDialog",
                "The overall conclusion: what the findings mean for the sponsor and what must "
                "happen next",
            ),
        )
        self.conclusion.setMaximumHeight(140)
        self.sampling = _text_box(
            j.sampling,
            QCoreApplication.translate(
                "SetupDialog",
                "What was sampled, how many of how many, and how the samples were chosen",
            ),
        )
        self.positive = _text_box(
            j.positive_observations,
            QCoreApplication.translate(
                "SetupDialog",
                'Good practice seen, one per line (write "none noted" if there was none)',
            ),
        )
        self.distribution = _text_box(
            j.distribution,
            QCoreApplication.translate(
                "SetupDialog", "Recipients of the report, one per line or separated by semicolons"
            ),
        )
        form.addRow(
            label(
                QCoreApplication.translate(
                    "SetupDialog", "All five are required before the report can be issued."
                ),
                "muted",
            )
        )
        form.addRow(QCoreApplication.translate("SetupDialog", "Overall &outcome"), self.outcome)
        form.addRow(
            QCoreApplication.translate("SetupDialog", "Overall co&nclusion"), self.conclusion
        )
        form.addRow(QCoreApplication.translate("SetupDialog", "&Sampling"), self.sampling)
        form.addRow(
            QCoreApplication.translate("SetupDialog", "&Positive observations"), self.positive
        )
        form.addRow(
            QCoreApplication.translate("SetupDialog", "&Distribution list"), self.distribution
        )
        return page
