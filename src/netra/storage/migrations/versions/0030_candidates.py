"""Candidate pairs imported from KPU's lists (``netra candidates import``), used by the screener per election/region.

Revision ID: 0030
Revises: 0060 (chained after main's head 0060 when main was merged; originally from 0010)
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0060"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "candidates",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("election_id", sa.String(40), nullable=False),
        sa.Column("region_code", sa.String(13), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("hashtags", sa.JSON, nullable=False),
        sa.Column("party", sa.Text, nullable=False),
        sa.Column("source_file", sa.String(200), nullable=False),
        sa.Column("imported_by", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("election_id", "region_code", "number"),
    )
    op.create_index("ix_candidates_election_id", "candidates", ["election_id"])


def downgrade() -> None:
    op.drop_table("candidates")
