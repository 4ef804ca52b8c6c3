"""Document -> PDF with ReportLab platypus: layout only, every word comes from the document.

Fonts are the bundled TrueType files, embedded as subsets; the first two passes of multiBuild
settle the table of contents, and "page X of Y" is drawn when the page count is known.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

import reportlab.rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, TableStyle
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.tableofcontents import TableOfContents as RLTableOfContents

from auditapp.reports import pdf_blocks, pdf_keep, pdf_toc, style
from auditapp.reports.branding import PRODUCER
from auditapp.reports.document import (
    Block,
    Cover,
    Document,
    PageBreak,
    TableOfContents,
    UnknownBlock,
)
from auditapp.reports.pdf_text import MAIN, markup, register_fonts

# ASCII85 encoding of images is pure Python and made 100 photos take 78 s instead of 2.7 s.
reportlab.rl_config.useA85 = 0

PAPER_SIZES = {"a4": A4, "letter": LETTER}


@dataclass
class PdfLayout:
    """Where things landed, for the signing code: meaning -> (page index, x1, y1, x2, y2) in pt."""

    signature_boxes: dict[str, tuple[int, float, float, float, float]] = field(default_factory=dict)
    pages: int = 0


class _Doc(BaseDocTemplate):
    toc_state: pdf_toc.TocState
    on_progress: Callable[[float], None] | None = None
    story_length = 1
    done = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        self.done += 1
        if self.on_progress is not None and self.done % 40 == 0:
            self.on_progress(min(self.done / self.story_length, 1.0))
        level = getattr(flowable, "outline_level", None)
        if level is None:
            return
        key = flowable.outline_key  # type: ignore[attr-defined]
        text = flowable.outline_text  # type: ignore[attr-defined]
        # The outline cannot skip a level (a document may start with a sub-heading).
        level = min(level, getattr(self, "_outline_level", -1) + 1)
        self._outline_level = level
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        toc_level = getattr(flowable, "toc_level", None)
        if toc_level is not None:
            self.toc_state.entries.append((toc_level, text, self.page, key))
            self.notify("TOCEntry", (toc_level, text, self.page, key))


def _canvas_class(
    document: Document, s: style.Style, layout: PdfLayout, toc: pdf_toc.TocState
) -> type[rl_canvas.Canvas]:
    meta = document.meta

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            # Without initialFontName ReportLab references an unembedded Helvetica.
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = MAIN
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._states: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._states)
            layout.pages = total
            for state in self._states:
                self.__dict__.update(state)
                self._page_label(total)
                if toc.slot is not None and toc.slot[0] == self.getPageNumber():
                    pdf_toc.draw(self, toc, s)
                super().showPage()
            super().save()

        def _page_label(self, total: int) -> None:
            width, _ = self._pagesize
            label = meta.page_label.format(page=self.getPageNumber(), pages=total)
            self.setFont(MAIN, s.size("header"))
            self.setFillColor(colors.HexColor(s.colour("muted")))
            self.drawRightString(
                width - s.margin("right") * mm, s.margin("bottom") * mm - 10 * mm, label
            )

    return NumberedCanvas


def _page_decorations(document: Document, s: style.Style):  # type: ignore[no-untyped-def]
    meta = document.meta
    logo = ImageReader(io.BytesIO(meta.logo)) if meta.logo else None
    muted = colors.HexColor(s.colour("muted"))
    rule = colors.HexColor(s.colour("rule"))

    def footer(canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
        width, _ = doc.pagesize
        left, right = s.margin("left") * mm, width - s.margin("right") * mm
        y = s.margin("bottom") * mm - 6 * mm
        canv.saveState()
        canv.setStrokeColor(rule)
        canv.setLineWidth(0.5)
        canv.line(left, y, right, y)
        canv.setFont(MAIN, s.size("header"))
        canv.setFillColor(muted)
        text = meta.confidentiality + (f"  ·  {meta.footer_text}" if meta.footer_text else "")
        canv.drawString(left, y - 4 * mm, text[:150])
        canv.restoreState()

    def header(canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        left, right = s.margin("left") * mm, width - s.margin("right") * mm
        top = height - s.margin("top") * mm + 8 * mm
        canv.saveState()
        x = left
        if logo is not None:
            iw, ih = logo.getSize()
            h = 7 * mm
            canv.drawImage(logo, left, top, width=h * iw / ih, height=h, mask="auto")
            x = left + h * iw / ih + 2.5 * mm
        canv.setFont(f"{MAIN}-Bold", s.size("header") + 0.5)
        canv.setFillColor(colors.HexColor(meta.primary_colour))
        canv.drawString(x, top + 2.2 * mm, meta.organisation[:80])
        canv.setFont(MAIN, s.size("header"))
        canv.setFillColor(muted)
        canv.drawRightString(right, top + 4 * mm, meta.version_label[:90])
        canv.drawRightString(right, top + 0.5 * mm, meta.title[:90])
        canv.setStrokeColor(colors.HexColor(meta.primary_colour))
        canv.setLineWidth(0.8)
        canv.line(left, top - 2 * mm, right, top - 2 * mm)
        canv.restoreState()
        footer(canv, doc)

    return header, footer


def _flowables(
    document: Document, kit: pdf_blocks.Kit, toc: pdf_toc.TocState | None
) -> list[Flowable]:
    out: list[Flowable] = []
    for block in document.blocks:
        out.extend(_convert(block, kit, toc))
    return out


def _convert(block: Block, kit: pdf_blocks.Kit, toc: pdf_toc.TocState | None) -> list[Flowable]:
    if isinstance(block, PageBreak):
        return [RLPageBreak()]
    if isinstance(block, TableOfContents) and toc is not None:
        return [RLParagraph(markup(block.title), kit.styles["h1"]), pdf_toc.TocReserve(toc)]
    if isinstance(block, TableOfContents):
        toc = RLTableOfContents(
            dotsMinLevel=0,
            tableStyle=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), MAIN),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
        toc.levelStyles = [kit.styles["toc1"], kit.styles["toc2"]]
        return [RLParagraph(markup(block.title), kit.styles["h1"]), toc]
    convert = pdf_blocks.CONVERTERS.get(type(block))
    if convert is None:
        raise UnknownBlock(f"the PDF writer cannot lay out {type(block).__name__}")
    return convert(block, kit)


def render_pdf_layout(
    document: Document, progress: Callable[[float], None] | None = None
) -> tuple[bytes, PdfLayout]:
    """The PDF and where its signature slots landed; progress gets the fraction laid out."""
    register_fonts()
    s = style.load()
    meta = document.meta
    pagesize = PAPER_SIZES[meta.paper]
    layout = PdfLayout()
    buffer = io.BytesIO()
    doc = _Doc(
        buffer,
        pagesize=pagesize,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=list(meta.keywords),
        creator=PRODUCER,
        lang=meta.language,
        initialFontName=MAIN,
        leftMargin=s.margin("left") * mm,
        rightMargin=s.margin("right") * mm,
        topMargin=s.margin("top") * mm,
        bottomMargin=s.margin("bottom") * mm,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    header, footer = _page_decorations(document, s)
    templates = [
        PageTemplate(id="cover", frames=[frame], onPage=footer, autoNextPageTemplate="body"),
        PageTemplate(id="body", frames=[frame], onPage=header),
    ]
    # The first template is the first page's: the cover's only when there is a cover.
    if not (document.blocks and isinstance(document.blocks[0], Cover)):
        templates.reverse()
    doc.addPageTemplates(templates)
    kit = pdf_blocks.Kit(meta=meta, s=s, width=doc.width, height=doc.height, layout=layout)
    toc = pdf_toc.TocState([h.level - 1 for h in document.headings() if h.level <= 2])
    doc.toc_state = toc
    # One pass when the contents fit on one page (always, for our reports); else ReportLab's
    # two-pass table of contents.
    one_pass = toc.height < doc.height * 0.85
    story = pdf_keep.apply(_flowables(document, kit, toc if one_pass else None), doc.height * 0.8)
    doc.on_progress, doc.story_length = progress, max(len(story), 1)
    canvasmaker = _canvas_class(document, s, layout, toc)
    if one_pass or not any(isinstance(b, TableOfContents) for b in document.blocks):
        doc.build(story, canvasmaker=canvasmaker)
    else:
        doc.multiBuild(story, canvasmaker=canvasmaker)
    data = buffer.getvalue()
    if meta.pdfa:
        from auditapp.reports import pdfa

        data = pdfa.to_pdfa(
            data,
            title=meta.title,
            author=meta.author or meta.organisation,
            subject=meta.subject,
            language=meta.language,
            keywords=meta.keywords,
        )
    return data, layout


def render_pdf(document: Document, progress: Callable[[float], None] | None = None) -> bytes:
    return render_pdf_layout(document, progress)[0]
