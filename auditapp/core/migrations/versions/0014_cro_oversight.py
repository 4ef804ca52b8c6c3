"""CRO oversight: qualification decisions, KPI figures, escalation log

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'cro_qualification',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=32), nullable=False),
        sa.Column('effective_on', sa.Date(), nullable=False),
        sa.Column('valid_until', sa.Date(), nullable=True),
        sa.Column('audit_id', sa.Integer(), nullable=True),
        sa.Column('conditions', sa.Text(), nullable=False),
        sa.Column('decided_by', sa.String(length=64), nullable=False),
        sa.Column('decided_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['audit_id'], ['audit.id'], ondelete='SET NULL',
                                name=op.f('fk_cro_qualification_audit_id_audit')),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'],
                                name=op.f('fk_cro_qualification_organisation_id_organisation')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_cro_qualification')),
    )
    op.create_index('ix_cro_qualification_org', 'cro_qualification', ['organisation_id'])
    op.create_table(
        'kpi_value',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('study_id', sa.Integer(), nullable=True),
        sa.Column('kpi_id', sa.String(length=60), nullable=False),
        sa.Column('period', sa.String(length=10), nullable=False),
        sa.Column('period_end', sa.Date(), nullable=False),
        sa.Column('value', sa.Float(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'],
                                name=op.f('fk_kpi_value_organisation_id_organisation')),
        sa.ForeignKeyConstraint(['study_id'], ['study.id'],
                                name=op.f('fk_kpi_value_study_id_study')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_kpi_value')),
    )
    op.create_index('ix_kpi_value_org', 'kpi_value', ['organisation_id', 'kpi_id'])
    op.create_table(
        'escalation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('study_id', sa.Integer(), nullable=True),
        sa.Column('kpi_id', sa.String(length=60), nullable=False),
        sa.Column('kpi_value_id', sa.Integer(), nullable=True),
        sa.Column('issue', sa.Text(), nullable=False),
        sa.Column('level', sa.Integer(), nullable=False),
        sa.Column('owner', sa.String(length=200), nullable=False),
        sa.Column('actions', sa.Text(), nullable=False),
        sa.Column('opened_on', sa.Date(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=True),
        sa.Column('closed_on', sa.Date(), nullable=True),
        sa.Column('closure', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(['kpi_value_id'], ['kpi_value.id'],
                                name=op.f('fk_escalation_kpi_value_id_kpi_value')),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'],
                                name=op.f('fk_escalation_organisation_id_organisation')),
        sa.ForeignKeyConstraint(['study_id'], ['study.id'],
                                name=op.f('fk_escalation_study_id_study')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_escalation')),
        sa.UniqueConstraint('number', name=op.f('uq_escalation_number')),
    )
    op.create_index('ix_escalation_org', 'escalation', ['organisation_id'])


def downgrade() -> None:
    op.drop_index('ix_escalation_org', table_name='escalation')
    op.drop_table('escalation')
    op.drop_index('ix_kpi_value_org', table_name='kpi_value')
    op.drop_table('kpi_value')
    op.drop_index('ix_cro_qualification_org', table_name='cro_qualification')
    op.drop_table('cro_qualification')
