"""case_stats.clock_due_at: the due instant of each case's running legal clock, so an overdue list over case_stats
(a regency, a period or a category) is one comparison per row instead of one per clock, zone and extension.

Derived data: case_stats and case_rollup are emptied, so the next statistics read rebuilds both (at a million
cases about 9 minutes: run `netra stats rebuild` after upgrading a large database).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def _empty() -> None:
    op.execute("DELETE FROM case_rollup")
    op.execute("DELETE FROM case_stats_rules")
    op.execute("DELETE FROM case_stats")


def upgrade() -> None:
    _empty()
    with op.batch_alter_table("case_stats") as batch:
        batch.add_column(sa.Column("clock_due_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    _empty()
    with op.batch_alter_table("case_stats") as batch:
        batch.drop_column("clock_due_at")
