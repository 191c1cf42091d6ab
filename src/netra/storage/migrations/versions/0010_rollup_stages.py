"""case_rollup by election stage too, so stage-filtered national and provincial statistics add up counts as well.

Derived data: the table is recreated empty and case_stats emptied, so the next statistics read rebuilds both.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _rollup(with_stage: bool) -> None:
    op.create_table(
        "case_rollup",
        sa.Column("measure", sa.String(20), primary_key=True),
        *([sa.Column("stage", sa.String(40), primary_key=True)] if with_stage else []),
        sa.Column("province_code", sa.String(2), primary_key=True),
        sa.Column("election_id", sa.String(40), primary_key=True),
        sa.Column("k1", sa.String(80), primary_key=True),
        sa.Column("k2", sa.String(200), primary_key=True),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
    )


def _reset(with_stage: bool) -> None:
    op.drop_table("case_rollup")
    op.execute("DELETE FROM case_stats_rules")
    op.execute("DELETE FROM case_stats")
    _rollup(with_stage)


def upgrade() -> None:
    _reset(True)


def downgrade() -> None:
    _reset(False)
