"""Issue 16: one-time password links made by administrators, national reference changes proposed by one national
administrator and decided by another, and the day each approved correction or election takes effect.

Revision ID: 0110
Revises: 0052
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0110"
down_revision = "0120"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_proposals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("rule_id", sa.String(60), nullable=False, server_default=""),
        sa.Column("field", sa.String(120), nullable=False, server_default=""),
        sa.Column("value", sa.JSON, nullable=False),
        sa.Column("effective_from", sa.Date, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("proposed_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(12), nullable=False, server_default="pending"),
        sa.Column("decided_by", sa.Integer, sa.ForeignKey("users.id")),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("decision_reason", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_reference_proposals_status", "reference_proposals", ["status"])
    op.create_table(
        "password_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_password_links_user_id", "password_links", ["user_id"])
    for table in ("rule_overrides", "added_elections"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("effective_from", sa.Date))
            batch.add_column(sa.Column("proposal_id", sa.Integer,
                                       sa.ForeignKey("reference_proposals.id", name=f"fk_{table}_proposal")))


def downgrade() -> None:
    for table in ("rule_overrides", "added_elections"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"fk_{table}_proposal", type_="foreignkey")
            batch.drop_column("proposal_id")
            batch.drop_column("effective_from")
    op.drop_table("password_links")
    op.drop_table("reference_proposals")
