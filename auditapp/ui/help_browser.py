"""Help › User guide: the bundled guide (resources/help/<language>/*.md), offline, in a window.

F1 opens the page for the screen in front of the user (see ``page_for``). Pages are Markdown,
rendered by QTextBrowser; links between pages are relative file links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from auditapp import paths

# In reading order; the file names are the same in every language.
PAGES = (
    "index",
    "setup",
    "checklist",
    "findings",
    "evidence",
    "reports",
    "signing",
    "capa",
    "team",
    "backups",
    "trail",
    "oversight",
    "shortcuts",
)


def help_dir(language: str) -> Path:
    folder = paths.resources_dir() / "help" / language
    return folder if folder.is_dir() else paths.resources_dir() / "help" / "en"


def page_title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def page_for(workspace: Any) -> str:
    """The page for the screen: the audit list (workspace None) or the open audit's tab."""
    if workspace is None:
        return "setup"
    current = workspace.tabs.currentWidget()
    pages = {
        workspace.walk: "checklist",
        workspace.findings: "findings",
        workspace.evidence_page: "evidence",
        workspace.registers: "setup",
        workspace.trail: "trail",
    }
    return pages.get(current, "index")


class HelpWindow(QDialog):
    """A non-modal window: the auditor keeps it open beside the audit."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("AuditApp user guide"))
        self.setModal(False)
        self.resize(960, 720)
        self.folder = help_dir(language)
        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        for name in PAGES:
            path = self.folder / f"{name}.md"
            if path.is_file():
                item = QListWidgetItem(page_title(path))
                item.setData(256, name)  # Qt.UserRole
                self.contents.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setSearchPaths([str(self.folder)])
        self.browser.setOpenExternalLinks(True)
        self.browser.sourceChanged.connect(self._source_changed)
        self.contents.currentItemChanged.connect(
            lambda item, _old: item is not None and self.show_page(str(item.data(256)))
        )
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        home = QPushButton(self.tr("Contents"))
        home.clicked.connect(lambda: self.show_page("index"))
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(home)
        buttons.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setSizes([220, 740])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    @property
    def current_page(self) -> str:
        return Path(self.browser.source().path()).stem

    def show_page(self, name: str) -> None:
        if name not in PAGES:
            name = "index"
        if self.current_page != name:
            self.browser.setSource(QUrl.fromLocalFile(str(self.folder / f"{name}.md")))

    def _source_changed(self, url: QUrl) -> None:
        name = Path(url.path()).stem
        for row in range(self.contents.count()):
            if self.contents.item(row).data(256) == name:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
                break
