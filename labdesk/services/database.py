"""An open LabDesk database: the engine, a session factory, and how it was chosen."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from labdesk.services.connection import DatabaseTarget, make_engine
from labdesk.services.migrations import prepare_for_app


@dataclass
class Database:
    """One database for the life of the app or a CLI command; sessions are made per user action."""

    target: DatabaseTarget
    engine: Engine
    sessions: sessionmaker[Session]
    backup: Path | None = None  # set when opening upgraded an embedded file after backing it up

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one user action: committed on success, rolled back on error."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading only (ledger pages, cards); nothing is committed."""
        with self.sessions() as session:
            yield session

    @property
    def user_name(self) -> str:
        """The database login; on the single-user embedded file, the operating-system user."""
        return self.engine.url.username or getpass.getuser()

    @property
    def server_version(self) -> str:
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                return "SQLite " + str(conn.execute(text("select sqlite_version()")).scalar_one())
            return "PostgreSQL " + str(conn.execute(text("show server_version")).scalar_one()).split()[0]

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(target: DatabaseTarget, *, password: str | None = None, prepare: bool = True) -> Database:
    """Connect and make sure the schema fits this LabDesk (see ``migrations.prepare_for_app``).

    Raises SQLAlchemy's ``OperationalError`` when the server cannot be used (describe it with
    ``connection.describe_connection_error``) and ``SchemaError`` when the schema does not fit.
    """
    engine = make_engine(target.url, password=password)
    try:
        backup = (
            prepare_for_app(engine, embedded=target.is_embedded, display_url=target.display)
            if prepare
            else None
        )
    except BaseException:
        engine.dispose()
        raise
    return Database(target, engine, sessionmaker(engine, expire_on_commit=False), backup)
