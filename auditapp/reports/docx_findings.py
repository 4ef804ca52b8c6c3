"""The DOCX writer's findings, photos and signature slots (a mixin of docx._Writer)."""

from __future__ import annotations

import io
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm, Pt, RGBColor

from auditapp.reports import docx_xml as x
from auditapp.reports import style
from auditapp.reports.document import Figure, FindingBlock, SignatureBlock


def rgb(colour: str) -> RGBColor:
    return RGBColor(*style.hex_to_rgb(colour))


class FindingParts:
    """Needs from the writer: doc, s, brand, text_width, _looks, para(), table(), row(),
    key_values()."""

    doc: Any
    s: Any
    brand: str
    text_width: Any
    _looks: dict[Any, Any]
    para: Any
    table: Any
    row: Any
    key_values: Any

    def _finding_style(self) -> Any:
        found = self._looks.get(("Finding Heading", None, None, True, False))
        if found is None:
            found = self.doc.styles.add_style("Finding Heading", WD_STYLE_TYPE.PARAGRAPH)
            found.base_style = self.doc.styles["Heading 3"]  # inherits outline level 3
            found.font.size = Pt(self.s.size("h3"))
            found.font.color.rgb = rgb(self.s.colour("text"))
            found.paragraph_format.space_before = Pt(14)
            found.paragraph_format.keep_with_next = True
            self._looks[("Finding Heading", None, None, True, False)] = found
        return found

    # --- blocks ------------------------------------------------------------------------------
    def full_width_figure(self, fig: Figure) -> None:
        para = self.doc.add_paragraph()
        para.paragraph_format.keep_with_next = True
        width = self.text_width
        height = int(width * fig.height_px / max(fig.width_px, 1))
        limit = Mm(150)
        run = para.add_run()
        if height > limit:
            run.add_picture(io.BytesIO(fig.image), height=limit)
        else:
            run.add_picture(io.BytesIO(fig.image), width=width)
        for index, line in enumerate(fig.caption):
            caption = self.para(
                self.doc,
                line,
                size=self.s.size("table_small") - 0.5,
                colour=self.s.colour("muted"),
                role="Photo Caption",
            )
            caption.paragraph_format.keep_with_next = index < len(fig.caption) - 1

    def figures(self, figures: tuple[Figure, ...]) -> None:
        for fig in figures:
            if fig.full_width:
                self.full_width_figure(fig)
        figures = tuple(f for f in figures if not f.full_width)
        if not figures:
            return
        columns = int(self.s.image("finding_columns"))
        table = self.table(columns, [1] * columns)
        cells: list[Any] = []
        width = Mm(self.s.image("finding_width_mm"))
        for index, fig in enumerate(figures):
            if index % columns == 0:
                cells = self.row(table)
            cell = cells[index % columns]
            height = int(width * fig.height_px / max(fig.width_px, 1))
            run = cell.paragraphs[0].add_run()
            if height > Mm(55):
                run.add_picture(io.BytesIO(fig.image), height=Mm(55))
            else:
                run.add_picture(io.BytesIO(fig.image), width=width)
            for line in fig.caption:
                self.para(
                    cell,
                    line,
                    size=self.s.size("table_small") - 0.5,
                    colour=self.s.colour("muted"),
                    role="Photo Caption",
                )

    def figure(self, block: Figure) -> None:
        self.figures((block,))

    def finding(self, block: FindingBlock) -> None:
        # Keep with next: a heading before the finding must not be left alone by this spacer.
        # A heading (outline level 3), so findings show in Word's navigation pane; the
        # number sits on the grade colour with text chosen for contrast.
        head = self.doc.add_paragraph()
        head._p.style = self._finding_style().style_id
        x.paragraph_border(head, "bottom", colour=block.grade_colour, size=12)  # pBdr before shd
        x.paragraph_shading(head, self.s.colour("callout"))
        number = head.add_run(f" {x.clean(block.number)} ")
        x.run_shading(number, block.grade_colour)
        number.font.color.rgb = rgb(style.text_on(block.grade_colour))
        head.add_run("  " + x.clean(block.title))
        self.key_values(block.facts, 0.26, keep=True)
        for label, text in block.sections:
            head = self.para(
                self.doc,
                label,
                size=self.s.size("small"),
                bold=True,
                colour=self.brand,
                role="Finding Label",
            )
            head.paragraph_format.keep_with_next = True
            head.paragraph_format.space_before = Pt(5)
            for part in (p.strip() for p in text.split("\n\n")):
                if part:
                    self.para(self.doc, part)
        if block.figures:
            label = self.para(
                self.doc,
                block.figures_label,
                size=self.s.size("small"),
                bold=True,
                colour=self.brand,
                role="Finding Label",
            )
            label.paragraph_format.keep_with_next = True
            self.figures(block.figures)

    def signatures(self, block: SignatureBlock) -> None:
        for slot in block.slots:
            head = self.para(
                self.doc,
                slot.caption,
                size=self.s.size("h3"),
                bold=True,
                colour=self.brand,
                role="Signature Caption",
            )
            head.paragraph_format.keep_with_next = True
            table = self.table(2, [0.33, 0.67])
            for label, value in slot.rows:
                left, right = self.row(table)
                x.cant_split(table.rows[-1])
                table.rows[-1].height = Mm(9)
                self.para(
                    left,
                    label,
                    size=self.s.size("table"),
                    bold=True,
                    colour=self.s.colour("muted"),
                    first=True,
                    role="Table Label",
                )
                self.para(right, value, size=self.s.size("table"), first=True, role="Table Text")
                if not value:
                    x.cell_border(right, "bottom", colour=self.s.colour("text"), size=6)
            self.doc.add_paragraph()
