"""Settings: the grading scheme, the CAPA response days per classification, the interface
language, the report's branding (the auditing organisation's name, address and logo) and
security and backups (idle lock, automatic backups kept, separate signers)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import findings, settings
from auditapp.errors import AuditAppError
from auditapp.reports.branding import load_logo
from auditapp.ui import file_dialogs, i18n, labels
from auditapp.ui.widgets import MessageBar, label

LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)"


Submit = Callable[..., "str | None"]


@dataclass
class SecurityValues:
    """The security and backup settings the dialog shows and returns."""

    idle_minutes: int
    backups_kept: int
    separate_signers: bool = True


class SettingsDialog(QDialog):
    """submit(scheme, days, branding) stores the settings and returns None, or the refusal.

    branding maps the public setting names (organisation.name, organisation.address,
    organisation.logo) to values; the logo is a file path to set, "" to clear, and is absent
    when unchanged. With security given, the dialog has a "Security and backups" section and
    submit also gets security=SecurityValues; a read-only window shows the section disabled
    and submit gets security=None.
    """

    def __init__(
        self,
        scheme: str,
        days: dict[str, int | None],
        *,
        submit: Submit,
        branding: dict[str, str] | None = None,
        logo: bytes | None = None,
        language: str = "en",
        interface_language: str = "system",
        security: SecurityValues | None = None,
        backup_folder: Path | None = None,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._submit = submit
        self.messages = MessageBar()
        outer = QVBoxLayout(self)
        outer.addWidget(self.messages)
        # The sections scroll, the buttons stay: the dialog fits a 1280×720 screen.
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        layout.addWidget(label(self.tr("Grading scheme"), "sectionlabel"))
        self.scheme_group = QButtonGroup(self)
        self.ema = QRadioButton(self.tr("EMA: critical, major, minor, comments"))
        self.mhra = QRadioButton(self.tr("MHRA: critical, major, other"))
        for button, name in ((self.ema, "ema"), (self.mhra, "mhra")):
            button.setChecked(scheme == name)
            self.scheme_group.addButton(button)
            layout.addWidget(button)
        layout.addWidget(
            label(self.tr("Existing findings keep their grade when the scheme changes."), "muted")
        )
        layout.addSpacing(8)
        layout.addWidget(
            label(self.tr("CAPA response due (days after the report is issued)"), "sectionlabel")
        )
        self.practice_note = label(
            self.tr(
                "Your organisation's practice, not a regulatory requirement: ICH E6 and the GCP "
                "inspectorates set no response times. New findings take these days; the due "
                "dates are fixed when the author signs the report."
            ),
            "muted",
        )
        self.practice_note.setWordWrap(True)
        layout.addWidget(self.practice_note)
        form = QFormLayout()
        self.days: dict[str, QSpinBox] = {}
        seen: set[str] = set()
        for grade in findings.EMA_SCHEME + findings.MHRA_SCHEME:
            code = grade.classification.value
            if code in seen:
                continue
            seen.add(code)
            box = QSpinBox()
            box.setRange(0, 365)
            box.setSpecialValueText(self.tr("no due date"))
            box.setSuffix(self.tr(" days"))
            box.setValue(days.get(code) or 0)
            self.days[code] = box
            form.addRow(grade.label[language], box)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(label(self.tr("Interface language"), "sectionlabel"))
        self.interface = QComboBox()
        self.interface.setObjectName("interfaceLanguage")
        for text, code in (
            (
                self.tr("As the system (%1)").replace(
                    "%1", labels.language(i18n.system_language())
                ),
                "system",
            ),
            (self.tr("English"), "en"),
            (self.tr("German (Deutsch)"), "de"),
        ):
            self.interface.addItem(text, code)
        self.interface.setCurrentIndex(max(0, self.interface.findData(interface_language)))
        layout.addWidget(self.interface)
        layout.addWidget(
            label(
                self.tr(
                    "Menus, dialogs and help change at the next start. "
                    "The report language is set per audit."
                ),
                "muted",
            )
        )
        self._branding_section(layout, branding or {}, logo)
        self._security = security
        self._read_only = read_only
        if security is not None:
            self._security_section(layout, security, backup_folder)
        layout.addStretch(1)  # a tall window keeps the sections together at the top
        self.scroll = scroll
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(620, 760)

    def _branding_section(
        self, layout: QVBoxLayout, branding: dict[str, str], logo: bytes | None
    ) -> None:
        layout.addWidget(
            label(self.tr("Auditing organisation (report cover and header)"), "sectionlabel")
        )
        form = QFormLayout()
        self.organisation = QLineEdit(branding.get("organisation.name", ""))
        self.organisation.setPlaceholderText(
            self.tr("e.g. the sponsor's GCP QA department or the audit firm")
        )
        self.organisation.setMaxLength(120)
        form.addRow(self.tr("Name"), self.organisation)
        self.address = QPlainTextEdit(branding.get("organisation.address", ""))
        self.address.setFixedHeight(54)
        form.addRow(self.tr("Address"), self.address)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(120, 48)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        choose = QPushButton(self.tr("Choose logo…"))
        choose.clicked.connect(self.choose_logo)
        self.clear_logo = QPushButton(self.tr("Remove"))
        self.clear_logo.clicked.connect(lambda: self.set_logo_path(""))
        row = QHBoxLayout()
        row.addWidget(self.logo_preview)
        row.addWidget(choose)
        row.addWidget(self.clear_logo)
        row.addStretch(1)
        form.addRow(self.tr("Logo"), row)
        layout.addLayout(form)
        self._logo_change: str | None = None
        self._show_logo(logo)

    def _security_section(
        self, layout: QVBoxLayout, security: SecurityValues, backup_folder: Path | None
    ) -> None:
        layout.addSpacing(8)
        self.security_label = label(self.tr("Security and backups"), "sectionlabel")
        layout.addWidget(self.security_label)
        form = QFormLayout()
        self.idle = QSpinBox()
        self.idle.setObjectName("idleLockMinutes")
        self.idle.setRange(1, settings.MAX_IDLE_MINUTES)
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.setValue(security.idle_minutes)
        self.kept = QSpinBox()
        self.kept.setObjectName("backupsKept")
        self.kept.setRange(1, 100)
        self.kept.setValue(security.backups_kept)
        form.addRow(self.tr("Lock the window after"), self.idle)
        form.addRow(self.tr("Automatic backups kept"), self.kept)
        # The rule is a sentence: a wrapped label beside the box keeps the dialog narrow.
        self.separate_signers = QCheckBox()
        self.separate_signers.setChecked(security.separate_signers)
        rule = label(
            self.tr("Author, reviewer and approver of a report version must be different people")
        )
        rule.setBuddy(self.separate_signers)
        signers_row = QHBoxLayout()
        signers_row.addWidget(self.separate_signers)
        signers_row.addWidget(rule, 1)
        form.addRow(self.tr("Signatures"), signers_row)
        layout.addLayout(form)
        if backup_folder is not None:
            layout.addWidget(
                label(
                    self.tr(
                        "Automatic backups are made when AuditApp closes and once a day while it is "
                        "open, in %1. Copy them to another medium now and then."
                    ).replace("%1", str(backup_folder)),
                    "muted",
                )
            )
        if self._read_only:
            for widget in (self.idle, self.kept, self.separate_signers):
                widget.setEnabled(False)
            layout.addWidget(
                label(
                    self.tr(
                        "This window is read-only: security and backup settings can be changed only "
                        "in the window that has the database open for writing."
                    ),
                    "muted",
                )
            )

    def show_security(self) -> None:
        """Scrolls the Security and backups section into view."""
        if self._security is not None:
            self.scroll.ensureWidgetVisible(self.security_label)

    def security_values(self) -> SecurityValues | None:
        """The edited security settings; None when absent or the window is read-only."""
        if self._security is None or self._read_only:
            return None
        return SecurityValues(
            self.idle.value(), self.kept.value(), self.separate_signers.isChecked()
        )

    def _show_logo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    self.logo_preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))
        self.clear_logo.setEnabled(bool(data))

    def choose_logo(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Choose the organisation's logo"), str(Path.home()), LOGO_FILTER
        )
        if path:
            self.set_logo_path(path)

    def set_logo_path(self, path: str) -> bool:
        """Checks the image at once, so a bad file is refused before OK; "" removes the logo."""
        if not path:
            self._logo_change = ""
            self._show_logo(None)
            return True
        try:
            data = load_logo(Path(path))
        except AuditAppError as exc:
            self.messages.show_error(str(exc))
            return False
        self.messages.clear_message()
        self._logo_change = path
        self._show_logo(data)
        return True

    def branding_values(self) -> dict[str, str]:
        values = {
            "organisation.name": self.organisation.text().strip(),
            "organisation.address": self.address.toPlainText().strip(),
        }
        if self._logo_change is not None:
            values["organisation.logo"] = self._logo_change
        return values

    def values(self) -> tuple[str, dict[str, int | None]]:
        scheme = "mhra" if self.mhra.isChecked() else "ema"
        return scheme, {code: (box.value() or None) for code, box in self.days.items()}

    def interface_language(self) -> str:
        """ "system", "en" or "de": stored in QSettings by the caller, used at the next start."""
        return str(self.interface.currentData())

    def commit(self) -> None:
        if self._security is None:
            error = self._submit(*self.values(), self.branding_values())
        else:
            error = self._submit(
                *self.values(), self.branding_values(), security=self.security_values()
            )
        if error:
            self.messages.show_error(error)
            return
        self.accept()
