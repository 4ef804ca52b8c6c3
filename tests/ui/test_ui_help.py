"""Help inside the app: the guide per screen (F1) in both languages, About, opening a package."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from ui_helpers import audit_window, new_window, run_modal

from auditapp.ui.help_browser import PAGES, help_dir, page_title

pytestmark = pytest.mark.gui
TOPICS = (
    "setup",
    "checklist",
    "findings",
    "evidence",
    "reports",
    "signing",
    "capa",
    "team",
    "backups",
)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_guide_has_every_page_in_both_languages(language: str) -> None:
    folder = help_dir(language)
    assert folder.name == language
    for name in PAGES:
        text = (folder / f"{name}.md").read_text(encoding="utf-8")
        assert text.startswith("# ") and len(text) > 400, name
    index = (folder / "index.md").read_text(encoding="utf-8")
    for name in PAGES[1:]:
        assert f"({name}.md)" in index  # the contents link every page
    if language == "de":
        german = " ".join(p.read_text(encoding="utf-8") for p in folder.glob("*.md"))
        assert "Feststellung" in german and "Audit-Trail" in german
        assert "Prüfpfad" not in german and " Prüfer " not in german


def test_f1_opens_the_page_of_the_current_screen(qtbot, db, tmp_path: Path) -> None:
    window, _reference = audit_window(qtbot, db, tmp_path)
    window.workspace.tabs.setCurrentWidget(window.workspace.findings)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window.help_window
    assert help_window is not None and help_window.isVisible()
    assert help_window.current_page == "findings"
    assert "Findings and grading" in help_window.browser.toPlainText()
    window.workspace.tabs.setCurrentWidget(window.workspace.evidence_page)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert help_window.current_page == "evidence"
    # A link inside a page leads to another page, and the contents list follows.
    help_window.browser.setSource(help_window.browser.source().resolved("capa.md"))
    assert help_window.current_page == "capa"
    assert help_window.contents.currentItem().text() == page_title(help_window.folder / "capa.md")
    window.show_list()
    assert window.help_page() == "setup"


def test_german_help_window(qtbot, db, tmp_path: Path) -> None:
    from auditapp.ui.help_browser import HelpWindow

    help_window = HelpWindow("de")
    qtbot.addWidget(help_window)
    help_window.show_page("checklist")
    assert "Die Checkliste abarbeiten" in help_window.browser.toPlainText()
    assert help_window.contents.count() == len(PAGES)


def test_about_names_version_data_places_and_licences(qtbot, db, tmp_path: Path) -> None:
    from auditapp.ui.about import AboutDialog, app_version, libraries

    window = new_window(qtbot, db, tmp_path / "layout.ini")
    seen: list[str] = []
    run_modal(window.show_about, lambda dialog: seen.append(dialog.text.toPlainText()))
    text = seen[0]
    assert f"AuditApp {app_version()}" in text
    assert str(db.path) in text and "auditapp.log" in text
    assert "SIL Open Font License" in text
    names = {name for name, _version, _licence in libraries()}
    assert {"PySide6-Essentials", "reportlab", "pyhanko", "cryptography"} <= names
    assert all(licence for _n, _v, licence in libraries())
    assert isinstance(AboutDialog(db.path), AboutDialog)


def test_settings_store_the_interface_language(qtbot, db, tmp_path: Path) -> None:
    from auditapp.ui import i18n

    window = new_window(qtbot, db, tmp_path / "layout.ini")

    def choose_german(dialog) -> None:
        dialog.interface.setCurrentIndex(dialog.interface.findData("de"))
        dialog.commit()

    run_modal(window.open_settings, choose_german)
    stored = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    assert i18n.chosen_language(window._settings) == "de"
    assert stored.value(i18n.SETTING) == "de"


def test_opening_a_package_offers_to_import_it(qtbot, demo_db, db, tmp_path: Path) -> None:
    from audit_factory import make_user

    from auditapp.core import audits, package, signing, users
    from auditapp.core.demo import DEMO_PASSWORD
    from auditapp.ui.package_open import offer_import

    with demo_db.session() as session:
        reference = audits.summaries(session)[0].reference
        lead = users.find_user(session, "demo.lead")
        exporter = package.Exporter(
            lead.username, lead.full_name, signing.open_identity(lead, DEMO_PASSWORD)
        )
        path = tmp_path / "x.auditpkg"
        package.export_audit(session, reference, path, exporter=exporter)
    make_user(db)
    window = new_window(qtbot, db, tmp_path / "layout.ini")
    opened: list[str] = []
    assert (
        offer_import(window, db, "anna", path, opened=opened.append, ask=lambda _q: False) is None
    )
    assert window.list_page.model.rowCount() == 0
    # An unknown exporter is named with the certificate fingerprint before anything is imported.
    refused_signer = offer_import(
        window, db, "anna", path, opened=opened.append, ask=lambda q: "x.auditpkg" in q
    )
    assert refused_signer is None and window.list_page.model.rowCount() == 0
    questions: list[str] = []

    def accept(question: str) -> bool:
        questions.append(question)
        return True

    assert (
        offer_import(window, db, "anna", path, opened=window.show_imported, ask=accept) == reference
    )
    assert exporter.identity.fingerprint in questions[1] and "Dr. Anna Becker" in questions[1]
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert window.editor.state.reference == reference


def test_cli_takes_a_lone_package_path_as_the_file_to_open(tmp_path: Path) -> None:
    from auditapp.cli import _package_argument, build_parser

    parser = build_parser()
    argv = ["--db", "a.sqlite", str(tmp_path / "team.auditpkg")]
    assert _package_argument(parser, argv) == tmp_path / "team.auditpkg"
    assert argv == ["--db", "a.sqlite"]
    kept = ["import", "team.auditpkg"]
    assert _package_argument(parser, kept) is None and kept == ["import", "team.auditpkg"]
