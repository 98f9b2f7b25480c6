"""Alembic run programmatically: no alembic.ini, the connection handed over in attributes.

``open_book`` calls ``upgrade`` only after ``storage.backups`` has taken a before-migration
backup (the SQLite backup API, written as ``….incomplete``, verified, then renamed), and
removes that backup again when the upgrade fails, as the book is then unchanged.

Alembic is imported only when a schema must be created or upgraded: importing it costs
about as much as SQLAlchemy itself (~0.1 s), and opening a book that is already at
``SCHEMA_HEAD`` (nearly every start of the app) needs only the ``alembic_version`` row.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from ledgerdesk.storage.engine import WRITE

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

#: The migration scripts shipped inside the package.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The newest revision in ``MIGRATIONS_DIR``; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0013_foreign"


def alembic_config(
    connection: Connection | None = None, script_location: Path = MIGRATIONS_DIR
) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory(script_location: Path = MIGRATIONS_DIR) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(None, script_location))


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str:
    head = script_directory(script_location).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations in {script_location}")
    return head


def known_revisions(script_location: Path = MIGRATIONS_DIR) -> set[str]:
    return {script.revision for script in script_directory(script_location).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision the book's ``alembic_version`` table records (None for an empty file).

    Read with plain SQL, as Alembic's ``MigrationContext`` would (one row, one head)."""
    with engine.connect() as conn:
        if conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first() is None:
            return None
        heads = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    return ",".join(sorted(heads)) or None  # several heads: no known revision


def is_shipped_head(revision: str, script_location: Path = MIGRATIONS_DIR) -> bool:
    """``revision`` is the newest schema this version of Ledgerdesk ships (no Alembic)."""
    return script_location == MIGRATIONS_DIR and revision == SCHEMA_HEAD


def upgrade(engine: Engine, target: str = "head", script_location: Path = MIGRATIONS_DIR) -> None:
    """Run the migrations up to ``target`` in one ``BEGIN IMMEDIATE`` transaction."""
    from alembic import command

    with engine.connect() as conn:
        conn.execution_options(**WRITE)
        with conn.begin():
            command.upgrade(alembic_config(conn, script_location), target)
