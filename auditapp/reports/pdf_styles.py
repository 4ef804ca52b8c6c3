"""The PDF writer's styles: a paragraph style per role, and the table style helper."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from auditapp.reports import style
from auditapp.reports.pdf_text import MAIN


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    # Cells without a flowable (an empty grid cell) would otherwise set an unembedded Helvetica.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), MAIN), *commands])


def paragraph_styles(s: style.Style, primary: str) -> dict[str, ParagraphStyle]:
    text = colors.HexColor(s.colour("text"))
    muted = colors.HexColor(s.colour("muted"))
    brand = colors.HexColor(primary)
    lead = s.leading

    def ps(name: str, size: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", MAIN)
        kw.setdefault("bulletFontName", MAIN)
        kw.setdefault("textColor", text)
        return ParagraphStyle(name, fontSize=size, leading=size * lead, alignment=TA_LEFT, **kw)

    body = s.size("body")
    table, table_small = s.size("table"), s.size("table_small")
    return {
        "body": ps("body", body, spaceAfter=4),
        "small": ps("small", s.size("small"), textColor=muted, spaceAfter=4),
        "note": ps(
            "note", s.size("small"), fontName=f"{MAIN}-Italic", textColor=muted, spaceAfter=4
        ),
        "lead": ps("lead", body + 1.5, spaceAfter=6),
        "bullet": ps("bullet", body, leftIndent=5 * mm, bulletIndent=1.5 * mm, spaceAfter=2),
        # No keepWithNext: grouping a heading with a table taller than a page made ReportLab
        # loop for ever; a conditional page break before each heading does the job instead.
        "h1": ps(
            "h1",
            s.size("h1"),
            fontName=f"{MAIN}-Bold",
            textColor=brand,
            spaceBefore=10,
            spaceAfter=6,
        ),
        "h2": ps(
            "h2",
            s.size("h2"),
            fontName=f"{MAIN}-Bold",
            textColor=brand,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "h3": ps("h3", s.size("h3"), fontName=f"{MAIN}-Bold", spaceBefore=6, spaceAfter=3),
        "label": ps(
            "label",
            s.size("small"),
            fontName=f"{MAIN}-Bold",
            textColor=brand,
            spaceBefore=5,
            spaceAfter=1,
        ),
        "cell": ps("cell", table),
        "cell_small": ps("cell_small", table_small),
        "cell_head": ps(
            "cell_head",
            table,
            fontName=f"{MAIN}-Bold",
            textColor=colors.HexColor(s.colour("table_header_text")),
        ),
        "cell_head_small": ps(
            "cell_head_small",
            table_small,
            fontName=f"{MAIN}-Bold",
            textColor=colors.HexColor(s.colour("table_header_text")),
        ),
        "kv_label": ps("kv_label", table, fontName=f"{MAIN}-Bold", textColor=muted),
        "caption": ps("caption", s.size("table_small") - 0.5, textColor=muted),
        "cover_kicker": ps(
            "cover_kicker",
            s.size("cover_kicker"),
            fontName=f"{MAIN}-Bold",
            textColor=brand,
            spaceAfter=4,
        ),
        "cover_title": ps(
            "cover_title", s.size("cover_title"), fontName=f"{MAIN}-Bold", spaceAfter=10
        ),
        "cover_org": ps("cover_org", s.size("h2"), fontName=f"{MAIN}-Bold", textColor=brand),
        "toc1": ps("toc1", body + 0.5, fontName=f"{MAIN}-Bold", spaceBefore=3),
        "toc2": ps("toc2", body, leftIndent=8 * mm),
        "finding_no": ps(
            "finding_no", s.size("h3"), fontName=f"{MAIN}-Bold", textColor=colors.white
        ),
        "finding_title": ps("finding_title", s.size("h3"), fontName=f"{MAIN}-Bold"),
        "sig_caption": ps(
            "sig_caption",
            s.size("h3"),
            fontName=f"{MAIN}-Bold",
            textColor=brand,
            spaceBefore=8,
            spaceAfter=3,
        ),
    }
