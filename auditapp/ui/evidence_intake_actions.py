"""The evidence tab's ways in (file dialog, paste, camera) and its viewer (a mixin of
EvidencePage; its texts stay in the EvidencePage translation context)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QApplication

from auditapp.core.evidence import Target
from auditapp.core.media_types import PDF
from auditapp.errors import AuditAppError
from auditapp.ui import camera, file_dialogs
from auditapp.ui.evidence_intake import FILE_PATTERNS, has_evidence
from auditapp.ui.evidence_viewer import EvidenceViewer, Shown, render_pdf_page


class IntakeAndViewer:
    """Needs EvidencePage's evidence (the EvidenceEditor), importer, proxy, toolbar, actions_,
    paste_action, camera_action, viewer, _target, _bring_in_end, actions_changed, last_dialog
    and QWidget's window()."""

    evidence: Any
    importer: Any
    proxy: Any
    toolbar: Any
    actions_: list[Any]
    paste_action: Any
    camera_action: Any
    viewer: Any
    _target: Any
    _bring_in_end: Any
    actions_changed: Any
    last_dialog: Any
    window: Any

    def import_dialog(self) -> None:
        from auditapp.ui import folders

        target = self._target()
        paths = file_dialogs.open_files(
            self,
            self.import_title(target),
            str(folders.start_folder(folders.EVIDENCE)),
            QCoreApplication.translate("EvidencePage", "Evidence")
            + f" ({FILE_PATTERNS});;"
            + QCoreApplication.translate("EvidencePage", "All files")
            + " (*)",
        )
        if paths:
            folders.remember(folders.EVIDENCE, paths[0])
            self.importer.import_files([Path(p) for p in paths], target)

    def import_title(self, target: Target | None) -> str:
        """The file dialog's title says where the imported items will be attached."""
        from auditapp.core.findings import number_label

        if target is not None and target.finding is not None:
            return QCoreApplication.translate(
                "EvidencePage", "Import evidence — attached to finding %1"
            ).replace("%1", number_label(target.finding))
        if target is not None and target.question:
            return QCoreApplication.translate(
                "EvidencePage", "Import evidence — attached to question %1"
            ).replace("%1", target.question)
        return QCoreApplication.translate(
            "EvidencePage", "Import evidence — attached to the audit only"
        )

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        if not has_evidence(mime) or not self.importer.import_mime(mime, self._target()):
            self.importer.report(
                QCoreApplication.translate(
                    "EvidencePage", "the clipboard holds no image and no file."
                )
            )

    def probe_camera(self) -> None:
        """Add "Take photo…" when the system has a camera; without one it does not exist."""
        if self.camera_action is not None or not camera.camera_present():
            return
        action = QAction(QCoreApplication.translate("EvidencePage", "&Take photo…"), self)
        action.setStatusTip(
            QCoreApplication.translate("EvidencePage", "Take a photo with this computer's camera")
        )
        action.triggered.connect(self.take_photo)
        action.setEnabled(not self.evidence.read_only)
        self.toolbar.insertAction(self._bring_in_end, action)
        self.actions_.insert(self.actions_.index(self.paste_action) + 1, action)
        self.camera_action = action
        self.actions_changed.emit()

    def take_photo(self) -> None:
        dialog = camera.CameraDialog(self.import_camera_frame, self)
        self.last_dialog = dialog
        dialog.exec()

    def import_camera_frame(self, image: QImage) -> None:
        """What the camera's imageCaptured calls: the frame is imported as a JPEG photo."""
        self.importer.import_image(image, target=self._target(), kind="photo")

    def open_current(self) -> None:
        info = self.current
        if info is not None:
            self.open_viewer(info.number)

    def open_viewer(self, number: int, numbers: list[int] | None = None) -> EvidenceViewer:
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = EvidenceViewer(
            numbers or self.proxy.numbers(), number, load=self.load_shown, parent=self.window()
        )
        self.viewer.show()
        self.viewer.activateWindow()
        return self.viewer

    def load_shown(self, number: int) -> Shown:
        info = self.evidence.info(number)
        assert info is not None
        try:
            if info.media_type == PDF:
                image = render_pdf_page(self.evidence.original(number))
                problem = QCoreApplication.translate(
                    "EvidencePage",
                    "This PDF cannot be shown (password-protected?). Its "
                    "original is kept unchanged.",
                )
            else:
                data = self.evidence.display_image(number)
                image = QImage.fromData(data) if data else None
                problem = QCoreApplication.translate(
                    "EvidencePage", "No display image was made for this file."
                )
        except AuditAppError as exc:
            return Shown(info, None, str(exc))
        return Shown(info, image, "" if image is not None and not image.isNull() else problem)
