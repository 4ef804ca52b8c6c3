"""The evidence tab: the audit's gallery with captions, links and marks, the ways to bring
evidence in (file dialog, drop, paste, camera) and the edits (caption, confidentiality, links,
removal with a reason, restore). Every edit goes through the EvidenceEditor and so the core."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QListView,
    QMenu,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.evidence import EvidenceInfo, Target
from auditapp.core.findings import number_label
from auditapp.ui import formats
from auditapp.ui.evidence_editor import EvidenceEditor, target_label, targets_of
from auditapp.ui.evidence_gallery_edits import GalleryEdits
from auditapp.ui.evidence_intake import EvidenceImporter, accept_drops
from auditapp.ui.evidence_intake_actions import IntakeAndViewer
from auditapp.ui.evidence_model import NUMBER_ROLE, THUMB_SIDE, EvidenceFilter
from auditapp.ui.evidence_viewer import EvidenceViewer, file_size
from auditapp.ui.widgets import MessageBar, label

TargetProvider = Callable[[], Target | None]


class EvidencePage(GalleryEdits, IntakeAndViewer, QWidget):
    actions_changed = Signal()  # "Take photo…" appeared: menus showing actions_ refill

    def __init__(
        self,
        evidence: EvidenceEditor,
        importer: EvidenceImporter,
        *,
        target: TargetProvider,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.evidence = evidence
        self.importer = importer
        self._target = target
        self._language = language
        self._finding: int | None = None
        self._question: str | None = None
        self.viewer: EvidenceViewer | None = None
        self.camera_action: QAction | None = None
        self.ask_reason: Callable[[str, str], str | None] = self._ask_reason
        self.choose_target: Callable[[EvidenceInfo], Target | None] = self._choose_target

        self.proxy = EvidenceFilter(self)
        self.proxy.setSourceModel(evidence.model)
        self.gallery = QListView()
        self.gallery.setObjectName("evidenceGallery")
        self.gallery.setModel(self.proxy)
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setUniformItemSizes(True)
        self.gallery.setWordWrap(True)
        self.gallery.setSpacing(8)
        self.gallery.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        # Room for a caption of five lines under the thumbnail; longer ones are in the tooltip.
        self.gallery.setGridSize(QSize(THUMB_SIDE + 40, THUMB_SIDE + 100))
        self.gallery.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.gallery.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.gallery.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.gallery.customContextMenuRequested.connect(self._context_menu)
        self.gallery.activated.connect(lambda index: self.open_viewer(index.data(NUMBER_ROLE)))
        self.gallery.selectionModel().currentChanged.connect(self._current_changed)
        self.gallery_drops = accept_drops(
            self.gallery,
            lambda mime, _w, _p: self.importer.import_mime(mime, self.gallery_target()),
        )

        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show"))
        for mode in (
            EvidenceFilter.ALL,
            EvidenceFilter.FINDING,
            EvidenceFilter.QUESTION,
            EvidenceFilter.CONFIDENTIAL,
            EvidenceFilter.REMOVED,
        ):
            self.filter.addItem("", mode)
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self._filter_texts()

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_: list[QAction] = []
        self.import_action = self._action(
            self.tr("&Import files…"),
            "Ctrl+I",
            self.import_dialog,
            self.tr("Import photos and documents (JPEG, PNG, TIFF, HEIC/HEIF, PDF)"),
        )
        self.paste_action = self._action(
            self.tr("&Paste evidence"),
            "Ctrl+Shift+V",
            self.paste,
            self.tr("Import the image or files on the clipboard"),
        )
        self._bring_in_end = self.toolbar.addSeparator()
        self.view_action = self._action(
            self.tr("&View…"),
            None,
            self.open_current,
            self.tr("Full size, with file details (Enter)"),
        )
        self.caption_action = self._action(
            self.tr("Edit &caption"),
            None,
            self.edit_caption,
            self.tr("Edit the caption in place (F2)"),
        )
        self.confidential_action = self._action(
            self.tr("C&onfidential"),
            None,
            self.toggle_confidential,
            self.tr("Confidential items stay out of distributed reports unless included"),
        )
        self.confidential_action.setCheckable(True)
        self.link_action = self._action(
            self.tr("&Link to…"), None, self.link_dialog, self.tr("Link to a finding or a question")
        )
        self.unlink_menu = QMenu(self)
        self.unlink_menu.aboutToShow.connect(self._fill_unlink_menu)
        self.unlink_action = self._action(
            self.tr("&Unlink"),
            None,
            self._show_unlink_menu,
            self.tr("Detach from a finding or question; the item stays in the audit"),
        )
        self.unlink_action.setMenu(self.unlink_menu)
        unlink_button = self.toolbar.widgetForAction(self.unlink_action)
        if isinstance(unlink_button, QToolButton):
            unlink_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.remove_action = self._action(
            self.tr("&Remove…"),
            "Delete",
            self.remove_current,
            self.tr("Take out of the gallery and reports, with a reason; the original is kept"),
        )
        self.restore_action = self._action(
            self.tr("Re&store…"), None, self.restore_current, self.tr("Bring a removed item back")
        )
        for action in (self.view_action, self.remove_action):
            # Keys that mean something else elsewhere act only in the gallery.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.gallery.addAction(action)

        self.messages = MessageBar()
        self.details = label("", "muted")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = label(
            self.tr(
                "No evidence here yet. Import files (Ctrl+I), drop "
                "them here, or paste an image (Ctrl+Shift+V)."
            ),
            "muted",
        )
        top = QHBoxLayout()
        top.addWidget(self.toolbar, 1)
        top.addWidget(label(self.tr("Show"), "muted"))
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        self.messages.float_over(self, top=4)
        layout.addWidget(self.empty)
        layout.addWidget(self.gallery, 1)
        layout.addWidget(self.details)

        evidence.evidence_changed.connect(self._changed)
        evidence.editor.edit_refused.connect(self._refused)
        for signal in (
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._changed)
        self._changed()

    def _action(
        self, text: str, shortcut: str | None, slot: Callable[[], object], tip: str
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.toolbar.addAction(action)
        self.actions_.append(action)
        return action

    # --- context: which finding and question "this" means -------------------------------------

    def set_context(self, *, finding: int | None, question: str | None) -> None:
        self._finding, self._question = finding, question
        self._filter_texts()
        self._apply_filter()

    def _filter_texts(self) -> None:
        finding = number_label(self._finding) if self._finding else self.tr("none selected")
        question = self._question or self.tr("none selected")
        texts = [
            self.tr("All evidence"),
            self.tr("This finding (%1)").replace("%1", finding),
            self.tr("This question (%1)").replace("%1", question),
            self.tr("Confidential"),
            self.tr("Removed"),
        ]
        for i, text in enumerate(texts):
            self.filter.setItemText(i, text)

    def show_filter(self, mode: str) -> None:
        self.filter.setCurrentIndex(self.filter.findData(mode))

    def _apply_filter(self) -> None:
        self.proxy.set_filter(
            self.filter.currentData(), finding=self._finding, question=self._question
        )
        self._changed()

    def gallery_target(self) -> Target | None:
        """New evidence from the gallery goes where the gallery looks: one finding or question."""
        mode = self.proxy.mode
        if mode == EvidenceFilter.FINDING and self._finding is not None:
            return Target(finding=self._finding)
        if mode == EvidenceFilter.QUESTION and self._question:
            return Target(question=self._question)
        return None

    # --- state ---------------------------------------------------------------------------------

    @property
    def current(self) -> EvidenceInfo | None:
        index = self.gallery.currentIndex()
        return self.evidence.info(index.data(NUMBER_ROLE)) if index.isValid() else None

    def select(self, number: int) -> None:
        row = self.proxy.numbers().index(number) if number in self.proxy.numbers() else -1
        if row >= 0:
            self.gallery.selectionModel().setCurrentIndex(
                self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _changed(self, *_args: object) -> None:
        empty = self.proxy.rowCount() == 0
        self.empty.setVisible(empty)
        self._update_actions()

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.messages.clear_message()
        self._update_actions()

    def _update_actions(self) -> None:
        info = self.current
        writable = not self.evidence.read_only
        live = info is not None and not info.removed
        for action in (
            self.import_action,
            self.paste_action,
            *([self.camera_action] if self.camera_action else []),
        ):
            action.setEnabled(writable)
        self.view_action.setEnabled(info is not None)
        self.caption_action.setEnabled(writable and live)
        self.confidential_action.setEnabled(writable and live)
        self.confidential_action.setChecked(bool(info and info.confidential))
        self.link_action.setEnabled(writable and live)
        self.unlink_action.setEnabled(writable and live and bool(info and info.links))
        self.remove_action.setEnabled(writable and live)
        self.restore_action.setEnabled(writable and info is not None and info.removed)
        self.details.setText(self._describe(info) if info else "")

    def _describe(self, info: EvidenceInfo) -> str:
        parts = [info.label, info.file_name, file_size(info.size).split(" (")[0]]
        if info.width and info.height:
            parts.append(f"{info.width} × {info.height}")
        if info.captured_at:
            parts.append(
                self.tr("taken %1").replace(
                    "%1", formats.datetime_text(info.captured_at, offset=False)
                )
            )
        if info.capture_device:
            parts.append(info.capture_device)
        parts.append(self.tr("imported by %1").replace("%1", info.imported_by))
        return "  ·  ".join(parts)

    def _refused(self, message: str) -> None:
        if self.isVisible():
            self.messages.show_error(message)

    # --- bringing evidence in ------------------------------------------------------------------

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self.probe_camera()

    # --- edits ---------------------------------------------------------------------------------

    def _fill_unlink_menu(self) -> None:
        self.unlink_menu.clear()
        info = self.current
        for target in targets_of(info) if info else []:
            action = self.unlink_menu.addAction(
                self.tr("Unlink from %1").replace("%1", target_label(target))
            )
            action.triggered.connect(lambda _c=False, t=target: self.unlink_current(t))

    def remove_current(self) -> None:
        info = self.current
        if info is None or info.removed:
            return
        reason = self.ask_reason(
            self.tr("Remove %1").replace("%1", info.label),
            self.tr(
                "Why is %1 removed? The reason is kept in the audit trail; the original "
                "stays in the audit and can be restored."
            ).replace("%1", info.label),
        )
        if reason is not None:  # an empty reason is refused by the core, with its message
            self.evidence.remove(info.number, reason)

    def restore_current(self) -> None:
        info = self.current
        if info is None or not info.removed:
            return
        reason = self.ask_reason(
            self.tr("Restore %1").replace("%1", info.label),
            self.tr("Why is %1 restored? (kept in the audit trail)").replace("%1", info.label),
        )
        if reason is not None:
            self.evidence.restore(info.number, reason)
