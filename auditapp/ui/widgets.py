"""Small shared widgets: the message bar, labelled sections, a text box that reports edits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

# Idle time after which typed text is committed even without leaving the field: a crash then
# loses at most this much typing.
AUTOSAVE_MS = 1500


class MessageBar(QLabel):
    """A calm, inline message instead of a modal box; errors stay until the next edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, "error", 0)

    def show_info(self, text: str, msecs: int = 4000) -> None:
        self._show(text, "info", msecs)

    def _show(self, text: str, role: str, msecs: int) -> None:
        self.setProperty("role", role)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.show()
        if msecs:
            self._timer.start(msecs)
        else:
            self._timer.stop()

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class ElidedLabel(QLabel):
    """One line that ends in '…' when it does not fit, instead of being cut mid-word."""

    def paintEvent(self, event: QEvent) -> None:  # type: ignore[override]
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        painter.drawText(rect, int(self.alignment()), text)


def label(text: str, role: str = "", parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(role in ("heading", "muted", ""))
    return widget


class CommittingTextEdit(QPlainTextEdit):
    """Emits text_committed when the user leaves the field or pauses typing."""

    text_committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.commit)
        self.textChanged.connect(self._changed)

    def set_text_quietly(self, text: str) -> None:
        """Show a stored value without it counting as an edit."""
        if self.toPlainText() == text:
            self._dirty = False
            return
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        self._dirty = False
        self._timer.stop()

    def _changed(self) -> None:
        self._dirty = True
        self._timer.start()

    def commit(self) -> None:
        self._timer.stop()
        if self._dirty:
            self._dirty = False
            self.text_committed.emit(self.toPlainText())

    def focusOutEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self.commit()
        super().focusOutEvent(event)  # type: ignore[arg-type]


class FocusOutWatcher(QObject):
    """Calls back when a watched widget loses focus (for line edits that commit on leave)."""

    def __init__(self, callback: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback()  # type: ignore[operator]
        return False
