"""The CRO register window and the oversight dashboard, driven with pytest-qt."""

from __future__ import annotations

import subprocess

import cro_history
import pytest
from conftest import require_tool
from cro_history import CRO, TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_helpers import OFFSCREEN_NOISE

from auditapp.core import cro_register, kpi_records
from auditapp.ui.cro_register_window import CroRegisterWindow
from auditapp.ui.oversight_dashboard import OversightDashboard

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return cro_history.make_template(tmp_path_factory.mktemp("cro"))


@pytest.fixture
def history(template, tmp_path):
    database = cro_history.copy_of(template, tmp_path)
    yield database
    database.close()


@pytest.fixture
def window(qtbot, history):
    w = CroRegisterWindow(history, actor="anna", today=TODAY)
    qtbot.addWidget(w)
    w.show()
    return w


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_register_lists_the_cro_with_risk_and_next_audit(window):
    model = window.model
    assert model.rowCount() == 1
    row = {
        model.headerData(c, Qt.Orientation.Horizontal): model.index(0, c).data()
        for c in range(model.columnCount())
    }
    assert row["CRO"] == CRO and row["Qualification"] == "Conditional"
    assert row["Risk score"] == "34.2 (high)" and row["Next audit"] == "2027-10-15"
    assert row["Overdue"] == "3" and row["Repeat findings"] == "1"
    assert "Proposed next audit" in window.overview.text()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Overview", "Audits", "Open CAPAs", "KPIs", "Escalations", "Qualification"]
    capas = window.tabs.widget(2)
    assert capas.rowCount() == 4 and capas.item(0, 5).text() == "489"


def test_kpi_breach_from_the_form_opens_an_escalation(window, history):
    dialog = window.record_kpi()
    dialog.kpi.setCurrentIndex(dialog.kpi.findData("tmf_completeness"))
    dialog.study.setText("NW-301")
    dialog.period.setText("2026-10")
    dialog.value.setText("abc")
    _ok(dialog)
    assert dialog.isVisible() and "not a number" in dialog.error.text()
    with history.session() as s:
        assert kpi_records.series(s, cro_register.find_cro(s, CRO)) == []
    dialog.value.setText("84")
    _ok(dialog)
    assert not dialog.isVisible()
    assert "ESC-001 opened" in window.message.text()
    assert window.model.index(0, 6).data() == "36.2 (high)"  # + one open escalation
    escalations = window.tabs.widget(4)
    assert escalations.rowCount() == 1 and escalations.item(0, 0).text() == "ESC-001"

    update = window.update_escalation()
    update.action.setPlainText("CRO hired two TMF specialists")
    update.close_box.setChecked(True)
    _ok(update)
    assert "closure" in update.error.text()  # closing needs the resolution
    update.closure.setPlainText("Back at 96 % in November")
    _ok(update)
    with history.session() as s:
        entry = kpi_records.get_escalation(s, 1)
        assert entry.status == "closed" and "TMF specialists" in entry.actions


def test_qualification_form_records_a_decision(window, history):
    dialog = window.record_qualification()
    dialog.status.setCurrentIndex(dialog.status.findData("not_approved"))
    dialog.audit.setCurrentIndex(dialog.audit.findData("AUD-2024-011"))
    assert dialog.status.currentData() == "approved"  # proposed by that audit's outcome
    dialog.status.setCurrentIndex(dialog.status.findData("approved"))
    dialog.audit.setCurrentIndex(dialog.audit.findData("AUD-2026-019"))
    dialog.effective.setText("2026-11-28")
    _ok(dialog)
    assert not dialog.isVisible()
    assert window.model.index(0, 1).data() == "Approved"
    history_table = window.tabs.widget(5)
    assert history_table.rowCount() == 3
    assert (
        history_table.item(0, 0).text() == "2026-11-28"
        and history_table.item(0, 5).text() == "anna"
    )


def test_dashboard_charts_per_cro_and_across(qtbot, history):
    with history.session(actor="anna") as s:
        org = cro_register.find_cro(s, CRO)
        for period, value in (("2026-Q2", 96), ("2026-Q3", 92.5), ("2026-10", 84)):
            kpi_records.record(
                s,
                org,
                kpi_id="tmf_completeness",
                period=period,
                value=value,
                study="NW-301",
                today=TODAY,
            )
    dashboard = OversightDashboard(history, today=TODAY)
    qtbot.addWidget(dashboard)
    dashboard.resize(1366, 768)
    dashboard.show()
    assert dashboard.kpi_box.currentData() == "tmf_completeness"  # the breached KPI first
    dashboard.show_cro(CRO)
    data = dashboard.chart_data
    assert data["grades"][0] == ["AUD-2024-011", "AUD-2025-004", "AUD-2026-019"]
    assert [g["major"] for g in data["grades"][1]] == [1, 1, 1]
    assert data["areas"][0] == ["Computerised systems", "Organisation"]
    assert data["ageing"] == (["0-30", "31-60", "61-90", ">90"], [0, 2, 0, 2])
    assert [(p[1], p[2]) for p in data["trend"]["NW-301"]] == [
        (96, "ok"),
        (92.5, "warning"),
        (84, "breach"),
    ]
    titles = [v.title for v in dashboard.views]
    assert titles == [
        "Findings by grade per audit",
        "Findings by area and grade",
        "Open CAPAs by age (days)",
        "TMF completeness",
    ]
    qtbot.waitUntil(lambda: all(v.pixmap().width() > 300 for v in dashboard.views))
    trend = dashboard.views[3].source.toImage()
    assert trend.width() > 1000  # the full-resolution chart, scaled on screen
    assert "risk score 36.2 (high), next audit 2027-10-15" in dashboard.summary.text()
    dashboard.show_cro("")
    assert dashboard.views[0].title == "Findings by grade per CRO"
    assert dashboard.chart_data["grades"][0] == [CRO]


def test_oversight_report_from_the_window(window, tmp_path):
    written = window.export_report(tmp_path / "oversight.pdf")
    assert written is not None
    text = subprocess.run(
        [require_tool("pdftotext"), str(written), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "CRO oversight report: Northwind" in text
    assert window.export_report(tmp_path / "oversight.txt") is None
    assert "must be pdf or docx" in window.message.text()


def test_main_window_has_the_oversight_menu(qtbot, history, tmp_path):
    from ui_helpers import new_window

    main = new_window(qtbot, history, tmp_path / "layout.ini")
    menus = {a.text(): a.menu() for a in main.menuBar().actions()}
    assert [a.text() for a in menus["&Oversight"].actions()] == [
        "CRO &register",
        "Oversight &dashboard",
    ]
    register = main.oversight.show_register()
    assert register.model.rowCount() == 1
    from PySide6.QtGui import QShortcut

    register.findChild(QShortcut).activated.emit()  # F1
    assert main.help_window.current_page == "oversight"
    register.close()


def test_update_escalation_takes_the_selected_entry(window, history):
    with history.session(actor="anna") as s:
        org = cro_register.find_cro(s, CRO)
        kpi_records.open_escalation(s, org, issue="CRA turnover", today=TODAY)
        kpi_records.open_escalation(s, org, issue="Late DMC minutes", level=2, today=TODAY)
    window.reload()
    window.tabs.setCurrentIndex(4)
    window.escalations_table.selectRow(1)
    dialog = window.update_escalation()
    assert dialog.windowTitle() == "Update ESC-002" and dialog.level.value() == 2
    dialog.level.setValue(3)
    _ok(dialog)
    with history.session() as s:
        entry = kpi_records.get_escalation(s, 2)
        assert entry.level == 3 and entry.owner.startswith("Joint oversight committee")
        assert kpi_records.get_escalation(s, 1).level == 1


def test_escalate_an_issue_from_the_register(window, history):
    dialog = window.escalate_issue()
    _ok(dialog)
    assert "describe the issue" in dialog.error.text()
    dialog.issue.setPlainText("Late DMC minutes twice in a row")
    dialog.level.setCurrentIndex(1)
    _ok(dialog)
    assert not dialog.isVisible() and "ESC-001 opened" in window.message.text()
    with history.session() as s:
        entry = kpi_records.get_escalation(s, 1)
        assert entry.level == 2 and entry.issue == "Late DMC minutes twice in a row"
