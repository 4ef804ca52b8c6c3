"""The export dialog and the in-app PDF preview, on the demo audit, through the real widgets."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from sqlalchemy import select
from ui_helpers import OFFSCREEN_NOISE, new_window

from auditapp.core import audits
from auditapp.core.findings import number_label
from auditapp.core.models import Finding

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]

SLOW_MS = 120_000  # two shared cores: a report render can take several seconds


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    window = new_window(qtbot, demo_db, tmp_path / "layout.ini", actor="demo.lead")
    with demo_db.session() as s:
        reference = audits.summaries(s)[0].reference
    window.open_audit(reference, wait=True)
    yield window
    window.tasks.wait(SLOW_MS)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_export_writes_a_pdf_with_every_finding(qtbot, demo_db, window, tmp_path):
    dialog = window.signoff.export()
    assert dialog.language.currentData() == "en"
    assert dialog.paper.currentData() == "a4"
    assert not dialog.confidential.isChecked()
    asked: list[str] = []
    target = tmp_path / "report.pdf"
    dialog.ask_path = lambda suggested, _filter: (asked.append(suggested), str(target))[1]
    dialog.export()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=SLOW_MS)
    assert Path(asked[0]).name == "AUD-2026-001_report_v1_en.pdf"
    assert dialog.written == [target]
    assert "report.pdf" in dialog.messages.text().lower()
    text = pdf_text(target.read_bytes())
    with demo_db.session() as s:
        stored = [(number_label(f.number), f.title) for f in s.scalars(select(Finding))]
    assert stored
    flat = " ".join(text.split())
    for label, title in stored:
        assert label in flat
        assert " ".join(title.split())[:40] in flat


def test_export_in_german_as_word_with_the_certificate(qtbot, window, tmp_path):
    from docx import Document

    dialog = window.signoff.export()
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.certificate.setChecked(True)
    dialog.confidential.setChecked(True)
    assert dialog.confidential_warning.isVisible()
    options = dialog.options()
    assert options.file_name("AUD-2026-001", 1) == "AUD-2026-001_report_v1_de.docx"
    dialog.ask_path = lambda _suggested, _filter: str(tmp_path / "bericht")
    dialog.export()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=SLOW_MS)
    report, certificate = dialog.written
    assert report == tmp_path / "bericht.docx"
    assert certificate.name == "AUD-2026-001_certificate_de.docx"
    text = "\n".join(p.text for p in Document(str(report)).paragraphs)
    # the report is in German: its headings are, and the English ones are not there
    assert "Zusammenfassung" in text and "Executive summary" not in text


def test_leaving_out_sections_and_bad_paths_give_one_clear_message(qtbot, window, tmp_path):
    dialog = window.signoff.export()
    dialog.ask_path = lambda _suggested, _filter: str(tmp_path / "missing" / "r.pdf")
    dialog.export()
    assert "does not exist" in dialog.messages.text().lower()
    assert not window.tasks.busy
    dialog.ask_path = lambda _suggested, _filter: str(tmp_path / "r.docx")
    dialog.export()  # PDF chosen, but the name says Word
    assert "does not end in .pdf" in dialog.messages.text().lower()
    assert not (tmp_path / "r.docx").exists()
    for code, check in dialog.sections.items():
        check.setChecked(code == "findings")
    assert dialog.options().sections == ("findings",)
    dialog.ask_path = lambda _suggested, _filter: str(tmp_path / "short.pdf")
    dialog.export()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=SLOW_MS)
    text = pdf_text((tmp_path / "short.pdf").read_bytes())
    assert "Evidence index" not in text and "Checklist responses" not in text


def test_preview_renders_in_the_background_and_shows_pages(qtbot, window):
    window.signoff.preview_action.trigger()
    qtbot.waitUntil(lambda: bool(window.signoff.previews), timeout=SLOW_MS)
    preview = window.signoff.previews[-1].preview
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.page_count > 0
    assert preview.pages.text() == f"of {preview.page_count}"
    preview.go(2)
    assert preview.current_page == 2 and preview.page.value() == 3
    preview.go(999)
    assert preview.current_page == preview.page_count - 1
    preview.zoom.setCurrentIndex(preview.zoom.findData(1.5))
    assert preview.view.zoomFactor() == 1.5
    window.signoff.previews[-1].close()


def test_preview_from_the_export_dialog_uses_its_choices(qtbot, window):
    dialog = window.signoff.export()
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: bool(window.signoff.previews), timeout=SLOW_MS)
    preview = window.signoff.previews[-1].preview
    assert preview.ready and preview.page_count > 0
    assert not dialog.progress.isVisible() and dialog.export_button.isEnabled()


def test_export_pdfa_with_the_capa_form(qtbot, window, tmp_path):
    from openpyxl import load_workbook

    from auditapp.reports import pdfa

    dialog = window.signoff.export()
    assert dialog.full_photos.isChecked() and not dialog.pdfa.isChecked()
    dialog.pdfa.setChecked(True)
    dialog.capa_form.setChecked(True)
    dialog.ask_path = lambda _suggested, _filter: str(tmp_path / "report.pdf")
    dialog.export()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=SLOW_MS)
    report, form_docx, form_xlsx = dialog.written
    assert pdfa.check(report.read_bytes()).ok
    assert form_docx.name == "AUD-2026-001_capa_form_en.docx"
    rows = list(load_workbook(form_xlsx).worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "No." and len(rows) == 11  # header and ten findings


def test_next_page_moves_on_the_first_click(qtbot, window):
    window.signoff.preview_action.trigger()
    qtbot.waitUntil(lambda: bool(window.signoff.previews), timeout=SLOW_MS)
    preview = window.signoff.previews[-1].preview
    assert preview.page_count > 1 and preview.current_page == 0
    assert preview.next.isEnabled() and not preview.previous.isEnabled()
    qtbot.mouseClick(preview.next, Qt.MouseButton.LeftButton)
    assert preview.current_page == 1
    assert preview.page.value() == 2
    assert preview.pages.text() == f"of {preview.page_count}"
    assert preview.previous.isEnabled()
    window.signoff.previews[-1].close()


def click_through_window_system(top: QWidget, button: QWidget) -> None:
    """A click delivered to the window as the platform would: Qt drops it when a modal dialog
    blocks that window (a click sent straight to the widget would bypass the check)."""
    where = button.mapTo(top, button.rect().center())
    QTest.mouseClick(
        top.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where
    )


def test_a_preview_from_the_export_dialog_takes_input_while_export_is_open(qtbot, window):
    dialog = window.signoff.export()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: bool(window.signoff.previews), timeout=SLOW_MS)
    shown = window.signoff.previews[-1]
    qtbot.waitExposed(shown)
    assert dialog.isVisible()
    click_through_window_system(shown, shown.preview.next)
    qtbot.waitUntil(lambda: shown.preview.current_page == 1)
    click_through_window_system(shown, shown.preview.previous)
    qtbot.waitUntil(lambda: shown.preview.current_page == 0)
    # Closing Export leaves the preview open, now owned by the main window.
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert shown.isVisible() and shown.parent() is window
    click_through_window_system(shown, shown.preview.next)
    qtbot.waitUntil(lambda: shown.preview.current_page == 1)
    shown.close()
