"""Statistics: case_stats, one flattened row per live case, and case_stats_rules (further rules of a recommendation).

Derived data: netra.services.analytics.facts fills it on first use (rebuild from cases and case_events) and keeps
it in step through the audit log, so this migration only creates the tables.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_stats",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True,
                  autoincrement=False),
        sa.Column("audit_seq", sa.Integer, nullable=False),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("region_code", sa.String(13), nullable=False),
        sa.Column("election_id", sa.String(40), nullable=False),
        sa.Column("event_date", sa.Date, nullable=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("family", sa.String(20), nullable=True),
        sa.Column("channel", sa.String(20), nullable=True),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("position_group", sa.String(20), nullable=False),
        sa.Column("agency", sa.String(200), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("recommended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sanctioned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("recommended_rule", sa.String(60), nullable=True),
        sa.Column("sanction_rule", sa.String(60), nullable=True),
        sa.Column("clock", sa.String(60), nullable=True),
        sa.Column("clock_zone", sa.String(4), nullable=True),
        sa.Column("clock_started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("clock_extended", sa.Boolean, nullable=False),
        sa.Column("ppk", sa.String(200), nullable=False),
    )
    op.create_index("ix_case_stats_audit_seq", "case_stats", ["audit_seq"])
    op.create_index("ix_case_stats_scope", "case_stats", ["province_code", "region_code", "election_id"])
    op.create_index("ix_case_stats_election", "case_stats", ["election_id", "event_date"])
    op.create_index("ix_case_stats_clock", "case_stats", ["clock", "clock_zone", "clock_started_at"])
    op.create_table(
        "case_stats_rules",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("case_stats.case_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("rule_id", sa.String(60), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("case_stats_rules")
    op.drop_index("ix_case_stats_clock", "case_stats")
    op.drop_index("ix_case_stats_election", "case_stats")
    op.drop_index("ix_case_stats_scope", "case_stats")
    op.drop_index("ix_case_stats_audit_seq", "case_stats")
    op.drop_table("case_stats")
