"""Evidence edits of the open audit: each one committed at once through the core, undoable.

The companion of AuditEditor for the evidence tab and the strips beside findings and questions:
caption, confidentiality, links and removal go through core.evidence in AuditEditor's committed
sessions and onto the same undo stack, so Ctrl+Z undoes the last edit whatever it touched.
It also owns the one EvidenceModel every evidence view of the workspace shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from auditapp.core import evidence, operations
from auditapp.core.evidence import EvidenceInfo, Target
from auditapp.core.models import Audit
from auditapp.ui.audit_editor import AuditEditor
from auditapp.ui.evidence_model import EvidenceModel


def targets_of(info: EvidenceInfo) -> list[Target]:
    """The item's links as core targets (typed by the core, not parsed from their labels)."""
    return list(info.targets)


def target_label(target: Target) -> str:
    return target.shown


class EvidenceEditor(QObject):
    evidence_changed = Signal()

    def __init__(self, editor: AuditEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.model = EvidenceModel(self)
        self.model.editable = not editor.read_only
        self.model.caption_edited.connect(self.set_caption)
        # Any edit whose change set names evidence or its links (deleting a finding drops
        # its links, an undo brings them back) re-reads the gallery.
        editor.evidence_touched.connect(self.refresh)

    @property
    def read_only(self) -> bool:
        return self.editor.read_only

    def refresh(self) -> None:
        """Re-read the gallery's rows, and the thumbnails when there are new items (no
        originals are read; a thumbnail is some 15 kB)."""

        def read(s: Session, a: Audit) -> tuple[list[EvidenceInfo], dict[int, bytes | None] | None]:
            rows = evidence.list_evidence(s, a, include_removed=True)
            if self.model.has_thumbnails_for({r.number for r in rows}):
                return rows, None
            return rows, evidence.thumbnails(s, a, include_removed=True)

        rows, thumbs = self.editor.read(read)
        self.model.set_items(rows, thumbs)
        self.evidence_changed.emit()

    def info(self, number: int) -> EvidenceInfo | None:
        return self.model.info(number)

    # --- reads for the viewer ------------------------------------------------------------------

    def display_image(self, number: int) -> bytes | None:
        return self.editor.read(lambda s, a: evidence.display_image(s, a, number))

    def original(self, number: int) -> bytes:
        """The original, re-hashed by the core before it is handed out."""
        return self.editor.read(
            lambda s, a: evidence.original_bytes(s, evidence.get_evidence(s, a, number))
        )

    # --- edits ---------------------------------------------------------------------------------

    def _edit(self, text: str, operation: operations.Operation) -> bool:
        """One core operation on the shared undo stack; the gallery is re-read when the change
        set names evidence (AuditEditor.evidence_touched)."""
        ok = self.editor.perform(text, operation) is not None
        if not ok:
            self.refresh()  # show the stored values again
        return ok

    def set_caption(self, number: int, caption: str) -> bool:
        info = self.info(number)
        if info is None:
            return True
        return self._edit(
            self.tr("Caption of %1").replace("%1", info.label),
            operations.SetCaption(number, caption),
        )

    def set_confidential(self, number: int, confidential: bool) -> bool:
        info = self.info(number)
        if info is None:
            return True
        text = (
            self.tr("Mark %1 confidential") if confidential else self.tr("Unmark %1 confidential")
        ).replace("%1", info.label)
        return self._edit(text, operations.SetConfidential(number, confidential))

    def link(self, number: int, target: Target) -> bool:
        info = self.info(number)
        if info is None:
            return False
        text = (
            self.tr("Link %1 to %2").replace("%1", info.label).replace("%2", target_label(target))
        )
        return self._edit(text, operations.Link(number, target))

    def unlink(self, number: int, target: Target) -> bool:
        info = self.info(number)
        if info is None:
            return False
        text = (
            self.tr("Unlink %1 from %2")
            .replace("%1", info.label)
            .replace("%2", target_label(target))
        )
        return self._edit(text, operations.Unlink(number, target))

    def remove(self, number: int, reason: str) -> bool:
        """Out of the gallery and reports with a reason; the original is kept. Undo restores
        the item with its links (the same link rows)."""
        info = self.info(number)
        if info is None:
            return False
        return self._edit(
            self.tr("Remove %1").replace("%1", info.label), operations.Remove(number, reason)
        )

    def restore(self, number: int, reason: str) -> bool:
        info = self.info(number)
        if info is None:
            return False
        return self._edit(
            self.tr("Restore %1").replace("%1", info.label), operations.Restore(number, reason)
        )
