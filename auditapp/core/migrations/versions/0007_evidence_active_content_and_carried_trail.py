"""evidence active content flag; trail entries carried by imported packages

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('active_content', sa.String(length=200), nullable=False,
                                      server_default=''))
    op.create_table(
        'carried_trail_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('audit_id', sa.Integer(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('at', sa.String(length=40), nullable=False),
        sa.Column('user', sa.String(length=64), nullable=False),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('entity_id', sa.String(length=100), nullable=False),
        sa.Column('field', sa.String(length=60), nullable=True),
        sa.Column('old_value', sa.Text(), nullable=True),
        sa.Column('new_value', sa.Text(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('prev_hash', sa.String(length=64), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.Column('package_signer', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['audit_id'], ['audit.id'],
                                name=op.f('fk_carried_trail_entry_audit_id_audit'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_carried_trail_entry')),
    )
    with op.batch_alter_table('carried_trail_entry', schema=None) as batch_op:
        batch_op.create_index('ix_carried_trail_entry_audit', ['audit_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('carried_trail_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_carried_trail_entry_audit')
    op.drop_table('carried_trail_entry')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_column('active_content')
