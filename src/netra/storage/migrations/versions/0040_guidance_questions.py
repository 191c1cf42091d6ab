"""Anonymous "Bolehkah?" question counts and the asker's feedback (issue 17).

Revision ID: 0040
Revises: 0010
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0040"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guidance_questions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token", sa.String(32), nullable=False, unique=True),
        sa.Column("week", sa.Date, nullable=False),
        sa.Column("family", sa.String(20)),
        sa.Column("verdict", sa.String(12), nullable=False),
        sa.Column("status", sa.String(20)),
        sa.Column("needs_status", sa.Boolean, nullable=False),
        sa.Column("confident", sa.Boolean, nullable=False),
        sa.Column("helpful", sa.Boolean),
        sa.Column("question", sa.Text),
        sa.Column("comment", sa.Text),
    )
    op.create_index("ix_guidance_questions_week", "guidance_questions", ["week"])


def downgrade() -> None:
    op.drop_table("guidance_questions")
