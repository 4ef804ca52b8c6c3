"""The export dialog: format, language, paper, sections, confidential evidence, certificate.

The dialog only gathers choices and shows progress; the report is built and written by
reports.export in the background (ui.tasks), so the window stays responsive for big audits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.db import Database
from auditapp.core.models import Language
from auditapp.errors import AuditAppError
from auditapp.reports import export
from auditapp.ui import file_dialogs
from auditapp.ui.tasks import TaskRunner
from auditapp.ui.widgets import MessageBar, label, slim_bar

log = logging.getLogger(__name__)

LANGUAGES = ((Language.EN.value, "English"), (Language.DE.value, "Deutsch"))
PAPERS = (("a4", "A4"), ("letter", "US Letter"))
# A path chooser: (suggested path, file filter) -> chosen path or None when cancelled.
AskPath = Callable[[str, str], str | None]


@dataclass(frozen=True)
class ExportOptions:
    fmt: str  # "pdf" or "docx"
    language: str
    paper: str
    sections: tuple[str, ...] | None  # None: every section
    include_confidential: bool
    certificate: bool
    pdfa: bool = False
    photos: str = "full"  # "full" across the page width, "grid" three to a row
    capa_form: bool = False  # also the auditee's CAPA response form (DOCX and XLSX)

    def file_name(self, reference: str, version: int) -> str:
        return f"{reference}_report_v{version}_{self.language}.{self.fmt}"

    def certificate_name(self, reference: str) -> str:
        return f"{reference}_certificate_{self.language}.{self.fmt}"

    def capa_form_name(self, reference: str, fmt: str) -> str:
        return f"{reference}_capa_form_{self.language}.{fmt}"


def default_folder(purpose: str = "report") -> Path:
    """Where the save dialog starts: the last folder used for this purpose (folders.py)."""
    from auditapp.ui import folders

    return folders.start_folder(purpose)


def ask_save_path(parent: QWidget, title: str, purpose: str = "report") -> AskPath:
    def ask(suggested: str, file_filter: str) -> str | None:
        path = file_dialogs.save_file(parent, title, suggested, file_filter)
        if path:
            from auditapp.ui import folders

            folders.remember(purpose, path)
        return path

    return ask


def failure_text(exc: Exception, what: str) -> str:
    """One clear line: the core's own message, or a plain sentence; the traceback goes to the log."""
    if isinstance(exc, AuditAppError):
        return str(exc)
    log.error("%s failed", what, exc_info=exc)
    return f"{what} failed: {exc}"


class ExportDialog(QDialog):
    exported = Signal(list)  # the paths written
    preview_requested = Signal(object)  # ExportOptions

    def __init__(
        self,
        db: Database,
        reference: str,
        *,
        version: int,
        language: str,
        paper: str,
        sections: list[tuple[str, str]],
        tasks: TaskRunner,
        ask_path: AskPath | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.reference = reference
        self.version = version
        self._tasks = tasks
        self.ask_path = ask_path or ask_save_path(self, self.tr("Export report"))
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("Export report · %1").replace("%1", reference))

        self.format = QComboBox()
        self.format.addItem(self.tr("PDF"), "pdf")
        self.format.addItem(self.tr("Word (DOCX)"), "docx")
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.setToolTip(
            self.tr("Preset to the audit's language; another choice applies to this export only.")
        )
        self.paper = QComboBox()
        for code, name in PAPERS:
            self.paper.addItem(name, code)
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        form = QFormLayout()
        form.addRow(self.tr("&Format"), self.format)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Paper"), self.paper)

        self.sections: dict[str, QCheckBox] = {}
        box = QGroupBox(self.tr("Sections (the cover page is always included)"))
        grid = QGridLayout(box)
        rows = (len(sections) + 1) // 2
        for i, (code, title) in enumerate(sections):
            check = QCheckBox(title)
            check.setChecked(True)
            self.sections[code] = check
            grid.addWidget(check, i % rows, i // rows)

        self.confidential = QCheckBox(self.tr("Include &confidential evidence"))
        self.confidential_warning = label(
            self.tr(
                "Evidence marked confidential (e.g. patient records) will be printed in "
                "this report. Share it only with recipients entitled to see it."
            ),
            "error",
        )
        self.confidential_warning.setWordWrap(True)
        self.confidential_warning.hide()
        self.confidential.toggled.connect(self.confidential_warning.setVisible)
        self.certificate = QCheckBox(
            self.tr("Also write the audit &certificate as a separate document")
        )
        self.capa_form = QCheckBox(
            self.tr("Also write the auditee's CAPA &response form (Word and Excel)")
        )
        self.full_photos = QCheckBox(
            self.tr("P&hotos across the page width (readable documents); otherwise three to a row")
        )
        self.full_photos.setChecked(True)
        self.pdfa = QCheckBox(self.tr("PDF/A-2b for &archiving (signed reports always are)"))
        # The entered text in another language than the report: a warning, not a refusal.
        self.language_warning = label("", "error")
        self.language_warning.setWordWrap(True)
        self.language_warning.hide()
        self.language.currentIndexChanged.connect(self.check_language)
        self.progress = slim_bar(200)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.progress_text = QLabel()
        self.progress_text.hide()
        self.messages = MessageBar()

        self.buttons = QDialogButtonBox()
        self.preview_button = QPushButton(self.tr("Pre&view"))
        self.preview_button.setToolTip(self.tr("Show the PDF with these choices inside the app"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setDefault(True)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.preview_button.clicked.connect(lambda: self.preview_requested.emit(self.options()))
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.format.currentIndexChanged.connect(self._format_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.confidential)
        layout.addWidget(self.confidential_warning)
        layout.addWidget(self.certificate)
        layout.addWidget(self.capa_form)
        layout.addWidget(self.full_photos)
        layout.addWidget(self.pdfa)
        layout.addWidget(self.language_warning)
        layout.addStretch(1)
        layout.addWidget(self.messages)
        progress = QHBoxLayout()
        progress.addWidget(self.progress_text, 1)
        progress.addWidget(self.progress)
        layout.addLayout(progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.check_language()

    def check_language(self) -> None:
        from auditapp.core import language_check
        from auditapp.core.audits import get_audit

        try:
            with self._db.session() as session:
                text = language_check.message(
                    get_audit(session, self.reference), str(self.language.currentData())
                )
        except AuditAppError:
            text = None
        self.language_warning.setText(self.tr("Language: %1.").replace("%1", text) if text else "")
        self.language_warning.setVisible(bool(text))

    def options(self) -> ExportOptions:
        chosen = tuple(code for code, check in self.sections.items() if check.isChecked())
        return ExportOptions(
            fmt=str(self.format.currentData()),
            language=str(self.language.currentData()),
            paper=str(self.paper.currentData()),
            sections=None if len(chosen) == len(self.sections) else chosen,
            include_confidential=self.confidential.isChecked(),
            certificate=self.certificate.isChecked(),
            pdfa=self.pdfa.isChecked() and self.format.currentData() == "pdf",
            photos="full" if self.full_photos.isChecked() else "grid",
            capa_form=self.capa_form.isChecked(),
        )

    def _format_changed(self) -> None:
        # The preview is a PDF whatever the format; say so rather than hide the button.
        word = self.format.currentData() == "docx"
        self.pdfa.setEnabled(not word)
        self.preview_button.setToolTip(
            self.tr(
                "Show the PDF with these choices inside the app (the Word file has the "
                "same content)"
            )
            if word
            else self.tr("Show the PDF with these choices inside the app")
        )

    def set_busy(self, busy: bool) -> None:
        for widget in (
            self.export_button,
            self.preview_button,
            self.format,
            self.language,
            self.paper,
        ):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress_text.setVisible(busy)
        if busy:
            self._progressed(0, 100, "")

    # --- export --------------------------------------------------------------------------------

    def export(self) -> None:
        options = self.options()
        suggested = default_folder() / options.file_name(self.reference, self.version)
        file_filter = (
            self.tr("PDF documents (*.pdf)")
            if options.fmt == "pdf"
            else self.tr("Word documents (*.docx)")
        )
        chosen = self.ask_path(str(suggested), file_filter)
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(f".{options.fmt}")
        try:
            export.format_for(target, options.fmt)
            export.check_target(target)
        except AuditAppError as exc:
            self.messages.show_error(str(exc))
            return
        self.start(options, target)

    def start(self, options: ExportOptions, target: Path) -> None:
        """Export to ``target`` in the background (tests call this without the file dialog)."""
        db, reference = self._db, self.reference

        def work(progress: Callable[[int, int, str], None]) -> list[Path]:
            written = [
                export.write_report(
                    db,
                    reference,
                    target,
                    fmt=options.fmt,
                    language=options.language,
                    sections=options.sections,
                    include_confidential=options.include_confidential,
                    paper=options.paper,
                    progress=lambda pct, stage: progress(pct, 100, stage),
                    pdfa=options.pdfa or None,
                    photos=options.photos,
                )
            ]
            if options.certificate:
                written.append(
                    export.write_certificate(
                        db,
                        reference,
                        target.with_name(options.certificate_name(reference)),
                        fmt=options.fmt,
                        language=options.language,
                        paper=options.paper,
                    )
                )
            if options.capa_form:
                from auditapp.reports.capa_form import write_capa_form

                for fmt in ("docx", "xlsx"):
                    written.append(
                        write_capa_form(
                            db,
                            reference,
                            target.with_name(options.capa_form_name(reference, fmt)),
                            fmt=fmt,
                            language=options.language,
                        )
                    )
            return written

        self.messages.clear_message()
        self.set_busy(True)
        self._tasks.run(
            work, on_done=self._done, on_failed=self._failed, on_progress=self._progressed
        )

    def _progressed(self, done: int, total: int, _what: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        percent = round(100 * done / total) if total else 0
        self.progress_text.setText(self.tr("Building the report… %1 %").replace("%1", str(percent)))

    def _done(self, paths: list[Path]) -> None:
        self.set_busy(False)
        self.written = paths
        names = ", ".join(str(p) for p in paths)
        self.messages.show_info(self.tr("Written: %1").replace("%1", names), 0)
        self.exported.emit(paths)

    def _failed(self, exc: Exception) -> None:
        self.set_busy(False)
        self.messages.show_error(failure_text(exc, self.tr("The export")))

    def run_preview(self, work: Callable[[Any], bytes], on_done: Callable[[bytes], None]) -> None:
        """Render a preview in the background with this dialog's progress bar."""
        self.set_busy(True)

        def done(data: bytes) -> None:
            self.set_busy(False)
            on_done(data)

        self._tasks.run(work, on_done=done, on_failed=self._failed, on_progress=self._progressed)
