"""Alembic environment: the models' metadata is the target; SQLite alters tables in batch mode."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from labdesk.models import Base
from labdesk.services.connection import make_engine
from labdesk.services.migrations import include_in_comparison

config = context.config
target_metadata = Base.metadata


def run_with_connection(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_in_comparison,
        compare_type=True,
        compare_server_default=False,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with_connection(connection)
        return
    url = os.environ.get("LABDESK_DATABASE_URL") or config.get_main_option("sqlalchemy.url")
    assert url, "no database URL: set LABDESK_DATABASE_URL or sqlalchemy.url"
    engine = make_engine(url)
    with engine.connect() as conn:
        run_with_connection(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("LabDesk migrations run online only: give a database URL.")
run_migrations_online()
