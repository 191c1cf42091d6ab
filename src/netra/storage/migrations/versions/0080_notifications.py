"""Notifications (issue 15): in-app notifications, the email queue the worker sends, accounts' contact details and
reporters' confirmed email subscriptions.

Revision ID: 0080
Revises: 0031
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0080"
down_revision = "0031"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "notification_contacts",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("email", sa.String(254)),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "report_subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id"), nullable=False, unique=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("token", sa.String(64), nullable=False, unique=True),
        sa.Column("confirmed_at", TZ),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("case_id", sa.Integer),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("read_at", TZ),
    )
    op.create_index("ix_notifications_user_unread", "notifications", ["user_id", "read_at"])
    op.create_table(
        "email_messages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("to_address", sa.String(254), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("case_id", sa.Integer),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("html", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", TZ, nullable=False),
        sa.Column("last_error", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("sent_at", TZ),
    )
    op.create_index("ix_email_messages_due", "email_messages", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_email_messages_due", "email_messages")
    op.drop_table("email_messages")
    op.drop_index("ix_notifications_user_unread", "notifications")
    op.drop_table("notifications")
    op.drop_table("report_subscriptions")
    op.drop_table("notification_contacts")
