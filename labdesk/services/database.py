"""An open LabDesk database: the engine, a session factory, and how it was chosen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from labdesk.services.actor import Actor, embedded_login, resolve_actor
from labdesk.services.connection import SQLITE_BEGIN, DatabaseTarget, make_engine
from labdesk.services.migrations import prepare_for_app

# Functions that attach session-level guards (audit writer, permission checks) to a new session
# factory. Modules register themselves here so this module needs not import them.
SessionHook = Callable[[sessionmaker[Session], str], None]
SESSION_HOOKS: list[SessionHook] = []


@dataclass
class Database:
    """One database for the life of the app or a CLI command; sessions are made per user action."""

    target: DatabaseTarget
    engine: Engine
    sessions: sessionmaker[Session]
    actor: Actor = field(default_factory=lambda: Actor("", frozenset()))
    backup: Path | None = None  # set when opening upgraded an embedded file after backing it up

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one user action: committed on success, rolled back on error."""
        with self.sessions.begin() as session:
            session.info["actor"] = self.actor
            if self.is_embedded:
                session.connection(execution_options={SQLITE_BEGIN: "IMMEDIATE"})
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading only (ledger pages, cards); nothing is committed."""
        with self.sessions() as session:
            session.info["actor"] = self.actor
            yield session

    @property
    def user_name(self) -> str:
        """The acting login: the database role on a server, the seat's user on the embedded file."""
        return self.actor.login

    @property
    def is_embedded(self) -> bool:
        return self.engine.dialect.name == "sqlite"

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
        sessions = make_sessions(engine)
        with sessions() as session:
            actor = resolve_actor(session, _login(engine, session), embedded=engine.dialect.name == "sqlite")
    except BaseException:
        engine.dispose()
        raise
    return Database(target, engine, sessions, actor, backup)


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    """The session factory every LabDesk session comes from, with the registered guards attached."""
    # Imported here, not at the top: these modules import this one to register their hooks, and
    # importing them from the package __init__ would make every import of a light service module
    # (problems, for the scanning CLI) pay for SQLAlchemy.
    import labdesk.services.audit
    import labdesk.services.permissions
    import labdesk.services.stamps  # noqa: F401

    sessions = sessionmaker(engine, expire_on_commit=False)
    for hook in SESSION_HOOKS:
        hook(sessions, engine.dialect.name)
    return sessions


def _login(engine: Engine, session: Session) -> str:
    if engine.dialect.name == "sqlite":
        return embedded_login()
    return str(session.execute(text("select current_user")).scalar_one())
