"""Agencies (instansi), their socialisation events and neutrality pledges (issue 17).

Revision ID: 0041
Revises: 0040
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0041"
down_revision = "0040"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("region_code", sa.String(13), sa.ForeignKey("regions.code"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.UniqueConstraint("region_code", "name"),
    )
    op.create_index("ix_agencies_region_code", "agencies", ["region_code"])
    for table, day in (("socialisation_events", "held_on"), ("neutrality_pledges", "signed_on")):
        specific = ([sa.Column("place", sa.String(200), nullable=False),
                     sa.Column("topic", sa.String(300), nullable=False),
                     sa.Column("audience", sa.JSON, nullable=False),
                     sa.Column("material_sha256", sa.String(64)),
                     sa.Column("material_name", sa.String(200))]
                    if table == "socialisation_events" else
                    [sa.Column("signed", sa.Integer, nullable=False),
                     sa.Column("total", sa.Integer, nullable=False),
                     sa.Column("document_sha256", sa.String(64)),
                     sa.Column("document_name", sa.String(200))])
        op.create_table(
            table,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("agency_id", sa.Integer, sa.ForeignKey("agencies.id"), nullable=False),
            sa.Column("region_code", sa.String(13), sa.ForeignKey("regions.code"), nullable=False),
            sa.Column("election_id", sa.String(40), nullable=False),
            sa.Column(day, sa.Date, nullable=False),
            *specific,
            sa.Column("created_by", sa.String(64), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        )
        op.create_index(f"ix_{table}_agency_id", table, ["agency_id"])
        op.create_index(f"ix_{table}_region_code", table, ["region_code"])


def downgrade() -> None:
    op.drop_table("neutrality_pledges")
    op.drop_table("socialisation_events")
    op.drop_table("agencies")
