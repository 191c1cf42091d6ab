"""What officers establish about a case beside the reports as submitted (issue 12): the reported person's status
(pns, pppk, village_head, ...), the date the act became known, the place and the officers' own description of the
event. Reports stay as their reporters wrote them; these columns start empty and the case page falls back to the
first report until an officer completes them.

Revision ID: 0090
Revises: 0120
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0090"
down_revision = "0110"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("reported_status", sa.String(20), nullable=False, server_default=""))
        batch.add_column(sa.Column("known_date", sa.Date, nullable=True))
        batch.add_column(sa.Column("event_place", sa.String(300), nullable=False, server_default=""))
        batch.add_column(sa.Column("description", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        for column in ("description", "event_place", "known_date", "reported_status"):
            batch.drop_column(column)
