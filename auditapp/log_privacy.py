"""Keeping audit content out of the plaintext log file when the database is encrypted.

The log file is not encrypted. An exception from SQLAlchemy carries the SQL statement and its
parameters (a finding's text, an evidence file name); a refusal message may quote a file name.
Once an encrypted database is opened in this process, the log keeps only what support needs:
the message template without its values, and for an error the exception types and the code
locations of the traceback, never the exception texts.
"""

from __future__ import annotations

import logging
import traceback

_active = False
WITHHELD = "[values withheld: encrypted database]"


def withhold_audit_content() -> None:
    """Called when an encrypted database is opened; stays on for the rest of the process."""
    global _active
    _active = True


def active() -> bool:
    return _active


def _frames(exc: BaseException) -> str:
    lines = ["Traceback (most recent call last; messages withheld):"]
    seen: set[int] = set()
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for item in reversed(chain):
        for frame in traceback.extract_tb(item.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        lines.append(f"{type(item).__module__}.{type(item).__qualname__}")
    return "\n".join(lines)


class WithholdFilter(logging.Filter):
    """A handler filter: with an encrypted database, a record loses its values and messages."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not _active:
            return True
        if record.args:
            record.msg = f"{record.msg} {WITHHELD}"
            record.args = ()
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = _frames(record.exc_info[1])
            record.exc_info = None
        return True
