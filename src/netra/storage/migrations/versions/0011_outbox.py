"""The outbox of case events (written with each case change) and the positions of its consumers.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0041"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("case_id", sa.Integer, nullable=False),
        sa.Column("region_code", sa.String(13), nullable=False),
        sa.Column("audit_seq", sa.Integer, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_outbox_case_id", "outbox", ["case_id"])
    op.create_table(
        "outbox_consumers",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("last_id", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("outbox_consumers")
    op.drop_table("outbox")
