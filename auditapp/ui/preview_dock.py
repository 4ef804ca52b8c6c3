"""A docked live report preview beside the checklist: the PDF as it would be exported now,
rendered again a moment after each saved edit (debounced), off the GUI thread.

Only one rendering runs at a time; edits made meanwhile start one more when it ends, so a fast
auditor never queues a pile of renderings.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from auditapp.ui.pdf_preview import PdfPreview
from auditapp.ui.tasks import TaskRunner

DEBOUNCE_MS = 2500


class PreviewDock(QDockWidget):
    """render() runs on the GUI thread and returns the work for the background (or None when no
    audit is open), so the worker never reads widgets or the editor."""

    def __init__(
        self,
        tasks: TaskRunner,
        render: Callable[[], Callable[[], bytes] | None],
        parent: QWidget | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(self.tr("Live report preview"), parent)
        self.setObjectName("livePreviewDock")
        self._tasks = tasks
        self._render = render
        self._running = False
        self._again = False
        self.renderings = 0
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.state = QLabel(self.tr("The preview appears a moment after you open it."))
        self.state.setProperty("role", "muted")
        self.preview = PdfPreview()
        layout.addWidget(self.state)
        layout.addWidget(self.preview, 1)
        self.setWidget(body)
        self.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.refresh_now)
        self.visibilityChanged.connect(lambda shown: shown and self.refresh_soon())

    def refresh_soon(self) -> None:
        """After an edit: render once things have been quiet for a moment (only when shown)."""
        if self.isVisible():
            self._timer.start()

    def refresh_now(self) -> None:
        if self._running:
            self._again = True
            return
        work = self._render()
        if work is None:
            return
        self._running = True
        self.state.setText(self.tr("Updating…"))
        self._tasks.run(lambda _progress: work(), on_done=self._rendered, on_failed=self._failed)

    def _rendered(self, data: bytes) -> None:
        self._running = False
        self.renderings += 1
        page = self.preview.current_page if self.preview.document.pageCount() else 0
        self.preview.load_bytes(data)
        if page:
            self.preview.go(min(page, self.preview.document.pageCount() - 1))
        import datetime as dt

        from auditapp.ui import formats

        self.state.setText(
            self.tr("Updated %1").replace(
                "%1", formats.datetime_text(dt.datetime.now(dt.UTC), offset=False)
            )
        )
        if self._again:
            self._again = False
            self.refresh_soon()

    def _failed(self, exc: Exception) -> None:
        self._running = False
        self.state.setText(self.tr("The preview could not be rendered: %1").replace("%1", str(exc)))


def install_preview(
    window: object, tasks: TaskRunner, db: object, reference: Callable[[], str | None], menu: object
) -> PreviewDock:
    """The dock (hidden until chosen; the window's saved state restores it) and its menu item."""
    from auditapp.reports import export

    def render() -> Callable[[], bytes] | None:
        ref = reference()
        if ref is None:
            return None
        return lambda: export.export_report(db, ref, fmt="pdf")  # type: ignore[arg-type]

    dock = PreviewDock(tasks, render, window)  # type: ignore[arg-type]
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)  # type: ignore[attr-defined]
    dock.hide()

    def narrow(shown: bool) -> None:
        # A third of the window at most, so the question beside it keeps room on a laptop.
        width = window.width() // 3  # type: ignore[attr-defined]
        if shown and dock.width() > width:
            window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)  # type: ignore[attr-defined]

    dock.visibilityChanged.connect(narrow)
    toggle = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("PreviewDock", "&Live report preview"))
    toggle.setShortcut("Ctrl+Shift+L")
    menu.addAction(toggle)  # type: ignore[attr-defined]
    return dock
