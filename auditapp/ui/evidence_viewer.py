"""The full-size evidence viewer: the upright display image (or a PDF's first page), zoom,
next/previous, and what is known of the item: file, SHA-256, size, capture and import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontDatabase,
    QImage,
    QKeySequence,
    QPainter,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.evidence import EvidenceInfo
from auditapp.ui import formats
from auditapp.ui.evidence_model import shown_links
from auditapp.ui.widgets import label

PDF_RENDER_WIDTH = 1600
MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.05, 8.0, 1.25


@dataclass(frozen=True)
class Shown:
    """One item as the viewer shows it: the picture, or why there is none."""

    info: EvidenceInfo
    image: QImage | None
    problem: str = ""


def render_pdf_page(data: bytes, *, width: int = PDF_RENDER_WIDTH) -> QImage | None:
    """The first page of a PDF on white, or None when QtPdf cannot open it (e.g. a password)."""
    from PySide6.QtPdf import QPdfDocument  # loaded on first use: start-up does not need it

    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)  # the buffer must outlive every render call
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        document.close()
        return None
    points = document.pagePointSize(0)
    scale = width / max(points.width(), 1.0)
    size = QSize(width, max(1, round(points.height() * scale)))
    page = document.render(0, size)
    document.close()
    out = QImage(size, QImage.Format.Format_RGB32)
    out.fill(QColor("#FFFFFF"))
    painter = QPainter(out)
    painter.drawImage(0, 0, page)
    painter.end()
    return out


def local_time(value: dt.datetime | None) -> str:
    if value is None:
        return "—"
    return formats.datetime_text(value, seconds=True)


def file_size(size: int) -> str:
    return formats.file_size(size)


class ZoomView(QScrollArea):
    """An image that fits the window until the auditor zooms (wheel, +/-)."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = QLabel()
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.canvas)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidgetResizable(False)
        self.image = QImage()
        self.factor = 1.0
        self.fit = True

    def set_image(self, image: QImage | None, problem: str = "") -> None:
        self.image = image if image is not None else QImage()
        self.fit = True
        if self.image.isNull():
            self.canvas.setPixmap(QPixmap())
            self.canvas.setText(problem)
            self.canvas.adjustSize()
            return
        self._apply()

    def zoom_by(self, step: float) -> None:
        if self.image.isNull():
            return
        self.fit = False
        self.factor = min(MAX_ZOOM, max(MIN_ZOOM, self.factor * step))
        self._apply()

    def fit_to_window(self) -> None:
        self.fit = True
        self._apply()

    def actual_size(self) -> None:
        self.fit = False
        self.factor = 1.0
        self._apply()

    def _apply(self) -> None:
        if self.image.isNull():
            return
        if self.fit:
            room = self.viewport().size()
            self.factor = min(
                1.0,
                (room.width() - 2) / self.image.width(),
                (room.height() - 2) / self.image.height(),
            )
            self.factor = max(MIN_ZOOM, self.factor)
        size = QSize(
            max(1, round(self.image.width() * self.factor)),
            max(1, round(self.image.height() * self.factor)),
        )
        self.canvas.setPixmap(
            QPixmap.fromImage(
                self.image.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        )
        self.canvas.resize(size)
        self.zoom_changed.emit(self.factor)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fit:
            self._apply()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps)
        event.accept()


class EvidenceViewer(QDialog):
    """Shows one item of a list at a time; load(number) reads it (the page's evidence editor)."""

    def __init__(
        self,
        numbers: list[int],
        current: int,
        *,
        load: Callable[[int], Shown],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceViewer")
        self.resize(1100, 760)
        self._load = load
        self.numbers = list(numbers)
        self.number = current
        self.shown: Shown | None = None

        self.heading = label("", "subheading")
        self.position = label("", "muted")
        self.view = ZoomView()
        self.view.zoom_changed.connect(lambda f: self.zoom_label.setText(f"{f * 100:.0f} %"))
        self.zoom_label = label("", "muted")

        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.position)
        self.actions_: dict[str, QAction] = {}
        for name, text, keys, slot in (
            ("previous", self.tr("Previous"), ["Left", "PgUp"], lambda: self.go(-1)),
            ("next", self.tr("Next"), ["Right", "PgDown"], lambda: self.go(1)),
            ("zoom_out", self.tr("Zoom out"), ["-"], lambda: self.view.zoom_by(1 / ZOOM_STEP)),
            (
                "zoom_in",
                self.tr("Zoom in"),
                ["+", "=", "Ctrl++"],
                lambda: self.view.zoom_by(ZOOM_STEP),
            ),
            ("fit", self.tr("Fit"), ["0", "F"], self.view.fit_to_window),
            ("actual", self.tr("100 %"), ["1"], self.view.actual_size),
        ):
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setToolTip(f"{text} ({', '.join(keys)})")
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_[name] = action
            button = QToolButton()
            button.setDefaultAction(action)
            bar.addWidget(button)
        bar.addWidget(self.zoom_label)

        details = QWidget()
        form = QFormLayout(details)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.fields: dict[str, QLabel | QLineEdit] = {}
        for key, text in (
            ("file", self.tr("File")),
            ("caption", self.tr("Caption")),
            ("links", self.tr("Linked to")),
            ("marks", self.tr("Marks")),
            ("sha256", self.tr("SHA-256")),
            ("size", self.tr("Size")),
            ("pixels", self.tr("Dimensions")),
            ("type", self.tr("Type")),
            ("captured", self.tr("Captured")),
            ("device", self.tr("Device")),
            ("imported", self.tr("Imported")),
            ("importer", self.tr("Imported by")),
        ):
            value: QLabel | QLineEdit
            if key == "sha256":
                # 64 hex digits do not wrap: a read-only line scrolls and copies them whole.
                value = QLineEdit()
                value.setReadOnly(True)
                value.setFrame(False)
                mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
                value.setFont(mono)
            else:
                value = QLabel()
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(text, value)
            self.fields[key] = value

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.show_number(current)

    @property
    def image(self) -> QImage:
        """What is shown at 100 %: the upright display image or the PDF's first page."""
        return self.view.image

    def go(self, step: int) -> None:
        if self.number not in self.numbers or not self.numbers:
            return
        i = self.numbers.index(self.number) + step
        if 0 <= i < len(self.numbers):
            self.show_number(self.numbers[i])

    def show_number(self, number: int) -> None:
        self.number = number
        shown = self._load(number)
        self.shown = shown
        info = shown.info
        self.view.set_image(shown.image, shown.problem)
        title = f"{info.label}  ·  {info.caption or info.file_name}"
        self.heading.setText(title)
        self.setWindowTitle(f"{info.label} — {info.file_name}")
        if number in self.numbers:
            i = self.numbers.index(number)
            self.position.setText(
                self.tr("%1 of %2").replace("%1", str(i + 1)).replace("%2", str(len(self.numbers)))
            )
            self.actions_["previous"].setEnabled(i > 0)
            self.actions_["next"].setEnabled(i < len(self.numbers) - 1)
        marks = []
        if info.confidential:
            marks.append(self.tr("Confidential: kept out of distributed reports"))
        if info.removed:
            marks.append(self.tr("Removed: not in the gallery or reports; the original is kept"))
        pixels = f"{info.width} × {info.height} px" if info.width and info.height else "—"
        values = {
            "file": info.file_name,
            "caption": info.caption or "—",
            "links": ", ".join(shown_links(info.targets)) or "—",
            "marks": "\n".join(marks) or "—",
            "sha256": info.sha256,
            "size": file_size(info.size),
            "pixels": pixels,
            "type": info.media_type,
            "captured": local_time(info.captured_at),
            "device": info.capture_device or "—",
            "imported": local_time(info.imported_at),
            "importer": info.imported_by,
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.fields["sha256"].setCursorPosition(0)  # type: ignore[union-attr]
