"""auditor's judgement: report issue date, CAPA days after issue, critical-finding escalation

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issued_on', sa.Date(), nullable=True))

    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.add_column(sa.Column('capa_due_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('sponsor_informed_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('sponsor_informed_to', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('breach_assessment', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('breach_note', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.drop_column('breach_note')
        batch_op.drop_column('breach_assessment')
        batch_op.drop_column('sponsor_informed_to')
        batch_op.drop_column('sponsor_informed_on')
        batch_op.drop_column('capa_due_days')

    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_column('issued_on')
