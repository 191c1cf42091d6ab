"""The civil-servant register (issue 18): imports, entries with their change history, who a case is about, and
BKN's follow-up actions.

Revision ID: 0060
Revises: 0041
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0060"
down_revision = "0021"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "register_imports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("by_user", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("updated", sa.Integer, nullable=False),
        sa.Column("unchanged", sa.Integer, nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("error_sample", sa.JSON, nullable=False),
    )
    op.create_table(
        "civil_servants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("nip", sa.String(18), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("position", sa.String(200), nullable=False),
        sa.Column("agency", sa.String(200), nullable=False),
        sa.Column("region_code", sa.String(13), nullable=False),
        sa.Column("status", sa.String(4), nullable=False),
        sa.Column("rank", sa.String(60), nullable=False),
        sa.Column("removed_at", TZ),
        sa.Column("created_import_id", sa.Integer),
        sa.Column("updated_import_id", sa.Integer),
    )
    op.create_index("ix_civil_servants_name_key", "civil_servants", ["name_key"])
    op.create_index("ix_civil_servants_region_code", "civil_servants", ["region_code"])
    op.create_table(
        "civil_servant_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("civil_servants.id"), nullable=False),
        sa.Column("import_id", sa.Integer),
        sa.Column("field", sa.String(20), nullable=False),
        sa.Column("old_value", sa.String(200), nullable=False),
        sa.Column("new_value", sa.String(200), nullable=False),
        sa.Column("by_user", sa.String(64), nullable=False),
        sa.Column("at", TZ, nullable=False),
    )
    op.create_index("ix_civil_servant_changes_person_id", "civil_servant_changes", ["person_id"])
    op.create_table(
        "case_people",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True, autoincrement=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("civil_servants.id")),
        sa.Column("by_user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_case_people_person_id", "case_people", ["person_id"])
    op.create_table(
        "bkn_follow_ups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("document_number", sa.String(120), nullable=False),
        sa.Column("document_sha256", sa.String(64)),
        sa.Column("document_name", sa.String(200), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("by_user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("at", TZ, nullable=False),
    )
    op.create_index("ix_bkn_follow_ups_case_id", "bkn_follow_ups", ["case_id"])


def downgrade() -> None:
    for table in ("bkn_follow_ups", "case_people", "civil_servant_changes", "civil_servants", "register_imports"):
        op.drop_table(table)
