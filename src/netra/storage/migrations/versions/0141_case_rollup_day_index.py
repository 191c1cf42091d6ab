"""case_rollup by (measure, stage, day): the overdue lists subtract the clocks started after each cut-off day from
the undated totals (ROLLUP_FORMAT 5), and this index finds those recent rows without reading the others.

Revision ID: 0141
Revises: 0140
Create Date: 2026-12-07
"""
from alembic import op

revision = "0141"
down_revision = "0140"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_case_rollup_day", "case_rollup", ["measure", "stage", "day"])


def downgrade() -> None:
    op.drop_index("ix_case_rollup_day", "case_rollup")
