"""Region codes of cases and case_stats in byte order on PostgreSQL (COLLATE "C"), so the indexes on them answer
the scope's half-open range (netra.storage.scope.below) for a regency or a province (issue 13: a LIKE there
scanned case_stats, ~600 ms at a million cases). SQLite compares bytes already: nothing to do there.

Revision ID: 0140
Revises: 0130
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0140"
down_revision = "0130"
branch_labels = None
depends_on = None

COLUMNS = (("cases", "region_code"), ("case_stats", "region_code"))


def _set(collation: str | None) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COLUMNS:  # same type, new collation: PostgreSQL rebuilds the indexes, not the table
        op.alter_column(table, column, type_=sa.String(13, collation=collation), existing_nullable=False)


def upgrade() -> None:
    _set("C")


def downgrade() -> None:
    _set(None)
