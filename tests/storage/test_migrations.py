"""The Alembic migrations build exactly the schema the SQLAlchemy models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from netra.storage.tables import Base


def test_migrations_match_models(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
