"""The evidence gallery's item model and filter on their own: rows in, roles out, no window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from auditapp.core.evidence import EvidenceInfo, Target
from auditapp.ui.evidence_editor import target_label, targets_of
from auditapp.ui.evidence_intake import encode
from auditapp.ui.evidence_model import (
    CONFIDENTIAL_COLOUR,
    CONFIDENTIAL_ROLE,
    INFO_ROLE,
    IS_PDF_ROLE,
    LINKS_ROLE,
    NUMBER_ROLE,
    REMOVED_ROLE,
    THUMB_SIDE,
    EvidenceFilter,
    EvidenceModel,
)

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
AT = dt.datetime(2026, 11, 16, 9, 15, tzinfo=dt.UTC)


def info(
    number: int,
    *,
    caption: str = "",
    links: tuple[Target, ...] = (),
    confidential: bool = False,
    removed: bool = False,
    media_type: str = "image/jpeg",
) -> EvidenceInfo:
    return EvidenceInfo(
        number=number,
        label=f"E-{number:03d}",
        file_name=f"photo{number}.jpg",
        media_type=media_type,
        sha256=f"{number:064x}",
        size=1000 + number,
        width=300,
        height=400,
        caption=caption,
        confidential=confidential,
        removed=removed,
        captured_at=AT,
        capture_device="Apple iPhone 15 Pro",
        imported_at=AT,
        imported_by="anna",
        targets=links,
    )


def thumb(colour: str) -> bytes:
    image = QImage(QSize(60, 80), QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return encode(image, "JPG")


@pytest.fixture
def model(qapp):
    m = EvidenceModel()
    m.set_items(
        [
            info(
                1,
                caption="Archive room door open",
                links=(Target(finding=1), Target(question="ORG-02")),
            ),
            info(2, confidential=True, links=(Target(question="ORG-01"),)),
            info(3, removed=True),
            info(4, media_type="application/pdf", caption="Temperature log"),
        ],
        {1: thumb("#2050C0"), 2: thumb("#20A040"), 3: thumb("#C02020"), 4: None},
    )
    return m


def test_roles_show_number_links_caption_and_marks(model):
    assert model.rowCount() == 4
    first = model.index(0)
    assert first.data() == "E-001  ·  F-01, ORG-02\nArchive room door open"
    assert first.data(Qt.ItemDataRole.EditRole) == "Archive room door open"
    assert first.data(NUMBER_ROLE) == 1
    assert first.data(LINKS_ROLE) == ("F-01", "ORG-02")
    assert first.data(INFO_ROLE).file_name == "photo1.jpg"
    assert model.index(1).data() == "E-002  ·  ORG-01\nphoto2.jpg"  # no caption: the file name
    assert model.index(1).data(CONFIDENTIAL_ROLE) is True
    assert "Confidential" in model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(2).data(REMOVED_ROLE) is True
    assert model.index(3).data(IS_PDF_ROLE) is True
    assert model.row_of(4) == 3 and model.row_of(9) == -1


def test_tiles_carry_the_thumbnail_a_confidential_banner_and_a_pdf_page(model):
    def tile(row: int) -> QImage:
        return (
            model.index(row)
            .data(Qt.ItemDataRole.DecorationRole)
            .pixmap(THUMB_SIDE, THUMB_SIDE)
            .toImage()
        )

    plain, marked, pdf = tile(0), tile(1), tile(3)
    centre = plain.pixelColor(THUMB_SIDE // 2, THUMB_SIDE // 2)
    assert centre.blue() > 150 and centre.red() < 80  # the thumbnail itself
    banner = marked.pixelColor(4, THUMB_SIDE - 4)
    assert banner.name().upper() == CONFIDENTIAL_COLOUR  # the visible confidential marker
    assert plain.pixelColor(4, THUMB_SIDE - 4).alpha() == 0  # no banner when not marked
    assert pdf.pixelColor(THUMB_SIDE // 2, THUMB_SIDE // 3).name() == "#ffffff"  # a page


def test_caption_edit_is_reported_not_written(model, qtbot):
    with qtbot.waitSignal(model.caption_edited) as signal:
        assert model.setData(model.index(0), "  Door left open  ")
    assert signal.args == [1, "Door left open"]
    assert model.index(0).data(Qt.ItemDataRole.EditRole) == "Archive room door open"
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(2)) & Qt.ItemFlag.ItemIsEditable  # removed
    model.editable = False  # a locked audit
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsEditable


def test_refresh_with_the_same_items_keeps_rows_and_reports_changes(model, qtbot):
    rows = [model.info_at(r) for r in range(4)]
    rows[1] = info(2, confidential=False, links=(Target(question="ORG-01"),))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as sig:
        model.set_items(rows, {})
    assert sig.args[0].row() == 1
    with qtbot.waitSignal(model.modelReset):
        model.set_items(rows[:2], {})
    assert model.rowCount() == 2


def test_filter_all_finding_question_confidential_removed(model):
    proxy = EvidenceFilter()
    proxy.setSourceModel(model)
    assert proxy.numbers() == [1, 2, 4]  # removed items only under "removed"
    proxy.set_filter(EvidenceFilter.FINDING, finding=1)
    assert proxy.numbers() == [1]
    proxy.set_filter(EvidenceFilter.FINDING, finding=None)
    assert proxy.numbers() == []
    proxy.set_filter(EvidenceFilter.QUESTION, question="ORG-01")
    assert proxy.numbers() == [2]
    proxy.set_filter(EvidenceFilter.CONFIDENTIAL)
    assert proxy.numbers() == [2]
    proxy.set_filter(EvidenceFilter.REMOVED)
    assert proxy.numbers() == [3]


def test_the_filter_runs_again_only_when_what_it_lets_through_can_change(model):
    """The strips and the gallery are told the finding and question each time one is shown;
    telling them what they show already must not filter every item again."""
    asked: list[int] = []

    class Counting(EvidenceFilter):
        def filterAcceptsRow(self, source_row, source_parent):  # type: ignore[no-untyped-def]
            asked.append(source_row)
            return super().filterAcceptsRow(source_row, source_parent)

    proxy = Counting()
    proxy.setSourceModel(model)
    proxy.set_filter(EvidenceFilter.FINDING, finding=1)
    assert proxy.numbers() == [1] and asked
    asked.clear()
    proxy.set_filter(EvidenceFilter.FINDING, finding=1)  # the same finding shown again
    proxy.set_filter(EvidenceFilter.FINDING, finding=1, question="ORG-02")  # not filtered by it
    assert asked == [] and proxy.numbers() == [1]
    proxy.set_filter(EvidenceFilter.FINDING, finding=2)
    assert asked and proxy.numbers() == []
    # A change of the items is still followed (the model reports it).
    rows = [model.info_at(r) for r in range(4)]
    rows[1] = info(2, confidential=True, links=(Target(question="ORG-01"), Target(finding=2)))
    model.set_items(rows, None)
    assert proxy.numbers() == [2]


def test_links_become_core_targets_and_back(model):
    targets = targets_of(model.info(1))
    assert [(t.finding, t.question) for t in targets] == [(1, None), (None, "ORG-02")]
    assert [target_label(t) for t in targets] == ["F-01", "ORG-02"]


def test_a_pdf_with_active_content_is_flagged_in_the_gallery(qapp):
    from dataclasses import replace

    from auditapp.ui.evidence_model import ACTIVE_CONTENT_ROLE

    m = EvidenceModel()
    flagged = replace(
        info(1, media_type="application/pdf"), active_content="JavaScript, OpenAction"
    )
    m.set_items([flagged, info(2, media_type="application/pdf")], {1: None, 2: None})
    assert m.index(0).data(ACTIVE_CONTENT_ROLE) == "JavaScript, OpenAction"
    assert "active content (JavaScript, OpenAction)" in m.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert m.index(1).data(ACTIVE_CONTENT_ROLE) == ""

    def top_band(row: int) -> QColor:
        image = (
            m.index(row)
            .data(Qt.ItemDataRole.DecorationRole)
            .pixmap(THUMB_SIDE, THUMB_SIDE)
            .toImage()
        )
        return image.pixelColor(3, 3)

    assert top_band(0).name().upper() == "#B45309"  # the warning badge across the top
    assert top_band(1).alpha() == 0


def test_the_import_summary_warns_about_active_content(qapp):
    from dataclasses import replace

    from PySide6.QtCore import QObject

    from auditapp.ui.evidence_intake import ImportSummary
    from auditapp.ui.evidence_widgets import ImportPanel

    flagged = replace(info(3, media_type="application/pdf"), active_content="Launch")
    text, stays = ImportPanel.describe(QObject(), ImportSummary(2, imported=[info(2), flagged]))
    assert "E-003 photo3.jpg contains active content (Launch)" in text and stays
    text, stays = ImportPanel.describe(QObject(), ImportSummary(1, imported=[info(2)]))
    assert "active content" not in text and not stays
