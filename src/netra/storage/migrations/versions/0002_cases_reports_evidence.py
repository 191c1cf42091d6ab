"""Cases, public reports, evidence files and case history.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("region_code", sa.String(13), sa.ForeignKey("regions.code"), nullable=False),
        sa.Column("election_id", sa.String(40), nullable=False),
        sa.Column("reported_name", sa.String(200), nullable=False),
        sa.Column("reported_nip", sa.String(18), nullable=False),
        sa.Column("reported_position", sa.String(200), nullable=False),
        sa.Column("reported_agency", sa.String(200), nullable=False),
        sa.Column("event_date", sa.Date, nullable=True),
        sa.Column("merged_into_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_cases_status", "cases", ["status"])
    op.create_index("ix_cases_region_code", "cases", ["region_code"])
    op.create_index("ix_cases_reported_nip", "cases", ["reported_nip"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("tracking_code", sa.String(13), nullable=False, unique=True),
        sa.Column("submission_token", sa.String(64), nullable=False, unique=True),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("reporter_name", sa.String(200), nullable=False),
        sa.Column("reporter_address", sa.String(500), nullable=False),
        sa.Column("reporter_contact", sa.String(200), nullable=False),
        sa.Column("reporter_id_number", sa.String(16), nullable=False),
        sa.Column("confidential", sa.Boolean, nullable=False),
        sa.Column("reported_name", sa.String(200), nullable=False),
        sa.Column("reported_nip", sa.String(18), nullable=False),
        sa.Column("reported_position", sa.String(200), nullable=False),
        sa.Column("reported_agency", sa.String(200), nullable=False),
        sa.Column("region_code", sa.String(13), sa.ForeignKey("regions.code"), nullable=False),
        sa.Column("election_id", sa.String(40), nullable=False),
        sa.Column("event_date", sa.Date, nullable=True),
        sa.Column("event_place", sa.String(300), nullable=False),
        sa.Column("known_date", sa.Date, nullable=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("links", sa.JSON, nullable=False),
        sa.Column("declaration", sa.Boolean, nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reports_case_id", "reports", ["case_id"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id"), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("media_type", sa.String(40), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("added_by", sa.String(80), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_evidence_case_id", "evidence", ["case_id"])
    op.create_index("ix_evidence_sha256", "evidence", ["sha256"])
    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("from_status", sa.String(32), nullable=True),
        sa.Column("to_status", sa.String(32), nullable=False),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("actor_role", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("public_reason", sa.Text, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("documents", sa.JSON, nullable=False),
    )
    op.create_index("ix_case_events_case_id", "case_events", ["case_id"])


def downgrade() -> None:
    for table in ("case_events", "evidence", "reports", "cases"):
        op.drop_table(table)
