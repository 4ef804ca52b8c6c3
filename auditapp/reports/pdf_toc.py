"""A one-pass table of contents for the PDF.

ReportLab's TableOfContents needs multiBuild, which lays the whole report out twice. Our
contents have a known number of lines (one per heading), so the space is reserved in the first
and only pass, and the lines are drawn when the canvas saves, once every page number is known,
the same way as "page X of Y".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from auditapp.reports import style
from auditapp.reports.pdf_text import MAIN, clean

LINE = {0: 17.0, 1: 13.5}  # points per line by level (0 chapter, 1 section)


@dataclass
class TocState:
    levels: list[int]  # the level of every entry, known before layout
    entries: list[tuple[int, str, int, str]] = field(default_factory=list)  # level, text, page, key
    slot: tuple[int, float, float, float] | None = None  # page, x, top y, width

    @property
    def height(self) -> float:
        return sum(LINE.get(level, LINE[1]) for level in self.levels)


class TocReserve(Flowable):
    def __init__(self, state: TocState) -> None:
        super().__init__()
        self.state = state

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.state.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, self.state.height)
        self.state.slot = (self.canv.getPageNumber(), x, y, self.width)


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def draw(canvas: Canvas, state: TocState, s: style.Style) -> None:
    if state.slot is None:
        return
    _, x, top, width = state.slot
    size = s.size("body")
    y = top
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(s.colour("text")))
    canvas.setStrokeColor(colors.HexColor(s.colour("muted")))
    for level, text, page, key in state.entries:
        y -= LINE.get(level, LINE[1])
        font = f"{MAIN}-Bold" if level == 0 else MAIN
        indent = 0 if level == 0 else 8 * 2.8346
        fsize = size + (0.5 if level == 0 else 0)
        number = str(page)
        number_width = stringWidth(number, font, fsize)
        label = _fit(clean(text), font, fsize, width - indent - number_width - 30)
        canvas.setFont(font, fsize)
        canvas.drawString(x + indent, y + 3, label)
        canvas.drawRightString(x + width, y + 3, number)
        start = x + indent + stringWidth(label, font, fsize) + 6
        end = x + width - number_width - 6
        if end > start:
            canvas.setLineWidth(0.6)
            canvas.setDash(0.6, 2.4)
            canvas.line(start, y + 3, end, y + 3)
            canvas.setDash()
        canvas.linkRect(
            "", key, (x, y, x + width, y + LINE.get(level, LINE[1])), relative=0, thickness=0
        )
    canvas.restoreState()
