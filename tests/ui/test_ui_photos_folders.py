"""Evidence: larger finding thumbnails, the import dialog says where items go, file dialogs start
in the last folder used for the same purpose (never the database folder)."""

from __future__ import annotations

import pytest
from ui_helpers import OFFSCREEN_NOISE, audit_window

from auditapp.core.evidence import Target
from auditapp.ui import folders
from auditapp.ui.evidence_widgets import THUMB

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


def test_folders_are_remembered_per_purpose_but_never_the_database_folder(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    photos = tmp_path / "photos"
    photos.mkdir()
    reports = tmp_path / "reports"
    reports.mkdir()
    folders.remember(folders.EVIDENCE, photos / "IMG_0001.jpg")
    folders.remember(folders.REPORT, reports / "AUD.pdf")
    assert folders.start_folder(folders.EVIDENCE) == photos
    assert folders.start_folder(folders.REPORT) == reports
    assert folders.start_folder(folders.TRAIL) == folders.documents()
    folders.remember(folders.VERIFY, db.path)  # a file next to the database
    assert folders.start_folder(folders.VERIFY) != db.path.parent
    window.close()


def test_import_title_names_the_target_and_thumbnails_are_large(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    page = window.workspace.evidence_page
    assert page.import_title(Target(finding=3)).endswith("attached to finding F-03")
    assert page.import_title(Target(question="ORG-01")).endswith("attached to question ORG-01")
    assert page.import_title(None).endswith("attached to the audit only")
    strip = window.workspace.finding_evidence
    assert strip.list.iconSize().width() == THUMB >= 100
