"""keyed checkpoints of the audit trail

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('trail_checkpoint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('head', sa.String(length=64), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('user', sa.String(length=64), nullable=False),
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('prev_mac', sa.String(length=64), nullable=False),
    sa.Column('mac', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trail_checkpoint'))
    )
    # Append-only like the trail itself (0001); the key is what stops someone who drops these.
    op.execute(
        "CREATE TRIGGER trail_checkpoint_no_update BEFORE UPDATE ON trail_checkpoint "
        "BEGIN SELECT RAISE(ABORT, 'trail checkpoints are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER trail_checkpoint_no_delete BEFORE DELETE ON trail_checkpoint "
        "BEGIN SELECT RAISE(ABORT, 'trail checkpoints are append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS trail_checkpoint_no_update")
    op.execute("DROP TRIGGER IF EXISTS trail_checkpoint_no_delete")
    op.drop_table('trail_checkpoint')
