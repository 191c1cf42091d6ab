"""Persistence adapters: SQLAlchemy tables, Alembic migrations and repositories over them."""
