"""The error of an invalid checklist file, shared by the YAML/JSON and the workbook readers."""

from __future__ import annotations

from auditapp.errors import BadInput


class ChecklistError(BadInput):
    """A checklist file is invalid; the message names file, line and field."""
