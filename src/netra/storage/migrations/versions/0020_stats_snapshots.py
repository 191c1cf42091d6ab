"""stats_snapshots: statistics views kept between requests and across restarts (derived data, a cache).

Each row is one computed view (the public statistics of a filter set, or a dashboard for a scope and filters) with
the data version it was computed at; a view is reused only while that version is current.

Revision ID: 0020
Revises: 0010
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stats_snapshots",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("version", sa.String(400), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("stats_snapshots")
