"""The users screen's services: :mod:`labdesk.services.users` for the UI, one unit of work per action.

Every function needs the step ``users.manage`` (administrators). A password is passed straight to
``users`` (which sends the server only its SCRAM verifier) and never kept, logged or put in a message.
A refusal by the server (typically: this login may not create roles) becomes a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import psycopg
from sqlalchemy.orm import Session

from labdesk.i18n import QT_TRANSLATE_NOOP as N
from labdesk.models.people import JobRoleKey
from labdesk.services import permissions, users
from labdesk.services.database import Database
from labdesk.services.problems import Problem
from labdesk.services.units import reading, writing
from labdesk.services.users import UserError, UserInfo

__all__ = [
    "MANAGE_STEP",
    "ROLES",
    "UserError",
    "UserInfo",
    "add_user",
    "has_passwords",
    "list_users",
    "may_manage",
    "set_active",
    "set_password",
    "set_roles",
]

MANAGE_STEP = "users.manage"
ROLES: tuple[str, ...] = tuple(role.value for role in JobRoleKey)
T = TypeVar("T")


def may_manage(roles: frozenset[str]) -> bool:
    return permissions.may_step(roles, MANAGE_STEP)


def has_passwords(database: Database) -> bool:
    """False on the embedded file: one seat, no logins, no passwords."""
    return not database.is_embedded


def _write(database: Database, work: Callable[..., T], *args: object, **kwargs: object) -> T:
    permissions.require_step(database.actor, MANAGE_STEP)
    try:
        with writing(database) as session:
            return work(session, *args, **kwargs)
    except psycopg.Error as error:
        # users.py talks to the server through the driver for role statements, so its refusals
        # arrive as psycopg errors (e.g. "permission denied to create role"). They never carry a
        # password: only a verifier is ever sent.
        detail = (error.diag.message_primary or type(error).__name__) if error.diag else str(error)
        raise UserError(Problem(
            N("Problem", "The server refused: {detail}. Managing logins needs the database "
                         "administrator's login (one with CREATEROLE)."),
            {"detail": detail},
        )) from error


def list_users(database: Database) -> list[UserInfo]:
    permissions.require_step(database.actor, MANAGE_STEP)
    with reading(database) as session:
        return users.list_users(session)


def add_user(
    database: Database, login: str, full_name: str, roles: Iterable[str], password: str | None = None
) -> None:
    """Add a user; ``password`` only on a server (None: the login cannot sign in until one is set)."""
    _write(database, users.add_user, login, list(roles), full_name=full_name or None, password=password)


def set_active(database: Database, login: str, active: bool) -> None:
    if not active and login == database.actor.login:
        raise UserError(Problem(N("Problem", "You cannot disable your own account; "
                                             "ask another administrator.")))
    _write(database, users.set_active, login, active)


def set_roles(database: Database, login: str, roles: Iterable[str], held: Iterable[str]) -> None:
    """Grant what ``roles`` adds to ``held`` and revoke what it drops, in one unit of work."""
    wanted, before = set(roles), set(held)
    if login == database.actor.login and "admin" in before and "admin" not in wanted:
        raise UserError(Problem(N("Problem", "You cannot take the admin role from yourself; "
                                             "ask another administrator.")))

    def change(session: Session) -> None:
        if wanted - before:
            users.grant_roles(session, login, sorted(wanted - before))
        if before - wanted:
            users.revoke_roles(session, login, sorted(before - wanted))

    _write(database, change)


def set_password(database: Database, login: str, password: str) -> None:
    _write(database, users.set_password, login, password)
