"""Small shared widgets: the message bar, labelled sections, a text box that reports edits."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QProgressBar, QWidget

from auditapp.ui.undo_keys import claims_saved_change_keys

# Idle time after which typed text is committed even without leaving the field: a crash then
# loses at most this much typing.
AUTOSAVE_MS = 1500


def as_sentence(text: str) -> str:
    """The core's refusals are lower-case fragments ("password too short: ..."); shown to a
    person they start with a capital and end with a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…\"'»“”:" else text + "."


class MessageBar(QLabel):
    """A calm, inline message instead of a modal box; errors stay until the next edit.

    In a layout it takes room only while shown. float_over(page) instead lays it over the top
    of the page, so showing or hiding a message never moves what is under the pointer; a click
    on it dismisses it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)
        self._host: QWidget | None = None
        self.hide()

    def float_over(self, host: QWidget, *, top: int = 0) -> None:
        self._host = host
        self._top = top
        self.setParent(host)
        self.setToolTip(self.tr("Click to dismiss"))
        host.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        if self._host is None:
            return
        width = max(100, self._host.width() - 32)
        self.setFixedWidth(width)
        self.setFixedHeight(
            self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        )
        self.move(16, self._top)
        self.raise_()

    def mousePressEvent(self, event: QEvent) -> None:  # type: ignore[override]
        if self._host is not None and not self.hasSelectedText():
            self.clear_message()
        super().mousePressEvent(event)  # type: ignore[arg-type]

    def show_error(self, text: str) -> None:
        self._show(as_sentence(text), "error", 0)

    def show_info(self, text: str, msecs: int = 4000) -> None:
        self._show(as_sentence(text), "info", msecs)

    def _show(self, text: str, role: str, msecs: int) -> None:
        self.setProperty("role", role)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.show()
        self._place()
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


class ReservedLabel(QLabel):
    """A word-wrapped label as tall as the tallest of the texts it may show (at its width, and
    at least ``lines`` lines): showing another of them never moves the widgets below it, so the
    page is neither laid out nor repainted again (a grade's definition, a finding's title)."""

    def __init__(
        self,
        texts: Iterable[str] = (),
        *,
        lines: int = 1,
        role: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        self.setWordWrap(True)
        self._texts = list(texts)
        self._lines = lines

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reserve(event.size().width())

    def _reserve(self, width: int) -> None:
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right() - 2 * self.margin())
        metrics = self.fontMetrics()
        tallest = max(
            [metrics.lineSpacing() * self._lines]
            + [
                metrics.boundingRect(
                    QRect(0, 0, inner, 100_000), Qt.TextFlag.TextWordWrap, text
                ).height()
                for text in self._texts
            ]
        )
        height = tallest + margins.top() + margins.bottom() + 2 * self.margin()
        if height != self.minimumHeight():
            self.setMinimumHeight(height)


def slim_bar(width: int) -> QProgressBar:
    """A progress bar without text of its own: text drawn over the fill is half white on the
    accent and half dark on the groove, hard to read and worse in a dark palette. A label beside
    the bar says the numbers."""
    bar = QProgressBar()
    bar.setTextVisible(False)
    bar.setFixedSize(width, 8)
    return bar


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

    def event(self, event: QEvent) -> bool:  # type: ignore[override]
        # Every event of the box comes here: the type is checked before anything else (an
        # import here cost some 0.2 ms per event, a dozen times per finding shown).
        if event.type() == QEvent.Type.ShortcutOverride and claims_saved_change_keys(event):
            event.ignore()  # not overridden here: Edit › Undo last change runs
            return True
        return super().event(event)


class FocusOutWatcher(QObject):
    """Calls back when a watched widget loses focus (for line edits that commit on leave)."""

    def __init__(self, callback: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback()  # type: ignore[operator]
        return False
