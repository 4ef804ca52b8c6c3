"""Small WordprocessingML helpers python-docx has no API for: shading, borders, fields."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph

from auditapp.core.text_rules import normalise


def clean(text: str) -> str:
    # The core normalises every write; this also covers rows written before it did.
    return normalise(text)


def shade(cell: _Cell, colour: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour.lstrip("#").upper())
    props.append(shd)


def cell_border(cell: _Cell, side: str, *, colour: str, size: int = 8) -> None:
    props = cell._tc.get_or_add_tcPr()
    borders = props.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        props.append(borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size))
    edge.set(qn("w:color"), colour.lstrip("#").upper())
    borders.append(edge)


def set_language(rpr: object, tag: str) -> None:
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    rpr.append(lang)  # type: ignore[attr-defined]


def repeat_header(row: _Row) -> None:
    """Marks a row as a header row Word repeats on every page the table spans."""
    props = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def cant_split(row: _Row) -> None:
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))


def table_borders(table_element: object, colour: str, size: int = 4) -> None:
    props = table_element.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:color"), colour.lstrip("#").upper())
        borders.append(edge)
    props.append(borders)


def _fld_char(kind: str) -> OxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """A simple field (PAGE, NUMPAGES) with a cached result shown before Word updates it."""
    begin_complex_field(paragraph, instruction)
    result = paragraph.add_run(placeholder)
    result._r.append(_fld_char("end"))


def begin_complex_field(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    run._r.append(_fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run._r.append(_fld_char("separate"))


def end_complex_field(paragraph: Paragraph) -> None:
    paragraph.add_run()._r.append(_fld_char("end"))


def right_tab(paragraph: Paragraph, position_twips: int) -> None:
    props = paragraph._p.get_or_add_pPr()
    tabs = OxmlElement("w:tabs")
    # The built-in header and footer styles carry Letter-width tab stops; clear them.
    for stale in (4680, 9360):
        clear = OxmlElement("w:tab")
        clear.set(qn("w:val"), "clear")
        clear.set(qn("w:pos"), str(stale))
        tabs.append(clear)
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:pos"), str(position_twips))
    tabs.append(tab)
    props.append(tabs)


def paragraph_shading(paragraph: Paragraph, colour: str) -> None:
    props = paragraph._p.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour.lstrip("#").upper())
    props.append(shd)


def paragraph_border(paragraph: Paragraph, side: str, *, colour: str, size: int = 8) -> None:
    props = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size))
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), colour.lstrip("#").upper())
    borders.append(edge)
    props.append(borders)


def run_shading(run: object, colour: str) -> None:
    props = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour.lstrip("#").upper())
    props.append(shd)
