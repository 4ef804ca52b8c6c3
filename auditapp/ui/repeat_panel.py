"""Beside a finding: similar findings of earlier audits of the same CRO, offered as the finding
being raised may repeat one of them. Linking goes through the editor (one undoable edit that
sets the repeat flag and names the earlier finding)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import repeat
from auditapp.errors import AuditAppError
from auditapp.ui.audit_editor import AuditEditor

# The offers are looked up once the auditor stops on a finding: arrowing through the list does
# not search the CRO's earlier audits for every finding passed by (issue 18, GUI latency).
OFFER_DELAY_MS = 150

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from auditapp.core.models import Audit
    from auditapp.core.workspace import FindingState


class RepeatPanel(QWidget):
    def __init__(
        self,
        editor: AuditEditor,
        *,
        grade_labels: dict[str, tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._grades = grade_labels or {}
        self.setObjectName("repeatPanel")
        self._editor = editor
        self.number: int | None = None
        self._offered: list[repeat.Similar] = []
        self._searched: dict[tuple[object, ...], list[repeat.Similar]] = {}
        self.caption = QLabel(self.tr("Similar findings in earlier audits of this CRO"))
        self.caption.setObjectName("sectionCaption")
        self.linked = QLabel()
        self.linked.setWordWrap(True)
        self.offers = QListWidget()
        self.offers.setMaximumHeight(96)
        self.offers.itemDoubleClicked.connect(lambda _item: self.link_current())
        self.link_button = QPushButton(self.tr("Mark as &repeat of the selected finding"))
        self.link_button.clicked.connect(self.link_current)
        self.unlink_button = QPushButton(self.tr("Not a repeat"))
        self.unlink_button.clicked.connect(self.unlink)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.linked)
        layout.addWidget(self.offers)
        layout.addLayout(buttons)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(OFFER_DELAY_MS)
        self._refresh.timeout.connect(self._fill)
        editor.findings_changed.connect(lambda: self.show_finding(self.number))

    @property
    def pending(self) -> bool:
        """The offers shown are not yet those of the finding shown."""
        return self._refresh.isActive()

    def settle(self) -> None:
        """Look the offers up now if they are still due."""
        if self._refresh.isActive():
            self._refresh.stop()
            self._fill()

    def show_finding(self, number: int | None) -> None:
        self.number = number
        finding = self._editor.finding(number) if number is not None else None
        if finding is None:
            self._refresh.stop()
            self.offers.clear()
            self._offered = []
            self.hide()
            return
        # Until the lookup, the last finding's offers cannot be chosen for this one.
        self.offers.setEnabled(False)
        self.link_button.setEnabled(False)
        if finding.repeat_of:
            self.linked.setText(self.tr("Repeats %1.").replace("%1", finding.repeat_of))
        else:
            self.linked.setText(self.tr("Looking for similar earlier findings…"))
        self.unlink_button.setVisible(bool(finding.repeat_of))
        self._refresh.start()
        self.show()

    def _fill(self) -> None:
        finding = self._editor.finding(self.number) if self.number is not None else None
        if finding is None:
            return
        try:  # a read session: no write lock, nothing committed
            offered = self._editor.read(lambda s, a: self._search(s, a, finding))
        except AuditAppError:
            offered = []
        if offered != self._offered:  # the next finding often has the same offers
            self._offered = offered
            self.offers.clear()
            for item in offered:
                grade = self._grades.get(item.classification, (item.classification, ""))[0]
                row = QListWidgetItem(f"{item.label} · {grade} · {item.title}")
                row.setData(Qt.ItemDataRole.UserRole, item.label)
                row.setToolTip(item.title)
                self.offers.addItem(row)
        if finding.repeat_of:
            self.linked.setText(self.tr("Repeats %1.").replace("%1", finding.repeat_of))
        elif offered:
            self.linked.setText(
                self.tr(
                    "%n similar earlier finding(s): does this one repeat one of them?",
                    "",
                    len(offered),
                )
            )
        else:
            self.linked.setText(self.tr("None found."))
        self.offers.setVisible(bool(offered))
        self.offers.setEnabled(True)
        writable = not self._editor.read_only
        self.link_button.setVisible(bool(offered))
        self.link_button.setEnabled(writable)
        self.unlink_button.setVisible(bool(finding.repeat_of))
        self.unlink_button.setEnabled(writable)
        self.show()

    def _search(
        self, session: Session, audit: Audit, finding: FindingState
    ) -> list[repeat.Similar]:
        """The offers for this finding's text, searched again only when the database changed
        since they were found (going back and forth between findings costs no search)."""
        version = repeat.offers_version(session)
        key = (version, finding.title, finding.observation, tuple(finding.references))
        offered = self._searched.get(key)
        if offered is None:
            if any(k[0] != version for k in self._searched):
                self._searched.clear()
            offered = self._searched[key] = repeat.similar_findings(
                session,
                audit,
                title=finding.title,
                observation=finding.observation,
                references=list(finding.references),
            )
        return offered

    def link_current(self) -> bool:
        if self.pending:
            return False  # the offers on screen belong to the finding shown before
        item = self.offers.currentItem()
        if item is None or self.number is None:
            return False
        return self._editor.update_finding(
            self.number, {"repeat_of": item.data(Qt.ItemDataRole.UserRole), "repeat_finding": True}
        )

    def unlink(self) -> bool:
        if self.number is None:
            return False
        return self._editor.update_finding(self.number, {"repeat_of": "", "repeat_finding": False})
