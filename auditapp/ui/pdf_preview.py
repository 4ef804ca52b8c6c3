"""A PDF shown inside the app (QtPdf): page navigation and zoom, for the report preview and the
signature ceremony, which must show exactly the bytes that will be signed."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PdfPreview(QWidget):
    """A PDF from bytes; the bytes are kept so the document never reads freed memory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.previous = QToolButton()
        self.previous.setText("‹")
        self.previous.setToolTip(self.tr("Previous page (Page Up)"))
        self.previous.clicked.connect(lambda: self.go(self.current_page - 1))
        self.next = QToolButton()
        self.next.setText("›")
        self.next.setToolTip(self.tr("Next page (Page Down)"))
        self.next.clicked.connect(lambda: self.go(self.current_page + 1))
        self.page = QSpinBox()
        self.page.setMinimum(1)
        self.page.setKeyboardTracking(False)
        self.page.setAccessibleName(self.tr("Page"))
        self.page.valueChanged.connect(lambda value: self.go(value - 1))
        self.pages = QLabel()
        self.zoom = QComboBox()
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.zoom.addItem(self.tr("Fit width"), 0.0)
        self.zoom.addItem(self.tr("Whole page"), -1.0)
        for factor in ZOOMS:
            self.zoom.addItem(f"{round(factor * 100)} %", factor)
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.previous)
        bar.addWidget(QLabel(self.tr("Page")))
        bar.addWidget(self.page)
        bar.addWidget(self.pages)
        bar.addWidget(self.next)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self._page_changed(0)

    # --- content -------------------------------------------------------------------------------

    def load_bytes(self, data: bytes) -> bool:
        """Show a PDF; False when QtPdf cannot read it (the view is then empty)."""
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        old, self._buffer = self._buffer, buffer
        self.document.load(buffer)
        if old is not None:
            old.deleteLater()
        self.page.setMaximum(max(1, self.page_count))
        self.pages.setText(self.tr("of %1").replace("%1", str(self.page_count)))
        self.go(0)
        # Jumping to the page already current emits nothing, so the buttons would keep the state
        # they had for the empty document: "›" disabled on page 1 and the first click lost.
        self._page_changed(self.current_page)
        return self.ready

    def clear(self) -> None:
        self.document.close()
        self.pages.setText("")
        self._page_changed(0)

    @property
    def ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.ready else 0

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    # --- navigation and zoom -------------------------------------------------------------------

    def go(self, page: int) -> None:
        if not self.page_count:
            return
        page = max(0, min(page, self.page_count - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def _page_changed(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
        self.previous.setEnabled(page > 0)
        self.next.setEnabled(page + 1 < self.page_count)

    def _zoom_chosen(self, _index: int) -> None:
        factor = float(self.zoom.currentData())
        if factor == 0.0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif factor < 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(factor)

    def keyPressEvent(self, event: object) -> None:  # type: ignore[override]
        key = event.key()  # type: ignore[attr-defined]
        if key == Qt.Key.Key_PageDown:
            self.go(self.current_page + 1)
        elif key == Qt.Key.Key_PageUp:
            self.go(self.current_page - 1)
        else:
            super().keyPressEvent(event)  # type: ignore[arg-type]


class PdfPreviewDialog(QDialog):
    """The report preview on its own: a resizable window the auditor can keep beside the work."""

    def __init__(self, title: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.preview = PdfPreview()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.preview.load_bytes(data)
