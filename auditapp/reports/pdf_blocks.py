"""One converter per document block for the PDF writer (block -> platypus flowables)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table
from reportlab.platypus import Paragraph as RLParagraph

from auditapp.reports import pdf_keep, style
from auditapp.reports.document import (
    BulletList,
    Callout,
    Cover,
    Figure,
    FindingBlock,
    Heading,
    KeyValueTable,
    Meta,
    Paragraph,
    SignatureBlock,
    SignatureSlot,
)
from auditapp.reports.document import Table as TableBlock
from auditapp.reports.pdf_figures import figure_block, figure_flow
from auditapp.reports.pdf_styles import paragraph_styles, table_style
from auditapp.reports.pdf_text import MONO, markup, runs_markup

LINES_PER_FLOWABLE = 40


@dataclass
class Kit:
    meta: Meta
    s: style.Style
    width: float
    height: float
    layout: Any  # pdf.PdfLayout, kept loose to avoid an import cycle
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)
    counter: int = 0  # makes outline keys unique within one document

    def __post_init__(self) -> None:
        self.styles = paragraph_styles(self.s, self.meta.primary_colour)

    def para(self, text: str, name: str = "body", *, mono: bool = False) -> RLParagraph:
        body = markup(text, mono=mono)
        if mono:
            body = f'<font name="{MONO}">{body}</font>'
        return RLParagraph(body, self.styles[name])

    def paras(self, text: str, name: str = "body") -> list[Flowable]:
        """One paragraph of user text as several flowables of at most LINES_PER_FLOWABLE lines.

        ReportLab re-wraps the whole rest of a paragraph at every page break, so a paragraph of
        n lines costs O(n^2): 20,000 lines took 73 s. Chunks keep the cost linear and look the
        same: no space between chunks of one paragraph.
        """
        lines = text.split("\n")
        if len(lines) <= LINES_PER_FLOWABLE:
            return [self.para(text, name)]
        base = self.styles[name]
        first = ParagraphStyle(f"{name}-first", parent=base, spaceAfter=0)
        middle = ParagraphStyle(f"{name}-middle", parent=base, spaceBefore=0, spaceAfter=0)
        last = ParagraphStyle(f"{name}-last", parent=base, spaceBefore=0)
        chunks = [
            "\n".join(lines[i : i + LINES_PER_FLOWABLE])
            for i in range(0, len(lines), LINES_PER_FLOWABLE)
        ]
        out: list[Flowable] = []
        for index, chunk in enumerate(chunks):
            chosen = first if index == 0 else last if index == len(chunks) - 1 else middle
            out.append(RLParagraph(markup(chunk), chosen))
        return out


class _Outlined(Flowable):
    """Marks its position for the PDF outline (and the table of contents when toc_level is set)."""

    def __init__(self, inner: Flowable, *, key: str, text: str, level: int, toc: bool) -> None:
        super().__init__()
        self.inner = inner
        self.outline_key, self.outline_text, self.outline_level = key, text, level
        self.toc_level = level if toc else None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.inner.getSpaceAfter()

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


def _heading(block: Heading, kit: Kit) -> list[Flowable]:
    kit.counter += 1
    para = kit.para(block.text, f"h{min(max(block.level, 1), 3)}")
    outlined = pdf_keep.mark(
        _Outlined(
            para,
            key=f"{block.anchor or 'h'}-{kit.counter}",
            text=block.text,
            level=block.level - 1,
            toc=block.in_toc and block.level <= 2,
        )
    )
    # A chapter does not start in the last few lines of a page even before a short block.
    outlined.auditapp_room = {1: 45, 2: 30}.get(block.level, 20) * mm  # type: ignore[attr-defined]
    return [outlined]


def _paragraph(block: Paragraph, kit: Kit) -> list[Flowable]:
    if len(block.runs) == 1 and not (
        block.runs[0].bold or block.runs[0].italic or block.runs[0].mono
    ):
        return kit.paras(block.runs[0].text, block.style if block.style in kit.styles else "body")
    return [RLParagraph(runs_markup(block.runs), kit.styles.get(block.style, kit.styles["body"]))]


def _bullets(block: BulletList, kit: Kit) -> list[Flowable]:
    return [
        RLParagraph(runs_markup(item), kit.styles["bullet"], bulletText="•") for item in block.items
    ]


def _callout(block: Callout, kit: Kit, text_style: str = "lead") -> list[Flowable]:
    brand = colors.HexColor(kit.meta.primary_colour)
    inner = [kit.para(block.title, "label"), kit.para(block.text, text_style)]
    table = Table([[inner]], colWidths=[kit.width])
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(kit.s.colour("callout"))),
                ("LINEBEFORE", (0, 0), (0, -1), 3, brand),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [table, Spacer(1, 4 * mm)]


def _key_values(rows: tuple[tuple[str, str], ...], kit: Kit, label_share: float = 0.28) -> Table:
    data = [[kit.para(k, "kv_label"), kit.para(v, "cell")] for k, v in rows]
    table = Table(
        data, colWidths=[kit.width * label_share, kit.width * (1 - label_share)], splitInRow=1
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(kit.s.colour("rule"))),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _kv(block: KeyValueTable, kit: Kit) -> list[Flowable]:
    return [_key_values(block.rows, kit), Spacer(1, 3 * mm)]


def _table(block: TableBlock, kit: Kit) -> list[Flowable]:
    cell, head = ("cell_small", "cell_head_small") if block.small else ("cell", "cell_head")
    total = sum(block.widths)
    widths = [kit.width * block.width_share * w / total for w in block.widths]
    white = ParagraphStyle("white", parent=kit.styles[cell], textColor=colors.white)
    data: list[list[Flowable]] = [[kit.para(h, head) for h in block.header]]
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(kit.meta.primary_colour)),
        (
            "ROWBACKGROUNDS",
            (0, 1),
            (-1, -1),
            [colors.white, colors.HexColor(kit.s.colour("zebra"))],
        ),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(kit.s.colour("rule"))),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for r, row in enumerate(block.rows, start=1):
        cells: list[Flowable] = []
        for c, value in enumerate(row):
            para = kit.para(value.text, cell, mono=value.mono)
            if value.light_text:
                para = RLParagraph(markup(value.text), white)
            if value.bold:
                para = RLParagraph(f"<b>{markup(value.text)}</b>", para.style)
            cells.append(para)
            if value.fill:
                commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(value.fill)))
        data.append(cells)
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(table_style(commands))
    return [table, Spacer(1, 4 * mm)]


def _finding(block: FindingBlock, kit: Kit) -> list[Flowable]:
    grade = colors.HexColor(block.grade_colour)
    number_style = ParagraphStyle(
        "finding_no_on_grade",
        parent=kit.styles["finding_no"],
        textColor=colors.HexColor(style.text_on(block.grade_colour)),
    )
    head = Table(
        [[RLParagraph(markup(block.number), number_style), kit.para(block.title, "finding_title")]],
        colWidths=[18 * mm, kit.width - 18 * mm],
    )
    head.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (0, 0), grade),
                ("BACKGROUND", (1, 0), (1, 0), colors.HexColor(kit.s.colour("callout"))),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, grade),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    outlined = _Outlined(
        head,
        key=block.anchor or block.number,
        text=f"{block.number} {block.title}"[:120],
        level=2,
        toc=False,
    )
    flow: list[Flowable] = [
        KeepTogether([Spacer(1, 3 * mm), outlined, _key_values(block.facts, kit, 0.26)])
    ]
    for label, text in block.sections:
        flow.append(pdf_keep.mark(kit.para(label, "label")))
        for part in (p.strip() for p in text.split("\n\n")):
            if part:
                flow.extend(kit.paras(part, "body"))
    if block.figures:
        # The label stays with the first row of pictures (pdf_keep measures that row).
        flow.append(pdf_keep.mark(kit.para(block.figures_label, "label")))
        flow.extend(figure_flow(block.figures, kit))
    flow.append(Spacer(1, 4 * mm))
    return flow


class _SignatureBox(Flowable):
    """Draws one signature slot and records where its stamp area landed for the signing code."""

    def __init__(self, slot: SignatureSlot, table: Table, stamp_x: float, layout: Any) -> None:
        super().__init__()
        self.slot, self.table, self.stamp_x, self.layout = slot, table, stamp_x, layout

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.table.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, 0)
        x, y = self.canv.absolutePosition(0, 0)
        page = self.canv.getPageNumber() - 1
        # Only the right-hand cell: the digital signature's stamp goes there, beside the
        # printed name, role, meaning and time, which stay readable (21 CFR 11.50).
        self.layout.signature_boxes[self.slot.meaning] = (
            page,
            x + self.stamp_x,
            y,
            x + self.width,
            y + self.height,
        )


def _signatures(block: SignatureBlock, kit: Kit) -> list[Flowable]:
    out: list[Flowable] = []
    rule = colors.HexColor(kit.s.colour("text"))
    frame = colors.HexColor("#B8C2CC")
    widths = [kit.width * 0.19, kit.width * 0.33, kit.width * 0.48]
    for slot in block.slots:
        data = [
            [kit.para(label, "kv_label"), kit.para(value, "cell"), ""] for label, value in slot.rows
        ]
        # 12 mm rows: the stamp beside them holds about fourteen 8 pt lines without shrinking
        # (who, role and meaning, statement, time, document, digest, certificate fingerprint).
        # A certificate fingerprint wraps to three lines; every other value fits one.
        heights = [(15 if len(value) > 40 else 12) * mm for _label, value in slot.rows]
        table = Table(data, colWidths=widths, rowHeights=heights)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("SPAN", (2, 0), (2, -1)),
            ("BOX", (2, 0), (2, -1), 0.5, frame),
        ]
        commands += [
            ("LINEBELOW", (1, r), (1, r), 0.6, rule)
            for r, (_, value) in enumerate(slot.rows)
            if not value
        ]
        table.setStyle(table_style(commands))
        out.append(
            KeepTogether(
                [
                    kit.para(slot.caption, "sig_caption"),
                    _SignatureBox(slot, table, widths[0] + widths[1], kit.layout),
                    Spacer(1, 6 * mm),
                ]
            )
        )
    return out


def _organisation(kit: Kit) -> list[Flowable]:
    """The auditing organisation: logo beside its name and address (either may be missing)."""
    meta = kit.meta
    text: list[Flowable] = []
    if meta.organisation:
        text.append(kit.para(meta.organisation, "cover_org"))
    if meta.organisation_address:
        text.append(kit.para(meta.organisation_address.replace("\n", ", "), "small"))
    if not meta.logo:
        return text
    reader = ImageReader(io.BytesIO(meta.logo))
    iw, ih = reader.getSize()
    height = 16 * mm
    width = min(height * iw / ih, 60 * mm)
    logo = Image(io.BytesIO(meta.logo), width=width, height=width * ih / iw)
    table = Table([[logo, text or ""]], colWidths=[width + 5 * mm, kit.width - width - 5 * mm])
    table.setStyle(
        table_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return [table]


def _cover(block: Cover, kit: Kit) -> list[Flowable]:
    flow: list[Flowable] = _organisation(kit)
    flow += [
        Spacer(1, 30 * mm),
        kit.para(block.kicker, "cover_kicker"),
        kit.para(block.title, "cover_title"),
        Spacer(1, 4 * mm),
        _key_values(block.rows, kit, 0.3),
        Spacer(1, 14 * mm),
    ]
    flow += _callout(Callout(block.statement_title, block.statement), kit, "body")
    return flow


CONVERTERS: dict[type, Callable[[Any, Kit], list[Flowable]]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    BulletList: _bullets,
    Callout: _callout,
    KeyValueTable: _kv,
    TableBlock: _table,
    Figure: figure_block,
    FindingBlock: _finding,
    SignatureBlock: _signatures,
    Cover: _cover,
}
