"""Statistics follow the outbox instead of the audit log: case_stats loses its audit_seq marker (the position is
outbox_consumers "statistics"). The rollup's fingerprint row is removed, so the first read rebuilds both tables
and records the position.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_stats") as batch:
        batch.drop_index("ix_case_stats_audit_seq")
        batch.drop_column("audit_seq")
    op.execute("DELETE FROM case_rollup WHERE measure = '_built_with'")


def downgrade() -> None:
    with op.batch_alter_table("case_stats") as batch:
        batch.add_column(sa.Column("audit_seq", sa.Integer, nullable=False, server_default="0"))
        batch.create_index("ix_case_stats_audit_seq", ["audit_seq"])
    op.execute("DELETE FROM case_rollup WHERE measure = '_built_with'")
    op.execute("DELETE FROM outbox_consumers WHERE name = 'statistics'")
