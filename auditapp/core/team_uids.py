"""When a travelling record gets its team-work id (``uid``), and how an id is made.

The three-way merge of team work (docs/team.md) names every travelling record by a uid that is
the same in every copy of an audit. Most audits are never handed out, and a uid costs 36 bytes
in its row and 45 more in the trail's insert entry, so a record gets one only when team work
needs it:

- **at the audit's first hand out**: ``team_records.ensure_uids`` gives the audit and each of its
  records a uid through the ORM, so the trail records every one of them;
- **at creation, in a shared audit** (one with a ``team_copy`` row: the lead's copy after a hand
  out, or a co-auditor's working copy): the record is born with its uid, committed with it. So
  every package written later names it by that same uid, even a package whose own transaction
  was lost after the file was written (a uid given only when a package is written could change
  with a retry, and the other side would then merge the record twice);
- **from a package**: a record merged in takes the uid it has in the other copy (``preset_uid``).

Answers never get one: they are matched by their question (one answer per question). Rows that
carry a uid from an earlier version keep it: a uid is valid however it was made.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper

_PRESET_UID: ContextVar[str | None] = ContextVar("preset_uid", default=None)

_SHARED = "SELECT 1 FROM team_copy WHERE audit_id = ?"
# Travelling table -> (the column naming the row's audit or evidence, the query that says whether
# that audit is shared). The audit itself is never shared before it exists: it gets its uid at
# the first hand out, or the lead's when a working copy is opened.
TRAVELLING: dict[str, tuple[str, str] | None] = {
    "audit": None,
    "finding": ("audit_id", _SHARED),
    "evidence": ("audit_id", _SHARED),
    "document_reviewed": ("audit_id", _SHARED),
    "auditee_participant": ("audit_id", _SHARED),
    "team_member": ("audit_id", _SHARED),
    "evidence_link": (
        "evidence_id",
        "SELECT 1 FROM team_copy JOIN evidence ON evidence.audit_id = team_copy.audit_id "
        "WHERE evidence.id = ?",
    ),
}


def new_uid() -> str:
    """A stable global id: the same record keeps it in every working copy of an audit (team work).

    Inside ``preset_uid(uid)`` the next record made takes that id, so a record merged from
    another copy is inserted with its id instead of getting one and changing it.
    """
    preset = _PRESET_UID.get()
    if preset is not None:
        _PRESET_UID.set(None)
        return preset
    return str(uuid.uuid4())


@contextlib.contextmanager
def preset_uid(uid: str) -> Iterator[None]:
    token = _PRESET_UID.set(uid)
    try:
        yield
    finally:
        _PRESET_UID.reset(token)


def is_shared(connection: Connection, table: str, owner: int | None) -> bool:
    """Whether a new row of ``table`` belongs to an audit shared with a team (see above)."""
    rule = TRAVELLING.get(table)
    if rule is None or owner is None:
        return False
    # Asked on the driver's own cursor: a one-row index lookup, for which SQLAlchemy's
    # per-statement work cost about five times the query itself (measured in the benchmark build).
    cursor = connection.connection.cursor()
    try:
        cursor.execute(rule[1], (owner,))
        return cursor.fetchone() is not None
    finally:
        cursor.close()


def _before_insert(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    table = mapper.local_table.name  # type: ignore[attr-defined]
    if table not in TRAVELLING or getattr(target, "uid", None) is not None:
        return
    rule = TRAVELLING[table]
    owner = getattr(target, rule[0]) if rule is not None else None
    # Set before the INSERT runs, so the row and its trail entry are written with the id.
    if _PRESET_UID.get() is not None or is_shared(connection, table, owner):
        target.uid = new_uid()


# Registered on import (models.py imports this module), like text_rules: no session can insert a
# travelling record without this rule.
event.listen(Mapper, "before_insert", _before_insert)
