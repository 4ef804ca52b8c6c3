"""The stored form of the audit trail: one compact row per change, read back one line per field.

A trail row is one change of one record: an insert (every field of the new row), an update
(every field that changed, old and new), a delete (the row as it was) or an event (sign-in,
export, signature...). Its ``changes`` column holds those values as one JSON text:

- insert: ``{"field": "new", ...}`` in column order, fields that are NULL left out;
- update: ``{"field": ["old", "new"], ...}``;
- delete: the deleted row ``{"field": "old", ...}`` (keys sorted);
- event: the event's detail (a JSON string, or null).

Its ``hash`` (32 bytes) is SHA-256 over the previous row's hash and the row's own text:
``sha256(prev_hash || json([at, user, action, entity, entity_id, changes, reason]))``. The
previous hash is not stored a second time: it is the hash of the row before, so a changed,
removed or reordered row breaks the chain at the row that follows it. The text is hashed as
stored; verification never re-serialises it.

Until schema 0011 the trail held one row per field with a hex ``prev_hash`` and ``hash``
(:func:`legacy_entry_hash`); packages exported by older versions still carry that form.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = bytes(32)
GENESIS_HASH = GENESIS.hex()
ROW_ACTIONS = ("insert", "update", "delete")


def serialize(value: object, *, digest: bool = False) -> str | None:
    """The one text form of a value, used both when recording and when verifying."""
    if value is None:
        return None
    if digest or isinstance(value, bytes | bytearray | memoryview):
        raw = (
            bytes(value)
            if isinstance(value, bytes | bytearray | memoryview)
            else str(value).encode()
        )
        return "sha256:" + hashlib.sha256(raw).hexdigest()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def dumps(value: object, *, sort_keys: bool = False) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"))


def entry_hash(
    prev: bytes,
    at: str,
    user: str,
    action: str,
    entity: str,
    entity_id: str,
    changes: str | None,
    reason: str,
) -> bytes:
    payload = dumps([at, user, action, entity, entity_id, changes, reason])
    return hashlib.sha256(bytes(prev) + payload.encode("utf-8")).digest()


def legacy_entry_hash(
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
    """The hash of a one-row-per-field entry (schema up to 0010, and older packages)."""
    payload = dumps(
        [prev_hash, at, user, action, entity, entity_id, field, old_value, new_value, reason]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def hex_of(value: bytes | str | None) -> str:
    if value is None:
        return GENESIS_HASH
    return value if isinstance(value, str) else bytes(value).hex()


def raw_of(value: object) -> bytes:
    """A stored hash as bytes; anything that is not bytes (a forged text value) as empty."""
    return bytes(value) if isinstance(value, bytes | bytearray | memoryview) else b""


def encode_insert(values: Iterable[tuple[str, str | None]]) -> str:
    return dumps({field: new for field, new in values if new is not None})


def encode_update(changes: Iterable[tuple[str, str | None, str | None]]) -> str:
    return dumps({field: [old, new] for field, old, new in changes})


def encode_delete(snapshot: dict[str, str | None]) -> str:
    return dumps(snapshot, sort_keys=True)


def encode_event(detail: str | None) -> str:
    return dumps(detail)


@dataclass(frozen=True)
class Line:
    """One field of one trail row, as the trail view, the export and the checks read it."""

    id: int
    at: str
    user: str
    action: str
    entity: str
    entity_id: str
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str
    hash: str  # hex of the row's hash (every line of one row shares it)


def fields_of(action: str, changes: str | None) -> list[tuple[str | None, str | None, str | None]]:
    """(field, old, new) for each field a row records; one (None, ...) line for deletes and
    events. A row whose text is not valid JSON reads as one line holding the text itself."""
    try:
        value = json.loads(changes) if changes is not None else None
    except ValueError:
        return [(None, None, changes)]
    if action == "insert" and isinstance(value, dict):
        return [(str(k), None, _text(v)) for k, v in value.items()]
    if action == "update" and isinstance(value, dict):
        out: list[tuple[str | None, str | None, str | None]] = []
        for k, v in value.items():
            old, new = (v[0], v[1]) if isinstance(v, list) and len(v) == 2 else (None, v)
            out.append((str(k), _text(old), _text(new)))
        return out
    if action == "delete":
        return [(None, changes if value is not None else None, None)]
    return [(None, None, _text(value))]


def _text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return dumps(value)


def expand(row: object) -> list[Line]:
    """The lines of one stored row (a TrailEntry or a result row with the same columns)."""

    def get(name: str) -> Any:
        return row[name] if isinstance(row, Mapping) else getattr(row, name)

    digest = hex_of(get("hash"))
    return [
        Line(
            get("id"),
            get("at"),
            get("user"),
            get("action"),
            get("entity"),
            get("entity_id"),
            field,
            old,
            new,
            get("reason") or "",
            digest,
        )
        for field, old, new in fields_of(get("action"), get("changes"))
    ]


def expand_all(rows: Iterable[object]) -> list[Line]:
    return [line for row in rows for line in expand(row)]
