"""Monitoring queue: screener-flagged items awaiting a human decision.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screened_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("batch", sa.String(80), nullable=False),
        sa.Column("external_id", sa.String(200), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author", sa.JSON, nullable=False),
        sa.Column("posted_on", sa.Date, nullable=True),
        sa.Column("region_code", sa.String(13), sa.ForeignKey("regions.code"), nullable=False),
        sa.Column("election_id", sa.String(40), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("family", sa.String(20), nullable=True),
        sa.Column("rules", sa.JSON, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("checked_out_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("checkout_expires", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.Text, nullable=False),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("batch", "external_id"),
    )
    op.create_index("ix_screened_items_region_code", "screened_items", ["region_code"])
    op.create_index("ix_screened_items_status", "screened_items", ["status"])


def downgrade() -> None:
    op.drop_table("screened_items")
