"""The audit trail: recorded by mapper events inside the flush, hash-chained, verifiable.

Mapper events fire for every ORM insert, update and delete, cascades included, on the very
connection and transaction that writes the change. So no code path that goes through the ORM can
change audit data without a trail entry, and a rolled-back change leaves no entry either.
Anything that bypasses the ORM (bulk SQL, the sqlite3 shell) is caught by :func:`verify`, which
compares the latest trail value of every tracked field with the row as it is.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Table, event, insert, inspect, select
from sqlalchemy.orm import Mapper, object_session

from auditapp.core.models import UNTRACKED_TABLES, Base, ChecklistContent, TrailEntry

GENESIS_HASH = "0" * 64
SYSTEM_ACTOR = "system"

_trail_table: Table = TrailEntry.__table__  # type: ignore[assignment]


def serialize(value: object, *, digest: bool = False) -> str | None:
    """The one text form of a value, used both when recording and when verifying."""
    if value is None:
        return None
    if digest or isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value) if isinstance(value, bytes | bytearray | memoryview) else str(value).encode()
        return "sha256:" + hashlib.sha256(raw).hexdigest()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def entry_hash(
    prev_hash: str,
    at: str,
    user: str,
    action: str,
    entity: str,
    entity_id: str,
    field: str | None,
    old_value: str | None,
    new_value: str | None,
    reason: str,
) -> str:
    payload = json.dumps(
        [prev_hash, at, user, action, entity, entity_id, field, old_value, new_value, reason],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _is_tracked(mapper: Mapper) -> bool:
    return mapper.local_table.name not in UNTRACKED_TABLES


def _digest_columns(table: Table) -> frozenset[str]:
    return frozenset(c.key for c in table.columns if c.info.get("trail") == "digest")


def _entity_id(mapper: Mapper, target: object) -> str:
    identity = mapper.primary_key_from_instance(target)
    return "/".join(str(part) for part in identity)


def _context(target: object) -> tuple[str, str]:
    session = object_session(target)
    info = session.info if session is not None else {}
    return info.get("actor") or SYSTEM_ACTOR, info.get("reason") or ""


def head_hash(connection: Connection) -> str:
    row = connection.execute(
        select(_trail_table.c.hash).order_by(_trail_table.c.id.desc()).limit(1)
    ).first()
    return row[0] if row else GENESIS_HASH


def _append(
    connection: Connection,
    *,
    user: str,
    action: str,
    entity: str,
    entity_id: str,
    changes: Iterable[tuple[str | None, str | None, str | None]],
    reason: str,
) -> None:
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    prev = head_hash(connection)
    rows = []
    for field, old, new in changes:
        digest = entry_hash(prev, at, user, action, entity, entity_id, field, old, new, reason)
        rows.append(
            {
                "at": at,
                "user": user,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "field": field,
                "old_value": old,
                "new_value": new,
                "reason": reason,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    if rows:
        connection.execute(insert(_trail_table), rows)


def record_event(
    connection: Connection, *, user: str, action: str, entity: str, entity_id: str, reason: str = "",
    detail: str | None = None,
) -> None:
    """A trail entry for an act that changes no row by itself (sign-in failure, export, sign)."""
    _append(
        connection,
        user=user,
        action=action,
        entity=entity,
        entity_id=entity_id,
        changes=[(None, None, detail)],
        reason=reason,
    )


def _after_insert(mapper: Mapper, connection: Connection, target: object) -> None:
    if not _is_tracked(mapper):
        return
    table = mapper.local_table
    digests = _digest_columns(table)
    state = inspect(target)
    changes = []
    for attr in mapper.column_attrs:
        value = state.dict.get(attr.key)
        if value is None:
            continue
        changes.append((attr.key, None, serialize(value, digest=attr.key in digests)))
    user, reason = _context(target)
    _append(
        connection,
        user=user,
        action="insert",
        entity=table.name,
        entity_id=_entity_id(mapper, target),
        changes=changes,
        reason=reason,
    )


def _before_update(mapper: Mapper, connection: Connection, target: object) -> None:
    if not _is_tracked(mapper):
        return
    table = mapper.local_table
    digests = _digest_columns(table)
    state = inspect(target)
    changes = []
    missing_old: list[str] = []
    for attr in mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        new = history.added[0] if history.added else None
        if history.deleted:
            old = serialize(history.deleted[0], digest=attr.key in digests)
        else:
            missing_old.append(attr.key)
            old = None
        changes.append([attr.key, old, serialize(new, digest=attr.key in digests)])
    if missing_old:
        # The old value was never loaded (expired attribute): read it before the UPDATE runs.
        pk = mapper.primary_key_from_instance(target)
        clause = [col == value for col, value in zip(mapper.primary_key, pk, strict=True)]
        row = connection.execute(
            select(*[table.c[key] for key in missing_old]).where(*clause)
        ).one()
        previous = dict(zip(missing_old, row, strict=True))
        for change in changes:
            if change[0] in previous:
                change[1] = serialize(previous[change[0]], digest=change[0] in digests)
    changes = [c for c in changes if c[1] != c[2]]
    user, reason = _context(target)
    _append(
        connection,
        user=user,
        action="update",
        entity=table.name,
        entity_id=_entity_id(mapper, target),
        changes=[tuple(c) for c in changes],
        reason=reason,
    )


def _before_delete(mapper: Mapper, connection: Connection, target: object) -> None:
    if not _is_tracked(mapper):
        return
    table = mapper.local_table
    digests = _digest_columns(table)
    pk = mapper.primary_key_from_instance(target)
    clause = [col == value for col, value in zip(mapper.primary_key, pk, strict=True)]
    row = connection.execute(select(table).where(*clause)).mappings().first()
    snapshot = (
        {key: serialize(value, digest=key in digests) for key, value in row.items()}
        if row
        else {}
    )
    user, reason = _context(target)
    _append(
        connection,
        user=user,
        action="delete",
        entity=table.name,
        entity_id=_entity_id(mapper, target),
        changes=[(None, json.dumps(snapshot, ensure_ascii=False, sort_keys=True), None)],
        reason=reason,
    )


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


@dataclass(frozen=True)
class Problem:
    entity: str
    entity_id: str
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.entity} {self.entity_id}"
        if self.field:
            where += f" field {self.field!r}"
        return f"{where}: {self.message}"


def verify(connection: Connection) -> list[Problem]:
    """Recompute the chain and compare the trail's latest values with the rows as they are."""
    problems: list[Problem] = []
    expected: dict[tuple[str, str], dict[str, str | None] | None] = {}
    prev = GENESIS_HASH
    chain_broken = False
    for entry in connection.execute(select(_trail_table).order_by(_trail_table.c.id)).mappings():
        recomputed = entry_hash(
            prev,
            entry["at"],
            entry["user"],
            entry["action"],
            entry["entity"],
            entry["entity_id"],
            entry["field"],
            entry["old_value"],
            entry["new_value"],
            entry["reason"],
        )
        if not chain_broken and (entry["prev_hash"] != prev or entry["hash"] != recomputed):
            problems.append(
                Problem("trail_entry", str(entry["id"]), None, "audit trail chain broken here")
            )
            chain_broken = True
        prev = entry["hash"]
        key = (entry["entity"], entry["entity_id"])
        action = entry["action"]
        if action == "insert":
            fields = expected.get(key)
            if fields is None or entry["field"] is None:
                fields = {}
                expected[key] = fields
            fields[entry["field"]] = entry["new_value"]
        elif action == "update":
            fields = expected.get(key)
            if fields is not None:
                fields[entry["field"]] = entry["new_value"]
        elif action == "delete":
            expected[key] = None

    for mapper in Base.registry.mappers:
        if not _is_tracked(mapper):
            continue
        table = mapper.local_table
        digests = _digest_columns(table)
        pk_cols = list(table.primary_key.columns)
        seen: set[str] = set()
        for row in connection.execute(select(table)).mappings():
            entity_id = "/".join(str(row[c.key]) for c in pk_cols)
            seen.add(entity_id)
            fields = expected.get((table.name, entity_id))
            if (table.name, entity_id) not in expected:
                problems.append(Problem(table.name, entity_id, None, "row has no trail record"))
                continue
            if fields is None:
                problems.append(
                    Problem(table.name, entity_id, None, "row exists but the trail says deleted")
                )
                continue
            for column in table.columns:
                actual = serialize(row[column.key], digest=column.key in digests)
                if fields.get(column.key) != actual:
                    problems.append(
                        Problem(
                            table.name,
                            entity_id,
                            column.key,
                            "value differs from the audit trail (changed outside the app)",
                        )
                    )
        for (entity, entity_id), fields in expected.items():
            if entity == table.name and fields is not None and entity_id not in seen:
                problems.append(
                    Problem(entity, entity_id, None, "row missing (deleted outside the app)")
                )
    problems.extend(_content_problems(connection))
    return problems


def _content_problems(connection: Connection) -> list[Problem]:
    """Checklist texts are stored once under their own SHA-256 (not copied into the trail):
    each must still hash to its key, and the snapshots' hashes are in the trail."""
    table: Table = ChecklistContent.__table__  # type: ignore[assignment]
    problems = []
    for sha256, content_json in connection.execute(select(table.c.sha256, table.c.content_json)):
        try:
            canonical = json.dumps(json.loads(content_json), ensure_ascii=False, sort_keys=True,
                                   separators=(",", ":"))
        except ValueError:
            canonical = ""
        if hashlib.sha256(canonical.encode("utf-8")).hexdigest() != sha256:
            problems.append(Problem(table.name, sha256, "content_json",
                                    "checklist text differs from its hash (changed outside the app)"))
    return problems
