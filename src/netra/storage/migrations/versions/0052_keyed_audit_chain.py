"""The audit chain is keyed from here on (issue 14, finding 6): entries after the current head carry an HMAC under
the installation's audit key (a file in the data directory, never in the database). `keyed_from` says where; the
entries before it stay plain SHA-256 and are sealed by the first keyed entries.

Revision ID: 0052
Revises: 0051
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0052"
down_revision = "0051"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_head") as batch:
        batch.add_column(sa.Column("keyed_from", sa.Integer, nullable=False, server_default="1"))
    op.execute("UPDATE audit_head SET keyed_from = seq + 1")


def downgrade() -> None:
    with op.batch_alter_table("audit_head") as batch:
        batch.drop_column("keyed_from")
