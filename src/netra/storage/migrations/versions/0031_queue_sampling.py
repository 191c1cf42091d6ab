"""Monitoring queue learns from reviewers (issue 11 item 7): a small random share of UNflagged items is stored and
offered too (``flagged`` false), and a dismissal says why (``dismiss_kind``: not an act, or the wrong actor).

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("screened_items") as batch:
        batch.add_column(sa.Column("flagged", sa.Boolean, nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column("dismiss_kind", sa.String(12), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("screened_items") as batch:
        batch.drop_column("dismiss_kind")
        batch.drop_column("flagged")
