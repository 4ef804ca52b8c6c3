"""What an operation changed, row by row: the change set and the steps its undo reverts.

Recorded by mapper events, like the trail (core/trail.py): they fire for every ORM insert,
update and delete inside the flush, cascades and delete-orphans included, so an operation cannot
change a row without the journal seeing it. The events do nothing unless the session carries a
journal (``session.info[KEY]``), which only ``operations.apply`` puts there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from sqlalchemy import Connection, Table, event, inspect, select
from sqlalchemy.orm import Mapper, Session, object_session

from auditapp.core.models import UNTRACKED_TABLES, Base

KEY = "operation_journal"
Action = Literal["insert", "update", "delete"]

# The key the workspace addresses a row by, where it is not the primary key.
KEY_COLUMNS = {"response": "question_id", "finding": "number", "evidence": "number"}


@dataclass(frozen=True)
class RowStep:
    """One row change: enough to take it back and to check nothing else changed it since.

    ``before`` holds the whole row for a delete (so it can come back under the same id) and the
    changed columns for an update; ``after`` the changed columns of an update.
    """

    table: str
    pk: tuple[Any, ...]
    action: Action
    key: str = ""
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


@dataclass
class Journal:
    steps: list[RowStep] = field(default_factory=list)

    def add(self, step: RowStep) -> None:
        if step.action == "update" and step.before == step.after:
            return  # set to the value it had: nothing changed
        self.steps.append(step)


def _table(mapper: Mapper[Any]) -> str:
    return cast(Table, mapper.local_table).name


def _journal(target: object) -> Journal | None:
    session = object_session(target)
    if session is None:
        return None
    journal = session.info.get(KEY)
    return journal if isinstance(journal, Journal) else None


def _where(mapper: Mapper[Any], target: object) -> tuple[tuple[Any, ...], list[Any]]:
    pk = tuple(mapper.primary_key_from_instance(target))
    return pk, [col == value for col, value in zip(mapper.primary_key, pk, strict=True)]


def _key(mapper: Mapper[Any], target: object, row: dict[str, Any] | None = None) -> str:
    column = KEY_COLUMNS.get(_table(mapper))
    if column is None:
        return ""
    value = inspect(target).dict.get(column)
    if value is None and row is not None:
        value = row.get(column)
    return "" if value is None else str(value)


def _tracked(mapper: Mapper[Any]) -> bool:
    return _table(mapper) not in UNTRACKED_TABLES


def _after_insert(mapper: Mapper[Any], connection: Connection, target: object) -> None:
    journal = _journal(target)
    if journal is None or not _tracked(mapper):
        return
    pk, _ = _where(mapper, target)
    journal.add(RowStep(_table(mapper), pk, "insert", _key(mapper, target)))


def _before_update(mapper: Mapper[Any], connection: Connection, target: object) -> None:
    journal = _journal(target)
    if journal is None or not _tracked(mapper):
        return
    state = inspect(target)
    changed = [a for a in mapper.column_attrs if state.attrs[a.key].history.has_changes()]
    if not changed:
        return
    pk, clause = _where(mapper, target)
    # The stored values, not the attribute history: an expired attribute has no old value.
    old = connection.execute(select(*[a.columns[0] for a in changed]).where(*clause)).one()
    before = {a.key: value for a, value in zip(changed, old, strict=True)}
    after = {a.key: state.dict.get(a.key) for a in changed}
    same = [k for k in before if before[k] == after[k]]
    for k in same:
        del before[k], after[k]
    journal.add(RowStep(_table(mapper), pk, "update", _key(mapper, target), before, after))


def _before_delete(mapper: Mapper[Any], connection: Connection, target: object) -> None:
    journal = _journal(target)
    if journal is None or not _tracked(mapper):
        return
    pk, clause = _where(mapper, target)
    row = (
        connection.execute(select(cast(Table, mapper.local_table)).where(*clause))
        .mappings()
        .first()
    )
    if row is None:
        return
    image = {a.key: row[a.columns[0].name] for a in mapper.column_attrs}
    journal.add(RowStep(_table(mapper), pk, "delete", _key(mapper, target, image), before=image))


_installed = False


def install() -> None:
    """Attach the recorders to every mapped class, once per process."""
    global _installed
    if _installed:
        return
    event.listen(Base, "after_insert", _after_insert, propagate=True)
    event.listen(Base, "before_update", _before_update, propagate=True)
    event.listen(Base, "before_delete", _before_delete, propagate=True)
    _installed = True


@contextmanager
def recording(session: Session) -> Iterator[Journal]:
    """Record every row the session writes inside the block (flushed before it ends)."""
    install()
    if KEY in session.info:
        raise RuntimeError("operations do not nest: one journal per session at a time")
    journal = Journal()
    session.info[KEY] = journal
    try:
        yield journal
        session.flush()
    finally:
        session.info.pop(KEY, None)
