"""Submission tokens are stored hashed (issue 14, finding 12): the token derives the reporter's secret, so the
stored token let anyone with a copy of the database read every tracking secret.

The hash is written out here rather than imported, so this migration keeps meaning what it meant when it ran
(netra.intake.tracking.token_digest computes the same).

Revision ID: 0051
Revises: 0050
Create Date: 2026-12-07
"""
import hashlib
import re

import sqlalchemy as sa
from alembic import op

revision = "0051"
down_revision = "0050"
branch_labels = None
depends_on = None

_HEX64 = re.compile(r"[0-9a-f]{64}")


def upgrade() -> None:
    reports = sa.table("reports", sa.column("id", sa.Integer), sa.column("submission_token", sa.String))
    bind = op.get_bind()
    for row_id, token in bind.execute(sa.select(reports.c.id, reports.c.submission_token)).all():
        if not _HEX64.fullmatch(token):  # new_submission_token never makes 64 lowercase hex characters
            digest = hashlib.sha256(b"submission-token:" + token.encode()).hexdigest()
            bind.execute(reports.update().where(reports.c.id == row_id).values(submission_token=digest))


def downgrade() -> None:
    pass  # a hash cannot be turned back into its token; older code only loses the double-submit shortcut
