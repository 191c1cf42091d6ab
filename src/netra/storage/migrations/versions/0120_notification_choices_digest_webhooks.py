"""Notifications, part two (issue 15): each account's choice per event kind, the daily digest (one per account and
local day: its primary key), legal-clock warnings (one per case, clock and threshold), webhooks and their
deliveries, bounced addresses; in-app notifications held for the digest.

Revision ID: 0120
Revises: 0052
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0120"
down_revision = "0052"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "notification_preferences",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("delivery", sa.String(10), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    with op.batch_alter_table("notifications") as batch:
        batch.add_column(sa.Column("for_digest", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table(
        "digest_runs",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("local_day", sa.Date, primary_key=True),
        sa.Column("zone", sa.String(4), nullable=False),
        sa.Column("items", sa.Integer, nullable=False),
        sa.Column("sent_at", TZ, nullable=False),
    )
    op.create_table(
        "clock_warnings",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("clock", sa.String(60), primary_key=True),
        sa.Column("started_at", TZ, primary_key=True),
        sa.Column("threshold", sa.String(10), primary_key=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "webhooks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("region_code", sa.String(13), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("secret", sa.String(128), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("webhook_id", sa.Integer, sa.ForeignKey("webhooks.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", TZ, nullable=False),
        sa.Column("response_code", sa.Integer),
        sa.Column("last_error", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("sent_at", TZ),
    )
    op.create_index("ix_webhook_deliveries_due", "webhook_deliveries", ["status", "next_attempt_at"])
    op.create_table(
        "email_bounces",
        sa.Column("address", sa.String(254), primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("email_bounces")
    op.drop_index("ix_webhook_deliveries_due", "webhook_deliveries")
    op.drop_table("webhook_deliveries")
    op.drop_table("webhooks")
    op.drop_table("clock_warnings")
    op.drop_table("digest_runs")
    with op.batch_alter_table("notifications") as batch:
        batch.drop_column("for_digest")
    op.drop_table("notification_preferences")
