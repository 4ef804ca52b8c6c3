"""team work: stable global ids on travelling records, team copies and applied team packages

Revision ID: 0012
Revises: 0010

Existing rows keep a NULL uid here: team_records.ensure_uids gives them one through the ORM
before an audit is first handed out, so that the trail records each id (entries written by a
migration would lie outside the keyed checkpoints).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

TABLES = ('team_member', 'auditee_participant', 'document_reviewed', 'response', 'finding',
          'evidence', 'evidence_link')


def upgrade() -> None:
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uid', sa.String(length=36), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_audit_uid'), ['uid'])
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('uid', sa.String(length=36), nullable=True))
    op.create_table(
        'team_copy',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('audit_id', sa.Integer(), nullable=False),
        sa.Column('replica_id', sa.String(length=36), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('lead', sa.String(length=200), nullable=False),
        sa.Column('assignment_json', sa.Text(), nullable=False),
        sa.Column('base_json', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['audit_id'], ['audit.id'], name=op.f('fk_team_copy_audit_id_audit'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_team_copy')),
        sa.UniqueConstraint('audit_id', name=op.f('uq_team_copy_audit_id')),
    )
    op.create_table(
        'team_package',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('audit_id', sa.Integer(), nullable=False),
        sa.Column('package_id', sa.String(length=36), nullable=False),
        sa.Column('direction', sa.String(length=10), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('replica_id', sa.String(length=36), nullable=False),
        sa.Column('person', sa.String(length=200), nullable=False),
        sa.Column('signer_sha256', sa.String(length=64), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('earlier_json', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['audit_id'], ['audit.id'],
                                name=op.f('fk_team_package_audit_id_audit'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_team_package')),
        sa.UniqueConstraint('audit_id', 'package_id', 'direction',
                            name=op.f('uq_team_package_audit_id')),
    )


def downgrade() -> None:
    op.drop_table('team_package')
    op.drop_table('team_copy')
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('uid')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_audit_uid'), type_='unique')
        batch_op.drop_column('uid')
