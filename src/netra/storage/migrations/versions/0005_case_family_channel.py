"""Violation family and channel on cases, for statistics.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("family", sa.String(20), nullable=True))
        batch.add_column(sa.Column("channel", sa.String(20), nullable=True))
    op.create_index("ix_cases_family", "cases", ["family"])


def downgrade() -> None:
    op.drop_index("ix_cases_family", "cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("channel")
        batch.drop_column("family")
