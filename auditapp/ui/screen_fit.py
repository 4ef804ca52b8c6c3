"""Every window fits the screen it opens on: 1366×768 at 125 % leaves 1093×614 logical pixels,
1280×720 leaves 1280×720, minus the task bar.

Dialogs ask for a comfortable size (the Sign dialog 1180×820); a saved layout may come from a
1920×1200 monitor. One application-wide filter shrinks and moves each top-level window into the
available area as it is shown, so no dialog needs to know the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

# Room for the title bar and borders the window manager adds around the client area.
FRAME_ALLOWANCE = (16, 40)


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget) -> None:
    """Shrink to the available area (never below the widget's minimum) and move inside it."""
    area = available_area(widget)
    max_w = area.width() - FRAME_ALLOWANCE[0]
    max_h = area.height() - FRAME_ALLOWANCE[1]
    # A fixed minimum larger than the screen would defeat the fit: lower it.
    minimum = widget.minimumSize()
    if minimum.width() > max_w or minimum.height() > max_h:
        widget.setMinimumSize(min(minimum.width(), max_w), min(minimum.height(), max_h))
    width, height = min(widget.width(), max_w), min(widget.height(), max_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.left()), max(y, area.top()))


def _fit_window(window: object) -> None:
    """A window got the focus: fit its widget once (dialogs are new objects each time)."""
    for widget in QApplication.topLevelWidgets():
        if (
            widget.windowHandle() is window
            and isinstance(widget, QDialog | QMainWindow)
            and not widget.property("auditapp_fitted")
        ):
            widget.setProperty("auditapp_fitted", True)
            fit_to_screen(widget)
            return


def install(app: QApplication | None = None) -> None:
    """Once per application (later calls do nothing).

    A signal, not an application-wide event filter: a Python filter sees every event of every
    object, and wrapping objects still under construction crashed PySide here now and then.
    """
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None or app.property("auditapp_screen_fit"):
        return
    app.setProperty("auditapp_screen_fit", True)
    app.focusWindowChanged.connect(lambda window: window is not None and _fit_window(window))
