"""Statistics at scale: case_rollup (counts per province, election, measure and key) and the case_stats columns
it is built from (clock start day, funnel step durations in tenths of a day); workforce_tables, the civil-servant
counts an administrator installs for the map's rate per 10,000.

case_stats and case_rollup are derived data: the upgrade empties case_stats so that the next statistics read
rebuilds both from cases and case_events (netra.services.analytics.facts.sync).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_NEW_COLUMNS = ("clock_start_day", "registered_tenths", "recommended_tenths", "sanctioned_tenths")


def upgrade() -> None:
    op.execute("DELETE FROM case_stats_rules")
    op.execute("DELETE FROM case_stats")
    with op.batch_alter_table("case_stats") as batch:
        batch.add_column(sa.Column("clock_start_day", sa.Date, nullable=True))
        batch.add_column(sa.Column("registered_tenths", sa.Integer, nullable=True))
        batch.add_column(sa.Column("recommended_tenths", sa.Integer, nullable=True))
        batch.add_column(sa.Column("sanctioned_tenths", sa.Integer, nullable=True))
    op.create_table(
        "case_rollup",
        sa.Column("measure", sa.String(20), primary_key=True),
        sa.Column("province_code", sa.String(2), primary_key=True),
        sa.Column("election_id", sa.String(40), primary_key=True),
        sa.Column("k1", sa.String(80), primary_key=True),
        sa.Column("k2", sa.String(200), primary_key=True),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
    )
    op.create_table(
        "workforce_tables",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("by_user", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("workforce_tables")
    op.drop_table("case_rollup")
    op.execute("DELETE FROM case_stats_rules")
    op.execute("DELETE FROM case_stats")
    with op.batch_alter_table("case_stats") as batch:
        for name in reversed(_NEW_COLUMNS):
            batch.drop_column(name)
