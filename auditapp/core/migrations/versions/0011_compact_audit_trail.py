"""compact audit trail: one row per change, 32-byte hashes, no stored previous hash;
contentless search index

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

The trail held one row per field with two hex hashes (~250 bytes a field; 1,000 audits made
500,000 rows and 135 MB). It becomes one row per change (all fields of an insert, or all changed
fields of an update, as one JSON text) with its SHA-256 as a 32-byte BLOB; the previous hash is
the previous row's (core/trail_format.py).

Converting re-chains the trail, so it is done honestly (docs/security.md, "Converting the
trail"): before anything is rewritten the old chain is recomputed row by row, the old keyed
checkpoints are checked (their trail heads, their chain of MACs and, where this computer's key
is, their MACs; and this computer's remembered newest checkpoint must be among them). The
result goes into the new trail as its last row (action "convert"): the old row count and head
hash, every problem found (trail verify keeps reporting them), and the old heads that signed
reports pin, mapped to the new rows that hold them. The backup taken before every schema
upgrade keeps the old trail as it was. The old checkpoints, which name positions and heads
that no longer exist, are removed; the database layer seals the converted trail with a fresh
checkpoint as soon as the upgrade is done (db._prepare).

The search index (0009) kept a second copy of every indexed text (15 MB for 1,000 audits). It
becomes a contentless FTS5 table (``content=''``, ``detail=column``): it keeps the words only;
search reads each hit's row back from its table by the index row id (core/search.py). A
contentless index forgets an entry only when given the very values it indexed, so the triggers
delete with the old row's values, and only where the old row was indexed.

The hash functions and index expressions are copied here on purpose: a migration must keep converting the same way
whatever later versions of the app change.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_BATCH = 5000
_MAX_PROBLEMS = 20
_TRIGGERS = (
    "CREATE TRIGGER trail_entry_no_update BEFORE UPDATE ON trail_entry "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "CREATE TRIGGER trail_entry_no_delete BEFORE DELETE ON trail_entry "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
)
_CHECKPOINT_TRIGGERS = (
    "CREATE TRIGGER trail_checkpoint_no_update BEFORE UPDATE ON trail_checkpoint "
    "BEGIN SELECT RAISE(ABORT, 'trail checkpoints are append-only'); END",
    "CREATE TRIGGER trail_checkpoint_no_delete BEFORE DELETE ON trail_checkpoint "
    "BEGIN SELECT RAISE(ABORT, 'trail checkpoints are append-only'); END",
)


def _dumps(value: object, **kw: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), **kw)  # type: ignore[arg-type]


def _legacy_hash(prev: str, *values: object) -> str:
    return hashlib.sha256(_dumps([prev, *values]).encode("utf-8")).hexdigest()


def _compact_hash(prev: bytes, *values: object) -> bytes:
    return hashlib.sha256(prev + _dumps(list(values)).encode("utf-8")).digest()


class _Writer:
    """Appends compact rows to trail_entry_new, chaining their hashes."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn, self.prev, self.next_id, self.pending = conn, bytes(32), 1, []

    def add(self, at: str, user: str, action: str, entity: str, entity_id: str,
            changes: str | None, reason: str) -> int:
        digest = _compact_hash(self.prev, at, user, action, entity, entity_id, changes, reason)
        self.pending.append((self.next_id, at, user, action, entity, entity_id, changes, reason,
                             digest))
        self.prev, self.next_id = digest, self.next_id + 1
        if len(self.pending) >= _BATCH:
            self.flush()
        return self.next_id - 1

    def flush(self) -> None:
        if self.pending:
            self.conn.exec_driver_sql(
                "INSERT INTO trail_entry_new (id, at, user, action, entity, entity_id, changes, "
                "reason, hash) VALUES (?,?,?,?,?,?,?,?,?)", self.pending)
            self.pending = []


class _Group:
    """Consecutive per-field rows of one insert or update: one compact row."""

    def __init__(self, key: tuple, field: str, old: str | None, new: str | None) -> None:
        self.key, self.values = key, {field: (old, new)}

    def takes(self, key: tuple, field: str | None) -> bool:
        return key == self.key and field is not None and field not in self.values

    def changes(self) -> str:
        if self.key[2] == "insert":
            return _dumps({f: new for f, (_old, new) in self.values.items() if new is not None})
        return _dumps({f: [old, new] for f, (old, new) in self.values.items()})


def _old_checkpoints(conn: sa.Connection) -> list[dict]:
    return [dict(r) for r in conn.exec_driver_sql(
        "SELECT id, position, head, at, user, key_id, prev_mac, mac FROM trail_checkpoint "
        "ORDER BY id").mappings()]


def _check_checkpoints(conn: sa.Connection, rows: list[dict], heads: dict[int, str],
                       last_id: int, problems: list[str]) -> dict:
    """The old checkpoints, checked as `trail verify` checked them before the conversion."""
    from auditapp.core import checkpoint

    key = checkpoint.installation_key(create=False)
    mine = checkpoint.key_id(key) if key else None
    prev_mac, newest, checked, foreign = "", 0, 0, 0
    for row in rows:
        where = f"old checkpoint {row['id']} (old trail entry {row['position']})"
        if row["prev_mac"] != prev_mac:
            problems.append(f"{where}: the checkpoint before it was removed or replaced")
        if heads.get(row["position"]) != row["head"]:
            problems.append(f"{where}: the trail entry it sealed was changed, re-chained or "
                            "deleted")
        if key is not None and row["key_id"] == mine:
            checked += 1
            expected = checkpoint.seal(key, position=row["position"], head=row["head"],
                                       at=row["at"], user=row["user"], prev_mac=row["prev_mac"])
            if not hmac.compare_digest(expected, row["mac"]):
                problems.append(f"{where}: forged (its seal does not match this computer's key)")
        else:
            foreign += 1
        prev_mac, newest = row["mac"], max(newest, row["position"])
    if rows and last_id > newest:
        problems.append(f"old trail entries after {newest} were not sealed by any checkpoint: "
                        "written outside AuditApp")
    path = conn.exec_driver_sql("PRAGMA database_list").fetchone()[2]
    anchor = checkpoint.anchor_of(Path(path)) if path and mine else None
    if anchor and not any(r["position"] == anchor["position"] and r["mac"] == anchor["mac"]
                          for r in rows):
        problems.append(f"the newest checkpoint this computer wrote ({anchor['at']}) was "
                        "missing: old trail entries and checkpoints were removed")
    return {"count": len(rows), "checked_with_this_computers_key": checked,
            "sealed_elsewhere": foreign, "newest_mac": prev_mac}


# kind: (table, title, body, item, row condition, columns that feed the index); {r} = row.
_SEARCH_SOURCES = {
    1: ("finding", "{r}title",
        "coalesce({r}observation,'') || ' ' || coalesce({r}impact,'') || ' ' || coalesce({r}risk,'')"
        " || ' ' || coalesce({r}recommendation,'') || ' ' || coalesce({r}auditee_response,'')",
        "1", "title, observation, impact, risk, recommendation, auditee_response, number, audit_id"),
    2: ("response", "{r}question_id", "{r}notes", "coalesce({r}notes,'') != ''",
        "notes, question_id, audit_id"),
    3: ("evidence", "{r}file_name", "coalesce({r}caption,'')", "{r}removed = 0",
        "file_name, caption, number, removed, audit_id"),
    4: ("document_reviewed", "{r}title",
        "coalesce({r}identifier,'') || ' ' || coalesce({r}version,'')", "1",
        "title, identifier, version, audit_id"),
    5: ("auditee_participant", "{r}name", "coalesce({r}function,'')", "1",
        "name, function, audit_id"),
    6: ("team_member", "{r}name", "coalesce({r}role,'') || ' ' || coalesce({r}qualification,'')",
        "1", "name, role, qualification, audit_id"),
}


def _index_values(kind: int, r: str) -> str:
    _table, title, body, _cond, _cols = _SEARCH_SOURCES[kind]
    return f"{r}id * 8 + {kind}, {title.format(r=r)}, {body.format(r=r)}"


def _contentless_search_index() -> None:
    for table in (s[0] for s in _SEARCH_SOURCES.values()):
        for verb in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{verb}")
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute("CREATE VIRTUAL TABLE search_index USING fts5(title, body, content='', "
               "detail=column, tokenize = 'unicode61 remove_diacritics 2')")
    add = "INSERT INTO search_index(rowid, title, body)"
    forget = "INSERT INTO search_index(search_index, rowid, title, body)"
    for kind, (table, _title, _body, cond, columns) in _SEARCH_SOURCES.items():
        new_cond, old_cond = cond.format(r="new."), cond.format(r="old.")
        old_values = _index_values(kind, "old.")
        op.execute(
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} WHEN {new_cond} BEGIN "
            f"{add} VALUES ({_index_values(kind, 'new.')}); END")
        op.execute(
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {columns} ON {table} BEGIN "
            f"{forget} SELECT 'delete', {old_values} WHERE {old_cond}; "
            f"{add} SELECT {_index_values(kind, 'new.')} WHERE {new_cond}; END")
        op.execute(
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} WHEN {old_cond} BEGIN "
            f"{forget} VALUES ('delete', {old_values}); END")
        op.execute(f"{add} SELECT {_index_values(kind, '')} FROM {table} "
                   f"WHERE {cond.format(r='')}")


def upgrade() -> None:
    _contentless_search_index()
    conn = op.get_bind()
    op.create_table(
        'trail_entry_new',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.String(length=40), nullable=False),
        sa.Column('user', sa.String(length=64), nullable=False),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('entity_id', sa.String(length=100), nullable=False),
        sa.Column('changes', sa.Text(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('hash', sa.LargeBinary(length=32), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_trail_entry')),
    )
    checkpoints = _old_checkpoints(conn)
    wanted = {r["position"] for r in checkpoints}
    pinned = {h for (h,) in conn.exec_driver_sql(
        "SELECT trail_head FROM report_version WHERE trail_head IS NOT NULL")}
    heads: dict[int, str] = {}
    mapped: dict[str, int] = {}
    problems: list[str] = []
    writer = _Writer(conn)
    group: _Group | None = None
    prev, prev_id, count = "0" * 64, 0, 0
    waiting: list[str] = []  # pinned old hashes inside the open group

    def close_group() -> None:
        nonlocal group
        if group is not None:
            new_id = writer.add(*group.key[:5], group.changes(), group.key[5])
            mapped.update((h, new_id) for h in waiting)
            waiting.clear()
            group = None

    cursor = conn.exec_driver_sql(
        "SELECT id, at, user, action, entity, entity_id, field, old_value, new_value, reason, "
        "prev_hash, hash FROM trail_entry ORDER BY id")
    while rows := cursor.fetchmany(_BATCH):
        for (id_, at, user, action, entity, entity_id, field, old, new, reason, prev_hash,
             digest) in rows:
            count += 1
            reason = reason or ""
            if len(problems) < _MAX_PROBLEMS:
                if id_ != prev_id + 1 and prev_id:
                    problems.append(f"old trail entries after {prev_id} missing (deleted)")
                recomputed = _legacy_hash(prev, at, user, action, entity, entity_id, field, old,
                                          new, reason)
                if prev_hash != prev or digest != recomputed:
                    problems.append(f"old trail entry {id_} ({entity} {entity_id} field "
                                    f"{field!r}): chain broken here (changed, removed or moved)")
            prev, prev_id = digest, id_
            if id_ in wanted:
                heads[id_] = digest
            key = (at, user, action, entity, entity_id, reason)
            if group is not None and group.takes(key, field):
                group.values[field] = (old, new)  # type: ignore[index]
            else:
                close_group()
                if action in ("insert", "update") and field is not None:
                    group = _Group(key, field, old, new)
                else:
                    changes = old if action == "delete" else _dumps(new)
                    new_id = writer.add(at, user, action, entity, entity_id, changes, reason)
                    if digest in pinned:
                        mapped[digest] = new_id
                    continue
            if digest in pinned:
                waiting.append(digest)
    close_group()
    sealed = _check_checkpoints(conn, checkpoints, heads, prev_id, problems)
    record = {"format": "one row per change (schema 0011)", "old_entries": count,
              "old_head": prev, "old_chain": "intact" if not problems else "problems found",
              "problems": problems, "old_checkpoints": sealed, "pinned_heads": mapped,
              "new_entries": writer.next_id - 1}
    at = conn.exec_driver_sql("SELECT strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now')").scalar()
    if count or checkpoints:  # a new, empty database has nothing to convert
        writer.add(at, "system", "convert", "trail_entry", "0011", _dumps(record),
                   "audit trail converted to one row per change (schema 0011)")
    writer.flush()

    op.drop_table('trail_entry')  # its triggers go with it
    op.rename_table('trail_entry_new', 'trail_entry')
    op.create_index('ix_trail_entry_entity', 'trail_entry', ['entity', 'entity_id'], unique=False)
    for statement in _TRIGGERS:
        op.execute(statement)
    # The old checkpoints name old positions and heads; the conversion row records them.
    op.execute("DROP TRIGGER IF EXISTS trail_checkpoint_no_delete")
    op.execute("DELETE FROM trail_checkpoint")
    op.execute(_CHECKPOINT_TRIGGERS[1])

    with op.batch_alter_table('carried_trail_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('changes', sa.Text(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("the per-field trail cannot be rebuilt with its original hashes; "
                              "restore the backup taken before the upgrade")
