"""Document -> DOCX with python-docx: layout only, every word comes from the document.

Word names fonts instead of embedding them (style.yaml picks ones every office suite has).
The table of contents is a real TOC field whose cached result is the list of headings, so the
contents show before anyone updates the field (which adds the page numbers).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from docx import Document as new_document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell

from auditapp.reports import docx_xml as x
from auditapp.reports import style
from auditapp.reports.document import (
    Block,
    BulletList,
    Callout,
    Cell,
    Cover,
    Document,
    Figure,
    FindingBlock,
    Heading,
    KeyValueTable,
    PageBreak,
    Paragraph,
    Run,
    SignatureBlock,
    Table,
    TableOfContents,
    UnknownBlock,
)
from auditapp.reports.docx_findings import FindingParts, rgb
from auditapp.reports.docx_page import PageParts

PAPER_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}


_rgb = rgb


def _fast_ids(part: Any) -> None:
    """Picture ids from a counter: python-docx scans every id in the document for each picture
    (quadratic with 100 photos)."""
    ids = [int(i) for i in part.element.xpath("//@id") if str(i).isdigit()]
    counter = iter(range(max(ids, default=0) + 1, 2**31))

    class FastIdPart(type(part)):  # type: ignore[misc]
        @property
        def next_id(self) -> int:
            return next(counter)

    part.__class__ = FastIdPart


class _Writer(PageParts, FindingParts):
    def __init__(self, document: Document) -> None:
        self.source = document
        self.meta = document.meta
        self.s = style.load()
        self.doc = new_document()
        self._looks: dict[tuple[str, float | None, str | None, bool, bool], Any] = {}
        # Names the template already uses (Caption, Body Text...) are never taken twice.
        self._style_names: set[str] = {st.name for st in self.doc.styles}
        self.brand = self.meta.primary_colour
        width, height = PAPER_MM[self.meta.paper]
        section = self.doc.sections[0]
        section.start_type = WD_SECTION.NEW_PAGE
        # python-docx's template is US Letter: always set the size explicitly.
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin, section.right_margin = (
            Mm(self.s.margin("left")),
            Mm(self.s.margin("right")),
        )
        section.top_margin, section.bottom_margin = (
            Mm(self.s.margin("top")),
            Mm(self.s.margin("bottom")),
        )
        section.header_distance, section.footer_distance = Mm(9), Mm(8)
        self.text_width = Mm(width - self.s.margin("left") - self.s.margin("right"))
        self._styles()
        self._properties()
        _fast_ids(self.doc.part)

    # --- primitives --------------------------------------------------------------------------
    def _style(
        self, role: str, size: float | None, colour: str | None, bold: bool, italic: bool
    ) -> Any:
        """A paragraph style per role and look, made once and named for what it is ("Table
        Header", "Caption"): direct run formatting is what makes python-docx slow (every
        property inserts XML), and named styles let a reviewer restyle the copy in Word."""
        key = (role, size, colour, bold, italic)
        found = self._looks.get(key)
        if found is None:
            # Roles whose look is their point (headers, labels, titles) are not qualified.
            plain = not role.startswith(
                (
                    "Table Header",
                    "Table Label",
                    "Callout Title",
                    "Cover",
                    "Finding",
                    "Signature",
                    "Note",
                )
            )
            looks = [("Bold", bold), ("White", colour == "#FFFFFF"), ("Italic", italic)]
            name = " ".join([role] + [word for word, on in looks if on and plain])
            base, number = name, 2
            while name in self._style_names:
                name, number = f"{base} {number}", number + 1
            self._style_names.add(name)
            found = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            found.base_style = self.doc.styles["Normal"]
            if size:
                found.font.size = Pt(size)
            if colour:
                found.font.color.rgb = _rgb(colour)
            found.font.bold = bold or None
            found.font.italic = italic or None
            self._looks[key] = found
        return found

    def runs(
        self,
        para: Any,
        runs: tuple[Run, ...],
        *,
        size: float | None = None,
        colour: str | None = None,
        italic: bool = False,
        role: str = "Report Text",
    ) -> None:
        if size or colour or italic:
            # Set the style id directly: python-docx's style setter scans every style each time.
            para._p.style = self._style(role, size, colour, False, italic).style_id
        for run in runs:
            r = para.add_run(x.clean(run.text))
            if run.bold:
                r.bold = True
            if run.italic:
                r.italic = True
            if run.mono:
                r.font.name = self.s.docx_font("mono")

    def para(
        self,
        container: Any,
        text: str,
        *,
        size: float | None = None,
        bold: bool = False,
        colour: str | None = None,
        mono: bool = False,
        first: bool = False,
        role: str = "Report Text",
    ) -> Any:
        para = container.paragraphs[0] if first else container.add_paragraph()
        if size or colour or bold:
            para._p.style = self._style(role, size, colour, bold, False).style_id
        r = para.add_run(x.clean(text))
        if mono:
            r.font.name = self.s.docx_font("mono")
        return para

    def table(self, columns: int, widths: list[float]) -> DocxTable:
        # Document.add_table looks up the last section (a whole-document XPath) every time.
        table = self.doc._body.add_table(0, columns, self.text_width)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        total = sum(widths) if sum(widths) > 1 else 1.0
        self._widths = [int(self.text_width * w / total) for w in widths]
        for column, width in zip(table.columns, self._widths, strict=True):
            column.width = width
        return table

    def row(self, table: DocxTable) -> list[Any]:
        # Row.cells walks the whole table (quadratic for long tables); wrap the new row's own
        # cells instead.
        cells = [_Cell(tc, table) for tc in table.add_row()._tr.tc_lst]
        for cell, width in zip(cells, self._widths, strict=True):
            cell.width = width
        return cells

    def heading(self, block: Heading) -> None:
        self.doc.add_heading(x.clean(block.text), level=min(max(block.level, 1), 3))

    def paragraph(self, block: Paragraph) -> None:
        para = self.doc.add_paragraph()
        small = block.style in ("small", "note")
        size = (
            self.s.size("small")
            if small
            else (self.s.size("body") + 1.5 if block.style == "lead" else None)
        )
        role = {"small": "Small Print", "note": "Note", "lead": "Lead Paragraph"}.get(
            block.style, "Report Text"
        )
        self.runs(
            para,
            block.runs,
            size=size,
            colour=self.s.colour("muted") if small else None,
            italic=block.style == "note",
            role=role,
        )

    def bullets(self, block: BulletList) -> None:
        for item in block.items:
            self.runs(self.doc.add_paragraph(style="List Bullet"), item)

    def callout(self, block: Callout) -> None:
        table = self.table(1, [1])
        cell = self.row(table)[0]
        x.shade(cell, self.s.colour("callout"))
        x.cell_border(cell, "left", colour=self.brand, size=24)
        self.para(
            cell,
            block.title,
            size=self.s.size("small"),
            bold=True,
            colour=self.brand,
            first=True,
            role="Callout Title",
        )
        self.para(cell, block.text, size=self.s.size("body") + 1, role="Callout Text")
        self.doc.add_paragraph()

    def key_values(
        self, rows: tuple[tuple[str, str], ...], share: float = 0.28, *, keep: bool = False
    ) -> None:
        table = self.table(2, [share, 1 - share])
        x.table_borders(table._tbl, self.s.colour("rule"))
        size = self.s.size("table")
        for label, value in rows:
            left, right = self.row(table)
            self.para(
                left,
                label,
                size=size,
                bold=True,
                colour=self.s.colour("muted"),
                first=True,
                role="Table Label",
            )
            self.para(right, value, size=size, first=True, role="Table Text")
            if keep:  # Word keeps a row with the next when its paragraphs say so
                for cell in (left, right):
                    cell.paragraphs[0].paragraph_format.keep_with_next = True

    def kv(self, block: KeyValueTable) -> None:
        self.key_values(block.rows)
        self.doc.add_paragraph()

    def data_table(self, block: Table) -> None:
        size = self.s.size("table_small" if block.small else "table")
        suffix = " Small" if block.small else ""
        total = sum(block.widths)
        widths = [w * block.width_share / total for w in block.widths]
        table = self.table(len(block.header), widths)
        x.table_borders(table._tbl, self.s.colour("rule"))
        header = self.row(table)
        x.repeat_header(table.rows[0])
        for cell, text in zip(header, block.header, strict=True):
            x.shade(cell, self.brand)
            self.para(
                cell,
                text,
                size=size,
                bold=True,
                colour="#FFFFFF",
                first=True,
                role="Table Header" + suffix,
            )
        for index, values in enumerate(block.rows):
            cells = self.row(table)
            for cell, value in zip(cells, values, strict=True):
                self._cell(cell, value, size, zebra=index % 2 == 1, role="Table Text" + suffix)
        self.doc.add_paragraph()

    def _cell(self, cell: Any, value: Cell, size: float, *, zebra: bool, role: str) -> None:
        if value.fill:
            x.shade(cell, value.fill)
        elif zebra:
            x.shade(cell, self.s.colour("zebra"))
        colour = "#FFFFFF" if value.light_text else None
        lines = value.text.split("\n")
        self.para(
            cell,
            lines[0],
            size=size,
            bold=value.bold,
            colour=colour,
            mono=value.mono,
            first=True,
            role=role,
        )
        for line in lines[1:]:
            self.para(cell, line, size=size, colour=colour, mono=value.mono, role=role)

    def page_break(self, block: PageBreak) -> None:
        last = self.doc.paragraphs[-1] if self.doc.paragraphs else self.doc.add_paragraph()
        last.add_run().add_break(WD_BREAK.PAGE)

    # --- driver ------------------------------------------------------------------------------
    def write(self, progress: Callable[[float], None] | None = None) -> bytes:
        handlers: dict[type, Callable[[Any], None]] = {
            Heading: self.heading,
            Paragraph: self.paragraph,
            BulletList: self.bullets,
            Callout: self.callout,
            KeyValueTable: self.kv,
            Table: self.data_table,
            Figure: self.figure,
            FindingBlock: self.finding,
            SignatureBlock: self.signatures,
            Cover: self.cover,
            TableOfContents: self.contents,
            PageBreak: self.page_break,
        }
        blocks: tuple[Block, ...] = self.source.blocks
        self._page_furniture(bool(blocks) and isinstance(blocks[0], Cover))
        for index, block in enumerate(blocks, start=1):
            if progress is not None and index % 20 == 0:
                progress(index / len(blocks))
            handler = handlers.get(type(block))
            if handler is None:
                raise UnknownBlock(f"the DOCX writer cannot lay out {type(block).__name__}")
            handler(block)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def render_docx(document: Document, progress: Callable[[float], None] | None = None) -> bytes:
    return _Writer(document).write(progress)
