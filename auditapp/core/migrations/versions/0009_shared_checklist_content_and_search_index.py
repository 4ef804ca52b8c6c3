"""checklist texts stored once per content; full-text search index kept by triggers

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-01

Each audit kept its own copy of its checklist (about 100 KB) and the trail copied it again.
The text moves to checklist_content, keyed by its SHA-256 (the hash the snapshot already
recorded); snapshots refer to it. The search index is an FTS5 table filled and kept in step by
triggers, so every write (ORM, cascade, bulk SQL) updates it in the same transaction.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0007'
branch_labels = None
depends_on = None

# kind code -> (table, title expression, body expression, item label, row condition).
# The index row id is the source row id * 8 + kind, so an update or delete finds its entry by
# row id at once. Expressions use {r}. for the row (new./old. in triggers, nothing in rebuilds).
SOURCES = {
    1: ("finding", "{r}title",
        "coalesce({r}observation,'') || ' ' || coalesce({r}impact,'') || ' ' || coalesce({r}risk,'')"
        " || ' ' || coalesce({r}recommendation,'') || ' ' || coalesce({r}auditee_response,'')",
        "'F-' || printf('%02d', {r}number)", "1",
        "title, observation, impact, risk, recommendation, auditee_response, number, audit_id"),
    2: ("response", "{r}question_id", "{r}notes", "{r}question_id", "coalesce({r}notes,'') != ''",
        "notes, question_id, audit_id"),
    3: ("evidence", "{r}file_name", "coalesce({r}caption,'')", "'E-' || printf('%03d', {r}number)",
        "{r}removed = 0", "file_name, caption, number, removed, audit_id"),
    4: ("document_reviewed", "{r}title",
        "coalesce({r}identifier,'') || ' ' || coalesce({r}version,'')", "{r}title", "1",
        "title, identifier, version, audit_id"),
    5: ("auditee_participant", "{r}name", "coalesce({r}function,'')", "{r}name", "1",
        "name, function, audit_id"),
    6: ("team_member", "{r}name", "coalesce({r}role,'') || ' ' || coalesce({r}qualification,'')",
        "{r}name", "1", "name, role, qualification, audit_id"),
}
COLUMNS = "rowid, title, body, audit_id, kind, item"


def _select(kind: int, r: str) -> str:
    _table, title, body, item, _cond, _cols = SOURCES[kind]
    return (f"{r}id * 8 + {kind}, {title.format(r=r)}, {body.format(r=r)}, {r}audit_id, "
            f"{kind}, {item.format(r=r)}")


def create_search_index() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, audit_id UNINDEXED, kind UNINDEXED, item UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    for kind, (table, _title, _body, _item, cond, columns) in SOURCES.items():
        new_cond = cond.format(r="new.")
        op.execute(
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} WHEN {new_cond} BEGIN "
            f"INSERT INTO search_index({COLUMNS}) VALUES ({_select(kind, 'new.')}); END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {columns} ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = old.id * 8 + {kind}; "
            f"INSERT INTO search_index({COLUMNS}) SELECT {_select(kind, 'new.')} WHERE {new_cond}; END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = old.id * 8 + {kind}; END"
        )
    rebuild_search_index()


def rebuild_search_index() -> None:
    op.execute("DELETE FROM search_index")
    for kind, (table, _title, _body, _item, cond, _cols) in SOURCES.items():
        op.execute(f"INSERT INTO search_index({COLUMNS}) SELECT {_select(kind, '')} FROM {table} "
                   f"WHERE {cond.format(r='')}")


def _question_count(content: dict) -> int:
    return sum(len(s["questions"]) for a in content.get("areas", []) for s in a.get("sections", []))


def upgrade() -> None:
    op.create_table(
        'checklist_content',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('content_json', sa.Text(), nullable=False),
        sa.Column('question_count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('sha256', name=op.f('pk_checklist_content')),
    )
    connection = op.get_bind()
    # One row per distinct text, keyed by the hash each snapshot already recorded (the trail
    # holds that hash, so a text changed behind the app's back shows up in trail verify).
    rows = connection.execute(sa.text(
        "SELECT sha256, content_json FROM checklist_snapshot "
        "WHERE id IN (SELECT min(id) FROM checklist_snapshot GROUP BY sha256)"
    )).all()
    content = sa.table('checklist_content', sa.column('sha256'), sa.column('content_json'),
                       sa.column('question_count'))
    if rows:
        op.bulk_insert(content, [
            {"sha256": sha, "content_json": text, "question_count": _question_count(json.loads(text))}
            for sha, text in rows
        ])
    with op.batch_alter_table('checklist_snapshot', schema=None) as batch_op:
        batch_op.drop_column('content_json')
        batch_op.create_foreign_key(
            batch_op.f('fk_checklist_snapshot_sha256_checklist_content'), 'checklist_content',
            ['sha256'], ['sha256'])
    create_search_index()


def downgrade() -> None:
    for table in (s[0] for s in SOURCES.values()):
        for verb in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{verb}")
    op.execute("DROP TABLE IF EXISTS search_index")
    with op.batch_alter_table('checklist_snapshot', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_json', sa.Text(), nullable=False, server_default=''))
        batch_op.drop_constraint(batch_op.f('fk_checklist_snapshot_sha256_checklist_content'),
                                 type_='foreignkey')
    op.execute("UPDATE checklist_snapshot SET content_json = (SELECT content_json FROM "
               "checklist_content WHERE checklist_content.sha256 = checklist_snapshot.sha256)")
    op.drop_table('checklist_content')
