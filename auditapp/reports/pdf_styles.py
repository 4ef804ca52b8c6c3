"""Shared table style helper of the PDF writer."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import TableStyle

from auditapp.reports.pdf_text import MAIN


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    # Cells without a flowable (an empty grid cell) would otherwise set an unembedded Helvetica.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), MAIN), *commands])
