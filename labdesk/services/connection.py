"""Which database LabDesk talks to, and how to open it.

The URL comes from ``--url``, else ``LABDESK_DATABASE_URL``, else the saved settings, else the
embedded SQLite file. A server password is never part of a saved URL: it is kept in the OS keyring
under the URL's user@host:port/database and added when the engine is made.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.paths import demo_database_path, embedded_database_path
from labdesk.services.problems import Problem
from labdesk.settings import load_settings

KEYRING_SERVICE = "LabDesk"
ENV_URL = "LABDESK_DATABASE_URL"


class UrlSource(StrEnum):
    CLI = "cli"
    ENVIRONMENT = "environment"
    SETTINGS = "settings"
    EMBEDDED = "embedded"  # the user's own local file
    DEMO = "demo"  # the demo file: nothing configured and no local file yet


@dataclass(frozen=True)
class DatabaseTarget:
    """A resolved database: its URL (password-free for display) and where the choice came from."""

    url: str
    source: UrlSource

    @property
    def is_embedded(self) -> bool:
        return make_url(self.url).get_backend_name() == "sqlite"

    @property
    def is_demo(self) -> bool:
        return self.source is UrlSource.DEMO

    @property
    def sqlite_path(self) -> Path | None:
        """The file of an embedded database (None for a server or an in-memory database)."""
        parsed = make_url(self.url)
        if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
            return None
        return Path(parsed.database)

    @property
    def display(self) -> str:
        """The URL as shown to users: never with a password."""
        return display_url(self.url)


def embedded_url(path: Path | None = None) -> str:
    return f"sqlite:///{path or embedded_database_path()}"


def normalize_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and use the psycopg 3 driver for them."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername != "postgresql+psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def display_url(url: str) -> str:
    """The URL as users write it: no password, no driver name (``postgresql://``, not ``+psycopg``)."""
    parsed = make_url(url)
    return parsed.set(drivername=parsed.get_backend_name()).render_as_string(hide_password=True)


def resolve_target(cli_url: str | None = None) -> DatabaseTarget:
    """The database to use, by the precedence DESIGN.md gives."""
    if cli_url:
        return DatabaseTarget(normalize_url(cli_url), UrlSource.CLI)
    env_url = os.environ.get(ENV_URL)
    if env_url:
        return DatabaseTarget(normalize_url(env_url), UrlSource.ENVIRONMENT)
    saved = load_settings().database_url
    if saved:
        return DatabaseTarget(normalize_url(saved), UrlSource.SETTINGS)
    if embedded_database_path().exists():
        return DatabaseTarget(embedded_url(), UrlSource.EMBEDDED)
    return DatabaseTarget(embedded_url(demo_database_path()), UrlSource.DEMO)


def keyring_account(url: URL) -> str:
    return f"{url.username}@{url.host}:{url.port or 5432}/{url.database}"


def stored_password(url: URL) -> str | None:
    """The password kept in the OS keyring for this server login, if any keyring is available."""
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except keyring.errors.KeyringError:
        return None


def store_password(url: str, password: str) -> bool:
    """Keep a password in the OS keyring; False when this machine has no keyring that keeps it."""
    account = keyring_account(make_url(url))
    try:
        keyring.set_password(KEYRING_SERVICE, account, password)
        # keyring's "null" and "fail" backends accept or refuse without storing: read it back.
        return keyring.get_password(KEYRING_SERVICE, account) == password
    except keyring.errors.KeyringError:
        return False


def _with_password(url: URL, password: str | None) -> URL:
    if url.password or url.get_backend_name() == "sqlite":
        return url
    secret = password if password is not None else stored_password(url)
    return url.set(password=secret) if secret else url


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # WAL lets a reader (a ledger page worker) run beside a writer; foreign keys are off by default
    # in SQLite and the data rules need them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


# Execution option naming the BEGIN a SQLite transaction starts with.
SQLITE_BEGIN = "labdesk_sqlite_begin"


def _sqlite_begin(conn: Any) -> None:
    # A unit of work that will write begins IMMEDIATE: it takes the write lock up front, waiting up to
    # the busy timeout for another process to finish. Left to the sqlite3 module's implicit BEGIN
    # (before the first write), a session that read first fails at once with "database is locked" if
    # another process wrote in between: WAL cannot upgrade a stale read snapshot, and no busy timeout
    # helps. Other sessions keep the module's behaviour: reads outside a transaction, so a stale
    # version is still caught by the version check and reported as a conflict.
    if conn.get_execution_options().get(SQLITE_BEGIN) == "IMMEDIATE":
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, password: str | None = None, echo: bool = False) -> Engine:
    """An engine for the URL: SQLite with WAL and foreign keys, PostgreSQL through psycopg 3."""
    parsed = _with_password(make_url(normalize_url(url)), password)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, echo=echo, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(
        parsed,
        echo=echo,
        pool_pre_ping=True,  # notice a restarted server or a dropped network before using a connection
        connect_args={"connect_timeout": 5, "application_name": "LabDesk"},
    )


_UNREACHABLE = (
    "connection refused",
    "could not connect",
    "timeout",
    "timed out",
    "name or service not known",
    "could not translate host",
    "no route",
)


def describe_connection_error(error: BaseException, url: str) -> str:
    """One clear English sentence for a failed connection, saying what to do about it."""
    return str(connection_problem(error, url))


def connection_problem(error: BaseException, url: str) -> Problem:
    """What went wrong connecting to ``url``, as a translatable sentence that says what to do."""
    where = display_url(url)
    parsed = make_url(url)
    original = error.orig if isinstance(error, DBAPIError) else error
    text = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    lowered = str(original).lower()
    if isinstance(original, sqlite3.Error) or parsed.get_backend_name() == "sqlite":
        return Problem(N("Problem", "Cannot open the local database file ({where}): {detail}."),
                       {"where": where, "detail": text})
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return Problem(N("Problem", "The server at {where} refused the user name or password; "
                                    "check them and try again."), {"where": where})
    if "does not exist" in lowered and "database" in lowered:
        return Problem(N("Problem", "The server is reachable but has no database named '{name}'; "
                                    "ask an administrator to create it."), {"name": str(parsed.database)})
    if "role" in lowered and "does not exist" in lowered:
        return Problem(N("Problem", "The server does not know the user '{user}'; "
                                    "ask an administrator to add it."), {"user": str(parsed.username)})
    if any(s in lowered for s in _UNREACHABLE):
        unreachable = N("Problem", "Cannot reach the database server at {where}; "
                                   "check the host and port, and that the server is running.")
        return Problem(unreachable, {"where": where})
    if isinstance(error, OperationalError):
        return Problem(N("Problem", "The database server at {where} could not be used: {detail}."),
                       {"where": where, "detail": text})
    return Problem(N("Problem", "Database error at {where}: {detail}."), {"where": where, "detail": text})
