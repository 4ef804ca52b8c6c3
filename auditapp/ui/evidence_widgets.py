"""Evidence widgets shown outside the gallery: the import progress panel and the thumbnail
strips beside a finding and a question."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.evidence import Target
from auditapp.core.evidence import label as evidence_label
from auditapp.ui.evidence_editor import target_label
from auditapp.ui.evidence_intake import EvidenceImporter, ImportSummary
from auditapp.ui.evidence_model import NUMBER_ROLE, EvidenceFilter, EvidenceModel
from auditapp.ui.variant import variant_result
from auditapp.ui.widgets import label, slim_bar

SUMMARY_INFO_MS = 8000
REFUSED_COLOUR = "#B3261E"


class ImportPanel(QFrame):
    """Progress with Cancel while a batch runs, then one summary: what came in, what was
    refused and why, one line per refused file."""

    def __init__(self, importer: EvidenceImporter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.status = QLabel()
        self.bar = slim_bar(220)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(importer.cancel)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton(self.tr("Dismiss"))
        self.dismiss.clicked.connect(self.hide)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

        self.progress_row = QWidget()
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self.summary_row = QWidget()
        row2 = QHBoxLayout(self.summary_row)
        row2.setContentsMargins(0, 0, 0, 0)
        row2.addWidget(self.summary, 1)
        row2.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.summary_row)

        importer.started.connect(self._started)
        importer.progressed.connect(self._progressed)
        importer.finished.connect(self.show_summary)
        self.hide()

    def _started(self, total: int) -> None:
        self._timer.stop()
        self.bar.setRange(0, total)
        self.bar.setValue(0)
        self.status.setText(self.tr("Importing %n file(s)…", "", total))
        self.progress_row.show()
        self.summary_row.hide()
        self.show()

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.status.setText(
            self.tr("Imported %1 of %2: %3")
            .replace("%1", str(done))
            .replace("%2", str(total))
            .replace("%3", name)
        )

    def show_summary(self, summary: ImportSummary) -> None:
        self.progress_row.hide()
        text, trouble = self.describe(summary)
        self.summary.setText(text)
        self.summary_row.show()
        self.show()
        if trouble:
            self._timer.stop()  # refusals stay until dismissed
        else:
            self._timer.start(SUMMARY_INFO_MS)

    def describe(self, s: ImportSummary) -> tuple[str, bool]:
        """The summary as rich text, and whether anything went wrong."""
        where = (
            self.tr(" to %1").replace("%1", target_label(s.target))
            if s.target and (s.target.finding is not None or s.target.question)
            else ""
        )
        if s.error:
            nothing = self.tr("Nothing was imported:")
            return (f"<b style='color:{REFUSED_COLOUR}'>{nothing}</b> {html.escape(s.error)}", True)
        numbers = [i.number for i in s.imported]
        lines = []
        if numbers:
            first, last = evidence_label(min(numbers)), evidence_label(max(numbers))
            span = first if first == last else f"{first} – {last}"
            # %n is the total: "Imported 2 of 3 files to F-01: E-004 – E-005".
            lines.append(
                self.tr("Imported %1 of %n file(s)%3: %4", "", s.total)
                .replace("%1", str(len(numbers)))
                .replace("%3", html.escape(where))
                .replace("%4", span)
            )
        elif not s.cancelled:
            lines.append(self.tr("No file was imported."))
        if s.cancelled:
            lines.append(
                self.tr(
                    "Cancelled: the files not yet read were not imported; those imported are kept."
                )
            )
        active = [i for i in s.imported if i.active_content]
        for item in active:
            lines.append(
                f"<b style='color:{REFUSED_COLOUR}'>"
                + self.tr("Warning:")
                + "</b> "
                + html.escape(
                    self.tr(
                        "%1 %2 contains active content (%3); it is kept "
                        "as evidence and flagged in the gallery"
                    )
                    .replace("%1", item.label)
                    .replace("%2", item.file_name)
                    .replace("%3", item.active_content)
                )
            )
        if s.refused:
            lines.append(
                f"<b style='color:{REFUSED_COLOUR}'>"
                + self.tr("Refused (%1):").replace("%1", str(len(s.refused)))
                + "</b>"
            )
            for name, reason in s.refused:
                # The core's reasons name the file already; a few (a locked audit) do not.
                text = reason if reason.startswith(name) else f"{name}: {reason}"
                lines.append("• " + html.escape(text))
        return "<br>".join(lines), bool(s.refused or active)


class _Compact(EvidenceFilter):
    """A strip shows the number only; the caption is in the tooltip."""

    @variant_result
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(super().data(index, role) or "").split("\n")[0].split("  ·  ")[0]
        return super().data(index, role)


THUMB = 112  # finding and question thumbnails, logical pixels


class EvidenceStrip(QWidget):
    """The evidence of one finding or one question as a row of thumbnails with a count."""

    view_requested = Signal(int, list)  # the item, and the strip's items for next/previous

    def __init__(self, model: EvidenceModel, *, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = _Compact(self)
        self.proxy.setSourceModel(model)
        self.proxy.set_filter(EvidenceFilter.FINDING, finding=None)
        self.heading = label("", "sectionlabel")
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        # Big enough to tell one photo of a document from another (was 64 px).
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 20, THUMB + 26))
        self.list.setFixedHeight(THUMB + 40)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(self._activated)
        self.empty = label(hint, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._count)
        self._count()

    def set_finding(self, number: int | None) -> None:
        self.proxy.set_filter(EvidenceFilter.FINDING, finding=number)
        self._count()

    def set_question(self, question_id: str | None) -> None:
        self.proxy.set_filter(EvidenceFilter.QUESTION, question=question_id)
        self._count()

    @property
    def count(self) -> int:
        return self.proxy.rowCount()

    def _count(self, *_args: object) -> None:
        n = self.proxy.rowCount()
        self.heading.setText(self.tr("Evidence (%1)").replace("%1", str(n)))
        self.list.setVisible(n > 0)
        self.empty.setVisible(n == 0)

    def _activated(self, index: QModelIndex) -> None:
        self.view_requested.emit(index.data(NUMBER_ROLE), self.proxy.numbers())


class LinkDialog(QDialog):
    """Choose a finding or a question to link an item to; type to search either."""

    def __init__(
        self, choices: list[tuple[str, Target]], *, item: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link %1").replace("%1", item))
        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choice.setMinimumWidth(520)
        for text, target in choices:
            self.choice.addItem(text, target)
        completer = self.choice.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(self.tr("Link %1 to a finding or a checklist question:").replace("%1", item))
        )
        layout.addWidget(self.choice)
        layout.addWidget(buttons)

    @property
    def target(self) -> Target | None:
        index = self.choice.findText(self.choice.currentText())
        return self.choice.itemData(index) if index >= 0 else None
