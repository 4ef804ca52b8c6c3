"""Spreadsheet-safe tables: formula escaping (OWASP "CSV injection") and an XLSX writer.

A cell whose text starts with = + - @ tab or carriage return is read by Excel and LibreOffice
as a formula; an auditee's text "=HYPERLINK(...)" would run when the sponsor opens the file.
OWASP's advice is followed: such text gets a leading apostrophe, so it shows as typed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value: object) -> object:
    """Text that a spreadsheet would evaluate, made inert; numbers and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """UTF-8 with a byte-order mark (Excel opens it with the right encoding), CRLF rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else escape_formula(str(v)) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(
    sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]], Sequence[float]]],
    *,
    title: str = "",
    author: str = "",
    header_fill: str = "1F4E79",
    editable_columns: Sequence[int] = (),
) -> bytes:
    """Workbook bytes: (sheet name, header, rows, column widths) per sheet.

    Every cell is written as a string value (never a formula): openpyxl would store text that
    starts with "=" as a formula, so escaping comes first. editable_columns (0-based) are left
    unlocked and shaded, for a form the auditee fills in.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    book = Workbook()
    for sheet in book.worksheets:  # the default sheet: ours are made below
        book.remove(sheet)
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=header_fill.lstrip("#"))
    entry = PatternFill("solid", fgColor="FFF8E1")
    wrap = Alignment(wrap_text=True, vertical="top")
    for name, header, rows, widths in sheets:
        sheet = book.create_sheet(name[:31])
        sheet.append(list(header))
        for cell in sheet[1]:
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
        for row in rows:
            sheet.append([escape_formula(v) for v in row])
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text
                cell.alignment = wrap
                if cell.column - 1 in editable_columns:
                    cell.fill = entry
                    cell.protection = Protection(locked=False)
        sheet.freeze_panes = "A2"
        if len(header):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows) + 1, 1)}"
    book.properties.title = title
    book.properties.creator = author or "AuditApp"
    book.properties.lastModifiedBy = author or "AuditApp"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
