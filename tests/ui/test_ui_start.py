"""Start-up flows: sign-in, a new audit through the dialog, restart, background opening, smoke."""

from __future__ import annotations

import datetime as dt

import pytest
from audit_factory import PASSWORD, import_mini, make_audit, make_user
from conftest import run_cli
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from ui_helpers import OFFSCREEN_NOISE, audit_window, new_window, run_modal

from auditapp.core import audits, checklists, settings, setup
from auditapp.core.db import open_database
from auditapp.core.models import Audit, Response, User
from auditapp.ui.app import sign_in

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


def test_first_run_creates_an_account(qtbot, db):
    def fill(dialog):
        assert dialog.first_run
        dialog.user.setText("anna.becker")
        dialog.full_name.setText("Anna Becker")
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText("something-else-1")
        dialog.commit()
        assert "differ" in dialog.messages.text().lower()
        dialog.password.setText("short")
        dialog.repeat.setText("short")
        dialog.commit()
        assert "too short" in dialog.messages.text().lower()
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        # Next comes the administrator's recovery code, shown once.
        QTimer.singleShot(50, lambda: QApplication.activeModalWidget().accept())
        dialog.commit()

    result: list[str | None] = []
    run_modal(lambda: result.append(sign_in(db)), fill)
    assert result == ["anna.becker"]
    with db.session() as s:
        assert s.scalar(select(User.full_name)) == "Anna Becker"


def test_sign_in_refuses_a_wrong_password(qtbot, db):
    make_user(db)

    def fill(dialog):
        assert not dialog.first_run
        dialog.user.setText("anna")
        dialog.password.setText("wrong-password-1")
        dialog.commit()
        assert "wrong username or password" in dialog.messages.text().lower()
        assert dialog.password.text() == ""
        dialog.password.setText(PASSWORD)
        dialog.commit()

    result: list[str | None] = []
    run_modal(lambda: result.append(sign_in(db)), fill)
    assert result == ["anna"]


def test_new_audit_through_the_dialog_then_edit_details(qtbot, db, tmp_path):
    make_user(db)
    import_mini(db)
    window = new_window(qtbot, db, tmp_path / "layout.ini")
    assert window.list_page.empty.isVisible()

    def fill(dialog):
        assert dialog.reference.text() == f"AUD-{dt.date.today().year}-001"
        dialog.reference.setText("AUD-2026-042")
        qtbot.keyClicks(dialog.title, "Routine audit of Example CRO")
        dialog.audit_type.setCurrentIndex(dialog.audit_type.findData("for_cause"))
        dialog.auditee_name.setText("Example CRO Ltd.")
        dialog.auditee_address.setPlainText("1 Main Street, Leeds")
        dialog.studies.add_row(["EX-301", "Phase III study", "III"])
        dialog.team.add_row(["Jonas Weber", "expert", "CSV"])
        dialog.people.add_row(["Sarah Okafor", "Head of QA", True, False, True])
        dialog.criteria.setCurrentIndex(dialog.criteria.findData("R3"))
        dialog.checklist.setCurrentIndex(dialog.checklist.findData("mini-test"))
        dialog.planned_start.set_value(dt.date(2026, 5, 4))
        dialog.planned_end.set_value(dt.date(2026, 5, 1))
        dialog.commit()  # end before start: refused, nothing stored
        assert "before" in dialog.messages.text().lower()
        with db.session() as s:
            assert s.scalar(select(Audit)) is None
        dialog.planned_end.set_value(dt.date(2026, 5, 6))
        dialog.commit()

    run_modal(window.new_audit, fill)
    qtbot.waitUntil(lambda: window.workspace is not None)  # opened in the background
    with db.session() as s:
        details = setup.read_details(audits.get_audit(s, "AUD-2026-042"))
    assert details.lead_auditor == "anna" and details.criteria_editions == "R3"
    assert details.studies[0].protocol_number == "EX-301"
    assert details.participants[0].interviewed
    assert window.workspace.walk.model.order == ["ORG-02", "CSV-01"]

    def edit(dialog):
        dialog.scope.setPlainText("Data management and CSV")
        dialog.areas.item(1).setCheckState(Qt.CheckState.Unchecked)  # CSV out of scope
        dialog.commit()

    run_modal(window.edit_details, edit)
    with db.session() as s:
        audit = audits.get_audit(s, "AUD-2026-042")
        assert audit.scope == "Data management and CSV"
        assert [q.id for q in audits.audit_checklist(audit).questions] == ["ORG-02"]
    assert window.workspace.walk.model.order == ["ORG-02"]
    window.undo_action.trigger()  # details edits are undoable too
    with db.session() as s:
        assert audits.get_audit(s, "AUD-2026-042").scope == ""
    # ... and the walk is rebuilt with the area back in scope
    qtbot.waitUntil(lambda: window.workspace.walk.model.order == ["ORG-02", "CSV-01"])


def test_restart_finds_everything_as_it_was(qtbot, db, tmp_path):
    window, reference = audit_window(qtbot, db, tmp_path)
    walk = window.workspace.walk
    qtbot.keyClick(walk.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(walk.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    walk.focus_notes()
    qtbot.keyClicks(walk.pane.notes, "half done")
    window.workspace.findings.splitter.setSizes([300, 700])
    for title in ("First", "Second"):
        window.workspace.editor.add_finding({"title": title, "classification": "minor"})
    window.workspace.findings.select(2)
    window.resize(1000, 690)
    window.close()  # commits the notes still being typed
    db.close()

    again = open_database(db.path)
    try:
        window2 = new_window(qtbot, again, tmp_path / "layout.ini")
        window2.restore_session(wait=True)
        ws = window2.workspace
        assert ws is not None and ws.editor.state.reference == reference
        assert ws.walk.current_question == "ORG-02"
        assert ws.walk.pane.answer_buttons["partially_compliant"].isChecked()
        assert ws.walk.pane.notes.toPlainText() == "half done"
        assert window2.size().height() == 690
        assert ws.findings.current_number == 2  # the selected finding too
        assert ws.findings.splitter.sizes()[0] < ws.findings.splitter.sizes()[1]
        window2.close()
    finally:
        again.close()


def test_opening_runs_in_the_background_with_progress(qtbot, db, tmp_path):
    make_user(db)
    reference = make_audit(db)
    window = new_window(qtbot, db, tmp_path / "layout.ini")
    seen: list[bool] = []
    window.tasks.busy_changed.connect(seen.append)
    window.open_audit(reference)
    assert window.busy.isVisible() and window.workspace is None
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert seen == [True, False] and not window.busy.isVisible()
    window.open_audit("AUD-1999-999")
    qtbot.waitUntil(lambda: "Could not open" in window.statusBar().currentMessage())


def test_settings_dialog_changes_scheme_and_capa_days(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)

    def fill(dialog):
        dialog.mhra.setChecked(True)
        dialog.days["major"].setValue(21)
        dialog.commit()

    run_modal(window.open_settings, fill)
    with db.session() as s:
        assert settings.grading_scheme_name(s) == "mhra"
        assert settings.capa_days(s)["major"] == 21
    form = window.workspace.findings.form
    assert list(form.grade_buttons) == ["critical", "major", "other"]
    header = [
        window.list_page.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(window.list_page.model.columnCount())
    ]
    assert header[-3:] == ["Critical", "Major", "Other"]


def test_audit_list_search_and_filters(qtbot, db, tmp_path):
    make_user(db)
    make_audit(db, reference="AUD-2025-001", auditee_name="Alpha CRO", planned_start="2025-06-01")
    make_audit(db, reference="AUD-2026-001", auditee_name="Beta CRO", planned_start="2026-06-01")
    window = new_window(qtbot, db, tmp_path / "layout.ini")
    page = window.list_page
    assert page.proxy.rowCount() == 2
    page.year.setCurrentIndex(page.year.findData(2025))
    assert page.proxy.rowCount() == 1
    page.year.setCurrentIndex(0)
    page.auditee.setCurrentIndex(page.auditee.findData("Beta CRO"))
    assert page.proxy.index(0, 0).data() == "AUD-2026-001"
    page.auditee.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "alpha")
    assert page.proxy.rowCount() == 1
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert window.workspace.editor.state.reference == "AUD-2025-001"


def _big_checklist(n: int) -> checklists.Checklist:
    question = {
        "text": {"en": "Q?", "de": "F?"},
        "guidance": {"en": "", "de": ""},
        "references": ["ICH E6(R2) 5.1.1"],
        "audit_types": ["vendor_qualification"],
    }
    areas = []
    for a in range(10):
        sections = [
            {
                "id": f"A{a}.{s}",
                "title": {"en": f"Section {s}", "de": f"Teil {s}"},
                "questions": [{**question, "id": f"A{a}-{s}{q:02d}"} for q in range(n // 20)],
            }
            for s in range(2)
        ]
        areas.append(
            {
                "id": f"A{a}",
                "title": {"en": f"Area {a}", "de": f"Bereich {a}"},
                "sections": sections,
            }
        )
    return checklists.from_content(
        {
            "schema": "auditapp-checklist/1",
            "id": "big",
            "version": "1.0",
            "title": {"en": "Big", "de": "Groß"},
            "areas": areas,
        }
    )


@pytest.mark.slow
def test_smoke_opens_an_audit_with_200_questions(tmp_path):
    path = tmp_path / "big.sqlite"
    db = open_database(path)
    try:
        big = _big_checklist(200)
        with db.session(actor="test") as s:
            audit = audits.create_audit(
                s,
                title="Big audit",
                audit_type="vendor_qualification",
                checklist=big,
                reference="AUD-2026-200",
            )
            for q in big.questions[:120]:
                audits.set_response(s, audit, q.id, result="compliant", notes="ok")
        with db.session() as s:
            assert len(audits.audit_checklist(audits.get_audit(s, "AUD-2026-200")).questions) == 200
            assert len(s.scalars(select(Response)).all()) == 120
    finally:
        db.close()
    result = run_cli("--smoke", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "start-up time:" in result.stdout and "AUD-2026-200" in result.stdout
    fresh = run_cli("--smoke", "--db", str(tmp_path / "new.sqlite"))
    assert fresh.returncode == 0, fresh.stderr
