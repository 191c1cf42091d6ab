"""Notifications, part three (issue 15): a claim committed before each send (the claiming worker's key and its
lease) on emails and webhook deliveries, and who deactivated or reactivated a webhook, when and why.

Revision ID: 0130
Revises: 0101
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0130"
down_revision = "0101"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
CLAIMED = ("email_messages", "webhook_deliveries")


def upgrade() -> None:
    for table in CLAIMED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("claimed_by", sa.Integer))
            batch.add_column(sa.Column("lease_until", TZ))
    with op.batch_alter_table("webhooks") as batch:
        batch.add_column(sa.Column("active_reason", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("active_changed_by", sa.String(40), nullable=False, server_default=""))
        batch.add_column(sa.Column("active_changed_at", TZ))


def downgrade() -> None:
    with op.batch_alter_table("webhooks") as batch:
        batch.drop_column("active_changed_at")
        batch.drop_column("active_changed_by")
        batch.drop_column("active_reason")
    for table in CLAIMED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("lease_until")
            batch.drop_column("claimed_by")
