"""The worklist's default order (newest change first) from an index (issue 12, bench/cases/bench_worklist.py).

Revision ID: 0101
Revises: 0100
Create Date: 2026-12-07
"""
from alembic import op

revision = "0101"
down_revision = "0100"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_updated", "cases", ["updated_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_cases_updated", "cases")
