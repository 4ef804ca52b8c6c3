"""Bringing evidence in: files, drops, the clipboard and camera frames, off the GUI thread.

Every way in ends in core.evidence_import (import_files for files, import_data for image data),
run through the TaskRunner with progress and cancel. Requests that arrive while a batch runs wait
their turn. Each refused file is reported by name and reason in the summary; the good ones are
imported and committed one by one.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QWidget

from auditapp.core import evidence_import
from auditapp.core.db import Database
from auditapp.core.evidence import EvidenceInfo, Target
from auditapp.errors import AuditAppError
from auditapp.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

FILE_PATTERNS = "*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif *.pdf"  # the file dialog's filter


@dataclass
class ImportSummary:
    """What one request did: the items imported, each refusal, or why nothing started."""

    total: int
    target: Target | None = None
    imported: list[EvidenceInfo] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    cancelled: bool = False
    error: str = ""  # the whole request refused (e.g. a locked audit)


def local_files(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def has_evidence(mime: QMimeData | None) -> bool:
    return mime is not None and (bool(local_files(mime)) or mime.hasImage())


def encode(image: QImage, fmt: str) -> bytes:
    """A QImage as PNG (lossless, for pasted screenshots) or JPEG (camera frames)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt, 92 if fmt == "JPG" else -1):
        raise AuditAppError(f"the image could not be encoded as {fmt}")
    buffer.close()
    return bytes(data.data())


class EvidenceImporter(QObject):
    """Imports into one audit; started/progressed/finished are emitted on the GUI thread."""

    started = Signal(int)
    progressed = Signal(int, int, str)
    finished = Signal(object)  # ImportSummary

    def __init__(
        self,
        db: Database,
        *,
        reference: str,
        actor: str,
        tasks: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._reference = reference
        self._actor = actor
        self._tasks = tasks
        self._queue: list[Callable[[], None]] = []
        self._running = False
        self._cancel = False
        self._closed = False
        self.last: ImportSummary | None = None

    @property
    def busy(self) -> bool:
        return self._running

    def cancel(self) -> None:
        """Stop the running batch after the current file (imported files are kept) and drop
        the requests still waiting."""
        self._queue.clear()
        self._cancel = True

    def close(self) -> None:
        """The workspace is going away: cancel, and ignore whatever the worker reports later."""
        self.cancel()
        self._closed = True

    def report(self, problem: str) -> None:
        """Say why nothing was imported (an empty clipboard, say), where summaries appear."""
        self.finished.emit(ImportSummary(0, error=problem))

    # --- requests ------------------------------------------------------------------------------

    def import_files(self, paths: list[Path], target: Target | None = None) -> None:
        files = list(paths)
        if not files:
            return
        db, reference, actor = self._db, self._reference, self._actor

        def work(progress: Callable[[int, int, str], None]) -> ImportSummary:
            result = evidence_import.import_files(
                db,
                reference,
                files,
                actor=actor,
                target=target,
                progress=progress,
                cancelled=lambda: self._cancel,
            )
            return ImportSummary(
                len(files), target, result.imported, result.refused, result.cancelled
            )

        self._submit(work, len(files), target)

    def import_image(
        self, image: QImage, *, target: Target | None = None, kind: str = "pasted"
    ) -> None:
        """Image data without a file (clipboard, camera): PNG when pasted, JPEG from a camera."""
        fmt, suffix = ("JPG", "jpg") if kind == "photo" else ("PNG", "png")
        name = f"{kind}-{dt.datetime.now():%Y%m%d-%H%M%S}.{suffix}"
        frame = image.copy()  # the caller's image may change; QImage is safe to read off-thread
        db, reference, actor = self._db, self._reference, self._actor

        def work(progress: Callable[[int, int, str], None]) -> ImportSummary:
            summary = ImportSummary(1, target)
            try:
                data = encode(frame, fmt)
                summary.imported.append(
                    evidence_import.import_data(
                        db, reference, data, file_name=name, actor=actor, target=target
                    )
                )
            except AuditAppError as exc:
                summary.refused.append((name, str(exc)))
            progress(1, 1, name)
            return summary

        self._submit(work, 1, target)

    def import_mime(self, mime: QMimeData, target: Target | None = None) -> bool:
        """Files when there are local ones (their original bytes), else image data."""
        files = local_files(mime)
        if files:
            self.import_files(files, target)
            return True
        if mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.import_image(image, target=target)
                return True
        return False

    # --- running -------------------------------------------------------------------------------

    def _submit(
        self,
        work: Callable[[Callable[[int, int, str], None]], ImportSummary],
        total: int,
        target: Target | None,
    ) -> None:
        def start() -> None:
            self._running = True
            self._cancel = False
            self.started.emit(total)
            self._tasks.run(
                work,
                on_done=self._done,
                on_failed=lambda exc: self._failed(exc, total, target),
                on_progress=self._progress,
            )

        if self._running:
            self._queue.append(start)
        else:
            start()

    def _progress(self, done: int, total: int, name: str) -> None:
        if not self._closed:
            self.progressed.emit(done, total, name)

    def _done(self, summary: ImportSummary) -> None:
        self._running = False
        if self._closed:
            return
        self.last = summary
        self.finished.emit(summary)
        if self._queue:
            self._queue.pop(0)()

    def _failed(self, exc: Exception, total: int, target: Target | None) -> None:
        if isinstance(exc, AuditAppError):
            message = str(exc)
        else:  # a bug, not the user's file: the details go to the log, one line to the user
            log.error("evidence import failed", exc_info=exc)
            message = f"the import stopped unexpectedly ({type(exc).__name__}: {exc})"
        self._done(ImportSummary(total, target, error=message))


class DropTarget(QObject):
    """An event filter that takes evidence drops (files or image data) for one place.

    on_drop(mime, widget, position) is called on the GUI thread; position is in the
    coordinates of the widget that received the drop (for a list, its viewport).
    """

    def __init__(
        self, on_drop: Callable[[QMimeData, QWidget, object], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._on_drop = on_drop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)  # drag enter and move events are drop events
            if not has_evidence(event.mimeData()):
                return False  # text and the like: the widget's own handling
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            if kind == QEvent.Type.Drop:
                assert isinstance(watched, QWidget)
                self._on_drop(event.mimeData(), watched, event.position().toPoint())
            return True
        return False


def accept_drops(
    widget: QWidget, on_drop: Callable[[QMimeData, QWidget, object], None]
) -> DropTarget:
    """Let files be dropped onto widget and everything inside it (text boxes included, which
    would otherwise paste the file's address as text)."""
    target = DropTarget(on_drop, widget)
    widget.setAcceptDrops(True)
    for child in [widget, *widget.findChildren(QWidget)]:
        child.installEventFilter(target)
    return target
