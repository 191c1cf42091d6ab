"""Writing many rows at once: COPY on PostgreSQL, one executemany elsewhere.

Why: an INSERT per row (even batched by the driver) costs a round trip's worth of parsing and planning per row;
at a million rows COPY is several times faster. Used by derived tables that are rebuilt whole (statistics).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table
from sqlalchemy.orm import Session

COPY_FROM = 500  # fewer rows than this go in one executemany: COPY's set-up is not worth it


def insert_rows(session: Session, table: Table, rows: Sequence[dict]) -> None:
    """Insert `rows` (dicts with the same keys) into `table` inside the session's transaction."""
    if not rows:
        return
    if len(rows) >= COPY_FROM and session.get_bind().dialect.name == "postgresql":
        columns = list(rows[0])
        driver = session.connection().connection.driver_connection  # psycopg, in the session's transaction
        with driver.cursor() as cursor, cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
    else:
        session.execute(table.insert(), list(rows))


__all__ = ["insert_rows"]
