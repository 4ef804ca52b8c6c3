"""Errors shown beside the field they are about, for long forms (the finding editor).

A message at the top of a long form is out of view when the auditor is at the bottom, and a
message bar that opens pushes the fields down under the pointer. Here each field has a line
reserved under it for a short red sentence, and the field gets a red frame; the first bad field
is scrolled into view and takes the focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from auditapp.ui import theme
from auditapp.ui.widgets import as_sentence


class FieldError(QLabel):
    """One red sentence under a field. Its first line is reserved (empty when all is well), so
    showing a message does not move the field or the ones above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "fielderror")
        self.setWordWrap(True)
        font = self.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        self.setFont(font)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() + 2)
        # Dark red on a light window, light red on a dark one: readable in both.
        palette = self.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText, QColor("#F28B82" if theme.is_dark() else "#B3261E")
        )
        self.setPalette(palette)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """The red frame (theme: `[invalid="true"]`); polishing again applies the new property."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around the widget so the widget is seen."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(child, 24, 24)
            child = parent
        elif isinstance(parent, QAbstractScrollArea):
            child = parent
        parent = parent.parentWidget()


@dataclass
class _Field:
    error: FieldError
    framed: QWidget
    focus: QWidget


class FieldErrors:
    """The fields of one form that can carry an error, in the order the form shows them."""

    def __init__(self) -> None:
        self._fields: dict[str, _Field] = {}
        self._aliases: dict[str, str] = {}

    def row(
        self,
        name: str,
        field: QWidget | QLayout,
        *,
        framed: QWidget | None = None,
        focus: QWidget | None = None,
        also: tuple[str, ...] = (),
    ) -> QWidget:
        """The field with its error line below it, to put in the form's row.

        framed: the widget that gets the red frame (the field itself when it is a widget);
        focus: the widget to focus; also: other field names whose errors belong here.
        """
        cell = QWidget()
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        if isinstance(field, QLayout):
            layout.addLayout(field)
        else:
            layout.addWidget(field)
        error = FieldError()
        layout.addWidget(error)
        target = framed or (field if isinstance(field, QWidget) else cell)
        self._fields[name] = _Field(error, target, focus or target)
        for alias in also:
            self._aliases[alias] = name
        return cell

    def _field(self, name: str) -> _Field | None:
        return self._fields.get(self._aliases.get(name, name))

    def show(
        self, errors: dict[str, str], *, focus: bool = True, keep_others: bool = False
    ) -> bool:
        """Show these errors beside their fields (the others are cleared unless keep_others);
        False for a field name the form does not have, so the caller can show that message
        elsewhere. The first field with a new error is scrolled to and focused."""
        unplaced = [name for name in errors if self._field(name) is None]
        wanted = {
            self._aliases.get(n, n): as_sentence(t) for n, t in errors.items() if n not in unplaced
        }
        first: _Field | None = None
        for name, field in self._fields.items():
            if keep_others and name not in wanted:
                continue
            text = wanted.get(name, "")
            field.error.setText(text)
            mark_invalid(field.framed, bool(text))
            if text and first is None:
                first = field
        if focus and first is not None:
            scroll_into_view(first.error)
            scroll_into_view(first.framed)
            first.focus.setFocus()
        return not unplaced

    def clear(self, name: str | None = None) -> None:
        names = [self._aliases.get(name, name)] if name is not None else list(self._fields)
        for each in names:
            field = self._fields.get(each)
            if field is not None:
                field.error.setText("")
                mark_invalid(field.framed, False)

    def text(self, name: str) -> str:
        field = self._field(name)
        return field.error.text() if field is not None else ""

    def shown(self) -> dict[str, str]:
        return {n: f.error.text() for n, f in self._fields.items() if f.error.text()}

    def label(self, name: str) -> FieldError | None:
        field = self._field(name)
        return field.error if field is not None else None

    def framed(self, name: str) -> QWidget | None:
        field = self._field(name)
        return field.framed if field is not None else None


def framed_row(layout: QLayout) -> QFrame:
    """A row of widgets (e.g. radio buttons) in a frame that can turn red."""
    frame = QFrame()
    frame.setObjectName("choiceRow")
    frame.setLayout(layout)
    layout.setContentsMargins(4, 2, 4, 2)
    return frame
