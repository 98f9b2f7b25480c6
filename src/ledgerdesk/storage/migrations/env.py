"""Alembic environment for a book: always run programmatically on a connection we pass in.

``ledgerdesk.storage.migrate`` puts an open SQLAlchemy connection (already inside a
``BEGIN IMMEDIATE`` transaction) in ``config.attributes["connection"]``; there is no
alembic.ini and no offline (SQL script) mode.
"""

from __future__ import annotations

from alembic import context

from ledgerdesk.storage.tables import metadata


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("book migrations run only online, on an open connection")
run_migrations_online()
