"""CAPA follow-up events per finding, and the earlier finding a repeat finding repeats

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'capa_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('audit_id', sa.Integer(), nullable=False),
        sa.Column('finding_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('source', sa.String(length=300), nullable=False),
        sa.Column('root_cause', sa.Text(), nullable=False),
        sa.Column('correction', sa.Text(), nullable=False),
        sa.Column('corrective_action', sa.Text(), nullable=False),
        sa.Column('preventive_action', sa.Text(), nullable=False),
        sa.Column('owner', sa.String(length=200), nullable=False),
        sa.Column('target_date', sa.Date(), nullable=True),
        sa.Column('decision', sa.String(length=32), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('approver', sa.String(length=200), nullable=False),
        sa.Column('evidence_numbers_json', sa.Text(), nullable=False),
        sa.Column('evidence_text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['audit_id'], ['audit.id'],
                                name=op.f('fk_capa_event_audit_id_audit'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['finding_id'], ['finding.id'],
                                name=op.f('fk_capa_event_finding_id_finding'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_capa_event')),
    )
    op.create_index('ix_capa_event_finding', 'capa_event', ['finding_id'], unique=False)
    # A plain ADD COLUMN: SQLite needs no table rebuild, so no child row is at risk.
    op.add_column('finding', sa.Column('repeat_of', sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.drop_column('repeat_of')
    op.drop_index('ix_capa_event_finding', table_name='capa_event')
    op.drop_table('capa_event')
