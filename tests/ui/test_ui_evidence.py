"""Evidence in the workspace, driven through the real widgets: the file dialog, drops, paste,
the camera's capture path, caption and confidentiality, links, removal and the viewer."""

from __future__ import annotations

import hashlib
import io

import pytest
from audit_factory import make_audit, make_user
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from sqlalchemy import select
from ui_helpers import OFFSCREEN_NOISE, audit_window, new_window

from auditapp.core import audits, evidence, locking
from auditapp.core.models import Evidence, EvidenceBlob
from auditapp.ui import camera, file_dialogs
from auditapp.ui.evidence_model import CONFIDENTIAL_ROLE, EvidenceFilter
from tests import evidence_files as ef

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]
IMPORT_TIMEOUT = 60_000


@pytest.fixture
def window(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    editor = window.workspace.editor
    assert editor.add_finding({"title": "Archive room unlocked", "classification": "minor"})
    return window


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "camera-roll"
    folder.mkdir()
    return {
        "portrait": ef.write(folder, "IMG_0001.jpg", ef.jpeg_bytes(orientation=6)),
        "scan": ef.write(folder, "scan.png", ef.image_bytes("PNG")),
        "log": ef.write(folder, "temperature-log.pdf", ef.pdf_bytes()),
        "truncated": ef.write(folder, "broken.jpg", ef.jpeg_bytes()[:600]),
        "text": ef.write(folder, "notes.jpg", b"not a photo at all\n"),
        "iphone": ef.write(folder, "IMG_0002.heic", ef.heic_bytes(orientation=6)),
    }


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stored(db) -> dict[str, Evidence]:
    with db.session() as s:
        rows = list(s.scalars(select(Evidence).order_by(Evidence.number)))
        return {e.file_name: e for e in rows}


def original(db, digest: str) -> bytes:
    with db.session() as s:
        return s.get(EvidenceBlob, digest).data


def links(db, number: int) -> tuple[str, ...]:
    with db.session() as s:
        audit = audits.get_audit(s, "AUD-2026-001")
        (row,) = [
            i for i in evidence.list_evidence(s, audit, include_removed=True) if i.number == number
        ]
        return row.links


def file_mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop(qtbot, ws, widget, mime, position: QPoint | None = None):
    """A drag that enters widget and drops there, as one from a file manager does (Qt delivers
    the drop only to the widget that accepted the drag's entry)."""
    args = (
        QPointF(position or QPoint(5, 5)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(*args)
    with qtbot.waitSignal(ws.importer.finished, timeout=IMPORT_TIMEOUT) as done:
        QApplication.sendEvent(widget, event)
    assert event.isAccepted()
    return done.args[0]


def show_evidence_tab(ws):
    ws.tabs.setCurrentWidget(ws.evidence_page)
    return ws.evidence_page


def test_file_dialog_imports_byte_identical_originals(qtbot, db, window, files, monkeypatch):
    ws = window.workspace
    page = show_evidence_tab(ws)
    chosen = [files["portrait"], files["scan"], files["log"], files["iphone"]]
    monkeypatch.setattr(file_dialogs, "open_files", lambda *a, **k: [str(p) for p in chosen])
    with qtbot.waitSignal(ws.importer.finished, timeout=IMPORT_TIMEOUT):
        page.import_action.trigger()
    rows = stored(db)
    assert sorted(rows) == sorted(p.name for p in chosen)
    for path in chosen:
        item = rows[path.name]
        assert item.sha256 == sha(path) and item.size == path.stat().st_size
        assert original(db, item.sha256) == path.read_bytes()
    assert page.proxy.numbers() == [1, 2, 3, 4]
    assert page.empty.isHidden()
    assert "Imported 4 of 4" in ws.import_panel.summary.text()


def test_a_bad_file_in_a_batch_is_reported_and_the_good_ones_imported(
    qtbot, db, window, files, monkeypatch
):
    ws = window.workspace
    page = show_evidence_tab(ws)
    chosen = [files["portrait"], files["truncated"], files["scan"], files["text"]]
    monkeypatch.setattr(file_dialogs, "open_files", lambda *a, **k: [str(p) for p in chosen])
    with qtbot.waitSignal(ws.importer.finished, timeout=IMPORT_TIMEOUT) as done:
        page.import_dialog()
    summary = done.args[0]
    assert [i.file_name for i in summary.imported] == ["IMG_0001.jpg", "scan.png"]
    assert [name for name, _ in summary.refused] == ["broken.jpg", "notes.jpg"]
    assert sorted(stored(db)) == ["IMG_0001.jpg", "scan.png"]
    text = ws.import_panel.summary.text()
    assert "Imported 2 of 4" in text and "Refused (2)" in text
    assert "broken.jpg: damaged or not a real JPEG image" in text
    assert "notes.jpg: not a supported type (text)" in text
    assert "Traceback" not in text
    assert ws.import_panel.isVisibleTo(window)


def test_cancel_stops_a_batch_and_requests_made_meanwhile_wait_their_turn(
    qtbot, db, window, tmp_path
):
    ws = window.workspace
    many = [
        ef.write(tmp_path, f"shelf-{i}.png", ef.image_bytes("PNG", ef.quadrants(300 + i)))
        for i in range(8)
    ]
    with qtbot.waitSignal(ws.importer.finished, timeout=IMPORT_TIMEOUT) as done:
        ws.importer.import_files(many)
        assert ws.import_panel.cancel_button.isVisibleTo(window)
        ws.import_panel.cancel_button.click()
    summary = done.args[0]
    assert summary.cancelled and len(summary.imported) < len(many)
    assert len(stored(db)) == len(summary.imported)  # what was imported is kept
    assert "Cancelled" in ws.import_panel.summary.text()

    summaries = []
    ws.importer.finished.connect(summaries.append)
    first, second = (
        ef.write(tmp_path, name, ef.image_bytes("PNG", ef.quadrants(400, 300 + i)))
        for i, name in enumerate(("first.png", "second.png"))
    )
    ws.importer.import_files([first])
    ws.importer.import_files([second])  # arrives while the first runs: queued
    assert ws.importer.busy
    qtbot.waitUntil(lambda: len(summaries) == 2, timeout=IMPORT_TIMEOUT)
    assert [s.imported[0].file_name for s in summaries] == ["first.png", "second.png"]


def test_drops_on_gallery_question_finding_editor_and_findings_list(qtbot, db, window, files):
    ws = window.workspace
    # onto the current question's pane: attached to that question, shown in its strip
    ws.walk.select_question("ORG-02")
    drop(qtbot, ws, ws.walk.pane, file_mime(files["portrait"]))
    assert links(db, 1) == ("Q:ORG-02",)
    assert ws.question_evidence.count == 1
    assert ws.question_evidence.heading.text() == "Evidence (1)"
    # onto the notes box inside the pane: imported too, not pasted as text
    drop(qtbot, ws, ws.walk.pane.notes.viewport(), file_mime(files["iphone"]))
    assert links(db, 2) == ("Q:ORG-02",)
    assert ws.walk.pane.notes.toPlainText() == ""
    # onto the finding editor: attached to the finding shown
    ws.tabs.setCurrentWidget(ws.findings)
    ws.findings.select(1)
    drop(qtbot, ws, ws.findings.form.observation.viewport(), file_mime(files["scan"]))
    assert links(db, 3) == ("F-01",)
    assert ws.finding_evidence.count == 1 and ws.finding_evidence.isVisibleTo(window)
    # onto a finding's row in the list
    row = ws.findings.table.visualRect(ws.findings.model.index(0, 1)).center()
    drop(qtbot, ws, ws.findings.table.viewport(), file_mime(files["log"]), row)
    assert links(db, 4) == ("F-01",)
    assert ws.finding_evidence.count == 2
    # onto the gallery: the audit only
    page = show_evidence_tab(ws)
    tiff = files["portrait"].with_name("copy-of-scan.tiff")
    tiff.write_bytes(ef.image_bytes("TIFF"))
    drop(qtbot, ws, page.gallery.viewport(), file_mime(tiff))
    assert links(db, 5) == ()
    assert sha(tiff) == stored(db)["copy-of-scan.tiff"].sha256
    assert page.proxy.numbers() == [1, 2, 3, 4, 5]


def test_paste_image_data_and_file_urls(qtbot, db, window, files):
    ws = window.workspace
    ws.walk.select_question("ORG-01")
    clipboard = QApplication.clipboard()
    image = QImage(str(files["scan"]))
    clipboard.setImage(image)
    with qtbot.waitSignal(ws.importer.finished, timeout=IMPORT_TIMEOUT):
        window.evidence_menu.actions()[1].trigger()  # Paste evidence, Ctrl+Shift+V
    (pasted,) = stored(db).values()
    assert pasted.file_name.startswith("pasted-") and pasted.media_type == "image/png"
    assert links(db, 1) == ("Q:ORG-01",)
    data = original(db, pasted.sha256)
    assert hashlib.sha256(data).hexdigest() == pasted.sha256
    back = Image.open(io.BytesIO(data)).convert("RGB")
    assert back.getpixel((10, 10)) == ef.RED and back.size == (300, 400)

    clipboard.setMimeData(file_mime(files["portrait"]))
    with qtbot.waitSignal(ws.importer.finished, timeout=IMPORT_TIMEOUT):
        ws.evidence_page.paste_action.trigger()
    assert stored(db)["IMG_0001.jpg"].sha256 == sha(files["portrait"])

    clipboard.setText("just some words")
    with qtbot.waitSignal(ws.importer.finished) as done:
        ws.evidence_page.paste()
    assert "clipboard holds no image" in done.args[0].error
    assert "clipboard holds no image" in ws.import_panel.summary.text().lower()


def test_caption_in_place_confidential_toggle_and_undo(qtbot, db, window, files):
    ws = window.workspace
    page = show_evidence_tab(ws)
    drop(qtbot, ws, page.gallery.viewport(), file_mime(files["portrait"]))
    page.select(1)
    page.caption_action.trigger()  # opens the in-place editor (as F2 does)
    editor = page.gallery.viewport().findChild(QLineEdit)
    assert editor is not None and editor.hasFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Archive room, door open at 10:15")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: page.gallery.state() != QAbstractItemView.State.EditingState)
    assert stored(db)["IMG_0001.jpg"].caption == "Archive room, door open at 10:15"
    assert "Archive room, door open" in page.proxy.index(0, 0).data()

    page.confidential_action.trigger()
    assert stored(db)["IMG_0001.jpg"].confidential is True
    assert page.proxy.index(0, 0).data(CONFIDENTIAL_ROLE) is True
    assert page.confidential_action.isChecked()
    page.show_filter(EvidenceFilter.CONFIDENTIAL)
    assert page.proxy.numbers() == [1]

    window.undo_action.trigger()  # the confidential mark
    assert stored(db)["IMG_0001.jpg"].confidential is False
    window.undo_action.trigger()  # the caption
    assert stored(db)["IMG_0001.jpg"].caption == ""


def test_remove_needs_a_reason_keeps_the_original_and_can_be_restored(qtbot, db, window, files):
    ws = window.workspace
    page = show_evidence_tab(ws)
    ws.findings.select(1)
    page.set_context(finding=1, question=None)
    page.show_filter(EvidenceFilter.FINDING)
    drop(qtbot, ws, page.gallery.viewport(), file_mime(files["portrait"]))  # gallery on F-01
    assert links(db, 1) == ("F-01",)
    page.show_filter(EvidenceFilter.ALL)
    page.select(1)

    page.ask_reason = lambda _title, _prompt: "   "
    page.remove_action.trigger()
    assert stored(db)["IMG_0001.jpg"].removed is False
    assert "needs a reason" in page.messages.text().lower() and page.messages.isVisible()

    page.ask_reason = lambda _title, _prompt: None  # cancelled: nothing happens
    page.remove_current()
    assert stored(db)["IMG_0001.jpg"].removed is False

    page.ask_reason = lambda _title, _prompt: "wrong room photographed"
    page.remove_current()
    item = stored(db)["IMG_0001.jpg"]
    assert item.removed is True
    assert original(db, item.sha256) == files["portrait"].read_bytes()  # never deleted silently
    assert page.proxy.numbers() == []
    page.show_filter(EvidenceFilter.REMOVED)
    assert page.proxy.numbers() == [1]
    page.select(1)
    assert page.restore_action.isEnabled() and not page.remove_action.isEnabled()

    window.undo_action.trigger()  # undo of the removal brings the link back too
    assert stored(db)["IMG_0001.jpg"].removed is False
    assert links(db, 1) == ("F-01",)
    window.redo_action.trigger()
    assert stored(db)["IMG_0001.jpg"].removed is True

    page.select(1)
    page.ask_reason = lambda _title, _prompt: "it was the right room after all"
    page.restore_action.trigger()
    assert stored(db)["IMG_0001.jpg"].removed is False


def test_link_and_unlink_to_findings_and_questions(qtbot, db, window, files):
    ws = window.workspace
    page = show_evidence_tab(ws)
    drop(qtbot, ws, page.gallery.viewport(), file_mime(files["scan"]))
    page.select(1)
    page.choose_target = lambda _info: evidence.Target(finding=1)
    page.link_action.trigger()
    page.choose_target = lambda _info: evidence.Target(question="CSV-01")
    page.link_dialog()
    assert links(db, 1) == ("F-01", "Q:CSV-01")
    assert page.proxy.index(0, 0).data().startswith("E-001  ·  F-01, CSV-01")
    ws.findings.select(1)
    assert ws.finding_evidence.count == 1
    page._fill_unlink_menu()
    assert [a.text() for a in page.unlink_menu.actions()] == [
        "Unlink from F-01",
        "Unlink from CSV-01",
    ]
    page.unlink_menu.actions()[0].trigger()
    assert links(db, 1) == ("Q:CSV-01",)
    assert ws.finding_evidence.count == 0
    assert stored(db)["scan.png"].removed is False  # unlinking keeps the item


def test_viewer_shows_the_upright_display_image_and_the_facts(qtbot, db, window, files):
    ws = window.workspace
    page = show_evidence_tab(ws)
    drop(
        qtbot,
        ws,
        page.gallery.viewport(),
        file_mime(files["portrait"], files["log"], files["scan"]),
    )
    viewer = page.open_viewer(1)
    qtbot.addWidget(viewer)
    qtbot.waitUntil(viewer.isActiveWindow)  # its keys act where the auditor looks
    image = viewer.image
    assert image.height() > image.width()  # stored sideways (EXIF 6), shown upright

    def near(colour: QColor, rgb: tuple[int, int, int]) -> bool:
        return all(
            abs(a - b) < 60
            for a, b in zip((colour.red(), colour.green(), colour.blue()), rgb, strict=True)
        )

    w, h = image.width(), image.height()
    assert near(image.pixelColor(w // 4, h // 4), ef.RED)
    assert near(image.pixelColor(3 * w // 4, h // 4), ef.GREEN)
    assert near(image.pixelColor(w // 4, 3 * h // 4), ef.BLUE)
    assert near(image.pixelColor(3 * w // 4, 3 * h // 4), ef.WHITE)
    facts = {k: v.text() for k, v in viewer.fields.items()}
    assert facts["file"] == "IMG_0001.jpg"
    assert facts["sha256"] == sha(files["portrait"])
    assert str(files["portrait"].stat().st_size) in facts["size"].replace(",", "")
    assert facts["captured"].startswith("2026-11-16")
    assert facts["device"] == "Apple iPhone 15 Pro"
    assert facts["importer"] == "anna" and facts["imported"] != "—"

    # zoom: keys and the wheel; fit goes back
    viewer.view.fit_to_window()
    fitted = viewer.view.factor
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.view.factor == pytest.approx(fitted * 1.25)
    wheel = QWheelEvent(
        QPointF(10, 10),
        QPointF(10, 10),
        QPoint(0, 0),
        QPoint(0, -240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewer.view.viewport(), wheel)
    assert viewer.view.factor == pytest.approx(fitted * 1.25 / 1.25**2)
    qtbot.keyClick(viewer, Qt.Key.Key_0)
    assert viewer.view.fit and viewer.view.factor == pytest.approx(fitted)

    # next: the PDF, its first page rendered from the original; previous comes back
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.number == 2 and viewer.fields["file"].text() == "temperature-log.pdf"
    page_image = viewer.image
    assert not page_image.isNull()
    assert page_image.height() / page_image.width() == pytest.approx(842 / 595, rel=0.02)
    assert page_image.pixelColor(5, 5).name() == "#ffffff"
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.number == 1
    viewer.close()


def test_take_photo_is_absent_without_a_camera_and_a_frame_is_imported(
    qtbot, db, window, tmp_path, monkeypatch
):
    ws = window.workspace
    page = show_evidence_tab(ws)  # showing the tab looks for a camera
    page.probe_camera()
    assert camera.camera_present() is False  # this machine has none
    assert page.camera_action is None
    texts = [a.text() for a in window.evidence_menu.actions()]
    assert "&Paste evidence" in texts and not any("photo" in t.lower() for t in texts)

    # The frame the camera hands to imageCaptured goes through the same function.
    ws.walk.select_question("CSV-01")
    ws.tabs.setCurrentWidget(ws.walk)
    frame = QImage(str(ef.write(tmp_path, "frame.png", ef.image_bytes("PNG"))))
    assert not frame.isNull()
    with qtbot.waitSignal(ws.importer.finished, timeout=IMPORT_TIMEOUT):
        page.import_camera_frame(frame)
    (photo,) = stored(db).values()
    assert photo.file_name.startswith("photo-") and photo.media_type == "image/jpeg"
    assert (photo.width, photo.height) == (300, 400)
    assert links(db, 1) == ("Q:CSV-01",)

    # With a camera the action exists, in the toolbar and the Evidence menu.
    camera.camera_present.cache_clear()
    monkeypatch.setattr(camera, "camera_present", lambda: True)
    page.probe_camera()
    assert page.camera_action is not None
    assert page.camera_action in window.evidence_menu.actions()


def test_locked_audit_disables_evidence_actions_and_refuses_drops(qtbot, db, tmp_path, files):
    make_user(db)
    reference = make_audit(db, audit_type="pre_inspection")
    with db.session(actor="anna") as s, locking.override(s, "sign"):
        audits.get_audit(s, reference).locked = True
    window = new_window(qtbot, db, tmp_path / "layout.ini")
    window.open_audit(reference, wait=True)
    ws = window.workspace
    page = show_evidence_tab(ws)
    for action in (
        page.import_action,
        page.paste_action,
        page.caption_action,
        page.confidential_action,
        page.link_action,
        page.remove_action,
    ):
        assert not action.isEnabled()
    summary = drop(qtbot, ws, page.gallery.viewport(), file_mime(files["scan"]))
    assert "signed and locked" in summary.error
    assert "signed and locked" in ws.import_panel.summary.text().lower()
    assert stored(db) == {}
