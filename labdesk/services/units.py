"""Units of work for the UI and the CLI: a session per user action, with server failures turned into
sentences the user can act on.

Every UI-facing service function opens its session through :func:`reading` or :func:`writing`, so a
lost server is always :class:`DatabaseUnavailable` (the UI offers to retry) and never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from labdesk.services.connection import connection_problem
from labdesk.services.database import Database
from labdesk.services.problems import ProblemError


class DatabaseUnavailable(ProblemError):
    """The database cannot be used right now; the message is one sentence saying why and what to do."""


@contextmanager
def reading(database: Database) -> Iterator[Session]:
    """A read-only session; nothing is committed."""
    try:
        with database.read_session() as session:
            yield session
    except DBAPIError as error:
        raise DatabaseUnavailable(connection_problem(error, database.target.url)) from error


@contextmanager
def writing(database: Database) -> Iterator[Session]:
    """One committed unit of work; a lost server becomes ``DatabaseUnavailable``."""
    try:
        with database.session() as session:
            yield session
    except DBAPIError as error:
        raise DatabaseUnavailable(connection_problem(error, database.target.url)) from error
