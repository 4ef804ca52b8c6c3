"""The evidence gallery's item model: one row per item, named roles, thumbnails as icons.

A thin adapter over the core's EvidenceInfo rows; it never writes. An edited caption is reported
with caption_edited and the evidence editor commits it through the core. EvidenceFilter picks
the rows a view shows: all, one finding's, one question's, the confidential or the removed ones.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPainterPath, QPixmap

from auditapp.core.evidence import EvidenceInfo, Target
from auditapp.core.media_types import PDF
from auditapp.ui.variant import variant_result

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole.UserRole
NUMBER_ROLE = _ROLE + 1  # int: 3 for E-003
INFO_ROLE = _ROLE + 2  # EvidenceInfo
LINKS_ROLE = _ROLE + 3  # tuple[str, ...] as shown: ("F-03", "ORG-02")
CONFIDENTIAL_ROLE = _ROLE + 4  # bool
REMOVED_ROLE = _ROLE + 5  # bool
IS_PDF_ROLE = _ROLE + 6  # bool: no derived image, the viewer renders the original
ACTIVE_CONTENT_ROLE = _ROLE + 7  # str: what a PDF can run when opened ("" when nothing)
THUMB_SIDE = 160
CONFIDENTIAL_COLOUR = "#B3261E"


# Spelled out at each call (not wrapped) so pyside6-lupdate finds every string.
translate = QCoreApplication.translate


def shown_links(targets: tuple[Target, ...]) -> tuple[str, ...]:
    """The core prints a question link "Q:ORG-02"; the auditor knows it as ORG-02."""
    return tuple(target.shown for target in targets)


def _badge(painter: QPainter, rect: QRectF, text: str, colour: str) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRect(rect)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(9, int(rect.height() * 0.6)))
    painter.setFont(font)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _framed(
    image: QImage | None, *, confidential: bool, removed: bool, active: bool = False
) -> QPixmap:
    """A square tile: the thumbnail centred, with a banner for confidential or removed items."""
    side = THUMB_SIDE
    tile = QPixmap(QSize(side, side))
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if image is None or image.isNull():
        _pdf_page(painter, side)
    else:
        scaled = image.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        if removed:
            scaled = scaled.convertToFormat(QImage.Format.Format_Grayscale8)
        painter.drawImage((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
    band = QRectF(0, side - 24, side, 24)
    if removed:
        _badge(painter, band, translate("Evidence", "REMOVED"), "#4B5563")
    elif confidential:
        _badge(painter, band, translate("Evidence", "CONFIDENTIAL"), CONFIDENTIAL_COLOUR)
    if active:
        _badge(painter, QRectF(0, 0, side, 24), translate("Evidence", "ACTIVE CONTENT"), "#B45309")
    painter.end()
    return tile


def _pdf_page(painter: QPainter, side: int) -> None:
    """A document page with a folded corner and "PDF" on it: PDFs have no derived image."""
    w, h = side * 0.62, side * 0.8
    x, y = (side - w) / 2, (side - h) / 2
    fold = w * 0.28
    page = QPainterPath()
    page.moveTo(x, y)
    page.lineTo(x + w - fold, y)
    page.lineTo(x + w, y + fold)
    page.lineTo(x + w, y + h)
    page.lineTo(x, y + h)
    page.closeSubpath()
    painter.setPen(QColor("#9AA0A6"))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawPath(page)
    corner = QPainterPath()
    corner.moveTo(x + w - fold, y)
    corner.lineTo(x + w - fold, y + fold)
    corner.lineTo(x + w, y + fold)
    corner.closeSubpath()
    painter.setBrush(QColor("#E0E3E7"))
    painter.drawPath(corner)
    _badge(painter, QRectF(x - 6, y + h * 0.45, w * 0.75, h * 0.2), "PDF", "#C62828")


@functools.cache
def pdf_icon() -> QIcon:
    return QIcon(_framed(None, confidential=False, removed=False))


class EvidenceModel(QAbstractListModel):
    caption_edited = Signal(int, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EvidenceInfo] = []
        self._thumbs: dict[int, bytes | None] = {}
        # Decoded tiles by (number, sha256, confidential, removed): a refresh after an edit
        # decodes only what changed.
        self._icons: dict[tuple[int, str, bool, bool], QIcon] = {}
        self.editable = True

    # --- content -------------------------------------------------------------------------------

    def set_items(
        self, rows: list[EvidenceInfo], thumbnails: dict[int, bytes | None] | None = None
    ) -> None:
        """Show these rows; keeps the views' selection when only values changed.

        Thumbnails never change once made, so None keeps those the model has.
        """
        if thumbnails is not None:
            self._thumbs = thumbnails
        if [r.number for r in rows] == [r.number for r in self._rows]:
            changed = [
                i for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new
            ]
            self._rows = list(rows)
            for i in changed:
                self.dataChanged.emit(self.index(i), self.index(i))
            return
        self.beginResetModel()
        self._rows = list(rows)
        keep = {(r.number, r.sha256, r.confidential, r.removed, r.active_content) for r in rows}
        self._icons = {k: v for k, v in self._icons.items() if k in keep}
        self.endResetModel()

    def has_thumbnails_for(self, numbers: set[int]) -> bool:
        return numbers <= self._thumbs.keys()

    def info(self, number: int) -> EvidenceInfo | None:
        return next((r for r in self._rows if r.number == number), None)

    def info_at(self, row: int) -> EvidenceInfo:
        return self._rows[row]

    def row_of(self, number: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.number == number), -1)

    def icon(self, info: EvidenceInfo) -> QIcon:
        key = (info.number, info.sha256, info.confidential, info.removed, info.active_content)
        icon = self._icons.get(key)
        if icon is None:
            data = self._thumbs.get(info.number)
            image = QImage.fromData(data) if data and info.media_type != PDF else None
            icon = QIcon(
                _framed(
                    image,
                    confidential=info.confidential,
                    removed=info.removed,
                    active=bool(info.active_content),
                )
            )
            self._icons[key] = icon
        return icon

    # --- Qt's side -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.editable and not self._rows[index.row()].removed:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    @variant_result
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            head = r.label
            links = shown_links(r.targets)
            if links:
                head += "  ·  " + ", ".join(links)
            return f"{head}\n{r.caption or r.file_name}"
        if role == Qt.ItemDataRole.EditRole:
            return r.caption
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icon(r)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [f"{r.label}  {r.file_name}"]
            if r.caption:
                parts.append(r.caption)
            links = shown_links(r.targets)
            parts.append(
                self.tr("Linked to: %1").replace("%1", ", ".join(links))
                if links
                else self.tr("Not linked to a finding or question")
            )
            if r.confidential:
                parts.append(self.tr("Confidential: kept out of distributed reports"))
            if r.removed:
                parts.append(self.tr("Removed (the original is kept; it can be restored)"))
            if r.active_content:
                parts.append(
                    self.tr(
                        "Warning: this PDF contains active content (%1); open it "
                        "only in a viewer that blocks it"
                    ).replace("%1", r.active_content)
                )
            return "\n".join(parts)
        if role == Qt.ItemDataRole.ForegroundRole and r.removed:
            return QColor("#6B7280")
        return {
            NUMBER_ROLE: r.number,
            INFO_ROLE: r,
            LINKS_ROLE: shown_links(r.targets),
            CONFIDENTIAL_ROLE: r.confidential,
            REMOVED_ROLE: r.removed,
            IS_PDF_ROLE: r.media_type == PDF,
            ACTIVE_CONTENT_ROLE: r.active_content,
        }.get(role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        r = self._rows[index.row()]
        text = str(value).strip()
        if text != r.caption:
            self.caption_edited.emit(r.number, text)
        # The stored caption comes back through set_items; repaint in case the edit was refused.
        self.dataChanged.emit(index, index)
        return True


class EvidenceFilter(QSortFilterProxyModel):
    """Which items a view shows; removed items only under REMOVED."""

    ALL, FINDING, QUESTION, CONFIDENTIAL, REMOVED = (
        "all",
        "finding",
        "question",
        "confidential",
        "removed",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = self.ALL
        self.finding: int | None = None
        self.question: str | None = None
        self._target: Target | None = None

    def set_filter(
        self, mode: str, *, finding: int | None = None, question: str | None = None
    ) -> None:
        target = (
            Target(finding=finding)
            if mode == self.FINDING and finding is not None
            else Target(question=question)
            if mode == self.QUESTION and question
            else None
        )
        # Filtered again only when what it lets through can differ: the strips and the
        # gallery are told the finding and question each time one is shown.
        unchanged = mode == self.mode and target == self._target
        self.mode, self.finding, self.question, self._target = mode, finding, question, target
        if unchanged:
            return
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def numbers(self) -> list[int]:
        return [self.index(r, 0).data(NUMBER_ROLE) for r in range(self.rowCount())]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, EvidenceModel)
        r = model.info_at(source_row)
        if self.mode == self.REMOVED:
            return r.removed
        if r.removed:
            return False
        if self.mode in (self.FINDING, self.QUESTION):
            return self._target is not None and self._target in r.targets
        if self.mode == self.CONFIDENTIAL:
            return r.confidential
        return True
