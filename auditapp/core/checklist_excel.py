"""Checklists as Excel workbooks, in the layout documented in docs/checklist-format.md.

Sheet "Checklist": key/value rows (id, version, title_en, title_de, description_en,
description_de, standards). Sheet "Questions": one row per question with the columns in
QUESTION_COLUMNS; area and section titles repeat on every row of their area or section.
"""

from __future__ import annotations

from pathlib import Path

from auditapp.core.checklist_workbook import (
    INFO_KEYS,
    INFO_SHEET,
    QUESTION_COLUMNS,
    QUESTIONS_SHEET,
    read_document,
)
from auditapp.core.checklists import Checklist, validate_document
from auditapp.core.text_rules import excel_safe


def read_workbook(path: Path) -> Checklist:
    document, source = read_document(path)
    return validate_document(document, source=source)


def write_workbook(checklist: Checklist, path: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    workbook = openpyxl.Workbook()
    info = workbook.active
    info.title = INFO_SHEET
    values = {
        "id": checklist.id,
        "version": checklist.version,
        "title_en": checklist.title["en"],
        "title_de": checklist.title["de"],
        "description_en": checklist.description["en"],
        "description_de": checklist.description["de"],
        "standards": "; ".join(checklist.standards),
    }
    for key in INFO_KEYS:
        info.append([key, excel_safe(values[key])])
    info.column_dimensions["A"].width = 18
    info.column_dimensions["B"].width = 80

    sheet = workbook.create_sheet(QUESTIONS_SHEET)
    sheet.append(list(QUESTION_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for area in checklist.areas:
        for section in area.sections:
            for q in section.questions:
                sheet.append(
                    [
                        excel_safe(v)
                        for v in [
                            area.id,
                            area.title["en"],
                            area.title["de"],
                            section.id,
                            section.title["en"],
                            section.title["de"],
                            q.id,
                            q.text["en"],
                            q.text["de"],
                            q.guidance["en"],
                            q.guidance["de"],
                            "; ".join(q.references),
                            ", ".join(q.audit_types),
                        ]
                    ]
                )
    widths = (8, 24, 24, 9, 24, 24, 10, 50, 50, 50, 50, 30, 30)
    for column, width in zip("ABCDEFGHIJKLM", widths, strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    workbook.save(path)
    return path
