"""Worklists that scale (issue 12): who handles a case (cases.assignee_id) and the officers' internal comments.

Revision ID: 0100
Revises: 0110
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0100"
down_revision = "0090"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a nullable column with its reference in place; a batch copy of `cases` would have to drop a
        # table other tables reference.
        op.execute("ALTER TABLE cases ADD COLUMN assignee_id INTEGER REFERENCES users (id)")
    else:
        op.add_column("cases", sa.Column("assignee_id", sa.Integer))
        op.create_foreign_key("fk_cases_assignee_id_users", "cases", "users", ["assignee_id"], ["id"])
    op.create_index("ix_cases_assignee_id", "cases", ["assignee_id"])
    op.create_table(
        "case_comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_case_comments_case_id", "case_comments", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_case_comments_case_id", "case_comments")
    op.drop_table("case_comments")
    op.drop_index("ix_cases_assignee_id", "cases")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_cases_assignee_id_users", "cases", type_="foreignkey")
    op.drop_column("cases", "assignee_id")  # SQLite >= 3.35 drops a column without a constraint of its own
