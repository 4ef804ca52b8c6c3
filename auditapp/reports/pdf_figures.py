"""Photos for the PDF writer: full-width figures and the three-to-a-row grid."""

from __future__ import annotations

import hashlib
import io
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from auditapp.reports.document import Figure
from auditapp.reports.pdf_styles import table_style

if TYPE_CHECKING:
    from auditapp.reports.pdf_blocks import Kit


class _JpegReader(ImageReader):
    """Hands JPEG bytes through to the PDF undecoded.

    ReportLab names each image by a digest of its decoded pixels, which decodes every photo
    on every pass; a digest of the compressed bytes identifies it just as well.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._digest_source = hashlib.sha256(data).digest() if data[:2] == b"\xff\xd8" else None

    def getRGBData(self) -> bytes:
        if self._digest_source is not None:
            self._dataA = None  # a JPEG has no alpha channel
            return self._digest_source
        return super().getRGBData()


class _Picture(Flowable):
    """Draws an image reader at a fixed size (platypus Image accepts file names only)."""

    def __init__(self, reader: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.reader, self.width, self.height = reader, width, height
        self.hAlign = "LEFT"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, width=self.width, height=self.height)


def _figure_cell(fig: Figure, kit: Kit, width: float) -> list[Flowable]:
    max_h = 55 * mm
    w = width
    h = w * fig.height_px / max(fig.width_px, 1)
    if h > max_h:
        h, w = max_h, max_h * fig.width_px / max(fig.height_px, 1)
    image = _Picture(_JpegReader(fig.image), w, h)
    return [image, Spacer(1, 1.5 * mm)] + [kit.para(line, "caption") for line in fig.caption]


def _figures(figures: tuple[Figure, ...], kit: Kit) -> Table:
    columns = int(kit.s.image("finding_columns"))
    gap = 4 * mm
    width = (kit.width - gap * (columns - 1)) / columns
    cells = [_figure_cell(f, kit, width) for f in figures]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [[]] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[width + gap] * (columns - 1) + [width])
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), gap),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    return table


FULL_WIDTH_MAX_SHARE = 0.62  # of the frame height, so a portrait photo leaves room for text


def _full_width(fig: Figure, kit: Kit) -> Flowable:
    """One photo across the text width (1600 px display image: about 230 dpi on A4)."""
    w = kit.width
    h = w * fig.height_px / max(fig.width_px, 1)
    limit = kit.height * FULL_WIDTH_MAX_SHARE
    if h > limit:
        h, w = limit, limit * fig.width_px / max(fig.height_px, 1)
    parts: list[Flowable] = [_Picture(_JpegReader(fig.image), w, h), Spacer(1, 1.5 * mm)]
    parts += [kit.para(line, "caption") for line in fig.caption]
    return KeepTogether([*parts, Spacer(1, 4 * mm)])


def figure_flow(figures: tuple[Figure, ...], kit: Kit) -> list[Flowable]:
    full = [f for f in figures if f.full_width]
    grid = tuple(f for f in figures if not f.full_width)
    return [_full_width(f, kit) for f in full] + ([_figures(grid, kit)] if grid else [])


def figure_block(block: Figure, kit: Kit) -> list[Flowable]:
    return figure_flow((block,), kit)
