"""Which undo a key means, so that it is predictable:

- In a text field (notes, a finding's text), Ctrl+Z and Ctrl+Y undo and redo the typing, as in
  every editor.
- Ctrl+Shift+Z, or Edit › Undo last change, undoes the last saved change of the audit (an
  answer, a finding, text already saved) wherever the focus is (the multi-line text fields hand
  the key to the window, see CommittingTextEdit.event; in a one-line field it redoes typing); text still being typed is saved
  first, so it is that change which is undone. Outside text fields Ctrl+Z does the same.
- Ctrl+Shift+Y, or Edit › Redo, redoes it (Ctrl+Y too outside text fields).

Each undo and redo is a new saved edit, recorded in the trail with the reason "undo"/"redo".
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

UNDO_SAVED = QKeySequence("Ctrl+Shift+Z")
REDO_SAVED = QKeySequence("Ctrl+Shift+Y")
_TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)
translate = QCoreApplication.translate


def claims_saved_change_keys(event: QEvent) -> bool:
    """For text fields: True when the key is Ctrl+Shift+Z/Y, which belongs to the window (the
    field would otherwise take Ctrl+Shift+Z as its own redo on Linux)."""
    if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
        return QKeySequence(event.keyCombination()) in (UNDO_SAVED, REDO_SAVED)
    return False


def install_undo_actions(
    window: QObject, stack: QUndoStack, *, before: Callable[[], None]
) -> tuple[QAction, QAction]:
    """Edit › Undo last change / Redo; before() saves text still being typed."""
    undo = QAction(translate("UndoKeys", "&Undo last change"), window)
    undo.setObjectName("undoSavedAction")
    undo.setShortcuts([UNDO_SAVED, QKeySequence("Ctrl+Z")])
    redo = QAction(translate("UndoKeys", "&Redo"), window)
    redo.setObjectName("redoSavedAction")
    redo.setShortcuts([REDO_SAVED, QKeySequence("Ctrl+Y")])

    def run_undo() -> None:
        before()
        stack.undo()

    def describe() -> None:
        if not shiboken6.isValid(stack):  # the window is being taken down
            return
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        undo.setText(
            translate("UndoKeys", "&Undo: %1").replace("%1", stack.undoText())
            if stack.canUndo()
            else translate("UndoKeys", "&Undo last change")
        )
        redo.setText(
            translate("UndoKeys", "&Redo: %1").replace("%1", stack.redoText())
            if stack.canRedo()
            else translate("UndoKeys", "&Redo")
        )

    undo.triggered.connect(run_undo)
    redo.triggered.connect(stack.redo)
    stack.indexChanged.connect(lambda _i: describe())
    describe()
    return undo, redo
