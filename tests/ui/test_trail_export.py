"""The audit trail for an inspector: grouped user actions, labels and values as seen, CSV and PDF."""

from __future__ import annotations

import csv
import io
import subprocess

import pytest
from audit_factory import make_audit, make_user
from conftest import require_tool
from PySide6.QtCore import Qt
from ui_helpers import OFFSCREEN_NOISE, audit_window

from auditapp.core import audits, registers, trail_query
from auditapp.reports.trail_actions import group_actions
from auditapp.reports.trail_export import export_trail

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)]


def _document(db, reference):
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, reference)
        registers.add_document(
            s, audit, title="Training SOP", version="3.0", document_date="2026-02-01"
        )


def test_one_register_entry_is_one_action_with_labels_and_local_values(db):
    make_user(db)
    reference = make_audit(db)
    _document(db, reference)
    with db.session() as s:
        rows = trail_query.audit_trail(s, audits.get_audit(s, reference).id)
    added = [r for r in rows if r.entity == "document_reviewed"]
    assert len(added) > 2  # several raw entries...
    actions = group_actions(rows, "de")
    document = [a for a in actions if a.subject.startswith("Geprüftes Dokument")]
    assert len(document) == 1  # ...one user action
    fields = {c.field: c.new for c in document[0].changes}
    assert fields["Dokumentdatum"] == "01.02.2026"
    assert "document_date" not in document[0].summary()
    english = group_actions(rows, "en")
    doc_en = next(a for a in english if a.subject.startswith("Document reviewed"))
    assert {c.field: c.new for c in doc_en.changes}["Document date"] == "1 Feb 2026"


def test_csv_and_pdf_exports_read_back(db, tmp_path):
    make_user(db)
    reference = make_audit(db)
    _document(db, reference)
    data = export_trail(db, reference, fmt="csv", language="en")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0][:3] == ["Action no.", "Time (UTC)", "User"]
    assert any(row[5] == "Document date" and row[7] == "1 Feb 2026" for row in lines[1:])
    pdf = tmp_path / "trail.pdf"
    pdf.write_bytes(export_trail(db, reference, fmt="pdf", language="de"))
    text = subprocess.run(
        [require_tool("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Audit-Trail" in text and reference in text and "Dokumentdatum" in text
    assert "document_date" not in text


@pytest.mark.gui
def test_trail_view_groups_and_exports(qtbot, db, tmp_path):
    window, _reference = audit_window(qtbot, db, tmp_path)
    ws = window.workspace
    ws.registers.documents.inputs["title"].setText("Monitoring plan")
    ws.registers.documents.add()
    ws.tabs.setCurrentWidget(ws.trail)
    trail = ws.trail
    rows = [
        trail.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(trail.proxy.rowCount())
    ]
    assert rows[0].subject == "Document reviewed Monitoring plan"
    assert trail.proxy.index(0, trail.model.CHANGES).data().startswith("Title: Monitoring plan")
    assert "action" in trail.count.text()
    target = tmp_path / "out.csv"
    trail.ask_path = lambda _suggested, _filter: str(target)
    assert trail.export("csv") == str(target)
    assert "Monitoring plan" in target.read_text(encoding="utf-8-sig")
