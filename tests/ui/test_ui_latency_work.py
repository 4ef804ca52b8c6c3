"""What opening a finding and typing a note do, counted rather than timed (issue 18, GUI latency):
no write transaction to show a finding, no rebuilt lists or moved fields, no tree repaint for
notes; and each edit is still committed with its trail row at once. The timing is in
benchmarks/ui_latency.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import event, func, select
from ui_helpers import OFFSCREEN_NOISE, audit_window

from auditapp.core.models import Response, TrailEntry
from auditapp.ui import theme

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


@pytest.fixture
def window(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    editor = window.workspace.editor
    # F-01 and F-02 alike but for the grade (same question, so the same references offered);
    # F-03 a critical one (its escalation section shows).
    for title, grade, impact in (
        ("Delegation log unsigned", "minor", ""),
        ("Training records missing", "major", "Staff untrained on the protocol."),
        ("Source data altered without trail", "critical", "Data reliability is lost."),
    ):
        assert editor.add_finding(
            {"title": title, "classification": grade, "impact": impact, "question_ids": ["ORG-01"]}
        )
    window.workspace.tabs.setCurrentWidget(window.workspace.findings)
    return window


class _Statements:
    """The SQL statements the database's engine runs while counting."""

    def __init__(self, engine) -> None:
        self.statements: list[str] = []
        self._engine = engine
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, _params, _context, _many) -> None:
        self.statements.append(" ".join(statement.split()))

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)


def _settle() -> None:
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    app.processEvents()


def test_opening_a_finding_reads_only_and_does_not_rebuild_the_list(qtbot, db, window):
    page = window.workspace.findings
    page.select(1)
    _settle()
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    counted = _Statements(db.engine)
    try:
        page.select(2)
        _settle()
    finally:
        counted.close()
    assert page.form.title.text() == "Training records missing"
    sql = counted.statements
    # A read session (no write lock, nothing committed, no trail checkpoint to seal), and the
    # few queries of the similar-findings offer; before, a write transaction with its commit.
    assert not [s for s in sql if s.startswith(("BEGIN IMMEDIATE", "INSERT", "UPDATE", "DELETE"))]
    # No trail checkpoint sealed or chain head read (the newest entry's id only: has anything
    # changed since the similar findings were last searched?).
    assert not [s for s in sql if "trail_checkpoint" in s or "trail_entry.hash" in s], sql
    assert len(sql) <= 7, sql
    assert resets == []  # the findings list is not rebuilt to show one finding


def test_going_back_to_a_finding_searches_earlier_findings_only_after_a_change(qtbot, db, window):
    page = window.workspace.findings
    panel = window.workspace.repeat_panel
    for number in (1, 2, 1):
        page.select(number)
        _settle()
        qtbot.waitUntil(lambda: not panel.pending)

    def searches(number: int) -> int:
        counted = _Statements(db.engine)
        try:
            page.select(number)
            _settle()
            qtbot.waitUntil(lambda: not panel.pending)
        finally:
            counted.close()
        return sum("search_index" in s for s in counted.statements)

    # Shown before, nothing changed since: the offers are those found then, with no search.
    assert searches(2) == 0 and searches(1) == 0
    assert panel.number == 1
    # Any committed change (here another finding's title) may change them: searched again.
    assert window.workspace.editor.update_finding(3, {"title": "Source data altered twice"})
    assert searches(2) == 1


def test_arrowing_through_findings_searches_only_for_the_one_stopped_on(qtbot, db, window):
    page = window.workspace.findings
    panel = window.workspace.repeat_panel
    counted = _Statements(db.engine)
    try:
        for number in (1, 2, 3):  # none shown before: nothing remembered
            page.select(number)
            _settle()
        # The offers on screen are not yet those of F-03: they cannot be linked to it.
        assert panel.pending and not panel.link_button.isEnabled()
        assert not panel.link_current()
        qtbot.waitUntil(lambda: not panel.pending)
    finally:
        counted.close()
    assert panel.number == 3
    assert sum("search_index" in s for s in counted.statements) == 1, counted.statements
    assert panel.offers.isEnabled()


def test_the_next_finding_keeps_identical_parts_and_the_fields_stay_put(qtbot, db, window):
    page = window.workspace.findings
    form = page.form
    page.select(1)
    _settle()
    assert form.references.count() > 0
    # A mark on the shown reference rows: a list built again would lose it.
    for i in range(form.references.count()):
        form.references.item(i).setData(Qt.ItemDataRole.UserRole + 7, "kept")
    observation_at = form.observation.mapTo(form, form.observation.rect().topLeft()).y()
    definition = form.definition.text()
    page.select(2)  # another grade (minor -> major), the same references
    _settle()
    assert form.definition.text() != definition
    kept = [
        form.references.item(i).data(Qt.ItemDataRole.UserRole + 7)
        for i in range(form.references.count())
    ]
    assert kept == ["kept"] * form.references.count()
    # The grade's definition keeps the height of the longest one: the fields below stay where
    # they were (no relayout and repaint of the whole editor), here and when grading.
    assert form.observation.mapTo(form, form.observation.rect().topLeft()).y() == observation_at
    form.grade_buttons["recommendation"].setChecked(True)  # shown (and refused or saved)
    _settle()
    assert form.observation.mapTo(form, form.observation.rect().topLeft()).y() == observation_at


def test_typing_a_note_commits_it_with_its_trail_row_and_leaves_the_tree_alone(qtbot, db, window):
    ws = window.workspace
    ws.tabs.setCurrentWidget(ws.walk)
    walk = ws.walk
    qtbot.keyClick(walk.tree, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # compliant
    question = walk.current_question
    _settle()
    changed: list[object] = []
    walk.model.dataChanged.connect(lambda *args: changed.append(args))
    progress: list[tuple[int, int]] = []
    walk.progress_changed.connect(lambda *args: progress.append(args))
    layouts = _EventCounter(QEvent.Type.LayoutRequest, walk.pane)

    def trail_rows() -> int:
        with db.session() as s:
            return s.scalar(
                select(func.count()).select_from(TrailEntry).where(TrailEntry.entity == "response")
            )

    before = trail_rows()
    walk.pane.notes.setFocus()
    for n, key in enumerate("SOP", start=1):
        qtbot.keyClicks(walk.pane.notes, key)
        counted = _Statements(db.engine)
        try:
            walk.pane.notes.commit()  # as on a pause in typing
        finally:
            counted.close()
        # One transaction: the edit, its trail row and the read-back of what it changed (no
        # second session to read the edit back).
        assert [s for s in counted.statements if s.startswith("BEGIN")] == ["BEGIN IMMEDIATE"]
        # Committed when the event returns, with its trail row: never deferred, never lost.
        with db.session() as s:
            row = s.scalar(select(Response).where(Response.question_id == question))
            assert (row.result, row.notes) == ("compliant", "SOP"[:n])
        assert trail_rows() == before + n
        _settle()
    layouts.close()
    # The notes are not shown in the tree and do not change the progress: no row is
    # repainted and the header is not told; the pane is not laid out again.
    assert changed == [] and progress == []
    assert layouts.count == 0


class _EventCounter(QObject):
    def __init__(self, kind: QEvent.Type, widget) -> None:
        super().__init__()
        self.kind, self.count, self._widget = kind, 0, widget
        widget.installEventFilter(self)

    def eventFilter(self, watched, ev) -> bool:
        if watched is self._widget and ev.type() == self.kind:
            self.count += 1
        return False

    def close(self) -> None:
        self._widget.removeEventFilter(self)


def test_the_checklist_tree_scrolls_without_repainting_all_of_it(qtbot, db, tmp_path):
    """With the theme (a rounded border on item views in its style sheet), the tree's viewport
    lost its own background and Qt repainted all of it on every scroll."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet, palette = app.styleSheet(), app.palette()
    app.setPalette(theme._light_palette())  # as theme.apply does, before the window exists
    app.setStyleSheet(theme._STYLE % {"accent": theme.ACCENT})
    try:
        window, _ = audit_window(qtbot, db, tmp_path)
        _scroll_by_one_row(window)
    finally:
        app.setStyleSheet(sheet)
        app.setPalette(palette)


def _scroll_by_one_row(window) -> None:
    ws = window.workspace
    ws.tabs.setCurrentWidget(ws.walk)
    tree = ws.walk.tree
    tree.expandAll()
    row = tree.sizeHintForRow(0)
    tree.setFixedHeight(tree.header().sizeHint().height() + 4 * row + 2 * tree.frameWidth())
    _settle()
    bar = tree.verticalScrollBar()
    assert bar.maximum() > 0 and tree.viewport().height() >= 3 * row

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.heights: list[int] = []

        def eventFilter(self, watched, ev) -> bool:
            if watched is tree.viewport() and ev.type() == QEvent.Type.Paint:
                self.heights.append(ev.region().boundingRect().height())
            return False

    painted = Painted()
    tree.viewport().installEventFilter(painted)
    try:
        bar.setValue(bar.value() + 1)
        _settle()
    finally:
        tree.viewport().removeEventFilter(painted)
    assert painted.heights and max(painted.heights) < tree.viewport().height()
