"""Text normalised once, where every write passes: the ORM's attribute events.

Non-characters (U+FFFE, U+FFFF, U+FDD0..U+FDEF and the last two code points of every plane)
crash the DOCX writer; a lone surrogate cannot be encoded as UTF-8 at all; C0 control characters
other than tab and newline break XML (DOCX, xlsx) and one-line messages. They are removed from
every text column on assignment, so the trail, the reports and the exports all see the same
clean value. User-facing validation (``audits.clean_text``) still refuses control characters
typed on purpose; this is the net under every other path (imports, old databases, scripts).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String, event
from sqlalchemy.orm import Mapper

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f" + _NONCHARACTERS + "\ud800-\udfff]")
# Values that are not prose (hashes, PEM, JSON written by the app) pass the same filter harmlessly.
_SKIPPED_TABLES = frozenset({"trail_entry"})


def normalise(value: str) -> str:
    """Drop non-characters, lone surrogates and control characters except tab and newline;
    CR LF and lone CR become LF."""
    if _UNWANTED.search(value) is None and "\r" not in value:
        return value
    return _UNWANTED.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def unwanted_characters(value: str) -> list[str]:
    return _UNWANTED.findall(value)


def _normalise_on_set(target: object, value: object, oldvalue: object, initiator: object) -> object:
    return normalise(value) if isinstance(value, str) else value


@event.listens_for(Mapper, "mapper_configured")
def _install(mapper: Mapper[Any], class_: type) -> None:
    table = getattr(mapper, "local_table", None)
    if table is None or table.name in _SKIPPED_TABLES:
        return
    for prop in mapper.column_attrs:
        if any(isinstance(column.type, String) for column in prop.columns):
            event.listen(getattr(class_, prop.key), "set", _normalise_on_set, retval=True)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def excel_safe(value: str) -> str:
    """A cell value that Excel and LibreOffice show as text, never run as a formula (OWASP CSV
    injection: a leading = + - @ tab or CR gets a leading apostrophe); control characters that
    the xlsx XML cannot carry are removed."""
    value = normalise(value)  # CR becomes LF here, so a leading LF is escaped like CR
    if value[:1] in _FORMULA_START:
        return "'" + value
    return value


def excel_unescape(value: str) -> str:
    """The inverse of :func:`excel_safe`, so an exported checklist imports unchanged."""
    if value[:1] == "'" and value[1:2] in _FORMULA_START:
        return value[1:]
    return value
