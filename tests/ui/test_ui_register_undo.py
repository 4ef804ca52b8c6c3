"""Register undo in the window, the case reported in issue 16: two people added in the register,
one changed, then removed in the audit-details dialog; four undos take it all back, for real."""

from __future__ import annotations

import pytest
from audit_factory import make_audit
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from sqlalchemy import select
from ui_helpers import OFFSCREEN_NOISE, audit_window, run_modal

from auditapp.core import audits, registers, workspace
from auditapp.core.models import AuditeeParticipant, DocumentReviewed
from auditapp.ui.audit_editor import AuditEditor

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


def stored(db) -> dict[int, tuple[str, str]]:
    with db.session() as s:
        return {p.id: (p.name, p.function) for p in s.scalars(select(AuditeeParticipant))}


def test_four_undos_take_back_register_edits_and_the_details_dialog(
    qtbot, db, tmp_path, fast_crypto
):
    window, _ = audit_window(qtbot, db, tmp_path)
    editor = window.workspace.editor
    refusals: list[str] = []
    editor.edit_refused.connect(refusals.append)
    persons = window.workspace.registers.persons
    for name in ("Sarah Okafor", "Ben Lee"):
        persons.inputs["name"].setText(name)
        persons.add()
    sarah = next(i for i, (name, _f) in stored(db).items() if name == "Sarah Okafor")
    row = [r.id for r in editor.state.participants].index(sarah)
    function = persons.model.index(row, 1)
    assert persons.model.setData(function, "Head of QA", Qt.ItemDataRole.EditRole)
    assert stored(db)[sarah] == ("Sarah Okafor", "Head of QA")

    def remove_her(dialog):
        table = dialog.people.table
        names = [table.item(r, 0).text() for r in range(table.rowCount())]
        table.setCurrentCell(names.index("Sarah Okafor"), 0)
        dialog.people.remove_row()
        dialog.commit()

    run_modal(window.edit_details, remove_her)
    assert [name for name, _f in stored(db).values()] == ["Ben Lee"]
    stack = window.undo_stack
    assert stack.count() == 4

    for _ in range(4):
        window.undo_action.trigger()
    assert refusals == []
    assert stored(db) == {}  # she is gone from the database, not only from the history
    assert (stack.index(), stack.count(), stack.canUndo()) == (0, 4, False)
    assert window.workspace.editor.state.participants == []
    assert window.workspace.registers.persons.model.rowCount() == 0

    for _ in range(4):
        window.redo_action.trigger()
    assert refusals == []
    ben = stored(db)
    assert list(ben.values()) == [("Ben Lee", "")] and sarah not in ben
    window.undo_action.trigger()  # the dialog's removal again: she is back with her own id
    assert stored(db)[sarah] == ("Sarah Okafor", "Head of QA")


def test_an_undo_refused_leaves_the_history_instead_of_pretending(qtbot, db):
    """Someone else changed the row since (another process): the undo is refused with a
    message, nothing changes, and the step leaves the history."""
    ref = make_audit(db)
    with db.session() as s:
        data = workspace.load(s, ref)
    stack = QUndoStack()
    editor = AuditEditor(db, "anna", data, stack)
    refusals: list[str] = []
    editor.edit_refused.connect(refusals.append)
    assert editor.add_row("document", {"title": "SOP index"})
    doc = editor.state.documents[0].id
    assert editor.update_row("document", doc, {"version": "2"})
    assert editor.update_row("document", doc, {"version": "2"})  # no change: no step
    assert stack.count() == 2
    with db.session(actor="bob") as s:
        registers.update_document(s, audits.get_audit(s, ref), doc, version="3")

    stack.undo()
    assert len(refusals) == 1 and "changed since" in refusals[0]
    with db.session() as s:
        assert s.get(DocumentReviewed, doc).version == "3"
    assert (stack.count(), stack.index()) == (1, 1)  # only the addition is left to undo
    stack.undo()
    assert editor.state.documents == [] and not stack.canUndo()
