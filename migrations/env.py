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
    # Once `labdesk db secure` has handed the schema to labdesk_owner, migrations run as that role
    # (so new tables belong to it) and re-grant per the matrix (so new tables get their rights).
    secured = connection.dialect.name == "postgresql" and _become_owner(connection)
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
        if secured:
            from labdesk.services.pg_security import apply_grants

            apply_grants(connection)


def _become_owner(connection: Connection) -> bool:
    from labdesk.services.pg_security import OWNER, may_become_owner, security_applied

    if not (security_applied(connection) and may_become_owner(connection)):
        return False
    # LOCAL: the role ends with the migration's transaction, whatever happens.
    connection.exec_driver_sql(f"SET LOCAL ROLE {OWNER}")
    return True


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with_connection(connection)
        return
    url = os.environ.get("LABDESK_DATABASE_URL") or config.get_main_option("sqlalchemy.url")
    assert url, "no database URL: set LABDESK_DATABASE_URL or sqlalchemy.url"
    engine = make_engine(url)
    # begin(): the owner check runs a query, and Alembic commits only a transaction it began itself.
    with engine.begin() as conn:
        run_with_connection(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("LabDesk migrations run online only: give a database URL.")
run_migrations_online()
