"""The audit trail: recorded by mapper events inside the flush, hash-chained, verifiable.

Mapper events fire for every ORM insert, update and delete, cascades included, on the very
connection and transaction that writes the change. So no code path that goes through the ORM can
change audit data without a trail entry, and a rolled-back change leaves no entry either.
Anything that bypasses the ORM (bulk SQL, the sqlite3 shell) is caught by :func:`verify`, which
compares the latest trail value of every tracked field with the row as it is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import Connection, Table, event, insert, inspect, select
from sqlalchemy.orm import Mapper, object_session

from auditapp.core.models import UNTRACKED_TABLES, Base, ChecklistContent, TrailEntry
from auditapp.core.trail_format import (
    GENESIS,
    GENESIS_HASH,
    encode_delete,
    encode_event,
    encode_insert,
    encode_update,
    entry_hash,
    fields_of,
    raw_of,
    serialize,
)

__all__ = [
    "GENESIS_HASH",
    "SYSTEM_ACTOR",
    "Problem",
    "entry_hash",
    "head_hash",
    "install",
    "record_event",
    "serialize",
    "verify",
]

SYSTEM_ACTOR = "system"
# The row migration 0011 wrote when it converted a per-field trail into this form.
CONVERSION_ACTION = "convert"

_trail_table: Table = TrailEntry.__table__  # type: ignore[assignment]


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


def _head(connection: Connection) -> bytes:
    row = connection.execute(
        select(_trail_table.c.hash).order_by(_trail_table.c.id.desc()).limit(1)
    ).first()
    return bytes(row[0]) if row else GENESIS


def head_hash(connection: Connection) -> str:
    """The newest row's hash in hex (what reports, packages and checkpoints pin)."""
    return _head(connection).hex()


def _append(
    connection: Connection,
    *,
    user: str,
    action: str,
    entity: str,
    entity_id: str,
    changes: str,
    reason: str,
) -> None:
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    digest = entry_hash(_head(connection), at, user, action, entity, entity_id, changes, reason)
    connection.execute(
        insert(_trail_table),
        {
            "at": at,
            "user": user,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "changes": changes,
            "reason": reason,
            "hash": digest,
        },
    )


def record_event(
    connection: Connection,
    *,
    user: str,
    action: str,
    entity: str,
    entity_id: str,
    reason: str = "",
    detail: str | None = None,
) -> None:
    """A trail entry for an act that changes no row by itself (sign-in failure, export, sign)."""
    _append(
        connection,
        user=user,
        action=action,
        entity=entity,
        entity_id=entity_id,
        changes=encode_event(detail),
        reason=reason,
    )


def _after_insert(mapper: Mapper, connection: Connection, target: object) -> None:
    if not _is_tracked(mapper):
        return
    table = mapper.local_table
    digests = _digest_columns(table)
    state = inspect(target)
    values = [
        (attr.key, serialize(state.dict.get(attr.key), digest=attr.key in digests))
        for attr in mapper.column_attrs
    ]
    user, reason = _context(target)
    _append(
        connection,
        user=user,
        action="insert",
        entity=table.name,
        entity_id=_entity_id(mapper, target),
        changes=encode_insert(values),
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
    if not changes:
        return
    user, reason = _context(target)
    _append(
        connection,
        user=user,
        action="update",
        entity=table.name,
        entity_id=_entity_id(mapper, target),
        changes=encode_update((c[0], c[1], c[2]) for c in changes),
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
        {key: serialize(value, digest=key in digests) for key, value in row.items()} if row else {}
    )
    user, reason = _context(target)
    _append(
        connection,
        user=user,
        action="delete",
        entity=table.name,
        entity_id=_entity_id(mapper, target),
        changes=encode_delete(snapshot),
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


_MAX_CHAIN_PROBLEMS = 50


def verify(connection: Connection) -> list[Problem]:
    """Recompute the chain and compare the trail's latest values with the rows as they are."""
    problems: list[Problem] = []
    expected: dict[tuple[str, str], dict[str, str | None] | None] = {}
    prev, prev_id, broken = GENESIS, 0, 0
    for entry in connection.execute(select(_trail_table).order_by(_trail_table.c.id)).mappings():
        action, key = entry["action"], (entry["entity"], entry["entity_id"])
        lines = fields_of(action, entry["changes"])
        if entry["id"] != prev_id + 1 and broken < _MAX_CHAIN_PROBLEMS:
            broken += 1
            gap = (
                f"{prev_id + 1}"
                if entry["id"] == prev_id + 2
                else f"{prev_id + 1} to {entry['id'] - 1}"
            )
            problems.append(
                Problem("trail_entry", gap, None, "audit trail entries missing here (deleted)")
            )
        recomputed = entry_hash(
            prev,
            entry["at"],
            entry["user"],
            action,
            entry["entity"],
            entry["entity_id"],
            entry["changes"],
            entry["reason"],
        )
        if raw_of(entry["hash"]) != recomputed and broken < _MAX_CHAIN_PROBLEMS:
            broken += 1
            fields = ", ".join(f for f, _, _ in lines if f) or "-"
            problems.append(
                Problem(
                    entry["entity"],
                    entry["entity_id"],
                    lines[0][0] if len(lines) == 1 else None,
                    f"audit trail chain broken at trail entry {entry['id']} ({action}; fields: "
                    f"{fields}): this entry was changed, or the one before it changed, removed or "
                    "moved",
                )
            )
        prev, prev_id = raw_of(entry["hash"]), entry["id"]
        if action == CONVERSION_ACTION:
            problems.extend(_conversion_problems(entry["id"], entry["changes"]))
        elif action == "insert":
            expected[key] = {field: new for field, _, new in lines if field}
        elif action == "update":
            fields = expected.get(key)
            if fields is not None:
                fields.update((field, new) for field, _, new in lines if field)
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


def _conversion_problems(entry_id: int, changes: str | None) -> list[Problem]:
    """What the check before the conversion to the compact trail found stays reported."""
    try:
        found = json.loads(changes or "{}").get("problems") or []
    except (ValueError, AttributeError):
        found = ["the record of the conversion is unreadable"]
    return [
        Problem(
            "trail_entry",
            str(entry_id),
            None,
            f"found when the trail was converted (schema 0011): {text}",
        )
        for text in found
    ]


def _content_problems(connection: Connection) -> list[Problem]:
    """Checklist texts are stored once under their own SHA-256 (not copied into the trail):
    each must still hash to its key, and the snapshots' hashes are in the trail."""
    table: Table = ChecklistContent.__table__  # type: ignore[assignment]
    problems = []
    for sha256, content_json in connection.execute(select(table.c.sha256, table.c.content_json)):
        try:
            canonical = json.dumps(
                json.loads(content_json), ensure_ascii=False, sort_keys=True, separators=(",", ":")
            )
        except ValueError:
            canonical = ""
        if hashlib.sha256(canonical.encode("utf-8")).hexdigest() != sha256:
            problems.append(
                Problem(
                    table.name,
                    sha256,
                    "content_json",
                    "checklist text differs from its hash (changed outside the app)",
                )
            )
    return problems
