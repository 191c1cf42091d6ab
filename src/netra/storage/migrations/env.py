"""Alembic environment: migrations run on the engine handed over by netra.storage.migrate."""

from alembic import context
from sqlalchemy import create_engine

from netra.storage.tables import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # plain `alembic` command line during development
    engine = create_engine(config.get_main_option("sqlalchemy.url"))

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite needs table rebuilds for ALTER
    )
    context.run_migrations()
