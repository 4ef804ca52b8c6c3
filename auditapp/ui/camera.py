"""Camera capture through QtMultimedia, for laptops and tablets that have one.

The camera is looked for once, on first need (QtMultimedia takes a fifth of a second to load
its backend, which start-up should not pay). Without a camera "Take photo…" does not exist at
all. A captured frame is handed to on_frame, the same function a test feeds a QImage.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QLoggingCategory, Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from auditapp.ui.widgets import MessageBar


@functools.cache
def camera_present() -> bool:
    """Whether the system has a video input; asked once per run."""
    # The FFmpeg backend warns about optional libraries it did not find (PipeWire, VA-API)
    # and announces its version; the camera works without them and the user can do nothing
    # about either.
    QLoggingCategory.setFilterRules(
        "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"
    )
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # PySide6-Addons is the optional "camera" extra
        return False
    return bool(QMediaDevices.videoInputs())


class CameraDialog(QDialog):
    """A live view with one button; each captured frame goes to on_frame (imported at once)."""

    def __init__(self, on_frame: Callable[[QImage], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.setWindowTitle(self.tr("Take photo"))
        self.resize(800, 600)
        self.camera = QCamera(self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.video = QVideoWidget()
        self.session.setVideoOutput(self.video)
        self.messages = MessageBar()

        self.shoot = QPushButton(self.tr("Take photo  (Space)"))
        self.shoot.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.shoot.setEnabled(False)
        self.shoot.clicked.connect(self.capture.capture)
        done = QPushButton(self.tr("Done"))
        done.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.shoot)
        buttons.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(self.video, 1)
        layout.addLayout(buttons)

        self.capture.readyForCaptureChanged.connect(self.shoot.setEnabled)
        self.capture.imageCaptured.connect(lambda _id, image: on_frame(image))
        self.capture.imageCaptured.connect(
            lambda _id, _image: self.messages.show_info(self.tr("Photo taken; importing it."))
        )
        self.capture.errorOccurred.connect(lambda _id, _error, text: self.messages.show_error(text))
        self.camera.errorOccurred.connect(lambda _error, text: self.messages.show_error(text))
        self.camera.start()

    def done(self, result: int) -> None:
        self.camera.stop()
        super().done(result)
