"""The Qt item models on their own: no window, just data in and roles out."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from auditapp.core import findings
from auditapp.core.audits import AuditSummary
from auditapp.core.trail_query import TrailRow
from auditapp.core.workspace import AnswerState, FindingState
from auditapp.ui.audit_list import AuditFilter, AuditListModel
from auditapp.ui.checklist_model import PROGRESS_ROLE, QUESTION_ID_ROLE, ChecklistModel
from auditapp.ui.findings_model import FindingsModel
from auditapp.ui.trail_view import TrailFilter, TrailModel
from tests.audit_factory import mini_checklist

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def checklist(qapp):
    return mini_checklist()


def test_checklist_model_progress_and_navigation(checklist, qtbot):
    answers = {"ORG-01": AnswerState("ORG-01", "compliant", "")}
    model = ChecklistModel(checklist, answers)
    assert model.rowCount() == 2
    org = model.index(0, 0)
    assert org.data() == "ORG  Organisation" and org.data(PROGRESS_ROLE) == (1, 2)
    section = model.index(0, 0, org)
    question = model.index(1, 0, section)
    assert question.data(QUESTION_ID_ROLE) == "ORG-02"
    assert model.parent(question) == section
    assert model.index(0, 1, section).data() == "C"
    assert model.next_unanswered("ORG-01") == "ORG-02"
    assert model.next_question("CSV-01") is None
    answers["ORG-02"] = AnswerState("ORG-02", "not_applicable", "")
    with qtbot.waitSignals([model.dataChanged] * 3):  # question, section and area repaint
        model.answer_changed("ORG-02")
    assert model.index(0, 1).data() == "2/2"
    assert model.next_unanswered("ORG-02") == "CSV-01"


def _summary(ref: str, status: str, auditee: str, year: int, counts: dict[str, int]):
    return AuditSummary(
        ref,
        f"Audit {ref}",
        auditee,
        status,
        "vendor_qualification",
        dt.date(year, 3, 1),
        counts,
        1,
        10,
    )


def test_audit_list_model_counts_per_grade_and_filters(qapp):
    model = AuditListModel(findings.EMA_SCHEME)
    model.set_rows(
        [
            _summary("AUD-2025-001", "closed", "Alpha", 2025, {"critical": 1}),
            _summary("AUD-2026-001", "in_progress", "Beta", 2026, {"minor": 3}),
        ]
    )
    assert model.columnCount() == 7 + 4
    critical = 7
    assert model.headerData(critical, Qt.Orientation.Horizontal) == "Critical"
    assert model.index(0, critical).data() == "1"
    assert model.index(1, critical).data() == "·"
    assert model.index(1, model.STATUS).data() == "In progress"
    proxy = AuditFilter()
    proxy.setSourceModel(model)
    proxy.set_filter(status="closed")
    assert proxy.rowCount() == 1
    proxy.set_filter(text="beta")
    assert proxy.index(0, 0).data() == "AUD-2026-001"
    proxy.set_filter(year=2025)
    assert proxy.index(0, 0).data() == "AUD-2025-001"
    proxy.set_filter()
    proxy.sort(model.STATUS)  # by workflow order, not alphabet
    assert [proxy.index(r, 0).data() for r in range(2)] == ["AUD-2026-001", "AUD-2025-001"]


def test_findings_model_keeps_report_order_and_numbers(qapp):
    model = FindingsModel(findings.EMA_SCHEME)
    model.set_findings(
        {
            3: FindingState(3, 3, "Third", "major"),
            1: FindingState(1, 1, "First", "critical", capa_due_date=dt.date(2026, 1, 2)),
        }
    )
    assert [model.index(r, 0).data() for r in range(2)] == ["F-01", "F-03"]
    assert model.index(0, model.CLASSIFICATION).data() == "Critical"
    assert model.index(0, model.DUE).data() == "2026-01-02"
    assert model.index(1, model.DUE).data() == "—"
    assert model.row_of(3) == 1


def test_trail_filter(qapp):
    at = dt.datetime(2026, 5, 1, 10, 0, tzinfo=dt.UTC)
    rows = [
        TrailRow(at, "anna", "update", "finding", "1", "finding F-01", "title", "a", "b", ""),
        TrailRow(
            at - dt.timedelta(days=30),
            "tom",
            "delete",
            "finding",
            "2",
            "finding F-02",
            None,
            "{}",
            None,
            "duplicate",
        ),
    ]
    model = TrailModel()
    model.set_rows(rows)
    assert model.index(0, model.ACTION).data() == "changed"
    proxy = TrailFilter()
    proxy.setSourceModel(model)
    proxy.set_filter(user="tom")
    assert proxy.rowCount() == 1
    proxy.set_filter(text="DUPLICATE")
    assert proxy.rowCount() == 1
    proxy.set_filter(since=dt.date(2026, 4, 20))
    assert proxy.rowCount() == 1 and proxy.index(0, 1).data() == "anna"
