"""Reading a checklist workbook into a checklist document (docs/checklist-format.md).

Kept apart from checklist_excel.py (which also writes workbooks and builds on checklists.py) so
that checklists.load_file can read .xlsx without an import cycle.

Sheet "Checklist": key/value rows (id, version, title_en, title_de, description_en,
description_de, standards). Sheet "Questions": one row per question with the columns in
QUESTION_COLUMNS; area and section titles repeat on every row of their area or section.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditapp.core import input_limits
from auditapp.core.checklist_errors import ChecklistError
from auditapp.core.text_rules import excel_unescape

INFO_SHEET = "Checklist"
QUESTIONS_SHEET = "Questions"
INFO_KEYS = (
    "id",
    "version",
    "title_en",
    "title_de",
    "description_en",
    "description_de",
    "standards",
)
QUESTION_COLUMNS = (
    "area_id",
    "area_title_en",
    "area_title_de",
    "section_id",
    "section_title_en",
    "section_title_de",
    "question_id",
    "text_en",
    "text_de",
    "guidance_en",
    "guidance_de",
    "references",
    "audit_types",
)


def _split(value: str) -> list[str]:
    parts = value.replace("\n", ";").split(";")
    return [p.strip() for p in parts if p.strip()]


def _cell_text(value: Any) -> str:
    return "" if value is None else excel_unescape(str(value)).strip()


def read_document(path: Path) -> tuple[dict[str, Any], str]:
    """The workbook as a checklist document and the source to name in its errors (validated
    by checklists.validate_document)."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    source = str(path)
    try:
        input_limits.check_workbook(path)
    except input_limits.InputRefused as exc:
        raise ChecklistError(str(exc)) from None
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except ChecklistError:
        raise
    except (OSError, InvalidFileException, KeyError, ValueError) as exc:
        raise ChecklistError(f"{source}: not a readable Excel workbook ({exc})") from None
    except Exception as exc:  # openpyxl raises zipfile and XML errors of many kinds
        raise ChecklistError(f"{source}: not a readable Excel workbook ({exc})") from None
    for sheet in (INFO_SHEET, QUESTIONS_SHEET):
        if sheet not in workbook.sheetnames:
            raise ChecklistError(f"{source}: sheet {sheet!r} is missing")

    info: dict[str, str] = {}
    for row in workbook[INFO_SHEET].iter_rows(values_only=True):
        if row and row[0]:
            info[_cell_text(row[0])] = _cell_text(row[1] if len(row) > 1 else "")
    for key in ("id", "version", "title_en", "title_de"):
        if not info.get(key):
            raise ChecklistError(f"{source}: sheet {INFO_SHEET!r}: row {key!r} is missing or empty")

    rows = workbook[QUESTIONS_SHEET].iter_rows(values_only=True)
    header = [_cell_text(c) for c in next(rows, ())]
    missing = [c for c in QUESTION_COLUMNS if c not in header]
    if missing:
        raise ChecklistError(f"{source}: sheet {QUESTIONS_SHEET!r}: missing columns {missing}")
    index = {name: header.index(name) for name in QUESTION_COLUMNS}

    areas: dict[str, dict[str, Any]] = {}
    sections: dict[str, dict[str, Any]] = {}
    for number, row in enumerate(rows, start=2):
        cells = {name: _cell_text(row[i] if i < len(row) else None) for name, i in index.items()}
        if not any(cells.values()):
            continue
        for name in ("area_id", "section_id", "question_id"):
            if not cells[name]:
                raise ChecklistError(
                    f"{source}: sheet {QUESTIONS_SHEET!r} row {number}: column {name!r} is empty"
                )
        area = areas.setdefault(
            cells["area_id"],
            {
                "id": cells["area_id"],
                "title": {"en": cells["area_title_en"], "de": cells["area_title_de"]},
                "sections": [],
            },
        )
        section = sections.get(cells["section_id"])
        if section is None:
            section = {
                "id": cells["section_id"],
                "title": {"en": cells["section_title_en"], "de": cells["section_title_de"]},
                "questions": [],
            }
            sections[cells["section_id"]] = section
            area["sections"].append(section)
        section["questions"].append(
            {
                "id": cells["question_id"],
                "text": {"en": cells["text_en"], "de": cells["text_de"]},
                "guidance": {"en": cells["guidance_en"], "de": cells["guidance_de"]},
                "references": _split(cells["references"]),
                "audit_types": [t.strip() for t in cells["audit_types"].split(",") if t.strip()],
                "__line__": number,
            }
        )
    document: dict[str, Any] = {
        "schema": "auditapp-checklist/1",
        "id": info["id"],
        "version": info["version"],
        "title": {"en": info["title_en"], "de": info["title_de"]},
        "description": {
            "en": info.get("description_en") or "-",
            "de": info.get("description_de") or "-",
        },
        "standards": _split(info.get("standards", "")) or ["ICH E6(R2)", "ICH E6(R3)"],
        "areas": list(areas.values()),
    }
    # Row numbers stand in for line numbers in error messages ("file:row: field: problem").
    return document, f"{source} sheet {QUESTIONS_SHEET} row"
