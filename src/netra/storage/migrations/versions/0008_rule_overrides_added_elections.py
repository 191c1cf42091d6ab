"""Administrator corrections of rulebook values, and elections added beside the packaged calendars.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rule_overrides",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("rule_id", sa.String(60), nullable=False),
        sa.Column("field", sa.String(120), nullable=False),
        sa.Column("value", sa.JSON, nullable=False),
        sa.Column("by_user", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_rule_overrides_rule_id", "rule_overrides", ["rule_id"])
    op.create_table(
        "added_elections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("election_id", sa.String(40), nullable=False, unique=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("by_user", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("added_elections")
    op.drop_table("rule_overrides")
